"""The conversation so far: every earlier question with its answer, any of which can be
opened again to change it.

It is one list widget, not one widget per answer: a long conversation has sixty answers,
and as separate widgets every key press laid them all out again. Tab reaches the list
once; Up and Down move between answers; Enter, Space or a click opens one.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Offset
from textual.message import Message
from textual.widgets import OptionList

from assistant.engine.outputs import ReviewItem
from assistant.ui.steady import SteadyScroll
from assistant.ui.text import _, answer_text, plain, translator
from assistant.ui.widgets import PRESS_KEYS
from assistant.values import N_


class ConversationLog(SteadyScroll, OptionList):
    """The answers so far, oldest first. The highlighted one (only while the list has focus)
    is shown in reverse video and says "(Enter to change)", so nothing rests on colour."""

    BINDINGS = [Binding("space", "select", show=False)]
    DEFAULT_CSS = """
    ConversationLog { border: none; padding: 0; background: transparent; }
    ConversationLog > .option-list--option { padding: 0 0 0 2; }
    ConversationLog > .option-list--option-highlighted { text-style: bold reverse; }
    """
    holds_keys = PRESS_KEYS
    #: The entry that says "(Enter to change)": the last one highlighted.
    _marked: int | None = None

    class Change(Message):
        """The person wants to change this answer."""

        def __init__(self, step: str) -> None:
            super().__init__()
            self.step = step

    def __init__(self) -> None:
        super().__init__(id="log")
        self.disable_messages(OptionList.OptionHighlighted)  # as ChoiceList: nothing listens
        self.items: list[ReviewItem] = []
        self._last: int | None = None  # where the highlight was when the list had focus

    def _prompt(self, index: int) -> Content:
        """Question, then the answer; the highlighted entry also says how to change it."""
        item, t = self.items[index], translator()
        answer = _(N_("Answer: {answer}"), answer=answer_text(item, t))
        change = " " + _(N_("(Enter to change)")) if index == self.highlighted else ""
        return plain(f"{t.render(item.question)}\n{answer}{change}")

    def show_items(self, items: Sequence[ReviewItem]) -> None:
        """Add new answers at the end; redo the list only when earlier ones changed."""
        old, self.items = self.items, list(items)
        if old == self.items[: len(old)]:
            self.add_options(self._prompt(i) for i in range(len(old), len(self.items)))
        else:
            self.set_options(self._prompt(i) for i in range(len(self.items)))
            self.highlighted = self._resume_at() if self.has_focus else None
        self.set_class(not self.items, "-empty")
        self.scroll_end(animate=False)

    def _resume_at(self) -> int | None:
        """The entry to highlight on focus: where it was, else the newest answer."""
        if not self.items:
            return None
        last = len(self.items) - 1
        return last if self._last is None else min(self._last, last)

    def on_focus(self) -> None:
        self.highlighted = self._resume_at()

    def on_blur(self) -> None:
        self._last = self.highlighted
        self.highlighted = None

    def watch_highlighted(self, highlighted: int | None) -> None:
        """Only the highlighted entry says "(Enter to change)"."""
        for index in {self._marked, highlighted} - {None}:
            if index is not None and index < len(self.items):
                self.replace_option_prompt_at_index(index, self._prompt(index))
        self._marked = highlighted
        super().watch_highlighted(highlighted)
        if self.has_focus:
            self.app.cursor_position = self.cursor_offset()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Change(self.items[event.option_index].step))

    def cursor_offset(self) -> Offset:
        """The start of the highlighted answer's question, where braille displays look."""
        region = self.content_region
        if self.highlighted is None:
            return region.offset
        line = self._index_to_line.get(self.highlighted, 0) - self.scroll_offset.y
        return region.offset + Offset(2, min(max(line, 0), max(region.height - 1, 0)))
