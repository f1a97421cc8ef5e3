"""What the first screen styles and draws, and no more (issue 20, budget 1): no style
sheet of Textual's Button (the app's own "[ Label ]" buttons replace it), no dialog styles
until a dialog is made, no saved-conversations section until the store has been read."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import SIZE

from assistant.ui.conversation import ConversationScreen
from assistant.ui.dialogs import HelpNowScreen
from assistant.ui.modal import DIALOG_CSS
from assistant.ui.start import Pending, StartScreen
from assistant.ui.widgets import ActionButton


async def test_the_start_screen_parses_neither_textual_s_button_nor_dialog_styles(
    make_app,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        sources = {Path(path).name for path, _name in app.stylesheet.source}
        assert "widgets.py" in sources  # the app's button brings its own few rules
        assert "_button.py" not in sources
        assert "dialogs.tcss" not in sources


async def test_help_now_from_the_first_screen_is_styled_as_a_dialog(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpNowScreen)
        assert app.stylesheet.has_source(DIALOG_CSS, "")
        box = app.screen.query_one(".dialog").region
        assert box.width == 72 and box.x == (SIZE[0] - 72) // 2  # dialogs.tcss: centred
        assert box.height == SIZE[1]  # Help now takes the height (.help-now)


async def test_the_saved_conversations_come_once_the_store_has_been_read(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = StartScreen(mode="self", locale="en_GB", saved=Pending())
        assert list(start.saved_list()) == []  # nothing to draw before the store is read
        start.saved = []
        said = [str(widget.render()) for widget in start.saved_list()]
        assert said == ["Carry on with a saved conversation", "There are no saved conversations."]


async def test_a_click_presses_a_button_but_a_hidden_one_is_never_pressed(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = app.screen.query_one("#start-button", ActionButton)
        assert str(start.label) == "[ Start ]"
        start.display = False
        start.press()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        start.display = True
        await pilot.pause()
        await pilot.click("#start-button")
        await app.workers.wait_for_complete()  # the questions, loading behind the screen
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
