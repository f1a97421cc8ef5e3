"""Going anywhere in a conversation: every section with where it stands, and jumps to any.

An adviser follows the caller: someone just out of hospital may ask about money before
the day-to-day questions are done. :func:`overview` lists every section of the bundle,
numbered by its place in the bundle (so the numbers never change), as done (or partly
done, when questions in it were jumped over), current, not yet reached or not applicable. A jump goes to any section, back or ahead:

- back, to a section on the path: the path is rewound to its first screen there, and the
  answers after it are kept (as after "Back");
- ahead: the path goes on from the section's first step, as if the steps between had
  been passed; the questions on the way there that have no answer are *jumped over*, and
  review and the plan say "not asked yet" for them until they are answered;
- "back to where I was" (:func:`return_target`) goes to the step the adviser left with the
  first jump, walking forward through what is already answered so the path stays whole.

Answers given after a jump and then left behind (by jumping back) stay visible in review
(``Session.kept_aside``): an answer is never lost from sight. Everything here is pure and
replays exactly: the session logs each jump as a ``jumped`` event.
"""

from __future__ import annotations

from typing import Literal, Protocol

import msgspec  # its Structs are made at once; a dataclass type took 0.4 ms of the start

from assistant.engine.outputs import Msg
from assistant.engine.progress import is_screen
from assistant.engine.views import SessionState
from assistant.flow import model

Status = Literal["done", "partly", "current", "ahead", "not_applicable"]


class Session(SessionState, Protocol):
    """What navigating reads of a session (:class:`assistant.engine.session.Session` is one)."""

    @property
    def return_point(self) -> str | None:
        """Where the adviser was before jumping (None when not away)."""
        ...

    def not_asked(self) -> list[str]:
        """Questions jumped over that still have no answer."""
        ...


class SectionState(msgspec.Struct, frozen=True):
    """One section as the navigator lists it; ``number`` is its place in the bundle."""

    number: int
    key: str
    title: Msg
    status: Status
    #: Questions jumped over in this section that still have no answer.
    not_asked: int = 0


def overview(session: Session) -> list[SectionState]:
    """Every section of the bundle, in order, with where the conversation stands on it."""
    steps = session.bundle.steps
    current = steps[session.current].section
    reached = {steps[key].section for key in session.path[:-1]}
    ahead = reachable_sections(session, session.current)
    if session.return_point is not None:  # what lies between here and where the adviser was
        ahead |= reachable_sections(session, session.return_point)
    waiting: dict[str, int] = {}
    for key in session.not_asked():
        waiting[steps[key].section] = waiting.get(steps[key].section, 0) + 1
    states = []
    for number, section in enumerate(session.bundle.sections, start=1):
        status: Status
        if section.key == current:
            status = "current"
        elif section.key in reached:  # reached; "partly" if questions were jumped over
            status = "partly" if section.key in waiting else "done"
        elif section.key in ahead or section.key in waiting:
            status = "ahead"
        else:
            status = "not_applicable"
        title = Msg(section.title, f"{section.module}.section")
        states.append(SectionState(number, section.key, title, status, waiting.get(section.key, 0)))
    return states


def reachable_sections(session: Session, start: str) -> set[str]:
    """The sections of every step that can follow ``start``, whatever the answers."""
    steps = session.bundle.steps
    return {steps[key].section for key in reachable(session, start)}


def reachable(session: Session, start: str) -> set[str]:
    """Every step that can follow ``start`` (itself included), whatever the answers."""
    steps = session.bundle.steps
    seen = {start}
    todo = [start]
    while todo:
        for edge in steps[todo.pop()].edges:
            if edge.target in steps and edge.target not in seen:
                seen.add(edge.target)
                todo.append(edge.target)
    return seen


def entry(session: Session, section: str) -> str | None:
    """Where a jump to ``section`` lands: going back, its first question on the path (else
    its first screen there); going ahead, its first step in the bundle. None for a section
    the bundle does not have."""
    steps = session.bundle.steps
    here = [key for key in session.path[:-1] if steps[key].section == section]
    asked = [key for key in here if isinstance(steps[key].step, model.Ask)]
    panels = session.panels_information
    screens = [key for key in here if is_screen(steps[key].step, panels=panels)]
    if asked or screens:
        return (asked or screens)[0]
    return next((key for key, info in steps.items() if info.section == section), None)


def passed_over(session: Session, origin: str, target: str) -> list[str]:
    """The questions without an answer on the way from ``origin`` to ``target``'s section,
    walking the way the answers so far lead (a question with no answer leads where a
    missing answer does)."""
    steps = session.bundle.steps
    section = steps[target].section
    scratch = session.projection_model()
    scratch.env = dict(session.path_answers)
    session.graph.machine.set_state(origin, model=scratch)
    found: list[str] = []
    for _ in range(len(steps)):
        key = scratch.state
        step = steps[key].step
        if steps[key].section == section or key == target or isinstance(step, model.End):
            break
        if isinstance(step, model.Ask):
            if key in session.answers:
                scratch.env[key] = session.answers[key]
            else:
                found.append(key)
        scratch.advance()
    return found
