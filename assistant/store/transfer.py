"""Moving whole conversations between stores: ``sessions export`` and ``sessions import``.

One JSON object a line, one line a conversation: its reference, label, flow, language,
mode, when it began, every event as the event log holds it, and (from a PostgreSQL store)
who wrote each event. Replaying the imported events rebuilds the same answers, plan and
transcript, so a SQLite file can move to a helpline's PostgreSQL store and back. The
lines hold answers in clear text: they are for moving cases, and must be kept as
carefully as the store itself (the command says so).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any, cast, get_args

from assistant.engine.events import Event, EventKind
from assistant.store.base import SavedCase, Store, StoreError
from assistant.store.references import ALPHABET, LENGTH, normalize
from assistant.values import N_, decode

#: The value of each line's "format": raise the number if the line's shape changes.
FORMAT = "support-plan-case/1"


def saved_case(store: Store, reference: str) -> SavedCase:
    """One conversation of ``store``, whole."""
    summary = store.summary(reference)
    events = store.events(reference)
    if summary is None:  # forgotten between the two reads
        raise StoreError(
            N_("The conversation {reference} is no longer saved."), None, reference=reference
        )
    advisers_of = getattr(store, "advisers_of", None)
    advisers = tuple(advisers_of(summary.reference)) if advisers_of else ()
    return SavedCase(
        reference=summary.reference,
        bundle=summary.bundle,
        locale=summary.locale,
        mode=summary.mode,
        created=summary.created,
        label=summary.label,
        events=tuple(events),
        advisers=advisers,
        adviser=summary.adviser,
    )


def export_lines(store: Store, references: Iterable[str] | None = None) -> Iterator[str]:
    """A JSON line for each conversation (all of them when ``references`` is None), oldest first."""
    if references is None:
        references = [s.reference for s in reversed(store.conversations())]
    for reference in references:
        yield to_line(saved_case(store, reference))


def to_line(case: SavedCase) -> str:
    """One conversation as one JSON line."""
    record: dict[str, Any] = {
        "format": FORMAT,
        "reference": case.reference,
        "label": case.label,
        "bundle": case.bundle,
        "locale": case.locale,
        "mode": case.mode,
        "created": case.created,
        "events": [json.loads(event.to_json()) for event in case.events],
    }
    if case.advisers:
        record["advisers"] = list(case.advisers)
    if case.adviser:
        record["adviser"] = case.adviser
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class BadLine(StoreError):
    """A line of an export that is not a conversation this program can import. The
    message names the part that is wrong, never what it holds (it may be an answer)."""


#: The event kinds a log may hold (any other is refused, not guessed at).
KINDS = frozenset(get_args(EventKind))
#: A generated reference, as :func:`normalize` stores it.
_REFERENCE = re.compile(f"[{ALPHABET}]{{{LENGTH // 2}}}-[{ALPHABET}]{{{LENGTH // 2}}}")
#: The longest bundle, locale or mode worth reading (a bundle may be a folder's path).
_TEXT_LIMIT = 1000
#: The longest line imported. A whole conversation is one line (an England one is about
#: 100 KB); a longer line is refused without being kept, so /dev/zero or a runaway
#: program cannot fill the memory.
MAX_LINE = 16 * 1024 * 1024


def bounded_lines(stream: IO[bytes]) -> Iterator[bytes]:
    """Each line of ``stream``; one over :data:`MAX_LINE` bytes comes back cut to that
    length (the rest read and dropped), which :func:`from_line` refuses."""
    while line := stream.readline(MAX_LINE):
        if len(line) >= MAX_LINE and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE)) and not rest.endswith(b"\n"):
                pass
        yield line


def from_line(line: str | bytes) -> SavedCase:
    """The inverse of :func:`to_line`; :class:`BadLine` says what is wrong.

    The line comes from outside (a file someone sent), so every field is checked before
    anything is stored: a wrong type or shape is refused here rather than failing later,
    half-way through writing it, with a traceback."""
    if len(line) >= MAX_LINE and line[-1:] not in (b"\n", "\n"):
        raise BadLine(
            N_("it is longer than {size} MB, the most a line may be."),
            size=MAX_LINE // (1024 * 1024),
        )
    record = _record(line)
    texts = {k: _text(record, k) for k in ("reference", "bundle", "locale", "mode", "created")}
    if not _REFERENCE.fullmatch(normalize(texts["reference"])):
        raise BadLine(N_("its reference is not one this program gives, such as K7P-2QM."))
    if not _is_time(texts["created"]):
        raise BadLine(
            N_("its created time is not a date and time such as 2026-11-22T10:30:00+00:00.")
        )
    events = tuple(_event(raw, number) for number, raw in enumerate(_list(record, "events"), 1))
    if [e.seq for e in events] != list(range(1, len(events) + 1)):
        raise BadLine(N_("its events are not numbered 1, 2, 3, ... in order."))
    _answers_read(events)
    label, adviser = record.get("label"), record.get("adviser")
    return SavedCase(
        events=events,
        advisers=_advisers(record),
        adviser=adviser if isinstance(adviser, str) and adviser else None,
        label=label if isinstance(label, str) else None,
        **texts,
    )


def _record(line: str | bytes) -> dict[str, Any]:
    """The line's JSON object, if it is one in our format: text that is UTF-8 all through
    (a lone surrogate cannot be stored), not nested or numbered past what Python reads."""
    try:
        text = line.decode("utf-8") if isinstance(line, bytes) else line
        record = json.loads(text.removeprefix("\ufeff"))
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeError:
        raise BadLine(
            N_("it is not UTF-8 text. Save the file as UTF-8, or export it again, and import it.")
        ) from None
    except (ValueError, RecursionError):  # a JSONDecodeError, or an integer too long
        raise BadLine(N_("it is not JSON that this program can read.")) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise BadLine(N_("it is not a conversation in the format {format}."), format=FORMAT)
    return record


def _text(record: dict[str, Any], key: str) -> str:
    """A field that must be short, non-empty text."""
    value = record.get(key)
    if not isinstance(value, str) or not value or len(value) > _TEXT_LIMIT:
        raise BadLine(N_("its {field} is missing, or is not short text."), field=key)
    return value


def _list(record: dict[str, Any], key: str) -> list[Any]:
    """A field that must be a list (``advisers`` may be left out)."""
    value = record.get(key, [] if key == "advisers" else None)
    if not isinstance(value, list):
        raise BadLine(N_("its {field} is missing, or is not a list."), field=key)
    return value


def _advisers(record: dict[str, Any]) -> tuple[str, ...]:
    """Who wrote each event, when a PostgreSQL store recorded it: names, nothing else."""
    names = _list(record, "advisers")
    if not all(isinstance(name, str) and name for name in names):
        raise BadLine(N_("its {field} is missing, or is not a list."), field="advisers")
    return tuple(names)


def _event(raw: object, number: int) -> Event:
    """One event of the log, with the types the engine relies on (``value`` is any JSON:
    replaying it checks it against the flow)."""
    if isinstance(raw, dict):
        seq, kind, at, step = raw.get("seq"), raw.get("kind"), raw.get("at"), raw.get("step")
        if (
            type(seq) is int
            and isinstance(kind, str)
            and kind in KINDS
            and isinstance(at, str)
            and _is_time(at)  # the transcript prints it as a heading
            and (step is None or isinstance(step, str))
        ):
            return Event(seq, cast(EventKind, kind), at, step, raw.get("value"))
    raise BadLine(N_("its event {number} is not an event this program writes."), number=number)


def _answers_read(events: tuple[Event, ...]) -> None:
    """Refuse a log holding an answer that cannot be read: imported, it could never be
    resumed or exported."""
    for number, event in enumerate(events, 1):
        if event.kind == "answered" and event.value is not None:
            try:
                decode(event.value)
            except ValueError:
                raise BadLine(
                    N_("its event {number} is not an event this program writes."), number=number
                ) from None


def _is_time(text: str) -> bool:
    """Whether ``text`` is an ISO 8601 date and time (a real one: not 31 February)."""
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


@dataclass
class Imported:
    """What ``sessions import`` did: references added, and (line number, problem) skipped."""

    added: list[str] = field(default_factory=list)
    skipped: list[tuple[int, StoreError]] = field(default_factory=list)


def import_lines(store: Store, lines: Iterable[str | bytes]) -> Imported:
    """Add each conversation; a bad line or a reference already there is skipped and told.

    Lines may be bytes, so one that is not UTF-8 is refused on its own (by number)
    rather than stopping the whole file when it is decoded."""
    result = Imported()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = from_line(line)
            store.adopt(case)
        except StoreError as problem:  # a BadLine, or a reference already there
            result.skipped.append((number, problem))
            continue
        result.added.append(case.reference)
    return result
