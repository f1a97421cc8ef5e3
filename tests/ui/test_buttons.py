"""The app's own buttons ("[ Label ]"): pressed by Enter or a click, never while hidden,
and drawn without Textual's Button, whose style sheet was a third of a start's styles."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import SIZE

from assistant.ui.conversation import ConversationScreen
from assistant.ui.start import StartScreen
from assistant.ui.widgets import ActionButton


async def test_the_start_screen_parses_no_style_sheet_of_textual_s_button(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        sources = {Path(path).name for path, _name in app.stylesheet.source}
        assert "widgets.py" in sources  # the app's button brings its own few rules
        assert "_button.py" not in sources


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
