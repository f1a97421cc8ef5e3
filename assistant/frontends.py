"""Choose and start a front end: the Textual app, the plain line mode or JSON lines.

The front ends share their start-up services (:mod:`assistant.startup`) and saving
(:mod:`assistant.saving`), and all drive the same engine. The full-screen app loads a new
conversation's questions (and starts saving it) itself, behind its first screen.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import TYPE_CHECKING

from assistant.startup import StartOptions, command_translator, load_or_explain, say_problem
from assistant.values import N_

# The engine, the line conversation and the app are imported by the front end that needs
# them: plain mode never loads Textual, and the app loads the engine behind its first
# screen (start-up budget).
if TYPE_CHECKING:
    from assistant.flow.bundle import Bundle
    from assistant.i18n import Translator
    from assistant.plain.lineio import LineIO
    from assistant.saving import Opened


def start_conversation(options: StartOptions) -> int:
    """Start (or with a reference, resume) a conversation in the chosen front end.

    The full-screen app loads a new conversation's questions itself, behind its first
    screen; every other way in loads them first.
    """
    t = command_translator(options.lang)
    if t is None:
        return 2
    if options.screen_reader and not options.json:
        options.plain = True  # the screen-reader mode is plain mode, made quiet
    if not (options.plain or options.json) and (why := _no_app_here()):
        say_problem(t, why)
        options.plain = True
    if options.reference and not options.flow:  # the questions it was saved with
        from assistant.saving import saved_flow  # start-up: only to resume

        options.flow = saved_flow(options.reference, options.store)
    launch = None
    if not (options.plain or options.json):
        try:
            launch = importlib.import_module("assistant.ui.launch")  # Textual, when wanted
        except ImportError:
            say_problem(t, N_("the full-screen app is not available; starting plain mode."))
    if launch is not None and not options.reference:
        return int(launch.run_app(options, t))
    bundle = load_or_explain(options.flow, t)
    if bundle is None:
        return 1
    if launch is None:
        return _run_plain(options, bundle, t)
    return int(launch.resume_app(options, t, bundle))


def _no_app_here() -> str | None:
    """Why the full-screen app cannot run here (a message id), or None if it can.

    It reads keys from standard input and draws on standard error, so both must be a
    terminal: given a pipe or /dev/null it drew its screen and waited for keys for ever.
    A dumb terminal (``TERM=dumb``: Emacs's shell, some screen readers' consoles) cannot
    move the cursor, and the app's escape sequences arrived there as text. A browser's app
    (textual-serve sets ``TEXTUAL_DRIVER``) brings its own keys and screen.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    try:
        terminal = sys.stdin.isatty() and sys.stderr.isatty()
    except (AttributeError, ValueError):  # a closed or missing stream
        terminal = False
    if not terminal:
        return N_(
            "this is not a terminal, so the conversation runs line by line instead of full screen (add --plain to choose that yourself)."
        )
    if os.environ.get("TERM") == "dumb":
        return N_(
            "TERM is dumb here, so the conversation runs line by line instead of full screen (add --plain to choose that yourself)."
        )
    return None


def _run_plain(options: StartOptions, bundle: Bundle, translator: Translator) -> int:
    """The line conversation (text or JSON lines) on standard input and output."""
    from assistant.plain.lineio import LineIO, prepare_streams  # the app never needs these
    from assistant.plain.saving import LineDialogue
    from assistant.saving import open_saving

    prepare_streams(json_mode=options.json)
    io = LineIO(sys.stdin, sys.stdout, prompt=sys.stdin.isatty())
    if options.screen_reader and not options.json:  # first, so they know where they are
        from assistant.plain.spoken import announcement  # start-up: only this mode needs it

        print(io.fitted(announcement(translator)), flush=True)
    try:
        opened = open_saving(
            bundle,
            LineDialogue(io, translator, json_mode=options.json),
            store=options.store,
            reference=options.reference,
            save=options.save,
            locale=translator.locale,
            mode="json" if options.json else "plain",
        )
    except (KeyboardInterrupt, EOFError):  # Ctrl-C or Ctrl-D at the saving questions
        print(file=sys.stderr)
        say_problem(translator, N_("stopped before the conversation began; nothing was saved."))
        return 130
    if opened.stopped:
        return 1
    return _converse(options, bundle, translator, io, opened)


def _converse(
    options: StartOptions, bundle: Bundle, translator: Translator, io: LineIO, opened: Opened
) -> int:
    """Run the line conversation until it ends; returns the exit code."""
    from assistant.engine.session import Session  # start-up budget: see the imports above
    from assistant.plain.console import LineConversation  # start-up budget, as above

    session = (
        Session.replay(bundle, opened.events, on_event=opened.on_event)
        if opened.events
        else Session(bundle, on_event=opened.on_event)
    )
    if options.screen_reader and not options.json:
        from assistant.plain.spoken_console import SpokenConversation  # start-up, as above

        conversation: LineConversation = SpokenConversation(
            session, translator, io, target=opened.target, kept=opened.kept
        )
    else:
        conversation = LineConversation(
            session,
            translator,
            io,
            json_mode=options.json,
            target=opened.target,
            kept=opened.kept,
        )
    gc.freeze()  # what was made to start lives as long as the program (see assistant.__main__)
    gc.enable()
    try:
        return conversation.run(resumed=bool(opened.events))
    except KeyboardInterrupt:
        conversation.interrupted()
        return 130
    except BrokenPipeError:  # the reader went away (e.g. piped into head): stop quietly
        sys.stderr.close()
        return 0
