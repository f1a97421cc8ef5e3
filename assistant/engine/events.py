"""The append-only event log: every change to a conversation, in order.

Storage and transcripts keep this log. Replaying it through a fresh :class:`Session`
rebuilds the conversation exactly, so nothing else about a session needs saving.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

#: Where a session gets the time of each event (replaced in tests for repeatable logs).
Clock = Callable[[], str]


def utc_now() -> str:
    """The time now, as ISO 8601 in UTC to the second (the event log's format)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


EventKind = Literal[
    "started",
    "shown",
    "answered",
    "went_back",
    "edited",
    "paused",
    "resumed",
    "help_opened",
    "help_offered",
    "crisis_words_kept",
    "ended",
    "note",
    "language_changed",
    "call_details",
    "jumped",
]


@dataclass(frozen=True)
class Event:
    """One thing that happened. ``value`` holds JSON data (answers encoded by values.encode)."""

    seq: int
    kind: EventKind
    at: str
    step: str | None = None
    value: Any = None

    def to_json(self) -> bytes:
        """Compact JSON for storage."""
        return msgspec.json.encode(
            {
                "seq": self.seq,
                "kind": self.kind,
                "at": self.at,
                "step": self.step,
                "value": self.value,
            }
        )

    @classmethod
    def from_json(cls, data: bytes | str) -> Event:
        """The inverse of :meth:`to_json`; raises ValueError for data that is not an event."""
        try:
            raw = msgspec.json.decode(data)
        except msgspec.DecodeError as error:
            raise ValueError(f"not an event: {error}") from None
        if not isinstance(raw, dict) or "kind" not in raw or "seq" not in raw:
            raise ValueError("not an event: missing 'kind' or 'seq'")
        return cls(
            int(raw["seq"]), raw["kind"], str(raw.get("at", "")), raw.get("step"), raw.get("value")
        )


class ReplayError(Exception):
    """An event log that does not fit the flow (for example the flow changed since it was saved)."""

    def __init__(self, seq: int, reason: str) -> None:
        self.seq = seq
        self.reason = reason
        super().__init__(f"event {seq}: {reason}")


def note_text(value: Any) -> str:
    """An adviser note's text: the app logs ``{"text", "at"}``, scripts log the text alone."""
    if isinstance(value, dict):
        return str(value.get("text", ""))
    return "" if value is None else str(value)
