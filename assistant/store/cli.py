"""``support-plan sessions`` and ``support-plan forget``: see and delete saved conversations.

Listing shows only what helps someone choose (reference, label, when, how far), never
answers. Forgetting asks first, because it cannot be undone; a script must say ``--yes``.
Everything is said in the language of ``--lang`` (else the system's), like the conversation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from assistant.i18n import Translator
from assistant.startup import command_translator
from assistant.store import open_store
from assistant.store.base import (
    ConversationSummary,
    NothingSaved,
    Store,
    StoreError,
    case_key,
    fill,
)
from assistant.values import N_, printable


def add_parser(subparsers: Any, name: str) -> None:
    """Register ``sessions`` or ``forget`` (the lead's cli.py calls this once per name)."""
    if name == "sessions":
        parser = subparsers.add_parser(
            name,
            help=N_("list saved conversations"),
            description=N_("List saved conversations: reference, label, last activity, progress."),
        )
        parser.add_argument("--json", action="store_true", help=N_("one JSON object per line"))
        parser.add_argument(
            "action",
            nargs="?",
            choices=("export", "import"),
            help=N_(
                "export: print whole conversations as JSON lines; import: add them from a file"
            ),
        )
        parser.add_argument(
            "target",
            nargs="?",
            metavar="REFERENCE_OR_FILE",
            help=N_(
                "export: the conversation's reference; import: the file (default: standard input)"
            ),
        )
        parser.add_argument(
            "--all", action="store_true", help=N_("export: every saved conversation")
        )
        parser.add_argument(
            "--case",
            metavar="REFERENCE",
            help=N_("only this conversation: its reference, or the adviser's case reference"),
        )
        parser.add_argument(
            "--adviser",
            metavar="NAME",
            dest="taken_by",
            help=N_("only conversations this adviser took"),
        )
        parser.add_argument(
            "--since", metavar="YYYY-MM-DD", help=N_("only conversations used on or after this day")
        )
        parser.add_argument(
            "--until",
            metavar="YYYY-MM-DD",
            help=N_("only conversations started on or before this day"),
        )
        parser.set_defaults(handler=run_sessions)
    else:
        parser = subparsers.add_parser(
            name,
            help=N_("delete saved conversations so they cannot be recovered"),
            description=N_(
                "Delete a saved conversation (or all of them) so it cannot be recovered."
            ),
        )
        parser.add_argument("reference", nargs="?", help=N_("the conversation's reference"))
        parser.add_argument(
            "--all", action="store_true", help=N_("delete every saved conversation")
        )
        parser.add_argument("--yes", action="store_true", help=N_("do not ask for confirmation"))
        parser.set_defaults(handler=run_forget)
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=N_("the saved conversations file (or set SUPPORT_PLAN_STORE)"),
    )
    parser.add_argument(
        "--lang",
        metavar="LOCALE",
        default=argparse.SUPPRESS,
        help=N_("language: en_GB, cy (Welsh) or pl (Polish); default from the system"),
    )


def _translator(args: argparse.Namespace) -> Translator | None:
    """--lang, else the system's language; None (already explained) for an unknown one."""
    return command_translator(getattr(args, "lang", None))


def _say(t: Translator, msgid: str, **params: str | int) -> str:
    return fill(t.gettext(msgid), params)


def _open(args: argparse.Namespace, t: Translator, *, listing: bool = False) -> Store | int:
    """The store, after saying anything worth knowing about it (that it is read-only...);
    else the exit code, once the person has been told why not.

    Only ``sessions import`` may make a new store: listing, exporting and forgetting where
    nothing was ever saved say so and create nothing (no file, no tables, no key). For a
    list (``listing``) that is an empty list, not a failure.
    """
    try:
        store = open_store(
            getattr(args, "store", None), create=getattr(args, "action", None) == "import"
        )
    except NothingSaved as nothing:
        if listing:
            if not getattr(args, "json", False):  # JSON lines: no line for no conversation
                print(nothing.text(t))
            return 0
        _problem(nothing.text(t))
        return 1
    except StoreError as error:
        _problem(error.text(t))
        return 1
    for notice in [*store.notices, *([store.read_only] if store.read_only else [])]:
        _problem(notice.text(t))
    return store


def run_sessions(args: argparse.Namespace) -> int:
    """Print the saved conversations, most recent first (or export or import them)."""
    t = _translator(args)
    if t is None:
        return 2
    action = getattr(args, "action", None)
    if action is not None:
        from assistant.store.cli_transfer import (
            run_transfer,
        )  # only export and import need it (listing stays light)

        return run_transfer(args, t, _open)
    try:
        wanted = Wanted.from_args(args)
    except ValueError:
        _problem(t.gettext(N_("please give dates as YYYY-MM-DD, for example 2026-11-22.")))
        return 2
    if wanted.since and wanted.until and wanted.until < wanted.since:  # as report says it
        _problem(t.gettext(N_("--until is before --since; give the first day, then the last.")))
        return 2
    store = _open(args, t, listing=True)
    if isinstance(store, int):
        return store
    try:
        summaries = store.find(args.case) if getattr(args, "case", None) else store.conversations()
    except StoreError as error:
        _problem(error.text(t))
        return 1
    finally:
        store.close()
    summaries = [s for s in summaries if wanted.matches(s)]
    if getattr(args, "json", False):
        for summary in summaries:
            print(json.dumps(summary.__dict__, ensure_ascii=False))
        return 0
    if not summaries:
        nothing = N_("No saved conversations in {path} match.") if wanted.filters else None
        print(_say(t, nothing or N_("No conversations are saved in {path}."), path=store.location))
        return 0
    print(_say(t, N_("Saved conversations in {path}:"), path=store.location))
    for summary in summaries:
        print("  " + printable(describe(summary, t)))  # labels may hold escape sequences
    print(t.gettext(N_("To carry on with one, type: support-plan resume REFERENCE")))
    return 0


