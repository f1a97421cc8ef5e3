"""Only a deliberate key answers (issue 18): Enter, or an option's number.

A supporter typing "I don't know" on the PA-age screen recorded "16 or 17" and "No"
within a second: Space chose the highlighted option and Y/N answered. Here random
printable text (letters, punctuation and spaces; no digits, no Enter) is typed on every
kind of screen the example has, and nothing may be recorded: no answer, no step passed,
no screen changed. Then the step is answered the deliberate way and the walk goes on.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from typing import Any

from textual import events
from textual.widgets import Input
from ui_helpers import SIZE

from assistant.flow.bundle import Bundle
from assistant.ui.app import AssistantApp
from assistant.ui.widgets import ChoiceList
from assistant.values import Special

#: Everything printable a person might type by mistake, except digits (an option's number
#: answers on purpose) and Enter.
TYPED = string.ascii_letters + string.punctuation + "     "
#: Kinds of event that record or move: none may follow random typing.
MOVING = {"answered", "edited", "went_back", "help_opened", "paused"}


def gibberish(rng: random.Random) -> list[str]:
    """Random printable text, with "I don't know" and "rather not say" among it."""
    words = ["I don't know", "rather not say", "yes", "no", "Y", "n", " "]
    text = "".join(rng.choice(TYPED) for _ in range(rng.randint(10, 20)))
    return list(rng.choice(words) + text + rng.choice(words))


async def type_randomly_and_check(app: AssistantApp, pilot: Any, rng: random.Random) -> None:
    """Type on the current screen; assert nothing was recorded and nothing moved."""
    session = app.session
    before = (session.current, dict(session.answers), len(session.events), type(app.screen))
    await pilot.press(*gibberish(rng))
    moved = [e.kind for e in session.events[before[2] :] if e.kind in MOVING]
    assert moved == [], f"typing on {before[0]} recorded {moved}"
    assert (session.current, session.answers, type(app.screen)) == (
        before[0],
        before[1],
        before[3],
    )


async def clear_box(app: AssistantApp, pilot: Any) -> None:
    if isinstance(app.focused, Input):
        app.focused.value = ""


async def test_random_typing_on_every_kind_of_screen_records_nothing(make_app) -> None:
    rng = random.Random(18)
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        steps = [
            ("welcome.hello", ["enter"]),  # an explanation
            ("welcome.name", [*"Ann", "enter"]),  # a text box
            ("welcome.answering_for", ["1"]),  # a choice: its number
            ("welcome.age", [*"80", "enter"]),  # a number box
            ("welcome.assessment_right", ["enter"]),
            ("needs.tasks", ["space", "down", "space", "enter"]),  # ticks, Enter finishes
            ("needs.has_carer", ["y", "enter"]),  # yes/no: Y moves, Enter answers
            ("needs.carer_right", ["enter"]),
            ("needs.hours", [*"10", "enter"]),
            ("needs.rate", [*"15.50", "enter"]),  # money
        ]
        for step, keys in steps:
            assert app.session.current == step
            await type_randomly_and_check(app, pilot, rng)
            await clear_box(app, pilot)
            await pilot.press(*keys)
        assert app.session.ended
        await type_randomly_and_check(app, pilot, rng)  # the end screen
        await pilot.press("f3")  # the review screen, with its Change buttons
        await type_randomly_and_check(app, pilot, rng)
        await pilot.press("escape", "f1")  # the Help now dialog
        await type_randomly_and_check(app, pilot, rng)
        answers = app.session.answers
        assert answers["needs.has_carer"] is True and answers["needs.rate"] is not None


async def test_random_typing_on_the_start_screen_starts_nothing(make_app) -> None:
    rng = random.Random(19)
    app = make_app()  # no mode given: the start screen comes first
    async with app.run_test(size=SIZE) as pilot:
        screen = type(app.screen)
        await pilot.press(*gibberish(rng), *gibberish(rng))
        assert type(app.screen) is screen


async def test_space_on_a_single_choice_says_how_to_choose_and_enter_answers(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter")
        assert app.session.current == "welcome.answering_for"
        await pilot.press("down", "space")
        assert app.session.current == "welcome.answering_for"
        notice = str(app.screen.query_one("#notice").render())
        assert "press Enter on it, or type its number. Nothing was chosen." in notice
        choices = app.screen.query_one(ChoiceList)
        assert "(•)" not in " ".join(str(o.prompt) for o in choices.options)  # nothing marked
        await pilot.press("enter")
        assert app.session.answers["welcome.answering_for"] == "supporter"


async def test_letters_move_to_the_matching_option_without_answering(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter")
        choices = app.screen.query_one(ChoiceList)
        assert choices.highlighted == 0
        await pilot.press("i")  # "I am helping someone else" is the next option starting with I
        assert choices.highlighted == 1 and app.session.current == "welcome.answering_for"
        await pilot.press("i")  # again: round to the first
        assert choices.highlighted == 0


async def test_dont_know_typed_in_a_number_box_is_dont_know_where_allowed(make_app) -> None:
    """welcome.age allows "rather not say" but not "don't know" (as in plain mode)."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1")
        assert app.session.current == "welcome.age"
        await pilot.press(*"don't know", "enter")
        assert app.session.current == "welcome.age"  # not offered here: refused, kindly
        assert "not offered here" in str(app.screen.query_one("#error").render())
        await clear_box(app, pilot)
        await pilot.press(*"Rather not say", "enter")
        assert app.session.answers["welcome.age"] is Special.DECLINED
        assert app.session.current == "welcome.assessment_right"


