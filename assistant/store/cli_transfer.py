"""``support-plan sessions export`` and ``sessions import``: whole conversations as JSON lines.

Kept apart from :mod:`assistant.store.cli` so listing conversations loads none of this.
The lines hold answers in plain text, so export says so on standard error every time.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

from assistant.store.base import Store, StoreError, fill
from assistant.values import N_

if TYPE_CHECKING:
    from assistant.i18n import Translator


def _problem(message: str) -> None:
    print(f"support-plan: {message}", file=sys.stderr)


def run_transfer(
    args: argparse.Namespace,
    t: Translator,
    opener: Callable[[argparse.Namespace, Translator], Store | int],
) -> int:
    """Export (to standard output) or import (from a file or standard input).

    ``opener`` opens the store as ``sessions`` does (saying why not, or what to know),
    or gives the exit code.
    """
    if args.action == "export" and bool(args.target) == bool(args.all):
        _problem(
            t.gettext(
                N_("say which conversation to export (its reference), or --all for every one.")
            )
        )
        return 2
    store = opener(args, t)
    if isinstance(store, int):
        return store
    try:
        if store.locked and os.environ.get("SUPPORT_PLAN_PASSPHRASE"):
            store.unlock(os.environ["SUPPORT_PLAN_PASSPHRASE"])
        if args.action == "export":
            return _export(store, args, t)
        return _import(store, args, t)
    except StoreError as error:
        _problem(error.text(t))
        return 1
    finally:
        store.close()


def _export(store: Store, args: argparse.Namespace, t: Translator) -> int:
    from assistant.store.transfer import export_lines  # only export needs it

    references = None if args.all else [args.target]
    count = 0
    for line in export_lines(store, references):
        sys.stdout.write(line + "\n")
        count += 1
    sys.stdout.flush()
    done = t.ngettext(
        "Exported {count} conversation. The lines hold its answers in plain text: keep them as safely as the saved conversations, and delete them once imported.",
        "Exported {count} conversations. The lines hold their answers in plain text: keep them as safely as the saved conversations, and delete them once imported.",
        count,
    )
    print(f"support-plan: {fill(done, {'count': count})}", file=sys.stderr)
    return 0


def _import(store: Store, args: argparse.Namespace, t: Translator) -> int:
    from assistant.store.transfer import bounded_lines, import_lines  # only import needs it

    # Read as bytes: each line is decoded on its own, so one that is not UTF-8 is refused
    # by number instead of stopping the import part-way with a traceback.
    source: BinaryIO
    if args.target in (None, "-"):
        source = sys.stdin.buffer
    else:
        try:
            source = open(args.target, "rb")  # noqa: SIM115 - closed below
        except OSError as error:
            _problem(
                fill(
                    t.gettext(N_("{file} cannot be read ({reason}). Check the file's name.")),
                    {"file": args.target, "reason": error.strerror or type(error).__name__},
                )
            )
            return 1
    try:
        result = import_lines(store, bounded_lines(source))
    finally:
        if source is not sys.stdin.buffer:
            source.close()
    for number, problem in result.skipped:
        reason = problem.text(t)
        line = t.gettext(N_("line {line} was not imported: {problem}"))
        _problem(fill(line, {"line": number, "problem": reason}))
    done = t.ngettext(
        "Imported {count} conversation into {path}.",
        "Imported {count} conversations into {path}.",
        len(result.added),
    )
    print(fill(done, {"count": len(result.added), "path": store.location}))
    return 0 if not result.skipped else 1
