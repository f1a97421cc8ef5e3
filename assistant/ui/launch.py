"""Starting the full-screen app from the command line: saving first, then the app.

Consent to saving is asked on the terminal before the app takes the screen. A new
conversation's questions are loaded by the app behind its start screen (see
:mod:`assistant.ui.loading`); a resumed one is loaded here first. What saving says while
the app runs is kept and printed once it has closed, where the person can read it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from assistant.ui.app import AssistantApp
from assistant.ui.loading import Prepared

if TYPE_CHECKING:
    import argparse

    from assistant.flow.bundle import Bundle
    from assistant.ui.modes import Mode


def run_app(args: argparse.Namespace, locale: str, bundle: Bundle | None = None) -> int:
    """Start the full-screen app (from ``support-plan``); returns the exit code.

    With ``bundle`` (resuming a saved conversation) the questions are already loaded. For
    a new conversation they are not: the saving questions, which come first, need none of
    them, and the app loads them behind its start screen.
    """
    import argparse
    import io

    from assistant.frontends import explain_flow_error, load_bundle_for, translator_or_english
    from assistant.plain.lineio import LineIO

    terminal = LineIO(sys.stdin, sys.stdout, prompt=sys.stdin.isatty())
    t = translator_or_english(locale)
    # What saving says once the app is running is kept and printed when it has closed.
    later = LineIO(sys.stdin, io.StringIO(), stderr=io.StringIO())
    app: AssistantApp

    def opener(reference: str | None) -> Any:
        from assistant.frontends import open_saving

        # In the language chosen on the start screen, which may differ from the first one.
        return open_saving(
            argparse.Namespace(**{**vars(args), "reference": reference}),
            app.bundle,
            app.t,
            terminal,
        )

    if bundle is None:
        from assistant.store.saving import agree_to_saving, start_saving

        store = agree_to_saving(args, t, terminal)  # consent first, before anything

        def prepare() -> Prepared:
            loaded = load_bundle_for(args.flow)
            if store is None:
                return Prepared(loaded)
            target, _events, on_event = start_saving(store, loaded, t, later)
            return Prepared(loaded, target, on_event)

        app = AssistantApp(None, t.locale, translator=t, prepare=prepare, opener=opener)
    else:
        from assistant.frontends import open_saving

        opened = open_saving(args, bundle, t, terminal)
        if opened is None:
            return 1
        target, events, on_event = opened
        resume_mode: Mode | None = None
        if events:
            resume_mode = "adviser_call" if args.adviser else "self"
        app = AssistantApp(
            bundle,
            t.locale,
            resume_mode,
            translator=t,
            events=events,
            on_event=on_event,
            save_reference=getattr(target, "reference", None),
            opener=opener,
        )
    app.store_path = getattr(args, "store", None)
    if args.adviser and not app.skip_start:
        app.mode = "adviser_call"
    code = int(app.run() or 0)
    sys.stdout.write(later.stdout.getvalue())  # type: ignore[attr-defined]
    sys.stderr.write(later.stderr.getvalue())  # type: ignore[union-attr]
    if app.flow_error is not None:
        explain_flow_error(args.flow, app.flow_error, t)
        return 1
    return code
