"""The ``support-plan`` command line.

Subcommands live in their own modules and are imported only when used, so starting the
assistant never pays for the calculator, the exporters or the checker. Every error from
bad arguments is one plain line and exit code 2, never a usage dump or a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from assistant.cli_flags import quiet_logs, screen_reader_wanted
from assistant.startup import StartOptions
from assistant.values import N_

#: name → (module providing add_parser/run, one-line help). Modules are imported lazily;
#: ``resume``, which starts a conversation like no command at all, is built here.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "check": (
        "assistant.flow.cli",
        N_("Check flow files and report every problem with file:line."),
    ),
    "diagram": (
        "assistant.flow.cli",
        N_("Draw a flow as a Mermaid diagram (and SVG if graphviz is installed)."),
    ),
    "schema": ("assistant.flow.cli", N_("Print the JSON Schema for flow files.")),
    "cost": (
        "assistant.money.cli",
        N_("Work out the real cost of employing a personal assistant."),
    ),
    "sessions": ("assistant.store.cli", N_("List saved conversations.")),
    "resume": (__name__, N_("Carry on with a saved conversation.")),
    "forget": (
        "assistant.store.cli",
        N_("Delete saved conversations so they cannot be recovered."),
    ),
    "export": ("assistant.plan.cli", N_("Export a draft support plan or transcript.")),
    "replay": ("assistant.plan.cli", N_("Replay golden conversations and show any differences.")),
    "report": (
        "assistant.casework.cli",
        N_("Count contacts for funders, naming nobody; counts under 5 are hidden."),
    ),
    "serve": (
        "assistant.serve.cli",
        N_("Serve the app to advisers' browsers, behind sign-in."),
    ),
    "stats": (
        "assistant.transcript.stats_cli",
        N_("Count the screens, questions and words of each golden conversation."),
    ),
}


class Parser(argparse.ArgumentParser):
    """An argument parser whose help and errors are in the command's language.

    ``lang`` is the ``--lang`` found on the command line (None: the system's language).
    Errors are one kind line and exit code 2; ``error_text``, a msgid with ``{problem}``,
    words that line instead of "problem. Try '... --help'.". Everything language is done in
    :mod:`assistant.cli_i18n`, imported only when help or an error is printed.
    """

    def __init__(self, *args: Any, lang: str | None = None, **kwargs: Any) -> None:
        self.lang = lang
        self.error_text: str | None = None
        self.rewording = False  # parsing again to word an error in the language
        self.last_args: list[str] | None = None
        self._printing = False  # formatting help or usage to print, in the language
        super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.last_args = list(sys.argv[1:] if args is None else args)  # to word an error
        return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._printing = True
        try:
            return super().format_help()
        finally:
            self._printing = False

    def format_usage(self) -> str:
        self._printing = True
        try:
            return super().format_usage()
        finally:
            self._printing = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        if not self._printing:  # argparse also formats while adding arguments: stay cheap
            return super()._get_formatter()
        from assistant.cli_i18n import HelpFormatter  # start-up: see the class docstring

        return HelpFormatter(self.prog, self.lang)

    def error(self, message: str) -> NoReturn:
        from assistant.cli_i18n import error_line  # start-up: see the class docstring

        self.exit(2, error_line(self, message))


class VersionAction(argparse.Action):
    """``--version``: print ``support-plan X.Y.Z`` and exit 0. The version is looked up
    only when asked for, so every start does not pay for reading the package metadata."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", N_("show the version and exit"))
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        print(f"support-plan {version()}")
        parser.exit(0)


def version() -> str:
    """The installed version of the assistant ("unknown" when run from an uninstalled copy)."""
    # Start-up: see VersionAction (reading the package metadata costs every start).
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("support-plan-assistant")
    except PackageNotFoundError:
        return "unknown"


def _translate(lang: str | None, msgid: str) -> str:
    """One message in the language asked for (else the system's), English if there is none."""
    from assistant.cli_i18n import translator  # start-up: only when something is said

    return translator(lang).gettext(msgid)


