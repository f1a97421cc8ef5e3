"""Help now from every state, returning to exactly where the person was; the crisis offer."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input
from ui_helpers import SIZE, answer_to_the_end, screen_text, text_of

from assistant.i18n import translator_for
from assistant.ui.app import AssistantApp
from assistant.ui.dialogs import Dialog, HelpNowScreen
from assistant.ui.review import ReviewScreen
from assistant.ui.start import StartScreen
from assistant.ui.widgets import ChoiceList, Plain


def snapshot(app: AssistantApp) -> tuple[Any, ...]:
    """Everything that must be the same after Help now closes."""
    focused = app.focused
    detail: Any = None
    if isinstance(focused, Input):
        detail = (focused.value, focused.cursor_position)
    elif isinstance(focused, ChoiceList):
        detail = focused.highlighted
    return (app.screen, focused, detail, app.session.current, dict(app.session.answers))


async def open_and_close_help(app: AssistantApp, pilot: Any, key: str) -> None:
    before = snapshot(app)
    await pilot.press(key)
    assert isinstance(app.screen, HelpNowScreen)
    text = screen_text(app)
    for contact in ("999", "111", "116 123", "SHOUT to 85258", "safeguarding"):
        assert contact in text
    await pilot.press("escape")
    assert snapshot(app) == before


@pytest.mark.parametrize("key", ["f1", "ctrl+g"])
async def test_help_now_from_three_states_returns_each_time(make_app, key) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        # 1. Half-way through typing an answer.
        await pilot.press("enter", *"An")
        await open_and_close_help(app, pilot, key)
        await pilot.press("n", "enter")
        assert app.session.answers["welcome.name"] == "Ann"
        # 2. Moving through a list of options.
        await pilot.press("down")
        await open_and_close_help(app, pilot, key)
        # 3. On Check your answers, on the second Change button.
        await pilot.press("f3", "tab")
        assert isinstance(app.screen, ReviewScreen)
        await open_and_close_help(app, pilot, key)
    opened = [e for e in app.session.events if e.kind == "help_opened"]
    assert len(opened) == 3


async def test_help_now_button_and_start_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await open_and_close_help(app, pilot, "f1")
        await pilot.click("#help-now")
        assert isinstance(app.screen, HelpNowScreen)
        await pilot.click("#close-help")
        assert isinstance(app.screen, StartScreen)
    assert not app.session.events  # nothing is logged before the conversation starts


async def test_help_now_from_a_dialog_returns_to_the_dialog(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        assert isinstance(app.screen, Dialog) and app.screen.id == "break-dialog"
        await open_and_close_help(app, pilot, "f1")
        await pilot.press("enter")  # Carry on
        assert app.session.current == "welcome.hello"
        assert [e.kind for e in app.session.events].count("resumed") == 1


async def test_a_crisis_phrase_offers_help_kindly_and_carries_on(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"I want to die", "enter")
        # The answer is kept and the conversation has moved on underneath the offer.
        assert app.session.answers["welcome.name"] == "I want to die"
        assert app.session.current == "welcome.answering_for"
        assert isinstance(app.screen, Dialog) and app.screen.id == "crisis-offer"
        shown = screen_text(app)
        # The engine's reply, worded for what was said, with the contacts themselves.
        assert "If you are thinking about ending your life" in shown
        assert "Samaritans: 116 123" in shown and "text SHOUT to 85258" in shown
        # A free-text answer, so its words are left out of the plan unless the person keeps them.
        assert "Your words are kept out of your plan" in shown
        assert app.screen.query("#dialog-keep")
        await pilot.press("enter")  # "Show help now" has focus
        assert isinstance(app.screen, HelpNowScreen)
        await pilot.press("escape")
        assert app.session.current == "welcome.answering_for"
        assert isinstance(app.focused, ChoiceList)
    reasons = [e.value for e in app.session.events if e.kind == "help_opened"]
    assert reasons == ["phrase"]


async def test_keep_my_words_from_the_crisis_offer(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"I want to die", "enter")
        assert isinstance(app.screen, Dialog) and app.screen.id == "crisis-offer"
        app.screen.query_one("#dialog-keep").focus()
        await pilot.press("enter")
        assert not isinstance(app.screen, Dialog)
        assert app.session.current == "welcome.answering_for"
    kept = [e.value for e in app.session.events if e.kind == "crisis_words_kept"]
    assert kept == ["welcome.name"]


async def test_crisis_words_refused_as_a_number_still_offer_help(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1")
        assert app.session.current == "welcome.age"
        await pilot.press(*"I want to die", "enter")
        # Not a number, so not kept; but help is offered all the same, and remembered.
        assert "welcome.age" not in app.session.answers
        assert isinstance(app.screen, Dialog) and app.screen.id == "crisis-offer"
    kinds = [e.kind for e in app.session.events]
    assert kinds.count("help_offered") == 1
    assert all("die" not in str(e.value) for e in app.session.events)


async def test_no_offer_for_ordinary_answers(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        assert not isinstance(app.screen, Dialog)


async def test_help_now_gives_each_number_once(make_app) -> None:
    """The app showed "Shout: text SHOUT to 85258. Text SHOUT to 85258." (a walkthrough)."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpNowScreen)
        said = " ".join(str(p.render()) for p in app.screen.query(".paragraph"))
        assert said.count("85258") == 1 and "It is free and confidential" in said


async def test_the_crisis_offer_reads_to_its_end_by_keyboard(make_app) -> None:
    """At 80x24 the offer runs past its box while the focus is on its buttons: the arrows
    scroll it, so what "Keep my words in my plan" means can be read (QA in tmux)."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"I want to die", "enter")
        assert isinstance(app.screen, Dialog) and app.screen.id == "crisis-offer"
        await pilot.pause()
        body = app.screen.query_one(".dialog-body")
        last = body.query(Plain).last()
        assert "kept out of your plan" in str(last.render())
        assert not body.region.contains_region(last.region)  # past the box at first
        assert "Up and Down arrows" in text_of(app, "#dialog-read-all")
        for _ in range(30):
            await pilot.press("down")
        assert body.region.contains_region(last.region)
        assert app.focused is app.screen.query_one("#dialog-help")  # the focus never moved
        await pilot.press("home")
        assert body.scroll_y == 0
        await pilot.press("pagedown")
        assert body.scroll_y > 0


async def test_a_short_dialog_says_nothing_about_scrolling(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.screen.id == "quit-dialog"
        assert not app.screen.query_one("#dialog-read-all").display


@pytest.mark.parametrize("locale", ["en_GB", "cy"])
async def test_help_now_cites_the_councils_safeguarding_duty(example, clock, locale) -> None:
    """The council's duty to look into abuse or neglect carries its source, in the language."""
    t = translator_for(locale)
    app = AssistantApp(example, locale, "self", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpNowScreen)
        part = t.pgettext("source", "section 42 (enquiry by local authority)")
        source = t.gettext("Source: {source}").format(source=f"Care Act 2014, {part}")
        assert source in screen_text(app)