async def test_enter_with_nothing_ticked_says_how_to_tick_here(make_app) -> None:
    """The engine's refusal speaks of typing numbers with commas (the line mode's way); in
    the app nothing is sent, and the words say to press Space or type a number."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1", *"80", "enter", "enter")
        assert app.session.current == "needs.tasks"
        events = len(app.session.events)
        await pilot.press("enter")
        assert app.session.current == "needs.tasks" and len(app.session.events) == events
        error = str(app.screen.query_one("#error").render())
        assert "press Space, or type its number" in error and "commas" not in error
        await pilot.press("2")  # a number ticks
        await pilot.press("enter")
        assert app.session.current != "needs.tasks"
        assert list(app.session.answers["needs.tasks"]) == ["meals"]
        assert str(app.screen.query_one("#error").render()) == ""


async def test_an_enter_after_a_number_does_not_answer_the_next_question_unseen(
    england: Bundle, clock: Callable[[], str]
) -> None:
    """Typing an option's number answers at once; the Enter a person adds out of habit
    lands on the next question. It chooses nothing there, and says so; the next Enter
    (or a number) chooses. A number that only ticks (multiple choice) changes nothing."""
    app = AssistantApp(england, "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        assert app.session.current == "getting_started.focus"
        await pilot.press("1", "enter")
        assert app.session.current == "getting_started.where"
        assert "where" not in {k.split(".")[-1] for k in app.session.answers}
        notice = str(app.screen.query_one("#notice").render())
        assert "that Enter came just after a number" in notice
        await pilot.press("enter")  # now seen: Enter chooses the highlighted option
        assert app.session.answers["getting_started.where"] == "england"
        assert app.session.current == "getting_started.prompt"  # a multiple choice
        await pilot.press("2", "enter")  # ticks, then Enter finishes as ever
        assert list(app.session.answers["getting_started.prompt"]) == ["hospital"]


async def test_an_enter_after_a_number_does_not_send_the_next_question_s_empty_box(
    make_app,
) -> None:
    """The same habit on a question answered in a text box sent it empty: on England an
    optional "What does a good day look like?" was skipped unseen, and here a required
    age was refused with an error. The Enter sends nothing and says so; typing, then
    Enter, answers."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter")
        assert app.session.current == "welcome.answering_for"
        await pilot.press("1", "enter")  # the number answers; the Enter lands on the age
        assert app.session.current == "welcome.age"
        events = len(app.session.events)
        assert str(app.screen.query_one("#error").render()) == ""
        notice = str(app.screen.query_one("#notice").render())
        assert "Nothing was sent" in notice and "after a number" in notice
        assert isinstance(app.focused, Input) and app.focused.value == ""
        await pilot.press(*"80", "enter")
        assert app.session.answers["welcome.age"] == 80
        assert len(app.session.events) > events


async def test_text_pasted_after_the_number_is_sent_by_the_first_enter(make_app) -> None:
    """A paste is not a key: the box it fills was seen, so its Enter answers."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1")
        assert app.session.current == "welcome.age" and app.focused is not None
        app.focused.post_message(events.Paste("80"))
        await pilot.pause()
        await pilot.press("enter")
        assert app.session.answers["welcome.age"] == 80


async def test_none_of_these_with_another_tick_is_refused_and_the_ticks_kept(
    england: Bundle, clock: Callable[[], str]
) -> None:
    """ "An assessment from the council and None of these" was saved for the plan."""
    app = AssistantApp(england, "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "1", "enter")  # the person, England, a new illness
        assert app.session.current == "getting_started.has"
        await pilot.press("1", "5", "enter")
        assert "Option 5 is an answer on its own" in str(app.screen.query_one("#error").render())
        assert app.session.current == "getting_started.has"
        assert "getting_started.has" not in app.session.answers
        assert app.focused.chosen_values() == ("assessment", "none")  # nothing lost
