"""Controls the start screen does not show until asked: a text box, a tick box and a row of
buttons. Apart from :mod:`assistant.ui.widgets` because making a Textual widget class costs
a part of every start, and the first screen needs none of these (an adviser's case
reference and consent are added to it when an adviser mode is chosen).
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Offset, Size
from textual.widget import Widget
from textual.widgets import Input, Static

from assistant.ui.columns import Row
from assistant.ui.keyboard import ActsAtOnce
from assistant.ui.steady import Steady, SteadyScroll
from assistant.ui.text import plain
from assistant.ui.widgets import ActionButton, shown_width


class TextBox(ActsAtOnce, SteadyScroll, Input):
    """A text box with a steady cursor (no blinking) that keeps its text when focused."""

    # It takes its column's width (Input's own is 38 columns at any width): a long answer
    # stays in sight as it is typed, at 80 columns and with larger text.
    DEFAULT_CSS = "TextBox { width: 1fr; }"
    KEYS_AT_ONCE = {"enter": "submit"}  # noqa: RUF012 - as Textual declares its bindings

    def __init__(self, value: str = "", *, moves_on: bool = False, **kwargs: Any) -> None:
        super().__init__(value, select_on_focus=False, **kwargs)
        self.cursor_blink = False
        # Nothing here listens for each letter typed, and each one's message went up through
        # the nine containers above the box, one queue at a time, before the Enter after it
        # (a typed answer's Enter waited for 40 to 90 of them).
        self.disable_messages(Input.Changed)
        self.holds_keys = frozenset({"enter"}) if moves_on else frozenset()

    def _watch_value(self, value: str) -> None:
        # Input widens its scrollable area to fit the text on every key, and a new area asks
        # for a layout of the whole screen: one per letter typed, so the Enter after a fast
        # typist's (or a paste's) answer waited for a frame. The box's own size never
        # depends on its text, so the area is updated without a layout, as Textual itself
        # does for widgets it has just laid out (Textual is pinned exactly).
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)


class ButtonRow(Row):
    """Buttons side by side when they fit, else one under another (translations vary in length).

    Left and Right move between them, as in most dialogs: "Right, Enter" on "Protect your
    saved answers?" pressed the first button, "No, not shared", not the one beside it (QA).
    """

    DEFAULT_CSS = """
    ButtonRow { height: auto; margin-top: 1; }
    ButtonRow ActionButton { margin-right: 1; }
    """
    BINDINGS = [
        Binding("left", "next_button(-1)", show=False),
        Binding("right", "next_button(1)", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id, classes="actions")

    def on_resize(self) -> None:
        self.fit()

    def buttons(self) -> list[ActionButton]:
        """The row's buttons, shown or not (its children: no search of the screen)."""
        return [child for child in self.children if isinstance(child, ActionButton)]

    def action_next_button(self, step: int) -> None:
        """The focus to the button shown before or after the focused one (round the row)."""
        shown = [button for button in self.buttons() if button.display]
        if self.screen.focused in shown:
            index = shown.index(self.screen.focused)
            shown[(index + step) % len(shown)].focus()

    def fit(self) -> None:
        """Side by side if the buttons shown fit the width, else one under another.

        Decided when the buttons change, from the nearest shown container's width, so the
        next question is laid out once rather than again after it has been drawn.
        """
        width = shown_width(self)
        if not width:
            return
        needed = sum(len(str(b.label)) + 3 for b in self.buttons() if b.display)
        layout = "horizontal" if needed <= width else "vertical"
        if self.styles.layout is None or self.styles.layout.name != layout:
            self.styles.layout = layout


class TickBox(ActsAtOnce, Steady, Static, can_focus=True):
    """A single "[x] statement" that Space or Enter ticks: used for consent."""

    DEFAULT_CSS = """
    TickBox { height: auto; margin-top: 1; }
    TickBox:focus { text-style: bold reverse; }
    """
    BINDINGS = [Binding("space,enter", "tick", show=False)]
    KEYS_AT_ONCE = {"space": "tick", "enter": "tick"}  # noqa: RUF012 - as its bindings

    def __init__(self, label: str, *, ticked: bool = False, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id, markup=False)
        self.label = label
        self.ticked = ticked

    def render(self) -> Content:
        """ "[x] label" or "[ ] label"."""
        return plain(("[x] " if self.ticked else "[ ] ") + self.label)

    def action_tick(self) -> None:
        """Tick or untick."""
        self.ticked = not self.ticked
        self.refresh()

    def cursor_offset(self) -> Offset:
        """The cursor sits inside the box."""
        return self.content_region.offset + Offset(1, 0)
