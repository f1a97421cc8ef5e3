"""Going anywhere, in the engine alone: every section with where it stands, jumps back and
ahead, questions jumped over, and coming back (see assistant.engine.navigation)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_random_walks import ACTIONS, act, bundle, finish

from assistant.engine.outputs import StepShown
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle


def _answer_until(session: Session, key: str) -> None:
    """Answer with the first choice (or the lowest number, or words) until ``key``."""
    for _ in range(300):
        if session.current == key:
            return
        view = session.view()
        assert isinstance(view, StepShown), session.current
        if view.kind == "say":
            session.answer()
        elif view.answer_type in ("choice", "multi"):
            first = view.choices[0].value
            session.answer((first,) if view.answer_type == "multi" else first)
        elif view.answer_type == "yesno":
            session.answer(False)
        elif view.answer_type in ("number", "money"):
            session.answer(str(view.minimum or 1))
        else:
            session.answer("In their own words")
    pytest.fail(f"never reached {key}; stopped at {session.current}")


@pytest.fixture
def call(england: Bundle) -> Session:
    """A call with a caller just out of hospital, at "what made you look for help now"."""
    session = Session(england)
    session.start({"mode": "adviser_call"})
    _answer_until(session, "getting_started.prompt")
    session.answer(("hospital", "mental_health"))
    return session


def _status(session: Session) -> dict[str, str]:
    return {s.key: s.status for s in session.sections()}


def test_every_section_is_numbered_by_its_place_in_the_bundle(call: Session) -> None:
    states = call.sections()
    assert [s.number for s in states] == list(range(1, len(call.bundle.sections) + 1))
    assert [s.key for s in states] == [s.key for s in call.bundle.sections]
    status = _status(call)
    assert status["getting_started.welcome"] == "done"
    assert status[call.bundle.steps[call.current].section] == "current"
    assert status["money.money"] == "ahead"


def test_jumping_ahead_passes_over_questions_and_can_come_back(call: Session) -> None:
    origin = call.current
    call.jump("money.money")
    assert call.bundle.steps[call.current].section == "money.money"
    assert call.return_point == origin
    skipped = call.not_asked()
    assert "what_matters.good_day" in skipped and "day_to_day.impairment" in skipped
    assert all(key not in call.answers for key in skipped)
    status = _status(call)
    assert status["getting_started.welcome"] == "done"
    assert status["what_matters.your_words"] == "ahead"  # jumped over: not yet reached
    assert status["money.money"] == "current"
    # Questions jumped over are in review, marked, and only when asked for.
    review = call.review(not_asked=True)
    assert {i.step for i in review if not i.asked} == set(skipped)
    assert all(i.asked for i in call.review())
    # An answer given here, then coming back: kept, and still in review.
    view = call.view()
    assert isinstance(view, StepShown) and view.kind == "ask"  # on a call, questions only
    call.answer(view.choices[0].value if view.choices else "1")
    answered = [k for k in call.answers if k.startswith("money.")]
    assert answered
    call.come_back()
    assert call.current == origin and call.return_point is None
    assert set(answered) <= {i.step for i in call.review()}
    # Going on from here reaches those answers again, kept for Enter to confirm.
    _answer_until(call, answered[0])
    assert call.view().current == call.answers[answered[0]]  # type: ignore[union-attr]


def test_jumping_back_and_coming_back_walks_through_what_is_answered(call: Session) -> None:
    _answer_until(call, "day_to_day.impairment")
    frontier = call.current
    call.jump("what_matters.your_words")
    assert call.current == "what_matters.good_day"  # the first question there
    call.come_back()
    assert call.current == frontier
    assert not call.not_asked()  # nothing was jumped over
    assert call.path[-1] == frontier and len(call.path) == len(set(call.path))


def test_a_jump_to_the_current_section_or_an_unknown_one_moves_nothing(call: Session) -> None:
    here, events = call.current, len(call.events)
    call.jump(call.bundle.steps[here].section)
    assert call.current == here
    [notice] = call.jump("no.such_section")
    assert "not in this conversation" in notice.message.id  # type: ignore[union-attr]
    [notice] = call.come_back()
    assert call.current == here and len(call.events) == events + 1  # only the "shown"
    assert "already where you were" in notice.message.id  # type: ignore[union-attr]


@pytest.mark.parametrize("name", ["england", "example"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_jumps_never_fail_lose_an_answer_or_repeat_a_step(
    name: str, data: st.DataObject
) -> None:
    session = Session(bundle(name))
    session.start({"mode": "adviser_call"})
    sections = [s.key for s in session.bundle.sections]
    for action in data.draw(
        st.lists(st.sampled_from([*ACTIONS, "jump", "come_back"]), max_size=80)
    ):
        before = dict(session.answers)
        if action == "jump":
            session.jump(data.draw(st.sampled_from(sections)))
        elif action == "come_back":
            session.come_back()
        else:
            act(session, action, data)
        assert set(before) <= set(session.answers)  # no answer is ever dropped
        if action in ("jump", "come_back"):
            assert before == session.answers  # moving about changes none
        assert len(session.path) == len(set(session.path)), session.path
        shown = {i.step for i in session.review(not_asked=True)}
        assert set(session.not_asked()) <= shown
    rebuilt = Session.replay(session.bundle, session.events)
    assert (rebuilt.current, rebuilt.answers, rebuilt.path, rebuilt.jumped_over) == (
        session.current,
        session.answers,
        session.path,
        session.jumped_over,
    )
    finish(session, data)
    assert session.ended


def test_what_was_explained_on_a_detour_is_kept(call: Session) -> None:
    """The contact record's rights come from every explanation given, even after coming
    back from a jump: the aftercare right told on the detour was told."""
    call.jump("mental_health.mental_health")
    call.answer(True)  # kept in hospital under the Act
    call.answer("s3")
    assert "mental_health.aftercare" in call.explained
    call.come_back()
    assert "mental_health.aftercare" not in call.path
    assert "mental_health.aftercare" in call.explained
    again = Session.replay(call.bundle, call.events)
    assert again.explained == call.explained
