"""The Session: answering, validation, back, edit, review, progress, interrupts and replay."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial

import pytest

from assistant.engine.graph import Conversation, graph_for
from assistant.engine.outputs import (
    AnswerRejected,
    ConversationEnded,
    HelpShown,
    Notice,
    Paused,
    StepShown,
)
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.values import Special

Clock = Callable[[], str]


def walk(session: Session, *answers: object) -> None:
    for answer in answers:
        outputs = session.answer(answer)
        assert not isinstance(outputs[0], AnswerRejected), (answer, outputs)


def to_tasks(session: Session) -> None:
    session.start()
    walk(session, None, "Ann", "1", "70", None)
    assert session.current == "needs.tasks"


def test_start_shows_the_first_step(example: Bundle) -> None:
    [shown] = Session(example).start()
    assert isinstance(shown, StepShown)
    assert (shown.step, shown.kind) == ("welcome.hello", "say")
    assert shown.text.context == "welcome.hello"


def test_outputs_carry_message_ids_and_parameters_not_text(example: Bundle) -> None:
    session = Session(example)
    session.start()
    walk(session, None, "Ann")
    [shown] = session.show()
    assert isinstance(shown, StepShown)
    assert shown.text.id == "Who is answering, {name}?"
    assert shown.text.params == {"name": "Ann"}
    assert [c.value for c in shown.choices] == ["self", "supporter"]


@pytest.mark.parametrize(
    ("answers", "step", "rejected"),
    [
        ((None, ""), "welcome.name", "Please type an answer"),
        ((None, "Ann", "7"), "welcome.answering_for", "from 1 to {count}"),
        ((None, "Ann", "1", "12"), "welcome.age", "from {minimum} to {maximum}"),
        ((None, "Ann", "1", "old"), "welcome.age", "whole number"),
        ((None, "Ann", "1", Special.UNKNOWN), "welcome.age", "I don't know"),
    ],
)
def test_invalid_answers_are_refused_kindly_and_lose_nothing(
    example: Bundle, answers: tuple[object, ...], step: str, rejected: str
) -> None:
    session = Session(example)
    session.start()
    *good, bad = answers
    walk(session, *good)
    before = dict(session.answers)
    [output] = session.answer(bad)
    assert isinstance(output, AnswerRejected)
    assert output.step == step == session.current
    assert rejected in output.message.id
    assert session.answers == before


def test_answer_types_are_parsed(example: Bundle) -> None:
    session = Session(example)
    to_tasks(session)
    walk(session, "3, 1", "y", None, "12", "£999.5")
    assert session.answers["needs.tasks"] == ("washing", "shopping")
    assert session.answers["needs.has_carer"] is True
    assert session.answers["needs.hours"] == 12
    assert session.answers["needs.rate"] == Decimal("999.50")
    assert session.ended


def test_branch_follows_the_answers(example: Bundle) -> None:
    with_carer, without = Session(example), Session(example)
    for session, carer in ((with_carer, "yes"), (without, "no")):
        to_tasks(session)
        walk(session, "1", carer)
    assert with_carer.current == "needs.carer_right"
    assert without.current == "needs.hours"


def test_back_keeps_answers_and_prefills(example: Bundle) -> None:
    session = Session(example)
    to_tasks(session)
    [shown] = session.back()
    assert isinstance(shown, StepShown) and shown.step == "welcome.assessment_right"
    [shown] = session.back()
    assert isinstance(shown, StepShown) and shown.step == "welcome.age"
    assert shown.current == 70
    walk(session, "71")
    assert session.current == "welcome.assessment_right"
    assert session.answers["welcome.name"] == "Ann"


def test_a_prefill_we_never_write_is_left_out_not_a_crash(example: Bundle) -> None:
    """A log from outside (sessions import) may hold any setup: a prefill that is not an
    answer is offered as nothing, and replaying the log still works."""
    setup = {"prefill": {"welcome.answering_for": {"special": "Mary"}, "welcome.age": 70}}
    live = Session(example)
    live.start(setup)
    walk(live, "Ann")
    [shown] = live.show()
    assert isinstance(shown, StepShown) and shown.current is None
    assert Session.replay(example, live.events).answers == live.answers


def test_back_at_the_first_step_is_a_notice(example: Bundle) -> None:
    session = Session(example)
    session.start()
    [output] = session.back()
    assert isinstance(output, Notice)
    assert session.current == "welcome.hello"


def test_edit_reasks_only_the_changed_path_then_returns(example: Bundle) -> None:
    session = Session(example)
    to_tasks(session)
    walk(session, "1", "no", "10")
    assert session.current == "needs.rate"
    session.edit("needs.has_carer")
    assert session.editing
    walk(session, "yes")
    # the new path shows the carer's right (new), then skips the answered hours
    assert session.current == "needs.carer_right"
    walk(session, None)
    assert session.current == "needs.rate"
    assert not session.editing
    assert session.answers["needs.hours"] == 10


def test_edit_to_the_same_path_returns_straight_to_where_they_were(example: Bundle) -> None:
    session = Session(example)
    to_tasks(session)
    walk(session, "1", "no", "10")
    session.edit("welcome.name")
    walk(session, "Annie")
    assert session.current == "needs.rate"
    [shown] = session.show()
    assert isinstance(shown, StepShown)


def test_answers_off_the_path_never_steer_conditions(example: Bundle) -> None:
    session = Session(example)
    to_tasks(session)
    walk(session, "1", "yes")
    session.back()  # to has_carer; its answer stays stored but is off the path for conditions
    assert "needs.has_carer" not in session._conv.env  # noqa: SLF001
    walk(session, "no")
    assert session.current == "needs.hours"


def test_review_lists_answers_in_order_with_their_steps(example: Bundle) -> None:
    session = Session(example)
    to_tasks(session)
    walk(session, "1", "no")
    session.back()
    session.back()  # back to tasks: review still shows what lies ahead, already answered
    steps = [item.step for item in session.review()]
    assert steps == [
        "welcome.name",
        "welcome.answering_for",
        "welcome.age",
        "needs.tasks",
        "needs.has_carer",
    ]


def test_progress_upper_count_never_rises_going_forward(example: Bundle) -> None:
    session = Session(example)
    session.start()
    seen = [session.progress().remaining_at_most]
    for answer in (None, "Ann", "1", "70", None, "1", "yes", None, "5", "10"):
        walk(session, answer)
        seen.append(session.progress().remaining_at_most)
    assert seen == sorted(seen, reverse=True)
    assert seen[-1] == 0
    progress = session.progress()
    assert (progress.step, progress.steps) == (2, 2)  # two parts: welcome, then needs


def test_interrupts_work_in_every_state_without_moving(example: Bundle) -> None:
    session = Session(example)
    session.start()
    walk(session, None, "Ann")
    where = session.current
    assert isinstance(session.help_now()[0], HelpShown)
    assert isinstance(session.pause("ABC")[0], Paused)
    assert session.resume()[0].step == where  # type: ignore[union-attr]
    assert session.current == where
    kinds = [e.kind for e in session.events[-4:]]
    assert kinds == ["help_opened", "paused", "resumed", "shown"]


def test_decline_only_where_allowed(example: Bundle) -> None:
    session = Session(example)
    session.start()
    walk(session, None)
    assert isinstance(session.decline()[0], AnswerRejected)  # the name is not optional
    walk(session, "Ann", "1")
    assert isinstance(session.decline()[0], StepShown)
    assert session.answers["welcome.age"] is Special.DECLINED


def test_reaching_the_end(example: Bundle) -> None:
    session = Session(example)
    to_tasks(session)
    walk(session, "1", "no", "10", "13")
    [shown] = session.show()
    assert isinstance(shown, ConversationEnded)
    assert shown.text is not None and shown.text.params == {"welcome.name": "Ann"}
    assert isinstance(session.answer("more")[0], Notice)


def test_replay_rebuilds_the_session_exactly(example: Bundle, clock: Clock) -> None:
    live = Session(example, clock=clock)
    to_tasks(live)
    walk(live, "1,2", "no")
    live.back()
    walk(live, "yes")
    live.edit("welcome.age")
    walk(live, "81")
    live.help_now()
    live.record("note", {"text": "caller is tired"})
    live.pause("XYZ")
    rebuilt = Session.replay(example, live.events)
    assert rebuilt.events == live.events
    assert (rebuilt.current, rebuilt.path, rebuilt.answers) == (
        live.current,
        live.path,
        live.answers,
    )
    assert rebuilt.acknowledged == live.acknowledged
    assert rebuilt.review() == live.review()


def test_replay_of_a_log_that_no_longer_fits_is_an_error(example: Bundle) -> None:
    from dataclasses import replace

    from assistant.engine.events import ReplayError

    live = Session(example)
    to_tasks(live)
    tampered = [replace(e, step="welcome.nowhere") if e.seq == 4 else e for e in live.events]
    with pytest.raises(ReplayError):
        Session.replay(example, tampered)


def test_event_log_round_trips_through_json(example: Bundle) -> None:
    from assistant.engine.events import Event

    live = Session(example)
    to_tasks(live)
    walk(live, "1", "no", "10", "13.50")
    decoded = [Event.from_json(e.to_json()) for e in live.events]
    assert Session.replay(example, decoded).answers == live.answers


def test_one_machine_is_shared_and_has_no_auto_transitions(example: Bundle) -> None:
    first, second = Session(example), Session(example)
    machine = graph_for(example).machine
    assert first._graph.machine is second._graph.machine is machine  # noqa: SLF001
    assert not any(name.startswith("to_") for name in machine.events)
    assert list(machine.events) == ["advance"]
    first.close()
    assert first._conv not in machine.models  # noqa: SLF001


def test_a_conversation_model_keeps_no_method_per_step(example: Bundle) -> None:
    """transitions gives every model an ``is_<step>`` method per state (160 KiB a model in
    England); the engine's models keep only their state, answers and one trigger."""
    session = Session(example)
    session.start()
    walk(session, None, "Ann")
    projection = session.projection_model()
    for conversation in (session._conv, projection):  # noqa: SLF001
        assert sorted(vars(conversation)) == ["advance", "env", "state"]
    assert session.current == session._conv.state  # noqa: SLF001 - the trigger still moves it
    projection.env = dict(session.path_answers)
    graph_for(example).machine.set_state(session.current, model=projection)
    assert projection.state == session.current


