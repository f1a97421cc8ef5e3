"""Parts found once (assistant/ui/parts.py): no search of the screen, and nothing more
remembered, for each step; a part removed or renamed is looked up again."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Static
from ui_helpers import SIZE

from assistant.ui.conversation import ConversationScreen
from assistant.ui.parts import FindsPartsOnce, is_plain_name


class Box(FindsPartsOnce, Vertical):
    """A container whose parts stay."""

    def compose(self) -> ComposeResult:
        yield Static("one", id="one", classes="first")
        yield Static("two", id="two")


class BoxApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Box(id="box")


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, Any]]:
    """Every search Textual's own ``query_one`` makes, as (widget, selector)."""
    made: list[tuple[Any, Any]] = []
    textual_query_one = DOMNode.query_one

    def counted(self: DOMNode, selector: Any, expect_type: Any = None) -> Any:
        made.append((self, selector))
        return textual_query_one(self, selector, expect_type)

    monkeypatch.setattr(DOMNode, "query_one", counted)
    return made


async def test_each_part_is_searched_for_once_while_others_come_and_go(searches) -> None:
    app = BoxApp()
    async with app.run_test() as pilot:
        box = app.query_one(Box)
        one, two = box.query_one("#one"), box.query_one("#two", Static)
        searches.clear()
        for turn in range(50):
            two.display = turn % 2 == 0  # what every step does: it moves Textual's count
            await pilot.pause()
            assert box.query_one("#one") is one
            assert box.query_one("#one", Static) is one
            assert box.query_one(".first") is one
            assert box.query_one(Static) is one
        assert len(searches) == 3  # "#one" with a type, ".first", Static: once each


async def test_a_part_removed_or_renamed_is_looked_up_again(searches) -> None:
    app = BoxApp()
    async with app.run_test() as pilot:
        box = app.query_one(Box)
        old = box.query_one("#one")
        assert box.query_one(".first") is old
        await old.remove()
        new = Static("new", id="one")
        await box.mount(new, before=0)
        await pilot.pause()
        assert box.query_one("#one") is new
        with pytest.raises(Exception, match="No nodes match"):
            box.query_one(".first")  # the one with that class is gone
        new.add_class("first")
        assert box.query_one(".first") is new
        new.remove_class("first")
        with pytest.raises(Exception, match="No nodes match"):
            box.query_one(".first")


def test_only_a_single_name_is_kept() -> None:
    assert is_plain_name("#current") and is_plain_name(".hint")
    assert not is_plain_name("#a .b") and not is_plain_name("#a:focus")
    assert not is_plain_name("Static") and not is_plain_name("#")


async def test_a_whole_conversation_adds_no_widgets_and_no_searches(make_app, searches) -> None:
    """After the first steps, every step finds its parts without a search, and the
    conversation screen keeps its widgets: nothing is made per step (issue 20)."""
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", *"Ann", "enter", "1")  # each kind of view shown once
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        widgets = len(list(screen.walk_children(Widget)))
        await pilot.press(*"80", "enter")
        searches.clear()
        await pilot.press("f2", "enter")  # back to age and on again: both seen before
        assert app.session.current == "welcome.assessment_right"
        mine = [s for s in searches if isinstance(s[0], FindsPartsOnce)]
        assert mine == []
        await answer_to_the_end_from_assessment(pilot)
        assert len(list(screen.walk_children(Widget))) == widgets


async def answer_to_the_end_from_assessment(pilot: Any) -> None:
    """The rest of ``ui_helpers.answer_to_the_end``, from the explanation after the age."""
    await pilot.press("enter")
    await pilot.press("space", "down", "space", "enter")
    await pilot.press("y", "enter")
    await pilot.press("enter")
    await pilot.press(*"10", "enter")
    await pilot.press(*"15.50", "enter")
