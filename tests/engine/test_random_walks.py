"""Random walks over every shipped flow: random answers (invalid ones too), back, edit and
interrupts. Every walk must run without an exception, finish at an end step, and replay."""

from __future__ import annotations

import os
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.engine.outputs import ConversationEnded, StepShown
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.flow.loading import find_bundles, load_bundle
from assistant.values import Special

FLOWS = Path(__file__).parents[2] / "flows"
BUNDLES = [p.name for p in find_bundles(FLOWS)]
#: Walks per bundle; set WALKS=1000 for a long bug hunt (CI runs the default).
WALKS = int(os.environ.get("WALKS", "60"))
ACTIONS = ["valid"] * 6 + ["invalid", "back", "edit", "help", "pause", "review", "special"]


@cache
def bundle(name: str) -> Bundle:
    return load_bundle(FLOWS / name)


def valid_answer(view: StepShown, data: st.DataObject) -> object:
    kind = view.answer_type
    if view.kind == "say":
        return None
    if kind == "choice":
        return data.draw(st.sampled_from([c.value for c in view.choices]))
    if kind == "multi":
        values = [c.value for c in view.choices]
        return tuple(data.draw(st.lists(st.sampled_from(values), min_size=1, unique=True)))
    if kind == "yesno":
        return data.draw(st.sampled_from(["yes", "no", True, False]))
    low = int(view.minimum) if view.minimum is not None else 0
    high = int(view.maximum) if view.maximum is not None else 1000
    if kind == "number":
        return str(data.draw(st.integers(low, high)))
    if kind == "money":
        pence = data.draw(st.integers(low * 100, high * 100))
        return f"£{Decimal(pence) / 100:,.2f}"
    return data.draw(st.text(min_size=1, max_size=40).filter(str.strip))


def act(session: Session, action: str, data: st.DataObject) -> None:
    view = session.show()[0]
    if action == "valid" and isinstance(view, StepShown):
        session.answer(valid_answer(view, data))
    elif action == "invalid":
        session.answer(data.draw(st.one_of(st.text(max_size=30), st.integers(), st.none())))
    elif action == "back":
        session.back()
    elif action == "edit" and session.review():
        session.edit(data.draw(st.sampled_from([item.step for item in session.review()])))
    elif action == "help":
        session.help_now()
    elif action == "pause":
        session.pause("REF")
        session.resume()
    elif action == "review":
        session.review()
    elif action == "special":
        session.answer(data.draw(st.sampled_from([Special.UNKNOWN, Special.DECLINED])))


def finish(session: Session, data: st.DataObject) -> None:
    for _ in range(len(session.bundle.steps) * 2):
        view = session.show()[0]
        if isinstance(view, ConversationEnded):
            return
        assert isinstance(view, StepShown)
        session.answer(valid_answer(view, data))
    pytest.fail(f"no end reached in {session.bundle.id}; stuck at {session.current}")


@pytest.mark.parametrize("name", BUNDLES)
@settings(max_examples=WALKS, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_walk_never_fails_and_always_can_finish(name: str, data: st.DataObject) -> None:
    session = Session(bundle(name))
    session.start()
    for action in data.draw(st.lists(st.sampled_from(ACTIONS), max_size=120)):
        act(session, action, data)
    finish(session, data)
    assert session.ended
    rebuilt = Session.replay(session.bundle, session.events)
    assert (rebuilt.current, rebuilt.answers, rebuilt.path) == (
        session.current,
        session.answers,
        session.path,
    )
    session.close()
    rebuilt.close()


@pytest.mark.parametrize("name", BUNDLES)
@settings(max_examples=max(WALKS // 3, 10), deadline=None)
@given(data=st.data())
def test_keep_after_going_back_gives_the_same_answer_and_the_same_next_step(
    name: str, data: st.DataObject
) -> None:
    session = Session(bundle(name))
    session.start()
    for _ in range(data.draw(st.integers(1, 80))):
        view = session.show()[0]
        if isinstance(view, ConversationEnded):
            break
        assert isinstance(view, StepShown)
        if view.kind == "ask" and data.draw(st.booleans()) and view.allow_unknown:
            session.answer(Special.UNKNOWN)
        else:
            session.answer(valid_answer(view, data))
        after, answers = session.current, dict(session.answers)
        session.back()
        if session.current in answers:  # went back to the question just answered
            session.keep()
            shown = session.view()
            if isinstance(shown, StepShown) and shown.continues and session.current in answers:
                session.keep()  # back from a follow-up reaches its pair: keep both answers
            assert (session.current, session.answers) == (after, answers)
    session.close()
