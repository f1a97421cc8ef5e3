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
    source = _source(args.target, t) if args.action == "import" else None
    if args.action == "import" and source is None:
        return 1  # the file cannot be read: said, and no store was made for it
    store = opener(args, t)
    if isinstance(store, int):
        _close(source)
        return store
    try:
        if store.locked and os.environ.get("SUPPORT_PLAN_PASSPHRASE"):
            store.unlock(os.environ["SUPPORT_PLAN_PASSPHRASE"])
        if args.action == "export":
            return _export(store, args, t)
        assert source is not None
        return _import(store, source, t)
    except StoreError as error:
        _problem(error.text(t))
        return 1
    finally:
        _close(source)
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


def _source(target: str | None, t: Translator) -> BinaryIO | None:
    """Where ``sessions import`` reads: the file named, else standard input; None (after
    saying why) if the file cannot be opened, before any store is opened or made. Read as
    bytes: each line is decoded on its own, so one that is not UTF-8 is refused by number
    instead of stopping the import part-way."""
    if target in (None, "-"):
        return sys.stdin.buffer
    try:
        return open(target, "rb")  # noqa: SIM115 - closed by run_transfer
    except OSError as error:
        _problem(
            fill(
                t.gettext(N_("{file} cannot be read ({reason}). Check the file's name.")),
                {"file": target, "reason": error.strerror or type(error).__name__},
            )
        )
        return None


def _close(source: BinaryIO | None) -> None:
    if source is not None and source is not sys.stdin.buffer:
        source.close()


def _import(store: Store, source: BinaryIO, t: Translator) -> int:
    from assistant.store.transfer import bounded_lines, import_lines  # only import needs it

    result = import_lines(store, bounded_lines(source))
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
