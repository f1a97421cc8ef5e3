"""Starting the full-screen app from the command line: saving first, then the app.

Consent to saving is asked on the terminal before the app takes the screen (through the
line front end's :class:`~assistant.plain.saving.LineDialogue`). A new conversation's
questions are loaded by the app behind its start screen (see :mod:`assistant.ui.loading`);
a resumed one is loaded first. What saving says while the app has the screen is held and
said once it has closed, where the person can read it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.plain.lineio import LineIO
from assistant.plain.saving import LineDialogue
from assistant.saving import Opened, Teller, agree_to_saving, resume_saving, start_saving
from assistant.startup import StartOptions, explain_flow_error, load_bundle_for
from assistant.ui.app import AssistantApp
from assistant.ui.loading import Prepared

if TYPE_CHECKING:
    from assistant.engine.outputs import Msg
    from assistant.flow.bundle import Bundle
    from assistant.i18n import Translator
    from assistant.ui.modes import Mode


class HeldMessages:
    """A :class:`~assistant.saving.Teller` for while the app has the screen: what saving
    says is kept, to be said on the terminal once the app has closed."""

    def __init__(self) -> None:
        self._held: list[Callable[[Teller], None]] = []

    def tell(self, msgid: str, event: str = "message", **params: str | Msg) -> None:
        self._held.append(lambda teller: teller.tell(msgid, event, **params))

    def problem(self, message: Msg, then: str | None = None) -> None:
        self._held.append(lambda teller: teller.problem(message, then))

    def say_to(self, teller: Teller) -> None:
        """Say everything held, in order, through ``teller``."""
        held, self._held = self._held, []
        for each in held:
            each(teller)


def _terminal(t: Translator) -> LineDialogue:
    """Saving's questions on the terminal, in the language of ``t``."""
    return LineDialogue(LineIO(sys.stdin, sys.stdout, prompt=sys.stdin.isatty()), t)


def run_app(options: StartOptions, t: Translator) -> int:
    """Start the full-screen app for a new conversation; returns the exit code.

    Consent comes first, on the terminal. The questions are not loaded yet: the saving
    questions need none of them, and the app loads them behind its start screen, where
    saving starts once they have loaded.
    """
    store = agree_to_saving(_terminal(t), store=options.store, save=options.save)
    held = HeldMessages()

    def prepare() -> Prepared:
        loaded = load_bundle_for(options.flow)
        if store is None:
            return Prepared(loaded)
        opened = start_saving(store, loaded.id, held, locale=t.locale, mode="plain")
        return Prepared(loaded, opened.target, opened.on_event)

    app = AssistantApp(None, t.locale, translator=t, prepare=prepare)
    return _run(app, options, t, held)


def resume_app(options: StartOptions, t: Translator, bundle: Bundle) -> int:
    """Start the full-screen app on a saved conversation (``options.reference``), whose
    questions are already loaded; returns the exit code."""
    assert options.reference is not None
    opened = resume_saving(options.reference, bundle, _terminal(t), store=options.store)
    if opened.stopped:
        return 1
    resume_mode: Mode | None = None
    if opened.events:
        resume_mode = "adviser_call" if options.adviser else "self"
    app = AssistantApp(
        bundle,
        t.locale,
        resume_mode,
        translator=t,
        events=opened.events,
        on_event=opened.on_event,
        save_reference=opened.reference,
    )
    return _run(app, options, t, HeldMessages())


def _run(app: AssistantApp, options: StartOptions, t: Translator, held: HeldMessages) -> int:
    """Run the app, then say what saving said meanwhile and any problem with the questions."""
    app.store_path = options.store
    app.opener = _opener(app, options)
    if options.adviser and not app.skip_start:
        app.mode = "adviser_call"
    code = int(app.run() or 0)
    held.say_to(_terminal(t))
    if app.flow_error is not None:
        explain_flow_error(options.flow, app.flow_error, t)
        return 1
    return code


def _opener(app: AssistantApp, options: StartOptions) -> Callable[[str], Opened]:
    """How the start screen opens a saved conversation chosen from its list: on the
    terminal (the app suspends itself), in the language chosen on the start screen."""

    def opener(reference: str) -> Opened:
        return resume_saving(reference, app.bundle, _terminal(app.t), store=options.store)

    return opener
