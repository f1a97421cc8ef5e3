"""Back, changing an earlier answer from the log, and Check your answers with Change."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input
from ui_helpers import SIZE, answer_to_the_end, screen_text, text_of

from assistant.flow.loading import load_bundle
from assistant.ui.app import AssistantApp
from assistant.ui.conversation import ConversationScreen
from assistant.ui.log import ConversationLog
from assistant.ui.review import ReviewScreen
from assistant.ui.widgets import ChoiceList


async def test_back_keeps_the_answer_and_shows_it_again(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter")
        assert app.session.current == "welcome.answering_for"
        await pilot.press("f2")
        assert app.session.current == "welcome.name"
        assert isinstance(app.focused, Input)
        assert app.focused.value == "Ann"  # the answer so far, ready to keep or edit
        await pilot.press("enter")
        assert app.session.current == "welcome.answering_for"
        await pilot.press("2", "f2")  # back from age to the choice: the choice is marked
        choices = app.screen.query_one(ChoiceList)
        prompt = " ".join(str(choices.options[1].prompt).split())  # as read, unwrapped
        assert "(•) 2. I am helping someone else - your answer so far" in prompt


async def test_back_at_the_first_step_says_so_in_words(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        assert "nothing to go back to" in text_of(app, "#notice")
        assert app.session.current == "welcome.hello"


async def test_a_refused_answer_is_explained_next_to_the_field(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1", *"eighty", "enter")
        assert app.session.current == "welcome.age"
        assert "whole number from 18 to 120" in text_of(app, "#error")
        assert isinstance(app.focused, Input) and app.focused.value == "eighty"
        await pilot.press("ctrl+u", *"80", "enter")
        assert app.session.current == "welcome.assessment_right"
        assert not app.screen.query_one("#error").display


async def test_changing_an_answer_from_the_log_returns_to_where_the_person_was(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1")
        log = app.screen.query_one(ConversationLog)
        assert [item.step for item in log.items] == ["welcome.name", "welcome.answering_for"]
        await pilot.press("shift+tab")  # from the answer back to the log: the newest answer
        assert app.focused is log and log.highlighted == 1
        assert "(Enter to change)" in str(log.options[1].prompt)
        await pilot.press("up", "enter")
        assert app.session.current == "welcome.name"
        await pilot.press("ctrl+u", *"Bea", "enter")
        # The choice is already answered, so the person is back at the age question.
        assert app.session.current == "welcome.age"
        assert app.session.answers["welcome.name"] == "Bea"
        assert "Bea" in screen_text(app)


async def test_review_change_reasks_only_what_depends_then_returns(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        assert "needs.carer_right" in app.session.path
        await pilot.press("f3")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        steps = [item.step for item in review.items]
        review.query_one(f"#change-{steps.index('needs.has_carer')}").focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ConversationScreen)
        assert app.session.current == "needs.has_carer"
        await pilot.press("n", "enter")
        # Two tasks were ticked, so the flow goes on to hours and rate, both answered:
        # nothing else is asked and the review comes back.
        assert isinstance(app.screen, ReviewScreen)
        assert "needs.carer_right" not in app.session.path
        assert app.session.ended
        assert "Answer: No" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ConversationScreen)


async def test_review_change_asks_a_new_question_when_the_path_changes(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1", *"80", "enter", "enter")
        await pilot.press("space", "enter", "n", "enter")  # one task, no carer: straight to hours
        await pilot.press(*"10", "enter", *"12", "enter")
        assert app.session.ended
        await pilot.press("f3")
        steps = [item.step for item in app.screen.items]
        app.screen.query_one(f"#change-{steps.index('needs.has_carer')}").focus()
        await pilot.press("enter", "y", "enter")
        # Now someone helps: the carer's right is explained before the review returns.
        assert app.session.current == "needs.carer_right"
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, ReviewScreen)


async def test_keys_typed_ahead_reach_the_next_question(make_app) -> None:
    """A fast typist (or a braille keyboard) sends the next answer before the screen changes."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        typed = "\r" + "Ann" + "\r" + "2" + "80" + "\r"
        for char in typed:
            app.post_message(events.Key("enter" if char == "\r" else char, char))
        await pilot.pause()
        while app._held is not None:  # keys still being delivered
            await pilot.pause()
        assert app.session.answers == {
            "welcome.name": "Ann",
            "welcome.answering_for": "supporter",
            "welcome.age": 80,
        }
        assert app.session.current == "welcome.assessment_right"


async def test_f2_on_check_your_answers_goes_back_to_the_conversation(make_app) -> None:
    """The key bar says "F2 Back" on the review too; it did nothing there."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "f3")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("f2")
        assert isinstance(app.screen, ConversationScreen)
        assert app.session.current == "welcome.answering_for"  # only the review closed
        assert app.session.answers["welcome.name"] == "Ann"


#: A money question with every button a question can have, and a reason it shows.
FIVE_BUTTONS = """\
flow: main
title: Main
steps:
  - id: name
    kind: ask
    type: text
    text: "What is your name?"
  - id: way
    kind: ask
    type: text
    text: "Which way of managing your budget interests you most?"
  - id: budget
    kind: ask
    type: money
    text: "How much is your budget, or the first figure the council gave you?"
    why: "A plan must say how much the budget is. Yours will be in your plan."
    more: "The first figure can go up or down."
    sensitive: true
    allow_unknown: true
    allow_decline: true
  - id: done
    kind: end
"""


async def test_a_refused_answer_keeps_the_question_in_sight(tmp_path: Path, clock) -> None:
    """At 80x24 the five buttons stood one under another between the field and the error;
    scrolled to the error, "-5" left only the box in sight, not what it asked (QA in tmux).
    The error now sits between the question and the field, as on GOV.UK's forms."""
    (tmp_path / "bundle.yaml").write_text("id: five\ntitle: Five\nmodules: [main]\n")
    (tmp_path / "main.yaml").write_text(FIVE_BUTTONS)
    (tmp_path / "sources.yaml").write_text("sources: {}\n")
    app = AssistantApp(load_bundle(tmp_path), "en_GB", "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Ann", "enter", *"A direct payment", "enter")
        assert app.session.current == "main.budget"  # the answers so far above it
        await pilot.press(*"-5", "enter")
        await pilot.pause()
        assert "zero or more" in text_of(app, "#error")
        current = app.screen.query_one("#current")
        for part in ("#question", "#error"):
            assert current.region.contains_region(app.screen.query_one(part).region), part
        assert current.region.contains_region(app.focused.region)
        assert app.focused.value == "-5"
