"""Choose and start a front end: the Textual app, the plain line mode or JSON lines.

Everything a front end needs (the bundle, the translator, where to save) is prepared
here, so the front ends themselves stay thin and all drive the same engine. The one
exception is speed: the full-screen app is given the means to load a new conversation's
questions (and start saving it) and does so behind its first screen.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.engine.values import N_

if TYPE_CHECKING:  # only for annotations: importing frontends stays cheap for the commands
    from assistant.flow.bundle import Bundle
    from assistant.flow.problems import FlowError
    from assistant.i18n import Translator


def add_parser(subparsers: Any, name: str) -> None:
    """``support-plan resume REF``."""
    from assistant.cli import add_conversation_options

    parser = subparsers.add_parser(
        name,
        help=N_("carry on with a saved conversation"),
        description=N_("Carry on with a saved conversation, exactly where it stopped."),
    )
    parser.add_argument("reference", help=N_("the reference shown when the conversation was saved"))
    add_conversation_options(parser, subcommand=True)
    parser.set_defaults(handler=start_conversation)


def choose_locale(requested: str | None) -> str:
    """The language: --lang if given, else the system's if we ship it, else British English.

    ``--lang`` accepts ``cy``, ``pl-PL``, ``en_GB``, ``Cymraeg`` and the like; a language we
    do not ship is a ValueError so the CLI can say which ones there are.
    """
    from assistant.i18n import SOURCE_LOCALE, match_locale, system_languages

    if requested:
        found = match_locale([requested])
        if found is None:
            raise ValueError(requested)
        return found
    return match_locale(system_languages()) or SOURCE_LOCALE


def load(flow: str | None, t: Translator | None = None) -> Bundle | None:
    """Load the bundle, printing every problem and returning None if it cannot be used."""
    from assistant.flow.problems import FlowError

    try:
        return load_bundle_for(flow)
    except FlowError as error:
        explain_flow_error(flow, error, t)
        return None


def load_bundle_for(flow: str | None) -> Bundle:
    """The bundle named by --flow (or the default); raises FlowError listing its problems."""
    from assistant.flow.bundle import load_bundle
    from assistant.paths import bundle_path

    return load_bundle(bundle_path(flow), display_root=Path.cwd())


def explain_flow_error(flow: str | None, error: FlowError, t: Translator | None = None) -> None:
    """Print every problem in the bundle, then what to do about them.

    The problems themselves are for flow authors and stay in English; the closing line is
    in the language of ``t``.
    """
    from assistant.paths import bundle_path

    print(error, file=sys.stderr)
    say_problem(
        t,
        N_("the conversation in {path} has problems (listed above); run 'support-plan check'."),
        path=str(bundle_path(flow)),
    )


def say_problem(t: Translator | None, msgid: str, **params: str) -> None:
    """One line on standard error, ``support-plan: ...``, in the language of ``t``."""
    text = msgid if t is None else t.gettext(msgid)
    for name, value in params.items():
        text = text.replace("{" + name + "}", value)
    print(f"support-plan: {text}", file=sys.stderr, flush=True)


def command_translator(requested: str | None) -> Translator | None:
    """The translator for a command: ``--lang`` if given, else the system's language.

    None (after saying which languages there are, in the system's language) when
    ``--lang`` names one we do not ship; the command should then exit with code 2.
    """
    try:
        return translator_or_english(choose_locale(requested))
    except ValueError:
        say_problem(
            _quiet_translator(choose_locale(None)),
            N_("there is no '{lang}' language. Use en_GB, cy or pl."),
            lang=str(requested),
        )
        return None


def _quiet_translator(locale: str) -> Translator | None:
    from assistant.i18n import MissingCatalog, translator_for

    try:
        return translator_for(locale)
    except MissingCatalog:
        return None


def start_conversation(args: argparse.Namespace) -> int:
    """Start (or with a reference, resume) a conversation in the chosen front end.

    The full-screen app loads a new conversation's questions itself, behind its first
    screen; every other way in loads them first.
    """
    t = command_translator(args.lang)
    if t is None:
        return 2
    resuming = bool(getattr(args, "reference", None))
    if resuming and not args.flow:
        from assistant.store.saving import saved_flow

        args.flow = saved_flow(args)  # resume with the questions it was saved with
    run_app = None
    if not (args.plain or args.json):
        try:
            run_app = importlib.import_module("assistant.ui.launch").run_app
        except ImportError:
            say_problem(t, N_("the full-screen app is not available; starting plain mode."))
    if run_app is not None and not resuming:
        return int(run_app(args, t.locale))
    bundle = load(args.flow, t)
    if bundle is None:
        return 1
    if run_app is None:
        return _run_plain(args, bundle, t)
    return int(run_app(args, t.locale, bundle))


def translator_or_english(locale: str) -> Translator:
    """The locale's translator; if its catalog is not built, say so and carry on in English."""
    from assistant.i18n import MissingCatalog, translator_for

    try:
        return translator_for(locale)
    except MissingCatalog as error:
        print(f"support-plan: {error} Carrying on in English.", file=sys.stderr)
        return translator_for("en_GB")


def _run_plain(args: argparse.Namespace, bundle: Bundle, translator: Translator) -> int:
    import gc

    from assistant.engine.session import Session
    from assistant.plain.console import LineConversation
    from assistant.plain.lineio import LineIO, prepare_streams

    prepare_streams(json_mode=args.json)
    io = LineIO(sys.stdin, sys.stdout, prompt=sys.stdin.isatty())
    try:
        opened = open_saving(args, bundle, translator, io)
    except (KeyboardInterrupt, EOFError):  # Ctrl-C or Ctrl-D at the saving questions
        print(file=sys.stderr)
        say_problem(translator, N_("stopped before the conversation began; nothing was saved."))
        return 130
    if opened is None:
        return 1
    target, events, on_event = opened
    session = (
        Session.replay(bundle, events, on_event=on_event)
        if events
        else Session(bundle, on_event=on_event)
    )
    conversation = LineConversation(session, translator, io, json_mode=args.json, target=target)
    gc.freeze()  # what was made to start lives as long as the program (see assistant.__main__)
    gc.enable()
    try:
        return conversation.run(resumed=bool(events))
    except KeyboardInterrupt:
        conversation._end_of_input()  # noqa: SLF001 - same goodbye as end of input
        return 130
    except BrokenPipeError:  # the reader went away (e.g. piped into head): stop quietly
        sys.stderr.close()
        return 0


def open_saving(
    args: argparse.Namespace, bundle: Bundle, t: Translator, io: Any
) -> tuple[Any, list[Any], Any] | None:
    """Where to save: (target or None, events to resume from, callback per event).

    Asks for consent first (``--save``/``--no-save`` when a program drives the assistant),
    then opens the store; with a reference, loads that conversation. None means exit 1.
    Everything is asked and said in the language of ``t``.
    """
    from assistant.store.saving import open_saving as open_line_saving

    return open_line_saving(args, bundle, t, io)
