"""A deterministic person who answers every question validly, for whole-conversation runs.

``pick`` chooses which option of a list to take: "first" always takes the first, and
"varied:N" takes one chosen by a checksum of N and the step key, so they walk different
paths through the branches while every run stays the same. :func:`longest_varied` finds
the N whose walk is longest, as the whole conversation to measure. The same choices are
made as engine answers (budgets 4 and 9's driver) and as key presses (budget 3).
"""

from __future__ import annotations

import zlib
from typing import Any

from assistant.engine.outputs import ConversationEnded, StepShown

TEXT_ANSWER = "Bench answer"


def _index(view: StepShown, count: int, pick: str) -> int:
    if pick == "first":
        return 0
    return zlib.crc32(f"{pick}/{view.step}".encode()) % count


def _number(view: StepShown, default: float) -> int:
    low = view.minimum if view.minimum is not None else 0
    high = view.maximum if view.maximum is not None else default
    return int(min(max(default, low), high))


def engine_answer(view: StepShown, pick: str = "first") -> Any:
    """The raw answer a front end would pass to ``Session.answer`` for this step."""
    if view.kind == "say":
        return None
    kind = view.answer_type
    if kind == "choice":
        return view.choices[_index(view, len(view.choices), pick)].value
    if kind == "multi":
        return [view.choices[_index(view, len(view.choices), pick)].value]
    if kind == "yesno":
        return _index(view, 2, pick) == 0
    if kind == "number":
        return str(_number(view, 3))
    if kind == "money":
        return f"{_number(view, 100)}.00"
    return TEXT_ANSWER


#: What a terminal sends for the keys the driver presses.
ENTER, SPACE, DOWN = "\r", " ", "\x1b[B"


def keys(view: StepShown, pick: str = "first") -> list[str]:
    """What a terminal would send to give the same answer in the app, one key per item.

    The last key submits the answer (Enter); budget 3 times that one.
    """
    if view.kind == "say":
        return [ENTER]
    kind = view.answer_type
    count = 2 if kind == "yesno" else len(view.choices)
    move = [DOWN] * (_index(view, count, pick) if kind in ("choice", "yesno", "multi") else 0)
    if kind in ("choice", "yesno"):
        return [*move, ENTER]
    if kind == "multi":
        return [*move, SPACE, ENTER]
    return [*str(engine_answer(view, pick)), ENTER]


def screen_keys(view: StepShown, pick: str = "first") -> list[str]:
    """The keys for everything on one screen: the step, then its follow-up if it has one.

    On two questions shown together (the flow's ``with_next``), Enter on the first moves
    to the second and Enter there answers both, so the app shows its next screen only
    after the follow-up's keys: typed at once, as a fast typist would.
    """
    follow = view.follow_up
    return keys(view, pick) + (keys(follow, pick) if follow is not None else [])


def finished(outputs: list[Any]) -> bool:
    """Whether the conversation has reached its end."""
    return any(isinstance(o, ConversationEnded) for o in outputs)


def shown(outputs: list[Any]) -> StepShown | None:
    """The step now on screen, if the outputs show one."""
    for output in outputs:
        if isinstance(output, StepShown):
            return output
    return None


def walk_length(session: Any, pick: str) -> int:
    """How many answers a whole conversation takes with ``pick`` (the session is used up)."""
    view = shown(session.start())
    answers = 0
    while view is not None:
        view = shown(session.answer(engine_answer(view, pick)))
        answers += 1
    session.close()
    return answers


def longest_varied(make_session: Any, tries: int = 20) -> str:
    """The "varied:N" pick (N below ``tries``) with the longest conversation."""
    lengths = {f"varied:{n}": walk_length(make_session(), f"varied:{n}") for n in range(tries)}
    return max(lengths, key=lambda pick: lengths[pick])
