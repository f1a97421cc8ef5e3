"""F8 in adviser mode: every section, numbered as in the conversation, and a jump to any of
them, back or ahead; Ctrl+R (or the navigator's last choice) comes back to the call."""

from __future__ import annotations

from textual.widgets import Input
from ui_helpers import SIZE, screen_text

from assistant.ui.review import ReviewScreen
from assistant.ui.summary import adviser_summary
from assistant.ui.widgets import ChoiceList

SECTIONS = ["Getting started", "Day to day", "Money"]


async def _to_tasks(pilot) -> None:
    """Hello, the name, "for myself", age 80, the right to an assessment: at needs.tasks."""
    await pilot.press("enter", *"Ann", "enter", "1", *"80", "enter", "enter")


def _labels(app) -> list[str]:
    return list(app.screen.query_one(ChoiceList).labels)


async def test_every_section_is_listed_with_stable_numbers_and_where_it_stands(make_app) -> None:
    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        first = _labels(app)
        assert first == [
            "Getting started: you are here",
            "Day to day: not yet reached",
            "Money: not yet reached",
            "Back to where I was (Ctrl+R)",
        ]
        await pilot.press("escape")
        await _to_tasks(pilot)
        await pilot.press("f8")
        later = _labels(app)
        # The same sections in the same places: numbers never change.
        assert [label.split(":")[0] for label in later[:3]] == SECTIONS
        assert later[:2] == ["Getting started: done", "Day to day: you are here"]
        prompt = str(app.screen.query_one(ChoiceList).options[1].prompt)
        assert "(•) 2. Day to day" in " ".join(prompt.split())  # marked in words and symbols


async def test_jump_ahead_then_come_back_with_one_key(make_app) -> None:
    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter")  # at "who is answering"
        assert app.session.current == "welcome.answering_for"
        await pilot.press("f8", "3")  # Money, ahead
        assert app.session.current == "needs.hours"
        assert isinstance(app.focused, Input)  # straight to the question's box
        await pilot.press(*"12", "enter")
        assert app.session.answers["needs.hours"] == 12
        await pilot.press("f8")
        labels = _labels(app)
        assert labels[0] == "Getting started: partly done; 2 questions not asked yet"
        assert labels[1] == "Day to day: not yet reached; 2 questions not asked yet"
        await pilot.press("escape", "ctrl+r")
        assert app.session.current == "welcome.answering_for"  # where the call was
        assert app.session.answers["needs.hours"] == 12  # kept, and still in sight:
        await pilot.press("f3")
        assert isinstance(app.screen, ReviewScreen)
        assert "12" in screen_text(app)


async def test_questions_jumped_over_are_not_asked_yet_in_review_and_the_plan(make_app) -> None:
    from assistant.plan import export

    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await _to_tasks(pilot)
        await pilot.press("f8", "3")  # Money: tasks and "do you have a carer" jumped over
        await pilot.press("f3")
        review = " ".join(screen_text(app).split())
        assert "Not asked yet: “Which of these are hard for you?" in review
        buttons = [str(b.label) for b in app.screen.query(".change")]
        assert buttons.count("[ Ask now ]") == 2
        plan = export(app.session, "md")
        assert plan.count("Not asked yet") == 2
        summary = adviser_summary(app.session, app.t, "adviser_call", "")
        assert "- 2 questions not asked yet" in summary  # one line, not one per question
        assert "Not asked yet" not in summary
        # "Ask now" goes to the question jumped over.
        await pilot.press("tab", "tab", "tab", "enter")
        assert app.session.current == "needs.tasks"


async def test_jump_back_and_return_keeps_every_answer(make_app) -> None:
    app = make_app("adviser_behalf")
    async with app.run_test(size=SIZE) as pilot:
        await _to_tasks(pilot)
        assert app.session.current == "needs.tasks"
        await pilot.press("f8", "1")  # back to Getting started: its first question
        assert app.session.current == "welcome.name"
        assert isinstance(app.focused, Input) and app.focused.value == "Ann"
        await pilot.press("f8", "4")  # back to where I was, from the navigator
        assert app.session.current == "needs.tasks"
        assert app.session.answers["welcome.age"] == 80
        await pilot.press("ctrl+r")
        assert "already where you were" in screen_text(app)


async def test_a_jump_replays_exactly(make_app) -> None:
    from assistant.engine.session import Session

    app = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "f8", "3", *"7", "enter", "ctrl+r")
        events = list(app.session.events)
    again = Session.replay(app.bundle, events)
    assert (again.current, again.path, again.jumped_over) == (
        app.session.current,
        app.session.path,
        app.session.jumped_over,
    )
    assert [e.kind for e in events].count("jumped") == 2