def describe(summary: ConversationSummary, t: Translator) -> str:
    """One line for a conversation: reference, label, last activity and progress."""
    if not summary.readable:
        label = t.gettext(N_("(label hidden: protected by a passphrase)"))
    else:
        label = summary.label or t.gettext(N_("(no label)"))
    answers = fill(
        t.ngettext("{n} answer", "{n} answers", summary.answered), {"n": summary.answered}
    )
    progress = _say(
        t,
        N_("{answers}, finished") if summary.finished else N_("{answers} so far"),
        answers=answers,
    )
    when = _say(t, N_("last used {when}"), when=_when(summary.last_activity, t))
    line = f"{summary.reference}  {label}  {when}  {progress}"
    if summary.adviser:
        line += "  " + _say(t, N_("adviser: {name}"), name=summary.adviser)
    return line


class Wanted:
    """Which conversations ``sessions`` lists: by adviser, and by the days they were used
    (one used at any time from ``--since`` to ``--until``, local days, both included)."""

    def __init__(self, adviser: str | None, since: dt.date | None, until: dt.date | None) -> None:
        self.adviser = case_key(adviser) if adviser else None
        self.since, self.until = since, until
        self.filters = adviser is not None or since is not None or until is not None

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Wanted:
        """From ``--adviser``, ``--since`` and ``--until``; ValueError for a bad date."""
        since, until = getattr(args, "since", None), getattr(args, "until", None)
        return cls(
            getattr(args, "taken_by", None),
            dt.date.fromisoformat(since) if since else None,
            dt.date.fromisoformat(until) if until else None,
        )

    def matches(self, summary: ConversationSummary) -> bool:
        """Whether the conversation was taken by the adviser and used in the days asked."""
        if self.adviser and case_key(summary.adviser or "") != self.adviser:
            return False
        if self.since and local_day(summary.last_activity) < self.since:
            return False
        return not (self.until and local_day(summary.created) > self.until)


def local_day(iso: str) -> dt.date:
    """The local day of a store time; a time that cannot be read counts as long ago."""
    try:
        return dt.datetime.fromisoformat(iso).astimezone().date()
    except ValueError:
        return dt.date.min


def _when(iso: str, t: Translator) -> str:
    """The date in words in the person's language, and the local time: 22 Tachwedd 2026 10:05."""
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return f"{t.date(moment.date())} {moment:%H:%M}"


def run_forget(args: argparse.Namespace) -> int:
    """Delete one conversation (or all), after confirmation unless --yes."""
    t = _translator(args)
    if t is None:
        return 2
    if bool(args.reference) == bool(args.all):
        _problem(
            t.gettext(
                N_("say which conversation to delete (its reference), or --all for every one.")
            )
        )
        return 2
    if not args.yes and not sys.stdin.isatty():
        _problem(
            t.gettext(
                N_(
                    "forgetting cannot be undone, so it asks first. Run it in a terminal to confirm, or add --yes to delete without asking."
                )
            )
        )
        return 1
    store = _open(args, t)
    if isinstance(store, int):
        return store
    try:
        return (_forget_all if args.all else _forget_one)(store, args, t)
    except StoreError as error:
        _problem(error.text(t))
        return 1
    finally:
        store.close()


def _forget_all(store: Store, args: argparse.Namespace, t: Translator) -> int:
    count = len(store.conversations())
    question = t.ngettext(
        "Delete the {count} saved conversation?",
        "Delete all {count} saved conversations?",
        count,
    )
    if not args.yes and not _confirm(fill(question, {"count": count}), t):
        print(t.gettext(N_("Nothing was deleted.")))
        return 1
    deleted = store.forget_all()
    done = t.ngettext(
        "Deleted {count} conversation. It cannot be recovered.",
        "Deleted {count} conversations. They cannot be recovered.",
        deleted,
    )
    print(fill(done, {"count": deleted}))
    return 0


def _forget_one(store: Store, args: argparse.Namespace, t: Translator) -> int:
    summary = store.summary(args.reference)
    if summary is None:
        _problem(
            _say(
                t,
                N_(
                    "there is no saved conversation with the reference {reference} in {path}. Type 'support-plan sessions' to see the saved ones."
                ),
                reference=args.reference,
                path=store.location,
            )
        )
        return 1
    question = _say(
        t, N_("Delete the conversation {conversation}?"), conversation=describe(summary, t)
    )
    if not args.yes and not _confirm(question, t):
        print(t.gettext(N_("Nothing was deleted.")))
        return 1
    store.forget(summary.reference)
    print(
        _say(
            t,
            N_("Deleted the conversation {reference}. It cannot be recovered."),
            reference=summary.reference,
        )
    )
    return 0


def _confirm(question: str, t: Translator) -> bool:
    """Ask; only yes (in English or the person's language) deletes."""
    warning = t.gettext(
        N_("This cannot be undone. Type yes to delete, or anything else to keep it.")
    )
    print(f"{question} {warning}")
    try:
        answer = input("> ")
    except EOFError:
        return False
    return answer.strip().lower().rstrip(".!") in ("y", "yes", t.gettext(N_("yes")).lower())


def _problem(message: str) -> None:
    print(f"support-plan: {message}", file=sys.stderr)
