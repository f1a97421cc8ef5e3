"""Calls saved as an adviser's app saves them: setup with mode, case and adviser, answers
through a real Session, then the adviser's notes and call details."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.saving import SavingTarget
from assistant.store import Store
from assistant.transcript.golden import load_golden
from assistant.transcript.replay import apply

ROOT = Path(__file__).resolve().parents[2]


class Quiet:
    """A teller that keeps what saving says (tests read it if they need to)."""

    def __init__(self) -> None:
        self.said: list[Any] = []

    def tell(self, msgid: str, event: str = "message", **params: Any) -> None:
        self.said.append((msgid, params))

    def problem(self, message: Any, then: str | None = None) -> None:
        self.said.append((message, then))


def save_call(
    store: Store,
    bundle: Bundle,
    drive: Callable[[Session], None],
    *,
    setup: dict[str, Any],
    details: dict[str, Any] | None = None,
    notes: Sequence[str] = (),
    clock: Callable[[], str] | None = None,
) -> str:
    """Save one conversation the way the app does (through SavingTarget); its reference."""
    reference = store.create(bundle=bundle.id, locale="en_GB", mode="plain")
    target = SavingTarget(store, reference, Quiet())
    options: dict[str, Any] = {"on_event": target.record}
    if clock is not None:
        options["clock"] = clock
    session = Session(bundle, **options)
    session.start(setup)
    drive(session)
    for note in notes:
        session.record("note", {"text": note, "at": "2026-11-22T10:30:00+00:00"})
    if details is not None:
        session.record("call_details", details)
    session.pause(reference)
    session.close()
    return reference


def answers(values: Sequence[Any]) -> Callable[[Session], None]:
    """Drive a session by answering each value in turn."""

    def drive(session: Session) -> None:
        for value in values:
            session.answer(value)

    return drive


def golden(name: str) -> Callable[[Session], None]:
    """Drive a session through a golden conversation's turns (after its start)."""
    turns = load_golden(ROOT / "transcripts" / f"{name}.yaml").turns

    def drive(session: Session) -> None:
        for turn in turns:
            if turn.action != "start":
                apply(session, turn)

    return drive
