"""Starting the full-screen app from the command line.

Nothing is asked on the terminal before the app appears: consent to saving is asked on
its start screen and any passphrase on its own screens (:mod:`assistant.ui.saving`). A
new conversation's questions are loaded by the app behind its start screen (see
:mod:`assistant.ui.loading`); a resumed one is loaded first. What saving says while the
app has the screen is shown there, and said again on the terminal once it has closed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.startup import StartOptions, explain_flow_error, load_bundle_for
from assistant.ui.app import AssistantApp
from assistant.ui.loading import Prepared
from assistant.ui.saving import AppSaving, HeldMessages

if TYPE_CHECKING:
    from assistant.flow.bundle import Bundle
    from assistant.i18n import Translator
    from assistant.plain.saving import LineDialogue
    from assistant.saving import Opened


def _terminal(t: Translator) -> LineDialogue:
    """Saving's questions on the terminal, in the language of ``t``."""
    from assistant.plain.lineio import LineIO  # after the app has closed: not at start-up
    from assistant.plain.saving import LineDialogue

    return LineDialogue(LineIO(sys.stdin, sys.stdout, prompt=sys.stdin.isatty()), t)


def run_app(options: StartOptions, t: Translator) -> int:
    """Start the full-screen app for a new conversation; returns the exit code.

    Nothing is asked on the terminal: consent to saving is asked on the app's start screen
    (unless --save or --no-save said), and the store is opened only after it, in a thread,
    with any passphrase asked on the app's own screens (:mod:`assistant.ui.saving`). The
    questions load behind the start screen meanwhile.
    """

    def prepare() -> Prepared:
        return Prepared(load_bundle_for(options.flow))

    app = AssistantApp(None, t.locale, translator=t, prepare=prepare)
    return _run(app, options, t)


def resume_app(options: StartOptions, t: Translator, bundle: Bundle) -> int:
    """Start the full-screen app on a saved conversation (``options.reference``), whose
    questions are already loaded; returns the exit code. It is opened in the app, as one
    chosen on its start screen is: a passphrase is asked there, not on the terminal."""
    assert options.reference is not None
    app = AssistantApp(bundle, t.locale, translator=t)
    app.resume_at_start = options.reference
    return _run(app, options, t)


def _run(app: AssistantApp, options: StartOptions, t: Translator) -> int:
    """Run the app, then say what saving said meanwhile and any problem with the questions."""
    app.store_path = options.store
    saving = app.saving = AppSaving(options.store, options.save, HeldMessages())
    app.opener = _opener(app, saving, options)
    if options.adviser and not app.skip_start:
        app.mode = "adviser_call"
    code = int(app.run() or 0)
    saving.held.say_to(_terminal(t))
    if app.flow_error is not None:
        explain_flow_error(options.flow, app.flow_error, t)
        return 1
    return code


def _opener(app: AssistantApp, saving: AppSaving, options: StartOptions) -> Callable[[str], Opened]:
    """How the app opens a saved conversation (chosen on its start screen, or named on the
    command line): in a thread, asking any passphrase on the app's own screens."""

    def opener(reference: str) -> Opened:
        from assistant.saving import resume_saving  # when a conversation is opened

        return resume_saving(reference, app.bundle, saving.dialogue(app), store=options.store)

    return opener
