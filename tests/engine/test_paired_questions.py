"""Two questions on one screen (``with_next`` on a question): what the engine shows, how
the answers are recorded, and where going back and editing lead."""

from __future__ import annotations

from assistant.engine.outputs import StepShown
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle


def _shown(outputs: list[object]) -> StepShown:
    [shown] = [o for o in outputs if isinstance(o, StepShown)]
    return shown


def test_the_first_question_carries_the_follow_up(pair_flow: Bundle) -> None:
    session = Session(pair_flow)
    first = _shown(session.start())
    assert first.step == "main.hard" and first.continues is None
    follow = first.follow_up
    assert follow is not None
    assert follow.step == "main.helps"
    assert follow.text.id == "What would help with washing?"
    assert [c.value for c in follow.choices] == ["visits", "equipment"]
    assert follow.optional and follow.follow_up is None and follow.before == ()


def test_answers_are_recorded_one_at_a_time_and_the_follow_up_continues(
    pair_flow: Bundle,
) -> None:
    session = Session(pair_flow)
    session.start()
    second = _shown(session.answer(["help"]))
    assert session.answers == {"main.hard": ("help",)}  # recorded before moving on
    assert second.step == "main.helps"
    assert second.continues == "main.hard"
    assert second.follow_up is None
    third = _shown(session.answer(["visits"]))
    assert third.step == "main.after" and third.continues is None
    answered = [e.step for e in session.events if e.kind == "answered"]
    assert answered == ["main.hard", "main.helps"]


def test_going_back_reaches_the_pair_not_the_follow_up_alone(pair_flow: Bundle) -> None:
    session = Session(pair_flow)
    session.start()
    session.answer(["help"])
    session.answer(["visits"])
    back = _shown(session.back())
    assert back.step == "main.hard"
    assert back.follow_up is not None and back.follow_up.current == ("visits",)
    assert back.current == ("help",)
    session.answer(["pain"])
    assert session.current == "main.helps"
    back_again = _shown(session.back())  # from the follow-up too: the pair
    assert back_again.step == "main.hard"


def test_after_going_back_the_follow_up_does_not_say_it_continues(pair_flow: Bundle) -> None:
    session = Session(pair_flow)
    session.start()
    session.answer(["help"])
    session.answer(["visits"])
    shown = _shown(session.edit("main.helps"))  # changed on its own, from review
    assert shown.step == "main.helps" and shown.continues is None


def test_changing_the_first_answer_asks_the_follow_up_with_it(pair_flow: Bundle) -> None:
    session = Session(pair_flow)
    session.start()
    session.answer(["help"])
    session.answer(["visits"])
    session.answer(True)
    session.edit("main.hard")
    follow = _shown(session.answer(["pain"]))
    # Not passed over as already answered: it was on the screen just answered.
    assert follow.step == "main.helps" and follow.current == ("visits",)
    session.answer(["equipment"])
    assert session.ended  # then on, past what is answered, to where the person was
    assert session.answers["main.helps"] == ("equipment",)


def test_check_judges_an_answer_without_recording_it(pair_flow: Bundle) -> None:
    session = Session(pair_flow)
    session.start()
    assert session.check("main.helps", ["visits"]) is None
    refused = session.check("main.helps", ["nonsense"])
    assert refused is not None and refused.step == "main.helps"
    assert session.answers == {} and not [e for e in session.events if e.kind == "answered"]


def test_a_replayed_log_gives_the_same_pair(pair_flow: Bundle) -> None:
    session = Session(pair_flow)
    session.start()
    session.answer(["help"])
    rebuilt = Session.replay(pair_flow, session.events)
    assert rebuilt.current == "main.helps"
    assert rebuilt.view().continues == "main.hard"  # type: ignore[union-attr]