def test_a_conversation_model_keeps_its_own_attributes_named_like_transitions_methods() -> None:
    """Only transitions' convenience methods are left out, not a value of ours that merely
    has a name starting ``is_``, ``may_`` or ``trigger``."""
    conversation = Conversation()
    conversation.is_ready = True
    conversation.may_skip = "yes"
    conversation.is_ended = partial(print)
    assert vars(conversation) == {"env": {}, "is_ready": True, "may_skip": "yes"}


def test_start_setup_is_logged_prefills_and_replays(example: Bundle) -> None:
    setup = {
        "mode": "adviser_call",
        "case": "C-17",
        "prefill": {"welcome.answering_for": "supporter"},
    }
    live = Session(example)
    [first] = live.start(setup)
    # An adviser-led call: the welcome goes beside the first question, not on a screen.
    assert isinstance(first, StepShown) and first.step == "welcome.name"
    assert [e.step for e in first.before] == ["welcome.hello"]
    walk(live, "Ann")
    [shown] = live.show()
    assert isinstance(shown, StepShown) and shown.current == "supporter"  # offered, not yet given
    assert "welcome.answering_for" not in live._conv.env  # noqa: SLF001 - not on the path until confirmed
    walk(live, "supporter")
    rebuilt = Session.replay(example, live.events)
    assert rebuilt.setup == setup
    assert rebuilt.answers == live.answers


