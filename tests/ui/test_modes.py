"""A full conversation of the example flow in each of the four ways of completing it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from ui_helpers import EXAMPLE_ANSWERS, SIZE, answer_to_the_end, text_of

from assistant.ui.adviser import AdviserPanel
from assistant.ui.conversation import ConversationScreen, SidePanel
from assistant.ui.start import StartScreen


@pytest.mark.parametrize(
    ("number", "mode", "adviser"),
    [
        ("1", "self", False),
        ("2", "supported", False),
        ("3", "adviser_call", True),
        ("4", "adviser_behalf", True),
    ],
)
async def test_full_conversation_in_each_mode(make_app, number, mode, adviser) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press(number)  # choose who is completing; focus moves on
        if adviser:
            await pilot.press(*"CASE-7", "enter")  # the case reference
        if mode == "adviser_behalf":
            await pilot.press("space", "tab")  # confirm consent
        await pilot.press("tab", "enter")  # past the language, then Start
        assert isinstance(app.screen, ConversationScreen)
        assert app.mode == mode
        panel = app.screen.query_one("#side")
        assert isinstance(panel, AdviserPanel if adviser else SidePanel)
        await answer_to_the_end(pilot)
        assert app.session.ended
        assert text_of(app, "#question") == "Thank you, Ann. That is the end of the example."
        if adviser:
            assert app.case_reference == "CASE-7"
            assert "Case: CASE-7" in text_of(app, "#case")
    answers = app.session.answers
    assert {k: answers[k] for k in EXAMPLE_ANSWERS} == EXAMPLE_ANSWERS
    assert answers["needs.rate"] == Decimal("15.50")


async def test_on_someones_behalf_needs_consent_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "tab", "tab", "tab", "enter")  # skip the consent box
        assert isinstance(app.screen, StartScreen)
        assert "confirm that the person has agreed" in text_of(app, "#start-error")
        assert app.focused is app.screen.query_one("#consent")
        await pilot.press("space", "tab", "tab", "enter")
        assert isinstance(app.screen, ConversationScreen)


async def test_supported_mode_tells_the_supporter_the_answers_are_the_persons(make_app) -> None:
    app = make_app("supported")
    async with app.run_test(size=SIZE):
        assert "The answers are yours" in text_of(app, "#banner")
