"""The app's keys: one table drives both the bindings and the key bar at the bottom.

Textual fixes binding descriptions when a class is created, so the bar is our own widget
that translates each description when it renders, in the language chosen at the start.
Function keys and Ctrl+letters are used because they reach the app through tmux and
screen; Ctrl+H is not used because terminals send it for Backspace.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from assistant.ui.steady import Steady
from assistant.ui.text import _, plain
from assistant.values import N_


class Key(NamedTuple):
    """One key: what to press, what it does, and whether only advisers see it.

    (A named tuple: a frozen dataclass took a millisecond of every start to make.)
    """

    keys: str
    display: str
    action: str
    description: str
    adviser: bool = False
    shown: bool = True
    priority: bool = True


KEYS: tuple[Key, ...] = (
    Key("f1,ctrl+g", "F1", "help_now", N_("Help now")),
    Key("f2", "F2", "back", N_("Back")),
    Key("f3", "F3", "review", N_("Review")),
    Key("f4", "F4", "take_break", N_("Take a break")),
    Key("f5", "F5", "larger_text", N_("Larger text")),
    Key("f6", "F6", "next_theme", N_("Theme")),
    Key("f7", "F7", "notes", N_("Notes"), adviser=True),
    Key("f8", "F8", "sections", N_("Sections"), adviser=True),
    Key("f9", "F9", "call_summary", N_("Summary"), adviser=True),
    Key("ctrl+o", "Ctrl+O", "read_out", N_("Read out"), adviser=True),
    Key("ctrl+r", "Ctrl+R", "come_back", N_("Back to where I was"), adviser=True, shown=False),
    Key("ctrl+q", "Ctrl+Q", "quit", N_("Quit")),
    # Priority, so focus moves before the next key typed ahead is delivered.
    Key("tab", "Tab", "app.focus_next", N_("Next"), shown=False),
    Key("shift+tab", "Shift+Tab", "app.focus_previous", N_("Previous"), shown=False),
    # Not priority: inside a text box Ctrl+C copies; elsewhere it asks to quit.
    Key("ctrl+c", "Ctrl+C", "quit", N_("Quit"), shown=False, priority=False),
)


def bindings() -> list[BindingType]:
    """App bindings for every key; priority so they work inside text boxes and dialogs."""
    return [Binding(k.keys, k.action, k.description, show=False, priority=k.priority) for k in KEYS]


class KeyBar(Steady, Static):
    """The keys line at the bottom of each screen, wrapped between keys at 80 columns."""

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: auto; padding: 0 1; background: $panel; }
    """

    def __init__(self, *, adviser: bool = False, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, markup=False)
        self.adviser = adviser

    def items(self) -> list[str]:
        """Each key as "F1 Help now", translated now."""
        return [
            f"{k.display} {_(k.description)}"
            for k in KEYS
            if k.shown and (self.adviser or not k.adviser)
        ]

    def lines(self, width: int) -> list[str]:
        """Keys packed into lines no wider than ``width``, never splitting a key from its name."""
        lines: list[str] = []
        for item in self.items():
            if lines and len(lines[-1]) + 2 + len(item) <= max(width, 1):
                lines[-1] += "  " + item
            else:
                lines.append(item)
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return plain("\n".join(self.lines(self.content_region.width or 78)))
