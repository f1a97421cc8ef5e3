"""An answer that could not be saved is never shown as saved: the next screen waits behind
a "Not saved yet" dialog until trying again works, or the person carries on without saving.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import SIZE, screen_text

from assistant.engine.events import Event
from assistant.flow.bundle import Bundle
from assistant.saving import start_saving
from assistant.store import open_store
from assistant.store.base import StoreError
from assistant.ui.app import AssistantApp
from assistant.ui.dialogs import Dialog


class Quiet:
    """A Teller that keeps what saving says."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def tell(self, msgid: str, event: str = "message", **params: Any) -> None:
        self.said.append(msgid)

    def problem(self, message: Any, then: str | None = None) -> None:
        self.said.append(str(message))


async def test_the_next_question_waits_until_the_answer_is_saved(
    example: Bundle, clock: Callable[[], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path / "store.sqlite3")
    teller = Quiet()
    opened = start_saving(store, example.id, teller, locale="en_GB", mode="self")
    app = AssistantApp(example, "en_GB", "self", clock=clock, on_event=opened.on_event)
    real = type(store).append_many
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # welcome.hello
        assert "What would you like us to call you?" in screen_text(app)

        def failing(self: object, reference: str, events: list[Event]) -> None:
            raise StoreError("The disk is full ({path}).", tmp_path / "store.sqlite3")

        monkeypatch.setattr(type(store), "append_many", failing)
        await pilot.press(*"Ann", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Dialog) and app.screen.id == "not-saved-dialog"
        assert "NOT been saved" in screen_text(app) and "disk is full" in screen_text(app)
        await pilot.press("enter")  # Try again: still failing, asked again
        await pilot.pause()
        assert isinstance(app.screen, Dialog) and app.screen.id == "not-saved-dialog"
        monkeypatch.setattr(type(store), "append_many", real)
        await pilot.press("enter")  # Try again: saved now
        await pilot.pause()
        assert not isinstance(app.screen, Dialog)
        assert "Who is answering, Ann?" in screen_text(app)
    events = store.events(opened.reference or "")
    assert [e.step for e in events if e.kind == "answered"][-1] == "welcome.name"
    store.close()


async def test_carrying_on_without_saving_says_so(
    example: Bundle, clock: Callable[[], str], tmp_path: Path
) -> None:
    store = open_store(tmp_path / "store.sqlite3")
    teller = Quiet()
    opened = start_saving(store, example.id, teller, locale="en_GB", mode="self")
    app = AssistantApp(example, "en_GB", "self", clock=clock, on_event=opened.on_event)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        store.forget(opened.reference or "")  # gone for good: trying again cannot help
        await pilot.press(*"Ann", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Dialog) and app.screen.id == "not-saved-dialog"
        await pilot.press("tab", "enter")  # Carry on without saving
        await pilot.pause()
        assert "Who is answering, Ann?" in screen_text(app)
    assert any("NOT being saved" in said for said in teller.said)
    store.close()