def _requested_lang(argv: Sequence[str]) -> str | None:
    """``--lang X`` or ``--lang=X`` from the command line, before it is parsed."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def add_conversation_options(parser: argparse.ArgumentParser, *, subcommand: bool = False) -> None:
    """Options shared by starting and resuming a conversation.

    On a subcommand (``resume``) an option left out means "not given", so one given before
    the subcommand (``support-plan --flow example resume REF``) is not overwritten.
    """

    def add(*names: str, **options: Any) -> None:
        if subcommand:
            options["default"] = argparse.SUPPRESS
        parser.add_argument(*names, **options)

    add(
        "--plain",
        action="store_true",
        help=N_("line-by-line text mode, for screen readers, braille displays and scripts"),
    )
    add(
        "--json",
        action="store_true",
        help=N_("with --plain: JSON lines in and out, for other programs"),
    )
    add(
        "--screen-reader",
        action="store_true",
        help=N_("plain mode made quiet for screen readers (or set SUPPORT_PLAN_SCREEN_READER=1)"),
    )
    add(
        "--flow",
        metavar="NAME_OR_PATH",
        help=N_("conversation to run: 'england' (default), 'example', or a folder"),
    )
    add(
        "--lang",
        metavar="LOCALE",
        help=N_("language: en_GB, cy (Welsh) or pl (Polish); default from the system"),
    )
    add(
        "--store",
        metavar="PATH",
        help=N_("where to save conversations (or set SUPPORT_PLAN_STORE)"),
    )
    add("--adviser", action="store_true", help=N_("start in adviser mode (helpline console)"))
    add(
        "--save",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=N_("save answers on this computer (--no-save keeps nothing); asked when not given"),
    )


def _base_parser(lang: str | None) -> Parser:
    """The conversation's options, with argument errors worded in ``lang``."""
    parser = Parser(
        prog="support-plan",
        description=N_("Plan adult social care in England, one question at a time."),
        lang=lang,
    )
    add_conversation_options(parser)
    parser.add_argument("--version", action=VersionAction)
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The command line's options and command.

    Starting a conversation (no command) needs none of the commands' parsers, and making
    them takes several milliseconds of every start; so they are made only when a command
    or help may be wanted, or when something on the line is not a conversation option
    (the full parser then says exactly what is wrong).
    """
    if not any(a in SUBCOMMANDS or a.startswith(("-h", "--h")) for a in argv):
        args, extra = _base_parser(_requested_lang(argv)).parse_known_args(argv)
        if not extra:
            args.command = None
            return args
    return build_parser(argv).parse_args(argv)


def build_parser(argv: Sequence[str]) -> Parser:
    """The parser; only the subcommand named on the command line is imported."""
    lang = _requested_lang(argv)
    parser = _base_parser(lang)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    wanted = next((a for a in argv if a in SUBCOMMANDS), None)
    for name, (module_name, summary) in SUBCOMMANDS.items():
        module = _load(module_name) if name == wanted and module_name != __name__ else None
        if name == wanted and module_name == __name__:
            _add_resume_parser(subparsers, name)
        elif module is None:
            subparsers.add_parser(name, help=summary, description=summary)
        elif _takes_one(module.add_parser):
            module.add_parser(subparsers)
        else:
            module.add_parser(subparsers, name)
    for subparser in subparsers.choices.values():
        subparser.lang = lang
        if "--version" not in subparser._option_string_actions:  # noqa: SLF001
            subparser.add_argument("--version", action=VersionAction)
    return parser


def _takes_one(function: Any) -> bool:
    """Whether a subcommand's ``add_parser`` takes only the subparsers (not also its name)."""
    import inspect  # only for a subcommand: 6 ms of --plain's start (issue 20)

    return len(inspect.signature(function).parameters) == 1


def _add_resume_parser(subparsers: Any, name: str) -> None:
    """``support-plan resume REF``: the conversation's own options, and the reference."""
    parser = subparsers.add_parser(
        name,
        help=N_("carry on with a saved conversation"),
        description=N_("Carry on with a saved conversation, exactly where it stopped."),
    )
    parser.add_argument("reference", help=N_("the reference shown when the conversation was saved"))
    add_conversation_options(parser, subcommand=True)


def start_options(args: argparse.Namespace) -> StartOptions:
    """What the command line asked of a conversation (started, or resumed with ``resume``)."""
    return StartOptions(
        plain=args.plain,
        json=args.json,
        flow=args.flow,
        lang=args.lang,
        store=args.store,
        adviser=args.adviser,
        save=args.save,
        reference=getattr(args, "reference", None),
        screen_reader=screen_reader_wanted(getattr(args, "screen_reader", False)),
    )


def _load(module_name: str) -> Any:
    """The module, or None while that part of the assistant is not built yet."""
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name and module_name.startswith(error.name):
            return None
        raise


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and run the chosen command; returns the exit code."""
    quiet_logs()
    args = parse(argv)
    if args.command == "resume" and not args.reference.strip():  # never a new one instead
        message = _translate(
            getattr(args, "lang", None),
            N_(
                "give the reference shown when the conversation was saved, for example K7P-2QM. To see them, type: support-plan sessions"
            ),
        )
        print(f"support-plan resume: {message}", file=sys.stderr)
        return 2
    if args.command in (None, "resume"):
        from assistant.frontends import start_conversation  # start-up: commands never need it

        return start_conversation(start_options(args))
    gc.enable()  # off while starting (see assistant.__main__); only the app starts slowly
    module = _load(SUBCOMMANDS[args.command][0])
    if module is None:
        message = _translate(
            getattr(args, "lang", None), N_("'{command}' is not available in this version yet.")
        )
        print(f"support-plan: {message.replace('{command}', args.command)}", file=sys.stderr)
        return 2
    handler = getattr(args, "handler", None) or module.run
    return int(handler(args))
