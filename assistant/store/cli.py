"""``support-plan sessions`` and ``support-plan forget``: see and delete saved conversations.

Listing shows only what helps someone choose (reference, label, when, how far), never
answers. Forgetting asks first, because it cannot be undone; a script must say ``--yes``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from assistant.store import open_store
from assistant.store.base import ConversationSummary, Store, StoreError


def add_parser(subparsers: Any, name: str) -> None:
    """Register ``sessions`` or ``forget`` (the lead's cli.py calls this once per name)."""
    if name == "sessions":
        parser = subparsers.add_parser(
            name,
            help="list saved conversations",
            description="List saved conversations: reference, label, last activity, progress.",
        )
        parser.add_argument("--json", action="store_true", help="one JSON object per line")
        parser.set_defaults(handler=run_sessions)
    else:
        parser = subparsers.add_parser(
            name,
            help="delete saved conversations so they cannot be recovered",
            description="Delete a saved conversation (or all of them) so it cannot be recovered.",
        )
        parser.add_argument("reference", nargs="?", help="the conversation's reference")
        parser.add_argument("--all", action="store_true", help="delete every saved conversation")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        parser.set_defaults(handler=run_forget)
    parser.add_argument(
        "--store",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the saved conversations file (or set SUPPORT_PLAN_STORE)",
    )


def _open(args: argparse.Namespace) -> Store | None:
    try:
        return open_store(getattr(args, "store", None))
    except StoreError as error:
        _problem(error.message)
        return None


def run_sessions(args: argparse.Namespace) -> int:
    """Print the saved conversations, most recent first."""
    store = _open(args)
    if store is None:
        return 1
    try:
        summaries = store.conversations()
    except StoreError as error:
        _problem(error.message)
        return 1
    finally:
        store.close()
    if getattr(args, "json", False):
        for summary in summaries:
            print(json.dumps(summary.__dict__, ensure_ascii=False))
        return 0
    if not summaries:
        print(f"No conversations are saved in {store.location}.")
        return 0
    print(f"Saved conversations in {store.location}:")
    for summary in summaries:
        print("  " + describe(summary))
    print("To carry on with one, type: support-plan resume REFERENCE")
    return 0


def describe(summary: ConversationSummary) -> str:
    """One line for a conversation: reference, label, last activity and progress."""
    if not summary.readable:
        label = "(label hidden: protected by a passphrase)"
    else:
        label = summary.label or "(no label)"
    answers = "1 answer" if summary.answered == 1 else f"{summary.answered} answers"
    progress = f"{answers}, finished" if summary.finished else f"{answers} so far"
    return f"{summary.reference}  {label}  last used {_when(summary.last_activity)}  {progress}"


def _when(iso: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.astimezone().strftime("%d %b %Y %H:%M")


def run_forget(args: argparse.Namespace) -> int:
    """Delete one conversation (or all), after confirmation unless --yes."""
    if bool(args.reference) == bool(args.all):
        _problem("say which conversation to delete (its reference), or --all for every one.")
        return 2
    if not args.yes and not sys.stdin.isatty():
        _problem(
            "forgetting cannot be undone, so it asks first. Run it in a terminal to confirm, "
            "or add --yes to delete without asking."
        )
        return 1
    store = _open(args)
    if store is None:
        return 1
    try:
        return _forget(store, args)
    except StoreError as error:
        _problem(error.message)
        return 1
    finally:
        store.close()


def _forget(store: Store, args: argparse.Namespace) -> int:
    if args.all:
        count = len(store.conversations())
        if not args.yes and not _confirm(f"Delete all {count} saved conversations?"):
            print("Nothing was deleted.")
            return 1
        deleted = store.forget_all()
        print(f"Deleted {deleted} conversations. They cannot be recovered.")
        return 0
    summary = store.summary(args.reference)
    if summary is None:
        _problem(
            f"there is no saved conversation with the reference {args.reference} in "
            f"{store.location}. Type 'support-plan sessions' to see the saved ones."
        )
        return 1
    if not args.yes and not _confirm(f"Delete the conversation {describe(summary)}?"):
        print("Nothing was deleted.")
        return 1
    store.forget(summary.reference)
    print(f"Deleted the conversation {summary.reference}. It cannot be recovered.")
    return 0


def _confirm(question: str) -> bool:
    print(f"{question} This cannot be undone. Type yes to delete, or anything else to keep it.")
    try:
        answer = input("> ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _problem(message: str) -> None:
    print(f"support-plan: {message}", file=sys.stderr)
