"""Walk an event log through the engine again, keeping what was shown at every step.

The log records *that* a step was shown, not its words: the words depend on the flow and
on the answers given so far (``Who is answering, {name}?``). Walking the log through a
fresh :class:`Session` with the log's own clock gives back each output exactly as the
person saw it, so a transcript never has to store (or leak) rendered text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from assistant.engine.events import Event, ReplayError
from assistant.engine.outputs import ConversationEnded, Output, StepShown
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.values import Value, decode

#: Events that a front end asks for; the others ("shown", "ended") follow from them.
_DRIVERS = frozenset(
    {
        "started",
        "answered",
        "went_back",
        "edited",
        "paused",
        "resumed",
        "help_opened",
        "help_offered",
        "crisis_words_kept",
        "note",
        "language_changed",
        "call_details",
        "jumped",
    }
)


@dataclass(frozen=True)
class Entry:
    """One event of the log, with the step output it stands for (for "shown" and "ended")."""

    event: Event
    output: StepShown | ConversationEnded | None = None
    answer: Value | None = None


def walk(bundle: Bundle, events: Iterable[Event]) -> tuple[Session, list[Entry]]:
    """Replay ``events`` one by one; return the rebuilt session and one entry per event.

    Raises :class:`ReplayError` when the log does not fit the flow, exactly as
    :meth:`Session.replay` does, so a changed flow is reported the same way everywhere.
    """
    log = list(events)
    Session.replay(bundle, log).close()  # validates the whole log first, with its seq numbers
    # The log already holds every crisis offer, so the session must not make them again.
    session = Session(bundle, clock=_log_clock(log, lambda: len(session.events)), offer_help=False)
    entries: list[Entry] = []
    for event in log:
        if event.kind not in _DRIVERS:
            continue
        shown = [o for o in _drive(session, event) if isinstance(o, StepShown | ConversationEnded)]
        entries.append(Entry(event, answer=_answer_of(event)))
        entries.extend(_pair(log, len(entries), shown))
    return session, entries


def _log_clock(log: Sequence[Event], position: Callable[[], int]) -> Callable[[], str]:
    """A clock that gives each re-emitted event the time its original had."""

    def clock() -> str:
        index = position()
        return log[index].at if index < len(log) else ""

    return clock


def _pair(
    log: Sequence[Event], start: int, shown: list[StepShown | ConversationEnded]
) -> list[Entry]:
    """The "shown"/"ended" events that follow a command, each with its output."""
    return [Entry(log[start + n], output) for n, output in enumerate(shown)]


def _drive(session: Session, event: Event) -> list[Output]:
    kind = event.kind
    if kind == "started":
        return session.start()
    if kind == "answered":
        return session.answer(_answer_of(event))
    if kind == "went_back":
        return session.back()
    if kind == "edited" and event.step is not None:
        return session.edit(event.step)
    if kind == "jumped" and event.step is not None:
        return session.redo_jump(event)
    if kind == "paused":
        return session.pause()
    if kind == "resumed":
        return session.resume()
    if kind == "help_opened":
        return session.help_now(str(event.value))
    session.record(kind, event.value)
    return []


def _answer_of(event: Event) -> Value | None:
    if event.kind != "answered" or event.value is None:
        return None
    try:
        return decode(event.value)
    except ValueError as error:
        raise ReplayError(event.seq, str(error)) from None
