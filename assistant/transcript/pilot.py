"""Replay a golden conversation through the Textual app, by key presses, with Pilot.

The engine replay proves the conversation; this proves the wiring: each turn becomes the
keys a person would press (a number for a choice, Space and Down for ticks, typed text and
Enter, Y or N), and after each one the app's own session must be at the expected step.
This module never imports Textual: the test hands it the running app and its Pilot, so the
transcript package stays pure.

Two questions on one screen (a flow's ``with_next``) are pressed as a person would: the
first one's keys end with Enter, which moves to the follow-up, not on; the next turn's keys
answer the follow-up, and its Enter answers both; that turn's checks (the step reached
after both) cover the pair, and the engine replay checks every turn's step.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from assistant.engine import views
from assistant.engine.session import Session
from assistant.flow import model
from assistant.i18n import Translator
from assistant.transcript.failures import Failure
from assistant.transcript.golden import Golden, Turn
from assistant.transcript.outcome import compare_outcome
from assistant.transcript.replay import Result, check_turn
from assistant.values import Value

#: Inputs the app replay can press; the others need screens (review, notes) of their own.
SUPPORTED = frozenset({"start", "answer", "next", "read_to", "back", "dont_know", "decline"})


class Pilot(Protocol):
    """The part of ``textual.pilot.Pilot`` used here."""

    async def press(self, *keys: str) -> None:
        """Press keys in order, waiting for the app to settle after each."""

    async def click(self, selector: str) -> Any:
        """Click the widget matching ``selector``."""

    async def pause(self, delay: float | None = None) -> None:
        """Let pending messages run."""


class App(Protocol):
    """The part of ``AssistantApp`` used here."""

    session: Session
    t: Translator


def unsupported(golden: Golden) -> list[str]:
    """The inputs of ``golden`` that the app replay cannot press yet."""
    return sorted({turn.action for turn in golden.turns} - SUPPORTED)


#: Types text into the focused box; the default presses each key, a test may paste instead.
Typist = Callable[[str], Awaitable[None]]


async def replay_in_app(
    golden: Golden, app: App, pilot: Pilot, typist: Typist | None = None
) -> Result:
    """Press every turn of ``golden`` into the running ``app``; compare steps and outcome."""
    result = Result(golden.display, golden.title, turns=len(golden.turns))
    at = ""  # the step the golden expects the person to be at before each turn
    follow_up: str | None = None  # the second of two questions on the screen, next to answer
    for number, turn in enumerate(golden.turns):
        if _answered_on_start(turn, at, app.session):
            # The start screen asked it: the app does not ask it again. Read on to where it
            # would have been, and answer nothing.
            if turn.action == "read_to":
                await press_turn(turn, app, pilot, typist)
            at = str(turn.value) if turn.action == "read_to" else str(turn.checks.get("state", at))
            continue
        following = golden.turns[number + 1 : number + 2]
        paired = None if follow_up else _pairs_on(turn, following, app.session)
        at = str(turn.value) if turn.action == "read_to" else str(turn.checks.get("state", at))
        if turn.action != "start":
            await press_turn(turn, app, pilot, typist, follow_up)
        follow_up = paired
        if paired is not None:  # answered with the follow-up, by the next turn's Enter
            continue
        if at in _given(app.session):
            continue  # the golden stops at a question the app does not ask: nothing to see
        session = app.session
        shown = [views.current_view(session)]
        failures = check_turn(turn, number, session, list(shown), app.t)
        result.failures += failures
        if any(f.what == "the step reached differs" for f in failures):
            result.failures.append(Failure(turn.line, f"turn {number}", "replay stopped here"))
            return result
    result.failures += compare_outcome(golden, app.session, app.t)
    return result


def _pairs_on(turn: Turn, following: Sequence[Turn], session: Session) -> str | None:
    """The follow-up answered on the same screen by the next turn, when ``turn`` answers
    the first of two questions on one screen; else None."""
    step = session.bundle.steps[session.current].step
    paired = isinstance(step, model.Ask) and step.with_next and turn.action == "answer"
    if not paired or not following or following[0].action != "answer":
        return None
    return session.bundle.steps[session.current].edges[0].target


def _given(session: Session) -> set[str]:
    """The questions the app's start screen answered, which the app does not ask again."""
    answered = session.setup.get("answered")
    return set(answered) if isinstance(answered, dict) else set()


def _answered_on_start(turn: Turn, at: str, session: Session) -> bool:
    """Whether ``turn`` reaches or answers a question the app's start screen answered."""
    given = _given(session)
    if turn.action == "read_to":
        return turn.value in given
    return turn.action == "answer" and at in given


async def press_turn(
    turn: Turn, app: App, pilot: Pilot, typist: Typist | None = None, key: str | None = None
) -> None:
    """The keys for one turn, chosen from the step on the screen now (or ``key``, the
    follow-up on the screen with it)."""
    action = turn.action
    if action not in SUPPORTED:
        raise ValueError(f"'{action}' cannot be replayed in the app yet")
    if action == "next":
        await pilot.press("enter")
    elif action == "read_to":
        for _ in range(len(app.session.bundle.steps)):
            step = app.session.bundle.steps[app.session.current].step
            if app.session.current == turn.value or not isinstance(step, model.Say):
                break
            await pilot.press("enter")
    elif action == "back":
        await pilot.press("f2")
    elif action in ("dont_know", "decline"):
        await pilot.click("#unknown" if action == "dont_know" else "#decline")
    else:
        key = key or app.session.current
        step = app.session.bundle.steps[key].step
        assert isinstance(step, model.Ask), f"{key} is not a question"
        if step.type in TYPED and typist is not None:
            await typist(str(turn.value))
            await pilot.press("enter")
        else:
            await pilot.press(*keys_for(step, turn.value))
    await pilot.pause()


#: Answer types typed into a text box.
TYPED = frozenset({"text", "number", "money"})


def keys_for(step: model.Ask, value: Value | list[str] | int | float) -> list[str]:
    """The key presses that give ``value`` to ``step`` in the app's step views."""
    values = [c.value for c in step.choices]
    if step.type == "choice":
        index = values.index(str(value)) + 1 if str(value) in values else int(str(value))
        if index > 9:
            raise ValueError("only the first nine options have a number key")
        return [str(index)]
    if step.type == "yesno":
        return ["1" if value is True or str(value).lower() in ("yes", "y") else "2"]
    if step.type == "multi":
        chosen = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
        keys: list[str] = []
        for position, option in enumerate(values):
            keys += ["space"] if option in chosen else []
            keys += ["down"] if position < len(values) - 1 else []
        return [*keys, "enter"]
    return [*str(value), "enter"]
