"""Acting on a line once it has a place (assistant/ui/placed.py): a scroll to words just
shown waits for the layout that places them, runs once, and can be called off."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from ui_helpers import SIZE, settled

from assistant.ui.placed import forget_placing, once_placed
from assistant.ui.widgets import Plain


class LineApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Plain("Always here", id="shown")
        yield Plain(id="line")  # hidden while empty, as error and notice lines are


async def test_a_hidden_line_is_acted_on_once_the_layout_gives_it_a_place() -> None:
    app = LineApp()
    async with app.run_test(size=SIZE) as pilot:
        line = app.query_one("#line", Plain)
        assert not line.region  # hidden: no place yet
        seen: list[Region] = []
        line.set_text("That answer did not work.")
        once_placed(line, lambda: seen.append(line.region))
        assert seen == []  # not before the layout
        await settled(pilot, lambda: bool(seen))
        assert len(seen) == 1 and seen[0].height == 1 and seen[0].y == 1
        line.set_text("Another message.")  # more layouts later do not call it again
        await pilot.pause()
        await pilot.pause()
        assert len(seen) == 1


async def test_a_placed_line_is_acted_on_after_the_next_refresh() -> None:
    app = LineApp()
    async with app.run_test(size=SIZE) as pilot:
        shown = app.query_one("#shown", Plain)
        seen: list[str] = []
        once_placed(shown, lambda: seen.append("scrolled"))
        await settled(pilot, lambda: bool(seen))
        assert seen == ["scrolled"]


async def test_words_taken_away_call_off_the_waiting_scroll() -> None:
    app = LineApp()
    async with app.run_test(size=SIZE) as pilot:
        line = app.query_one("#line", Plain)
        seen: list[str] = []
        line.set_text("Saved.")
        once_placed(line, lambda: seen.append("scrolled"))
        line.set_text("")
        forget_placing(line)
        line.set_text("Shown again later, for another reason.")
        await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        assert line.region  # laid out again, and still nothing was called
        assert seen == []
