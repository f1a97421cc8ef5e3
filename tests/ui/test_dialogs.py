"""Quit asks first and says what happens to the answers; Take a break; changing language."""

from __future__ import annotations

from ui_helpers import SIZE, screen_text, text_of

from assistant.i18n import translator_for
from assistant.ui.conversation import ConversationScreen
from assistant.ui.dialogs import Dialog
from assistant.ui.start import StartScreen


async def test_quit_asks_and_stay_keeps_everything(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, Dialog) and app.screen.id == "quit-dialog"
        assert "not being saved" in screen_text(app)
        await pilot.press("enter")  # "Stay" has focus: the safe choice
        assert isinstance(app.screen, ConversationScreen)
        assert app.session.answers == {"welcome.name": "Ann"}
        await pilot.press("ctrl+q", "escape")  # Escape stays too
        assert isinstance(app.screen, ConversationScreen)
        assert app.is_running


async def test_leaving_a_saved_conversation_says_how_to_come_back(make_app) -> None:
    app = make_app("self", save_reference="QA9-T2W")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "ctrl+q")
        assert "support-plan resume QA9-T2W" in screen_text(app)
        await pilot.press("tab", "enter")  # Leave
    assert app.return_value == 0
    assert app.session.events[-1].kind == "paused"


async def test_ctrl_c_outside_a_text_box_asks_to_quit(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+c")
        assert isinstance(app.screen, Dialog) and app.screen.id == "quit-dialog"


async def test_take_a_break_says_how_to_come_back_and_carries_on(make_app) -> None:
    app = make_app("self", save_reference="QA9-T2W")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "f4")
        assert isinstance(app.screen, Dialog) and app.screen.id == "break-dialog"
        text = screen_text(app)
        assert "support-plan resume QA9-T2W" in text and "Nothing here times out" in text
        await pilot.press("enter")  # Carry on
        assert isinstance(app.screen, ConversationScreen)
        assert app.session.current == "welcome.answering_for"
    kinds = [e.kind for e in app.session.events]
    assert kinds[-3:] == ["paused", "resumed", "shown"]


async def test_take_a_break_unsaved_is_honest(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        assert "not saved on this computer" in screen_text(app)
        await pilot.press("tab", "enter")  # Close the assistant: unsaved, so it asks first
        assert app.screen.id == "quit-dialog"


async def test_choosing_a_language_rerenders_the_start_screen_and_is_recorded(make_app) -> None:
    welsh = translator_for("cy")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "2")  # Myself, then Cymraeg
        assert isinstance(app.screen, StartScreen)
        question = welsh.gettext("Who is completing this?")
        assert question != "Who is completing this?"  # the Welsh catalog is really there
        assert question in screen_text(app)
        assert app.t.locale == "cy"
        await pilot.press("tab", "enter")
        assert isinstance(app.screen, ConversationScreen)
    assert ("language_changed", "cy") in [(e.kind, e.value) for e in app.session.events]


async def test_larger_text_and_theme_keys(make_app) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        assert app.has_class("-large")
        assert not app.screen.query_one("#side").display  # one column
        assert app.screen.query_one("#why-inline").display  # why we ask, under the question
        assert "terminal's zoom" in text_of(app, "#notice")
        await pilot.press("f6", "f6")
        assert app.theme == "high-contrast"
        assert "high contrast" in text_of(app, "#notice")


async def test_left_and_right_move_between_a_dialogs_buttons(make_app) -> None:
    """ "Right, Enter" pressed the first button, the one with the focus (QA in tmux)."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        assert app.focused is app.screen.query_one("#dialog-stay")
        await pilot.press("right")
        assert app.focused is app.screen.query_one("#dialog-leave")
        await pilot.press("right")  # round the row
        assert app.focused is app.screen.query_one("#dialog-stay")
        await pilot.press("left", "enter")
    assert app.return_value == 0  # Leave
