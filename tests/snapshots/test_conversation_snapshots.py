"""Snapshots of the conversation screen at 80x24: default, high contrast, large text, adviser.

Snapshot tests are synchronous (``snap_compare`` runs its own event loop) and Textual is
pinned exactly, so a changed snapshot means a changed screen, reviewed before accepting.
Update with ``pytest tests/snapshots --snapshot-update`` and look at the report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

from assistant.flow.bundle import Bundle
from assistant.ui.app import AssistantApp

SIZE = (80, 24)


async def to_the_tasks_question(pilot: Pilot[Any]) -> None:
    """Four answers in, one option ticked: the log, the side panel and a list all show."""
    await pilot.press("enter", *"Ann", "enter", "1", *"80", "enter", "enter", "space", "down")


def app(example: Bundle, clock: Callable[[], str], mode: Any = "self", **kw: Any) -> AssistantApp:
    return AssistantApp(example, "en_GB", mode, clock=clock, **kw)


def test_conversation_default_theme(snap_compare, example, clock) -> None:
    assert snap_compare(app(example, clock), terminal_size=SIZE, run_before=to_the_tasks_question)


def test_conversation_high_contrast(snap_compare, example, clock) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("f6", "f6")
        assert pilot.app.theme == "high-contrast"
        await to_the_tasks_question(pilot)

    assert snap_compare(app(example, clock), terminal_size=SIZE, run_before=run_before)


def test_conversation_large_text(snap_compare, example, clock) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("f5")
        await to_the_tasks_question(pilot)

    assert snap_compare(app(example, clock), terminal_size=SIZE, run_before=run_before)


async def to_the_tasks_question_on_a_call(pilot: Pilot[Any]) -> None:
    """The same answers on a call: the explanations go in the panel, so no Enter for them;
    the right to an assessment is in the panel, to read out, beside the tasks question."""
    await pilot.press(*"Ann", "enter", "1", *"80", "enter", "space", "down")


def test_conversation_adviser_layout(snap_compare, example, clock, monkeypatch) -> None:
    from assistant.ui.conversation import ConversationScreen

    # The call timer shows 02:05 whenever the snapshot is taken.
    ticks = iter([1000.0])
    monkeypatch.setattr(ConversationScreen, "call_clock", staticmethod(lambda: next(ticks, 1125.0)))
    adviser = app(example, clock, "adviser_call", case_reference="HL-42")
    assert snap_compare(adviser, terminal_size=SIZE, run_before=to_the_tasks_question_on_a_call)
