"""``support-plan export`` and ``support-plan replay``.

``export REF`` loads a saved conversation (from the store, or from a JSON-lines event log
file, one event per line), rebuilds it through the engine and writes the draft plan (or,
with ``--transcript``, the transcript). ``replay`` runs the golden conversations in
``transcripts/`` and prints a readable diff for each difference. Errors are one kind line
on stderr, never a traceback, and never contain a person's answers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.casework.export import contact_text
from assistant.engine.events import Event, ReplayError
from assistant.engine.session import Session
from assistant.i18n.shipped import LOCALES
from assistant.paths import ROOT, flows_dir
from assistant.plan import FORMATS, export_bytes
from assistant.plan.saved import (
    ExportError,
    bundle_named,
    date_named,
    messages_translator,
    only,
    read_event_log,
    translator_named,
    unlock,
    write_output,
)
from assistant.store import StoreError, open_store
from assistant.transcript.golden import find_goldens
from assistant.transcript.render import transcript_json, transcript_markdown
from assistant.transcript.replay import bundle_loader, replay_file
from assistant.values import N_


def add_parser(subparsers: Any, name: str) -> None:
    """Register ``export`` or ``replay`` (the main cli.py calls this once per name)."""
    if name == "export":
        _add_export(subparsers)
    else:
        _add_replay(subparsers)


def _add_export(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help=N_("export a draft support plan or transcript"),
        description=N_("Write the draft support plan (or the transcript) of a saved conversation."),
    )
    parser.add_argument(
        "reference",
        metavar="REF",
        nargs="?",
        help=N_(
            "the conversation's reference (or the adviser's case reference), or a .jsonl event log file"
        ),
    )
    parser.add_argument(
        "--format",
        choices=(*FORMATS, "contact"),
        default="md",
        help=N_(
            "md (default), html, txt, json, docx (Word; needs --output), or contact: the contact record, as CSV"
        ),
    )
    parser.add_argument(
        "--easy-read", action="store_true", help=N_("the Easy Read plan: short lines, large print")
    )
    parser.add_argument(
        "--no-appendix",
        action="store_true",
        help=N_('leave out the appendix "Your rights explained"'),
    )
    parser.add_argument(
        "--json", action="store_true", help=N_("with --format contact: JSON instead of CSV")
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help=N_("with --format contact: every saved conversation, one row each"),
    )
    parser.add_argument(
        "--since", metavar="YYYY-MM-DD", help=N_("with --all: only those used on or after this day")
    )
    parser.add_argument(
        "--until",
        metavar="YYYY-MM-DD",
        help=N_("with --all: only those started on or before this day"),
    )
    parser.add_argument("--output", metavar="FILE", help=N_("write to FILE instead of the screen"))
    parser.add_argument(
        "--adviser", action="store_true", help=N_("the adviser's copy, with adviser notes")
    )
    parser.add_argument(
        "--transcript",
        action="store_true",
        help=N_("the transcript instead of the plan (md or json)"),
    )
    # --flow, --lang and --store may also come before "export" (the main parser has them):
    # left out here, they must not overwrite those (argparse's sub-parser defaults would).
    parser.add_argument(
        "--flow",
        metavar="NAME_OR_PATH",
        default=argparse.SUPPRESS,
        help=N_("the conversation (default: as saved)"),
    )
    parser.add_argument(
        "--lang",
        metavar="LOCALE",
        default=argparse.SUPPRESS,
        help=N_("language: en_GB, cy or pl (default: as saved)"),
    )
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help=N_("the plan's date, which picks the rates year")
    )
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=N_("the saved conversations file"),
    )
    parser.set_defaults(handler=run_export)


def _add_replay(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "replay",
        help=N_("replay golden conversations and show any differences"),
        description=N_("Replay golden conversations through the engine; exit 1 if any differs."),
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help=N_("files or folders (default: transcripts/)")
    )
    parser.add_argument(
        "--flows", metavar="DIR", help=N_("folder of flow bundles (default: flows/)")
    )
    parser.add_argument(
        "--quiet", action="store_true", help=N_("print only failures and the summary")
    )
    parser.set_defaults(handler=run_replay)


def run_export(args: argparse.Namespace) -> int:
    """Write the plan or transcript; 0 on success, 1 if the conversation cannot be used.
    Messages are in the ``--lang`` language, else the system's."""
    t = messages_translator(args.lang)
    try:
        if args.format == "docx" and (not args.output or args.output == "-"):
            raise ExportError(N_("a Word document must go to a file: add --output plan.docx"))
        data = _contact_text(args) if args.format == "contact" else export_data(args)
    except ExportError as error:
        print(f"support-plan export: {error.text(t)}", file=sys.stderr)
        return 1
    return write_output(data, args.output, "support-plan export", t)


