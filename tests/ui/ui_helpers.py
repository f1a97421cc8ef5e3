"""Helpers for driving the Textual app with Pilot: walk the example, read the screen."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Static

from assistant.ui.app import AssistantApp
from assistant.ui.explain import Explanations
from assistant.ui.log import ConversationLog
from assistant.ui.widgets import Plain

SIZE = (80, 24)

#: The answers the walk below gives, as the engine stores them.
EXAMPLE_ANSWERS: dict[str, Any] = {
    "welcome.name": "Ann",
    "welcome.answering_for": "self",
    "welcome.age": 80,
    "needs.tasks": ("washing", "meals"),
    "needs.has_carer": True,
    "needs.hours": 10,
}


def text_of(app: AssistantApp, selector: str) -> str:
    """The text of a Plain widget on the current screen."""
    return str(app.screen.query_one(selector, Plain).render())


def screen_text(app: AssistantApp) -> str:
    """Everything on the current screen, as plain text: text widgets, the answers so far
    (one list widget) and the side panel's explanations (one text widget)."""
    parts = [str(widget.render()) for widget in app.screen.query(Static)]
    parts += [log_text(app)]
    for panel in app.screen.query(Explanations):
        parts += [panel.text(key) for key, _heading, _empty in panel.sections]
    return "\n".join(parts)


def log_text(app: AssistantApp) -> str:
    """The answers so far, as listed on the conversation screen."""
    return "\n".join(
        str(option.prompt) for log in app.screen.query(ConversationLog) for option in log.options
    )


async def answer_to_the_end(pilot: Pilot[Any]) -> None:
    """Answer every step of the example flow from its first step, by keyboard only."""
    await pilot.press("enter")  # welcome.hello: Continue has focus
    await pilot.press(*"Ann", "enter")  # name: a text box
    await pilot.press("1")  # answering_for: the option's number chooses it
    await pilot.press(*"80", "enter")  # age: a number
    await pilot.press("enter")  # assessment_right: an explanation
    await pilot.press("space", "down", "space", "enter")  # tasks: tick two, Enter finishes
    await pilot.press("y", "enter")  # has_carer: Y moves to Yes, Enter answers
    await pilot.press("enter")  # carer_right: an explanation
    await pilot.press(*"10", "enter")  # hours
    await pilot.press(*"15.50", "enter")  # rate: money


async def answer_to_the_end_on_a_call(pilot: Pilot[Any]) -> None:
    """The same answers on an adviser-led call, where explanations go in the adviser's
    panel beside the next question, so there is no Enter to press for them."""
    await pilot.press(*"Ann", "enter")  # name, with the welcome beside it
    await pilot.press("1")  # answering_for
    await pilot.press(*"80", "enter")  # age
    await pilot.press("space", "down", "space", "enter")  # tasks, with the right beside it
    await pilot.press("y")  # has_carer
    await pilot.press(*"10", "enter")  # hours, with the carer's right beside it
    await pilot.press(*"15.50", "enter")  # rate: money


async def settled(pilot: Pilot[Any], done: Any, frames: int = 20) -> None:
    """Let the app draw until ``done()`` holds or ``frames`` frames have passed (no fixed
    sleep: each pause waits for the app to process what is pending). The caller then
    asserts ``done()``, so a condition that never holds still fails."""
    for _ in range(frames):
        if done():
            return
        await pilot.pause()
