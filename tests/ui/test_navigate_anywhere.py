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
            "Step 1, Getting started: you are here",  # numbered as the header numbers it
            "Day to day: not yet reached",
            "Money: not yet reached",
            "Back to where I was (Ctrl+R)",
        ]
        await pilot.press("escape")
        await _to_tasks(pilot)
        await pilot.press("f8")
        later = _labels(app)
        # The same sections in the same places: numbers never change.
        assert [label.split(":")[0].split(", ")[-1] for label in later[:3]] == SECTIONS
        assert later[:2] == ["Step 1, Getting started: done", "Step 2, Day to day: you are here"]
        prompt = str(app.screen.query_one(ChoiceList).options[1].prompt)
        assert "(•) 2. Step 2, Day to day" in " ".join(prompt.split())  # in words and symbols


async def test_the_sections_show_the_headers_step_numbers(england, clock) -> None:
    """The header said "Step 2 of 4" while F8 listed 22 sections: the sections of each part
    met say its step, as the header counts it (a carer's own route skips some parts)."""
    from assistant.ui.app import AssistantApp

    app = AssistantApp(england, "en_GB", "adviser_call", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "1")  # a carer, about their own support; England
        await pilot.pause()
        header = str(app.screen.query_one("#progress").render())
        assert header.startswith("Step 2 of ") and "Carers" in header
        await pilot.press("f8")
        labels = _labels(app)
        [here] = [label for label in labels if label.endswith("you are here")]
        assert here == "Step 2, Carers: you are here"
        assert labels[2] == here  # the third section of the bundle, the second step
        assert [label for label in labels if label.startswith("Step 1, ")] == [
            "Step 1, Welcome: done",
            "Step 1, About you: done",
        ]
        assert not [label for label in labels[3:-1] if label.startswith("Step")]  # not met


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
        assert labels[0] == "Step 1, Getting started: partly done; 2 questions not asked yet"
        # The part met second holds Day to day and Money: both are in its step.
        assert labels[1] == "Step 2, Day to day: not yet reached; 2 questions not asked yet"
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


async def test_two_digit_sections_are_typed_as_two_digits(england, clock) -> None:
    """The England questions have more than ten sections: 1 then 2 goes to section 12
    (typing 1 used to go straight to section 1); 1 then Enter goes to section 1; a digit
    no number starts with goes at once; the numbers line up."""
    from assistant.ui.adviser import SectionNavigator
    from assistant.ui.app import AssistantApp

    app = AssistantApp(england, "en_GB", "adviser_call", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        sections = [s.key for s in app.session.sections()]
        assert len(sections) >= 12
        jumps: list[str] = []
        jump = app.session.jump
        app.session.jump = lambda key: (jumps.append(key), jump(key))[1]  # type: ignore[method-assign]
        await pilot.press("f8", "1")
        assert isinstance(app.screen, SectionNavigator)  # waiting for a second digit
        assert "For section 12, type 1 then 2" in " ".join(screen_text(app).split())
        listed = app.screen.query_one(ChoiceList)
        heads = [str(option.prompt).split(".")[0] for option in listed.options]
        assert len({len(head) for head in heads}) == 1  # " 9" and "10" are as wide
        await pilot.press("2")
        assert not isinstance(app.screen, SectionNavigator) and jumps == [sections[11]]
        await pilot.press("f8", "1", "enter")
        assert jumps == [sections[11], sections[0]]
        await pilot.press("f8", "3")  # no section number starts with 3: at once
        assert jumps[-1] == sections[2]
        count = len(sections) + 1  # and "Back to where I was"
        assert count % 10 != 9
        first, second = divmod(count + 1, 10)  # one past the last number: no such section
        await pilot.press("f8", str(first), str(second))
        assert isinstance(app.screen, SectionNavigator)
        assert app.screen.query_one(ChoiceList).highlighted == first - 1 and len(jumps) == 3
        await pilot.press("escape")
        assert len(jumps) == 3


async def test_on_a_long_list_only_digits_that_choose_hold_the_keys_typed_after(
    england, clock
) -> None:
    """Keys typed after a choosing key wait for the next screen; a first digit that waits
    for a second must not hold them."""
    from assistant.ui.app import AssistantApp

    app = AssistantApp(england, "en_GB", "adviser_call", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f8")
        listed = app.screen.query_one(ChoiceList)
        count = len(listed.values)
        listed.moves_on = True
        assert "1" not in listed.holds_keys and "enter" in listed.holds_keys
        assert (str(count // 10 + 1) in listed.holds_keys) == (count // 10 + 1 <= 9)
        await pilot.press("1")
        assert "2" in listed.holds_keys and "0" in listed.holds_keys  # 12 and 10 choose