def test_a_log_cut_off_before_its_last_shown_event_still_replays(example: Bundle) -> None:
    live = Session(example)
    to_tasks(live)
    walk(live, "1")
    cut = live.events[:-1]  # the process died after logging the answer, before "shown"
    assert cut[-1].kind == "answered"
    rebuilt = Session.replay(example, cut)
    assert rebuilt.answers == live.answers and rebuilt.current == live.current


@pytest.mark.parametrize("kind", ["went_back", "edited"])
def test_replay_of_a_command_the_flow_refuses_is_an_error_not_a_hang(
    example: Bundle, kind: str
) -> None:
    from dataclasses import replace

    from assistant.engine.events import Event, ReplayError

    live = Session(example)
    live.start()
    first = live.events[:2]  # started, shown at the first step: back is impossible there
    odd = Event(3, kind, first[-1].at, "welcome.nowhere" if kind == "edited" else "welcome.hello")  # type: ignore[arg-type]
    with pytest.raises(ReplayError):
        Session.replay(example, [*first, replace(odd)])


def test_a_superscript_digit_at_a_choice_is_refused_kindly(example: Bundle) -> None:
    session = Session(example)
    session.start()
    walk(session, None, "Ann")
    [output] = session.answer("²")
    assert isinstance(output, AnswerRejected)


def test_a_question_answered_on_the_start_screen_is_not_asked_again(example: Bundle) -> None:
    setup = {"mode": "self", "answered": {"welcome.answering_for": "supporter"}}
    live = Session(example)
    live.start(setup)
    walk(live, None, "Ann")
    [shown] = live.show()
    assert isinstance(shown, StepShown) and shown.step == "welcome.age"  # straight past it
    assert live.answers["welcome.answering_for"] == "supporter"
    assert "welcome.answering_for" in [item.step for item in live.review()]
    [back] = live.back()
    assert isinstance(back, StepShown) and back.step == "welcome.name"  # not the answered one
    walk(live, "Ann")
    assert live.current == "welcome.age"  # and on again, still without asking it
    rebuilt = Session.replay(example, live.events)
    assert rebuilt.current == live.current and rebuilt.answers == live.answers
    live.edit("welcome.answering_for")  # it can still be changed from the review
    assert live.current == "welcome.answering_for"
