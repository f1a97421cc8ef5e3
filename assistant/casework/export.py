"""``support-plan export REF --format contact`` (and ``--all --since DATE``): contact records
for a helpline's case system, as CSV a spreadsheet opens safely or as JSON.

Records are in English unless ``--lang`` says otherwise: a case system is usually kept in
one language, whatever the caller's. Each conversation is rebuilt through the engine; with
``--all`` one that no longer fits the questions is left out and named on standard error
(never what it said), and the rest are written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.casework.record import COLUMNS, ContactRecord, contact_record
from assistant.casework.spreadsheet import spreadsheet_csv
from assistant.engine.events import ReplayError
from assistant.engine.outputs import Msg
from assistant.engine.session import Session
from assistant.plan.saved import (
    ExportError,
    bundle_named,
    date_named,
    messages_translator,
    only,
    read_event_log,
    translator_named,
    unlock,
)
from assistant.store import open_store
from assistant.store.base import StoreError
from assistant.store.cli import Wanted, local_day
from assistant.values import N_

if TYPE_CHECKING:
    from assistant.engine.events import Event
    from assistant.i18n import Translator
    from assistant.store.base import ConversationSummary, Store


def contact_text(args: argparse.Namespace) -> str:
    """The records asked for, as CSV (or JSON with ``--json``); raises ExportError."""
    t = translator_named(args.lang or "en_GB")
    if args.all:
        records = list(saved_records(args, t))
        if args.json:  # one object per line, like `sessions --json`
            return "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records)
    else:
        records = [_one_record(args, t)]
        if args.json:
            return json.dumps(records[0].to_json(), ensure_ascii=False, indent=2) + "\n"
    return spreadsheet_csv([heading for _, heading in COLUMNS], (r.cells() for r in records))


def _one_record(args: argparse.Namespace, t: Translator) -> ContactRecord:
    path = Path(args.reference)
    if path.suffix in (".jsonl", ".json") or path.is_file():
        return _record(read_event_log(path), None, args, t)
    with opened_store(args.store) as store:
        summary = only(store.find(args.reference), args.reference)
        return _record(_events(store, summary), summary, args, t)


def saved_records(
    args: argparse.Namespace,
    t: Translator,
    bundles: dict[str, Any] | None = None,
    *,
    started: bool = False,
) -> Iterator[ContactRecord]:
    """A record for each saved conversation used in the days asked (``--since``,
    ``--until``), or with ``started`` each one that started in them. ``bundles`` keeps the
    questions loaded, by name."""

    since, until = date_named(args.since), date_named(args.until)
    wanted = Wanted(None, None if started else since, until)
    loaded: dict[str, Any] = {} if bundles is None else bundles
    with opened_store(args.store) as store:
        ordered = sorted(_conversations(store), key=lambda c: (c.created, c.reference))
        for summary in ordered:  # the oldest first, as a log reads
            if not wanted.matches(summary) or (started and _began_before(summary, since)):
                continue
            try:
                yield _record(_events(store, summary), summary, args, t, loaded)
            except (ExportError, ReplayError):
                said = messages_translator(getattr(args, "lang", None))
                left_out = N_(
                    "left out {reference}: it no longer fits the questions, or cannot be read."
                )
                print(
                    f"support-plan export: {said.render(Msg(left_out, None, {'reference': summary.reference}))}",
                    file=sys.stderr,
                )


def _began_before(summary: ConversationSummary, day: dt.date | None) -> bool:

    return day is not None and local_day(summary.created) < day


def _conversations(store: Store) -> list[ConversationSummary]:

    try:
        return store.conversations()
    except StoreError as error:
        raise ExportError(error.msg) from None


def _events(store: Store, summary: ConversationSummary) -> list[Event]:

    try:
        return store.events(summary.reference)
    except StoreError as error:
        raise ExportError(error.msg) from None


def _record(
    events: list[Event],
    summary: ConversationSummary | None,
    args: argparse.Namespace,
    t: Translator,
    bundles: dict[str, Any] | None = None,
) -> ContactRecord:
    """One conversation's record, rebuilt through the engine (``bundles`` keeps the
    questions loaded for the next one)."""

    flow = args.flow or (summary.bundle if summary else None)
    bundles = {} if bundles is None else bundles
    bundle = bundles.get(flow or "") or bundles.setdefault(flow or "", bundle_named(flow))
    try:
        session = Session.replay(bundle, events)
    except ReplayError as error:
        raise ExportError(
            N_(
                "this conversation no longer fits the questions ({problem}); use --flow to choose the version it was saved with."
            ),
            problem=str(error),
        ) from None
    try:
        return contact_record(
            session,
            t,
            reference=summary.reference if summary else "",
            adviser=summary.adviser if summary else None,
            today=date_named(getattr(args, "date", None)),
        )
    finally:
        session.close()


@contextmanager
def opened_store(location: str | None) -> Iterator[Store]:
    """The store, unlocked (passphrase from the terminal or the environment), closed after."""

    try:
        store = open_store(location, create=False)  # only read: never make one
    except StoreError as error:
        raise ExportError(error.msg) from None
    try:
        if store.locked:
            unlock(store)
        yield store
    except StoreError as error:
        raise ExportError(error.msg) from None
    finally:
        store.close()
