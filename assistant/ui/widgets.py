"""Small accessible building blocks: text that is never markup, bracketed buttons, option
lists that mark the highlighted and chosen options in words and symbols, not colour.

Every focusable widget here can say where the terminal cursor belongs
(:meth:`cursor_offset`), because braille displays and screen magnifiers follow it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.geometry import Offset, Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static

from assistant.ui.keyboard import ActsAtOnce
from assistant.ui.steady import Steady, SteadyScroll
from assistant.ui.text import _, bracketed, plain
from assistant.values import N_


class Plain(Steady, Static):
    """A Static whose text is shown exactly as given: answers may contain "[" or "]"."""

    def __init__(
        self,
        text: str = "",
        *,
        id: str | None = None,  # noqa: A002 - Textual's own name
        classes: str | None = None,
        hide_empty: bool = True,
    ):
        super().__init__(plain(text), id=id, classes=classes, markup=False)
        self.text = text
        if hide_empty and not text:
            self.display = False

    def set_text(self, text: str) -> None:
        """Replace the text (hidden when empty, so no blank line is left behind)."""
        self.replace_text(text)
        self.display = bool(text)

    def replace_text(self, text: str) -> None:
        """Replace the text; the same text again costs no new layout (most steps keep
        some words: an empty error line, the hint, the section's title)."""
        if text != self.text:
            self.text = text
            self.update(plain(text))


#: Keys that change the screen when pressed on a widget; the app holds keys typed ahead
#: until the change is done, so they reach the next question rather than the last one.
PRESS_KEYS = frozenset({"enter", "space"})


class ActionButton(ActsAtOnce, Steady, Widget, can_focus=True):
    """A one-line button shown as "[ Label ]", so it reads as a button without colour.

    Ours rather than Textual's Button: that one's style sheet (57 rules, for variants,
    borders and terminal colours this app never shows) was the largest part of the styles
    parsed before the first screen, 3.5 ms of every start. This one looks as a compact
    Button did: bold, on the surface colour, in reverse video when focused.
    """

    DEFAULT_CSS = """
    ActionButton {
        width: auto; height: auto; line-pad: 1;
        text-align: center; content-align: center middle; pointer: pointer;
        text-style: bold; color: $button-foreground; background: $surface;
        &:focus { text-style: $button-focus-text-style; background-tint: $foreground 5%; }
        &:hover { background: $surface-darken-1; }
    }
    """
    ALLOW_SELECT = False
    BINDINGS = [Binding("enter", "press", show=False)]  # noqa: RUF012 - Textual's own form
    KEYS_AT_ONCE = {"enter": "press"}  # noqa: RUF012 - as Textual declares its bindings

    class Pressed(Message):
        """The button was pressed (Enter on it, or a click)."""

        def __init__(self, button: ActionButton) -> None:
            super().__init__()
            #: The button that was pressed (its id says which, to whoever handles this).
            self.button = button

        @property
        def control(self) -> ActionButton:
            """The button, so ``@on(ActionButton.Pressed, "#id")`` selects by its id."""
            return self.button

    def __init__(
        self,
        label: str,
        *,
        id: str | None = None,  # noqa: A002 - Textual's own name
        classes: str | None = None,
        moves_on: bool = False,
    ):
        super().__init__(id=id, classes=classes)
        #: What the button shows, brackets included.
        self.label = bracketed(label)
        # Enter presses a button (Space does not: typing on a screen never moves it on).
        self.holds_keys = frozenset({"enter"}) if moves_on else frozenset()

    def render(self) -> Content:
        return self.label

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.label.cell_length + 2  # and a space each side (line-pad)

    def press(self) -> None:
        """Say the button was pressed, if it is shown (a hidden button is never pressed)."""
        if self.display and not self.disabled:
            self.post_message(self.Pressed(self))

    def action_press(self) -> None:
        """Enter on the button."""
        self.press()

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        self.press()

    def cursor_offset(self) -> Offset:
        """The terminal cursor sits on the first letter of the label."""
        return self.content_region.offset + Offset(2, 0)


def shown_width(widget: Widget) -> int:
    """The width a widget has, or will have once shown: its nearest laid-out container's."""
    for node in widget.ancestors_with_self:
        if isinstance(node, Widget) and node.size.width:
            return node.content_size.width
    return 0


class HelpNowButton(ActionButton):
    """The Help now button, always visible at the top of every screen."""

    def __init__(self) -> None:
        super().__init__(_(N_("Help now (F1)")), id="help-now")

    async def on_action_button_pressed(self, event: ActionButton.Pressed) -> None:
        event.stop()
        await self.app.run_action("help_now")


def hanging(text: str, indent: int, width: int) -> str:
    """Wrap ``text`` to ``width`` with every line after the first indented, so a long option
    still reads as one option; unwrapped while the width is not yet known."""
    if width <= indent + 10:
        return text
    lines = textwrap.wrap(text, width - indent) or [""]
    return ("\n" + " " * indent).join(lines)


class ChoiceList(ActsAtOnce, SteadyScroll, OptionList):
    """Options as lines: "› (•) 1. Label". Up/Down move, Enter chooses, digits pick.

    With ``multi`` the boxes are "[x]"/"[ ]", Space ticks and Enter finishes. The
    highlighted line starts with "›" and the chosen ones are marked in words or symbols,
    so nothing depends on colour.

    Only a deliberate key answers: Enter, or an option's number. A letter (Y and N on
    yes/no, or an option's first letter) moves to its option; Space on a single choice,
    or a letter no option starts with, asks for a hint (:class:`NeedsEnter`). Neither
    answers, so someone typing words on a choice screen ("I don't know") records nothing.
    """

    BINDINGS = [Binding("space", "tick", show=False)]
    KEYS_AT_ONCE = {  # noqa: RUF012 - as Textual declares its bindings
        "enter": "select",
        "space": "tick",
        "up": "cursor_up",
        "down": "cursor_down",
        "home": "first",
        "end": "last",
        "pageup": "page_up",
        "pagedown": "page_down",
    }
    #: At most this many lines show without a scroll bar (see ChoiceList in app.tcss).
    LINES_WITHOUT_SCROLLING = 12

    class Chosen(Message):
        """The person chose (or, for ``multi``, finished ticking)."""

        def __init__(self, choice_list: ChoiceList, values: tuple[str, ...]) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.values = values

        @property
        def control(self) -> ChoiceList:
            """The list that was answered."""
            return self.choice_list

    class NeedsEnter(Message):
        """A key that cannot choose here was pressed: the screen says how to choose."""

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        *,
        multi: bool = False,
        chosen: Sequence[str] = (),
        shortcuts: dict[str, str] | None = None,
        chosen_note: str = "",
        moves_on: bool = False,
        id: str | None = None,  # noqa: A002 - Textual's own name
    ) -> None:
        self.values: list[str] = []
        self.labels: list[str] = []
        self.multi = multi
        self.ticked: set[str] = set()
        self.shortcuts: dict[str, str] = {}
        self.chosen_note = chosen_note
        self.moves_on = moves_on
        #: A first digit typed on a list of ten or more that may begin a two-digit number.
        self._first_digit: int | None = None
        super().__init__(id=id)
        # Nothing listens for the highlight moving (the list says it in its own lines), and
        # each move's message went up through every container to the app: five a key press.
        self.disable_messages(OptionList.OptionHighlighted)
        self._ready = False
        self.set_choices(options, chosen=chosen, shortcuts=shortcuts, chosen_note=chosen_note)
        self._ready = True

    def set_choices(
        self,
        options: Sequence[tuple[str, str]],
        *,
        multi: bool | None = None,
        chosen: Sequence[str] = (),
        shortcuts: dict[str, str] | None = None,
        chosen_note: str = "",
    ) -> None:
        """Show new options in place (the next question's), keeping the widget and its focus."""
        self.values = [value for value, _label in options]
        self.labels = [label for _value, label in options]
        if multi is not None:
            self.multi = multi
        self.ticked = set(chosen)
        self.shortcuts = dict(shortcuts or {})
        self.chosen_note = chosen_note
        self._first_digit = None
        highlighted = None
        if chosen and chosen[0] in self.values:
            highlighted = self.values.index(chosen[0])
        elif self.values and (self._ready and self.has_focus):
            highlighted = 0
        self.set_options(self._prompt(i, i == highlighted) for i in range(len(options)))
        self.highlighted = highlighted
        self._expect_size()

    def _expect_size(self) -> None:
        """A hidden list counts its lines only when first drawn, and a count that changes
        then lays the whole screen out a second time; so give it the size it will have."""
        if not self._ready or self.scrollable_content_region.width:
            return
        width = shown_width(self)
        lines = sum(str(option.prompt).count("\n") + 1 for option in self.options)
        if width and lines <= self.LINES_WITHOUT_SCROLLING:
            self.virtual_size = Size(width, lines)

    @property
    def holds_keys(self) -> frozenset[str]:
        """The keys that choose now (and so move on, with ``moves_on``): Enter, and on a
        single choice each digit that picks an option at once (see :meth:`_number_for`)."""
        if not self.moves_on:
            return frozenset()
        if self.multi:
            return frozenset({"enter"})
        return frozenset({"enter", *(str(d) for d in range(10) if self._number_for(d)[1])})

    def _number_for(self, digit: int) -> tuple[int | None, bool]:
        """The option number a digit typed now goes to, and whether it is final.

        On a list of ten or more, a digit that can begin a two-digit number (1 of 12) only
        moves to its option and waits: a second digit makes the number (1 then 2 is 12),
        Enter takes the one. A digit that cannot be followed (5 of 12) picks at once.
        A second digit that makes no option's number chooses nothing (a hint says how).
        """
        count = len(self.values)
        if self._first_digit is not None:  # no such number (1 then 5 of 12): nothing chosen
            number = self._first_digit * 10 + digit
            return (number, True) if number <= count else (None, False)
        if 1 <= digit <= count:
            return digit, digit * 10 > count
        return None, False

    def _prompt(self, index: int, highlighted: bool) -> Content:
        value = self.values[index]
        pointer = "›" if highlighted and self.has_focus else " "
        if self.multi:
            box = "[x]" if value in self.ticked else "[ ]"
        else:
            box = "(•)" if value in self.ticked else "( )"
        digits = len(str(len(self.values)))  # numbers right-aligned: " 9." over "10."
        head = f"{pointer} {box} {index + 1:>{digits}}. "
        text = self.labels[index]
        if self.chosen_note and value in self.ticked:
            text += f" - {self.chosen_note}"
        width = self.scrollable_content_region.width if self.__dict__.get("_ready") else 0
        if self.__dict__.get("_ready") and not self.size.width:
            width = shown_width(self)  # not shown yet: wrap for the space it will have
        return plain(head + hanging(text, len(head), width))

    def refresh_prompts(self) -> None:
        """Redraw the lines that changed after the highlight, the focus or the ticks change."""
        for index, option in enumerate(self.options):
            prompt = self._prompt(index, index == self.highlighted)
            if str(option.prompt) != str(prompt):
                self.replace_option_prompt_at_index(index, prompt)

    def on_resize(self) -> None:
        self.refresh_prompts()  # re-wrap the labels for the new width

    def watch_highlighted(self, highlighted: int | None) -> None:
        self._first_digit = None  # moved another way: a number is typed afresh
        super().watch_highlighted(highlighted)
        self.refresh_prompts()
        if self.has_focus:
            self.app.cursor_position = self.cursor_offset()

    def action_page_up(self) -> None:
        """Page Up: through a long list; on one that shows every option, up the step (to
        read what is above the question)."""
        if not self._page_the_step(up=True):
            super().action_page_up()  # type: ignore[no-untyped-call]  # untyped in Textual

    def action_page_down(self) -> None:
        """Page Down: through a long list; on one that shows every option, down the step."""
        if not self._page_the_step(up=False):
            super().action_page_down()  # type: ignore[no-untyped-call]  # untyped in Textual

    def _page_the_step(self, *, up: bool) -> bool:
        """Page the nearest scrolling container instead, when this list has nothing to page."""
        if self.max_scroll_y > 0:
            return False
        for node in self.ancestors:
            if isinstance(node, ScrollableContainer) and node.allow_vertical_scroll:
                if up:
                    node.scroll_page_up(animate=False)
                else:
                    node.scroll_page_down(animate=False)
                self.call_after_refresh(self._cursor_here)  # the list moved on screen
                return True
        return False

    def _cursor_here(self, again: bool = True) -> None:
        if self.has_focus:
            self.app.cursor_position = self.cursor_offset()
            if again:  # and after the next frame, in case one was already on its way
                self.call_after_refresh(self._cursor_here, False)

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self.bring_into_sight()

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self.bring_into_sight()

    def bring_into_sight(self) -> None:
        """The person is moving through the options: show them. A step opens scrolled to
        its top, so that what it explains is read first; with explanations above it and
        larger text at 80x24, the options were below the screen while arrows moved among
        them unseen (walkthrough)."""
        self.call_after_refresh(self.scroll_visible, animate=False)

    def on_focus(self) -> None:
        if self.highlighted is None and self.values:
            self.highlighted = 0
        self.call_later(self.refresh_prompts)  # after Widget._on_focus sets has_focus

    def on_blur(self) -> None:
        self.call_later(self.refresh_prompts)

    def cursor_offset(self) -> Offset:
        """The start of the highlighted option's first line."""
        region = self.content_region
        if self.highlighted is None:
            return region.offset
        line = self._index_to_line.get(self.highlighted)  # Textual's private map: see the canary
        if line is None:
            return region.offset
        row = min(max(line - self.scroll_offset.y, 0), max(region.height - 1, 0))
        return region.offset + Offset(0, row)

    def chosen_values(self) -> tuple[str, ...]:
        """The ticked values, in the order of the options."""
        return tuple(v for v in self.values if v in self.ticked)

    def action_select(self) -> None:
        """Enter: choose the highlighted option, or finish ticking."""
        if self.highlighted is None:
            return
        if self.multi:
            chosen = self.chosen_values()
        else:
            chosen = (self.values[self.highlighted],)
        self.post_message(self.Chosen(self, chosen))

    def action_tick(self) -> None:
        """Space: tick or untick (multi); on a single choice, only a hint (Enter chooses)."""
        if self.highlighted is None:
            return
        if not self.multi:
            self.post_message(self.NeedsEnter())
            return
        self.ticked.symmetric_difference_update({self.values[self.highlighted]})
        self.refresh_prompts()

    async def on_key(self, event: events.Key) -> None:
        """A digit picks that option (and answers a single choice); a letter only moves."""
        key = (event.character or "").lower()
        if not key or not key.isprintable() or key == " ":
            return
        event.stop()  # a letter typed here is never taken as anything else
        event.prevent_default()
        number, final = self._number_for(int(key)) if key.isdigit() else (None, False)
        self._first_digit = None
        if number is not None:
            self.highlighted = number - 1
            self.bring_into_sight()
            if final:
                self.action_tick() if self.multi else self.action_select()
            else:
                self._first_digit = number  # 1 of 12: wait for a second digit, or Enter
            return
        target = self._option_for_letter(key)
        if target is not None:
            self.highlighted = target
            self.bring_into_sight()
        else:
            self.post_message(self.NeedsEnter())

    def _option_for_letter(self, key: str) -> int | None:
        """The option a letter moves to: its shortcut (Y, N), else the next whose label
        starts with it, after the highlighted one (pressing it again moves on)."""
        if key in self.shortcuts and self.shortcuts[key] in self.values:
            return self.values.index(self.shortcuts[key])
        start = -1 if self.highlighted is None else self.highlighted
        count = len(self.labels)
        for step in range(1, count + 1):
            index = (start + step) % count
            if self.labels[index][:1].lower() == key:
                return index
        return None