def _contact_text(args: argparse.Namespace) -> str:
    """Contact records (:mod:`assistant.casework.export`): one, or with ``--all`` many."""

    if args.transcript or args.adviser:
        raise ExportError(
            N_(
                "--format contact is the adviser's record already; leave out --transcript and --adviser."
            )
        )
    if bool(args.reference) == bool(args.all):
        raise ExportError(
            N_("say which conversation (its reference or case reference), or --all for every one.")
        )
    return contact_text(args)


def export_text(args: argparse.Namespace) -> str:
    """The exported text for the parsed arguments; raises :class:`ExportError`."""
    return export_data(args).decode("utf-8")


def export_data(args: argparse.Namespace) -> bytes:
    """The exported file's bytes (text as UTF-8, or Word); raises :class:`ExportError`."""

    if args.json or args.all or args.since or args.until:  # first: --all names no one
        raise ExportError(N_("--json, --all, --since and --until go with --format contact only."))
    if not args.reference:
        raise ExportError(
            N_("say which conversation to export: its reference, or its case reference.")
        )
    if args.transcript and args.format not in ("md", "json"):
        raise ExportError(N_("a transcript can be exported as md or json only."))
    events, saved_flow, saved_locale = load_events(args)
    bundle = bundle_named(args.flow or saved_flow)
    t = translator_named(args.lang or _last_language(events) or saved_locale)
    if args.transcript:
        render = transcript_json if args.format == "json" else transcript_markdown
        try:
            return render(bundle, events, t, adviser=args.adviser).encode("utf-8")
        except ReplayError as error:
            raise _no_longer_fits(error) from None
    try:
        session = Session.replay(bundle, events)
    except ReplayError as error:
        raise _no_longer_fits(error) from None

    return export_bytes(
        session,
        args.format,
        t=t,
        adviser=args.adviser,
        today=date_named(args.date),
        appendix=not args.no_appendix,
        easy_read=args.easy_read,
    )


def _no_longer_fits(error: Exception) -> ExportError:
    return ExportError(
        N_(
            "this conversation no longer fits the questions ({problem}). It was probably saved with an older version; use --flow to choose the version it was saved with."
        ),
        problem=str(error),
    )


def load_events(args: argparse.Namespace) -> tuple[list[Event], str | None, str | None]:
    """The events, and the flow and language they were saved with (if known)."""
    path = Path(args.reference)
    if path.suffix in (".jsonl", ".json") or _is_file(path):
        return read_event_log(path), None, None
    return _from_store(args.reference, args.store, getattr(args, "lang", None))


def _is_file(path: Path) -> bool:
    """Whether ``path`` names a file; False for what cannot be a path (a name too long)."""
    try:
        return path.is_file()
    except (OSError, ValueError):  # ENAMETOOLONG, a NUL byte
        return False


def _from_store(
    reference: str, store_path: str | None, lang: str | None = None
) -> tuple[list[Event], str, str]:

    t = messages_translator(lang)  # the notices below are not errors: said as they come
    try:
        store = open_store(store_path, create=False)  # only read: never make one
    except StoreError as error:
        raise ExportError(error.msg) from None
    for notice in [*store.notices, *([store.read_only] if store.read_only else [])]:
        print(f"support-plan export: {notice.text(t)}", file=sys.stderr)  # read-only is fine
    try:
        if store.locked:
            unlock(store)
        summary = only(store.find(reference), reference)
        return store.events(summary.reference), summary.bundle, summary.locale
    except StoreError as error:
        raise ExportError(error.msg) from None
    finally:
        store.close()


def _last_language(events: list[Event]) -> str | None:
    """The language the person last chose, if it is one we ship: a log from outside may
    name any (then the conversation's own language is used, not a refusal)."""
    changes = [
        e.value
        for e in events
        if e.kind == "language_changed" and isinstance(e.value, str) and e.value in LOCALES
    ]
    return changes[-1] if changes else None


def run_replay(args: argparse.Namespace) -> int:
    """Replay golden conversations: 0 if all pass, 1 if any differs, 2 if none were found."""

    paths = [Path(p) for p in args.paths] or [ROOT / "transcripts"]
    missing = [str(p) for p in paths if not p.exists()]
    files = find_goldens([p for p in paths if p.exists()])
    if missing or not files:
        print(
            f"support-plan replay: no golden conversations at {', '.join(missing or map(str, paths))}.",
            file=sys.stderr,
        )
        return 2
    load = bundle_loader(Path(args.flows) if args.flows else flows_dir())
    results = [replay_file(f, load, _display(f)) for f in files]
    for result in results:
        if not (args.quiet and result.passed):
            print(result.report())
    failed = sum(not r.passed for r in results)
    print(f"\n{len(results) - failed} passed, {failed} failed.")
    return 1 if failed else 0


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
