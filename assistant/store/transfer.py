"""Moving whole conversations between stores: ``sessions export`` and ``sessions import``.

One JSON object a line, one line a conversation: its reference, label, flow, language,
mode, when it began, every event as the event log holds it, and (from a PostgreSQL store)
who wrote each event. Replaying the imported events rebuilds the same answers, plan and
transcript, so a SQLite file can move to a helpline's PostgreSQL store and back. The
lines hold answers in clear text: they are for moving cases, and must be kept as
carefully as the store itself (the command says so).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO

from assistant.engine.events import Event
from assistant.store.base import SavedCase, Store, StoreError
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


class BadLine(ValueError):
    """A line of an export that is not a conversation this program can import."""


#: The longest line imported. A whole conversation is one line (an England one is about
#: 100 KB); a longer line is refused without being kept, so /dev/zero or a runaway
#: program cannot fill the memory.
MAX_LINE = 16 * 1024 * 1024
#: Bytes that were not UTF-8, as a stream read with ``surrogateescape`` gives them.
_NOT_UTF8 = re.compile("[\ud800-\udfff]")


def bounded_lines(stream: TextIO) -> Iterator[str]:
    """Each line of ``stream``; one over :data:`MAX_LINE` characters comes back cut to that
    length (the rest read and dropped), which :func:`from_line` refuses."""
    while line := stream.readline(MAX_LINE):
        if len(line) >= MAX_LINE and not line.endswith("\n"):
            while (rest := stream.readline(MAX_LINE)) and not rest.endswith("\n"):
                pass
        yield line


def from_line(line: str) -> SavedCase:
    """The inverse of :func:`to_line`; :class:`BadLine` says what is wrong."""
    if len(line) >= MAX_LINE and not line.endswith("\n"):
        raise BadLine(f"longer than {MAX_LINE // (1024 * 1024)} MB, the most a line may be")
    if _NOT_UTF8.search(line):  # it could not be saved, or written out again
        raise BadLine("not UTF-8 text")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLine(f"not JSON ({error.msg})") from None
    except (ValueError, RecursionError):  # an integer thousands of digits long; deep nesting
        raise BadLine(
            "not JSON this program can read (too long a number, or nested too deeply)"
        ) from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise BadLine(f"not a conversation in the format {FORMAT}")
    try:
        events = tuple(Event.from_json(json.dumps(raw)) for raw in record["events"])
        for event in events:  # an answer that cannot be read would stop its resuming
            if event.kind == "answered" and event.value is not None:
                decode(event.value)
        texts = {k: record[k] for k in ("reference", "bundle", "locale", "mode", "created")}
        advisers = tuple(str(name) for name in record.get("advisers") or ())
    except (KeyError, TypeError, ValueError) as error:
        raise BadLine(f"missing or wrong field ({error})") from None
    if not all(isinstance(v, str) and v for v in texts.values()):
        raise BadLine("reference, bundle, locale, mode and created must be text")
    if [e.seq for e in events] != list(range(1, len(events) + 1)):
        raise BadLine("the events are not numbered 1, 2, 3, ... in order")
    label, adviser = record.get("label"), record.get("adviser")
    return SavedCase(
        events=events,
        advisers=advisers,
        adviser=adviser if isinstance(adviser, str) and adviser else None,
        label=label if isinstance(label, str) else None,
        **texts,
    )


@dataclass
class Imported:
    """What ``sessions import`` did: references added, and (line number, problem) skipped."""

    added: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str | StoreError]] = field(default_factory=list)


def import_lines(store: Store, lines: Iterable[str]) -> Imported:
    """Add each conversation; a bad line or a reference already there is skipped and told."""
    result = Imported()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = from_line(line)
            store.adopt(case)
        except BadLine as problem:
            result.skipped.append((number, str(problem)))
            continue
        except StoreError as problem:
            result.skipped.append((number, problem))
            continue
        result.added.append(case.reference)
    return result
