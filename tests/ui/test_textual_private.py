"""Canaries: every private part of Textual the app relies on is still there and still works.

Textual is pinned exactly, and a few of the app's speed-ups and its braille-display cursor
use members Textual does not promise to keep. Each is listed here with where it is used,
so a Textual upgrade that renames, re-signs or changes one fails here, loudly, rather than
in a person's hands. Where the app relies on an order (a subclass's handler running before
Textual's own), a small app checks the order.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import pytest
import textual.screen
from textual import events
from textual._context import active_app
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static

from assistant.ui import keyboard


def _params(function: Callable[..., Any]) -> list[tuple[str, Any]]:
    """The names and defaults of a function's parameters."""
    return [(p.name, p.default) for p in inspect.signature(function).parameters.values()]


SIZE_UPDATED = [
    ("self", inspect.Parameter.empty),
    ("size", inspect.Parameter.empty),
    ("virtual_size", inspect.Parameter.empty),
    ("container_size", inspect.Parameter.empty),
    ("layout", True),
]


@pytest.mark.parametrize("owner", [Widget, ScrollView])
def test_size_updated_for_the_steady_widgets(owner: type[Widget]) -> None:
    """assistant/ui/steady.py overrides ``_size_updated`` and calls it with layout=False."""
    method = owner.__dict__["_size_updated"]
    assert _params(method) == SIZE_UPDATED
    assert inspect.signature(method).return_annotation in (bool, "bool")


def test_input_watch_value_for_the_text_box() -> None:
    """assistant/ui/fields.py (TextBox) overrides ``Input._watch_value`` and calls it."""
    assert _params(Input.__dict__["_watch_value"]) == [
        ("self", inspect.Parameter.empty),
        ("value", inspect.Parameter.empty),
    ]


def test_option_list_index_to_line_for_the_cursor() -> None:
    """assistant/ui/log.py and widgets.py read ``OptionList._index_to_line`` to put the
    terminal's cursor on the highlighted option's first line (for braille displays)."""
    member = inspect.getattr_static(OptionList, "_index_to_line")
    assert isinstance(member, property)
    assert inspect.signature(member.fget).return_annotation in (dict[int, int], "dict[int, int]")


def test_app_driver_for_the_terminal_cursor() -> None:
    """assistant/ui/keyboard.py writes to ``App._driver`` to show and move the cursor."""
    assert App().__dict__["_driver"] is None  # set when the app runs
    from textual.driver import Driver

    assert _params(Driver.write) == [
        ("self", inspect.Parameter.empty),
        ("data", inspect.Parameter.empty),
    ]
    assert callable(Driver.flush)


def test_active_app_for_translations() -> None:
    """assistant/ui/text.py reads ``textual._context.active_app`` to find the translator."""
    assert isinstance(active_app, ContextVar)


def test_update_period_for_the_frame_rate() -> None:
    """assistant/ui/keyboard.py sets ``textual.screen.UPDATE_PERIOD``, which each screen
    reads when it makes its update timer."""
    assert "UPDATE_PERIOD" in inspect.getsource(Screen)
    assert textual.screen.UPDATE_PERIOD == 1 / keyboard.FRAMES_PER_SECOND


def test_screen_resume_reads_refresh_styles() -> None:
    """assistant/ui/start.py sets ``ScreenResume.refresh_styles`` for Screen's own handler."""
    assert events.ScreenResume().refresh_styles is True
    assert "event.refresh_styles" in inspect.getsource(Screen.__dict__["_on_screen_resume"])


class _Focusable(Static, can_focus=True):
    def __init__(self) -> None:
        super().__init__("focus me")
        self.seen: list[tuple[str, bool]] = []

    def on_focus(self) -> None:
        self.seen.append(("on_focus", self.has_focus))
        self.call_later(lambda: self.seen.append(("later", self.has_focus)))


class _Resuming(Screen[None]):
    def __init__(self, seen: list[tuple[str, bool]]) -> None:
        super().__init__()
        self.seen = seen

    def compose(self) -> ComposeResult:
        yield _Focusable()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        self.seen.append(("on_screen_resume", event.refresh_styles))
        event.refresh_styles = False


async def test_handlers_run_before_textuals_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """A subclass's handler runs before Textual's private one for the same event.

    ChoiceList.on_focus (assistant/ui/widgets.py) waits with call_later for
    ``Widget._on_focus`` to set has_focus; StartScreen.on_screen_resume sets
    refresh_styles before ``Screen._on_screen_resume`` reads it.
    """
    seen: list[tuple[str, bool]] = []
    screen_resume = Screen.__dict__["_on_screen_resume"]

    def textuals_own(self: Screen[Any], event: events.ScreenResume) -> None:
        if self is screen:
            seen.append(("Screen._on_screen_resume", event.refresh_styles))
        screen_resume(self, event)

    monkeypatch.setattr(Screen, "_on_screen_resume", textuals_own)
    screen = _Resuming(seen)

    class Host(App[None]):
        AUTO_FOCUS = ""  # focused below, as the app's controls are (auto-focus sets has_focus)

        def on_mount(self) -> None:
            self.push_screen(screen)

    app = Host()
    async with app.run_test() as pilot:
        assert active_app.get() is app  # what assistant/ui/text.py reads
        assert app._driver is not None  # what assistant/ui/keyboard.py writes to
        await pilot.pause()
        widget = screen.query_one(_Focusable)
        widget.focus()
        await pilot.pause()
        await pilot.pause()
    assert seen[:2] == [("on_screen_resume", True), ("Screen._on_screen_resume", False)]
    assert widget.seen[:2] == [("on_focus", False), ("later", True)]


async def test_index_to_line_maps_an_option_to_its_first_line() -> None:
    class Host(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList("one\ntwo lines", "three")

    async with Host().run_test() as pilot:
        await pilot.pause()
        options = pilot.app.query_one(OptionList)
        assert options._index_to_line == {0: 0, 1: 2}
