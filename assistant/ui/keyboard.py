"""Keyboard-first plumbing for the app: no animation, the terminal cursor on the focused
control, and keys typed ahead held while the screen changes.

Textual delivers a key to whatever has focus when the key arrives, and acts on a widget's
key bindings only once the key has gone round. A fast typist (or a braille keyboard)
could otherwise type the next answer into the question that is just being replaced.
"""

from __future__ import annotations

import gc
import os
from contextlib import ExitStack
from typing import TYPE_CHECKING, ClassVar

import textual.screen
from textual import events
from textual.app import App
from textual.events import Key
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input

#: Frames a second at most. Textual's default (60, or TEXTUAL_FPS) makes a change wait for
#: the next frame slot, and after a frame the next may come only one to two slots later: a
#: key typed just after the last frame (as keys typed ahead are) waited up to 17 ms at 120.
#: The app never animates and draws only after a key, so a short slot costs nothing while
#: idle; at 1000 the next question is drawn as soon as it is ready. A TEXTUAL_FPS the
#: person set is left alone.
FRAMES_PER_SECOND = 1000

if "TEXTUAL_FPS" not in os.environ:
    # Read by each screen when it makes its update timer (Textual is pinned exactly).
    textual.screen.UPDATE_PERIOD = 1 / FRAMES_PER_SECOND  # type: ignore[misc]


if TYPE_CHECKING:
    from textual.widget import Widget

    # A mixin for controls: to the type checker it is a widget; at run time a plain class
    # (see assistant.ui.steady for why).
    _MixedIntoWidget = Widget
else:
    _MixedIntoWidget = object


class ActsAtOnce(_MixedIntoWidget):
    """Mixin for controls: their own keys act as soon as the key reaches them.

    Textual acts on a widget's key bindings only after the key has gone up through every
    container to the app (about a millisecond on the conversation screen, for every key,
    the Enter that answers a question included). ``KEYS_AT_ONCE`` maps keys to the
    control's own actions, the same ones its bindings name.
    """

    KEYS_AT_ONCE: ClassVar[dict[str, str]] = {}

    async def on_key(self, event: events.Key) -> None:
        action = self.KEYS_AT_ONCE.get(event.key)
        # Only while focused: a key that reaches a control the focus has just left goes
        # round as usual, to whatever has the focus now.
        if action is not None and self.has_focus:
            event.stop()
            event.prevent_default()
            await self.run_action(action)


#: Objects made (less those freed) before Python collects garbage on its own; its default
#: is 700. The app collects after each step instead (see KeyboardApp.collect_when_idle):
#: this is only the backstop, for a screen that makes a great deal at once. 20,000 and
#: not more: the garbage of a step waits until it is drawn, and at 50,000 the peak
#: resident memory of a conversation was 0.3 MiB above Python's 700, at 20,000 0.15.
YOUNG_OBJECTS = 20_000


class KeyboardApp(App[int]):
    """An App that never animates, shows the real cursor where focus is, and loses no key."""

    def __init__(self) -> None:
        super().__init__()
        self._held: list[Key] | None = None
        self._hold_timer: Timer | None = None
        #: While a key that moves on is acted on: the app's paint held (see :meth:`on_event`).
        self._paint_held: ExitStack | None = None
        #: The step a digit was typed on, until the next key: see :meth:`enter_after_digit`.
        self._digit_step: str | None = None
        #: A step has been drawn since garbage was last collected (:meth:`collect_when_idle`).
        self._collect_due = False
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            self.animation_level = "none"  # no animation unless the person asks for it

    @staticmethod
    def freeze_long_lived() -> None:
        """Leave everything made so far (modules, styles, the flow) out of garbage collection,
        and collect from now on (``support-plan`` starts with collection off: see
        :mod:`assistant.__main__`).

        A full collection otherwise walks all of it, pausing the app for 40 to 55 ms on the
        project machine every twenty or so key presses.

        Garbage is collected first, as frozen garbage is kept for ever: the first time
        (40 ms), what starting threw away with collection off (0.4 MiB of cycles); later
        (5 ms: frozen objects are not walked again), what drawing the first question threw
        away, 0.45 MiB of a conversation's peak when it was frozen too.
        """
        gc.collect()
        gc.freeze()
        gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
        gc.enable()

    def collect_when_idle(self) -> None:
        """Collect garbage the next time the app has nothing to do (after a step is drawn).

        With Python's own thresholds (700 objects) a key press paid for about eleven young
        collections, and one in ten or so for a full one, between the key and the next
        question on screen: on an England conversation at load average 6, 220 to 270 ms
        of collecting inside 61 key presses, the longest 40 ms. Now the app collects what
        a step threw away once the step is on screen: the young and middle generations
        every time, all of them as often as Python would (:meth:`on_idle`); Python
        collects on its own only past ``YOUNG_OBJECTS``, which no step reaches (none did
        in the same runs: 0 ms inside key presses, 140 to 240 ms in all).
        """
        self._collect_due = True
        self.check_idle()  # else the app's next idle moment comes after the next key

    def on_idle(self) -> None:
        """Nothing waiting: collect the garbage of the step just drawn, if any."""
        if not self._collect_due:
            return
        self._collect_due = False
        full = gc.get_count()[2] >= gc.get_threshold()[2]
        gc.collect(2 if full else 1)

    def show_terminal_cursor(self) -> None:
        """Braille displays follow the terminal's own cursor, so keep it visible."""
        driver = self._driver
        if driver is not None and not self.is_headless:
            driver.write("\x1b[?25h")
            driver.flush()

    # -- keys typed ahead -----------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        """Hold keys typed while the screen changes, so none lands on the old question."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held is not None:
                self._held.append(event)
                return
            if self.enter_after_digit(event):
                return
            focused = self.focused
            if focused is not None and event.key in getattr(focused, "holds_keys", ()):
                self._held = []
                self._hold_paint()
                # A safety net only: the change normally releases the keys within milliseconds.
                self._hold_timer = self.set_timer(1.0, self.release_keys)
        await super().on_event(event)

    @property
    def painting_held(self) -> bool:
        """Whether drawing waits for a key that moves on (see :meth:`_hold_paint`)."""
        return self._paint_held is not None

    def _hold_paint(self) -> None:
        """Draw nothing until the keys are released: the key that moves on changes the
        control first (a digit moves the highlight, Enter marks the choice), and drawing
        that frame, which the next question replaces at once, held the answer back by
        2.6 ms (median; half the key presses of an England conversation drew one). The
        next question is drawn in one frame instead, as soon as the keys are released
        (Textual's public ``App.batch_update``, held open until then)."""
        if self._paint_held is None:
            self._paint_held = ExitStack()
            self._paint_held.enter_context(self.batch_update())

    def _release_paint(self) -> None:
        """Draw again, and at once: the screen is prompted, since the changes it is to
        draw may all have been asked for while painting was held."""
        held, self._paint_held = self._paint_held, None
        if held is not None:
            held.close()
            if self.screen_stack:
                self.screen.check_idle()

    def enter_after_digit(self, event: Key) -> bool:
        """Drop an Enter that follows a digit which moved the conversation on.

        "Type the option's number" answers a choice at once; people used to pressing Enter
        after typing (a walkthrough at 80x24 did) then pressed it on the next question,
        which chose its highlighted option unseen, or sent its empty text box (skipping
        an optional question such as "What does a good day look like?"). So that Enter
        only says why nothing happened; the next one does what Enter does. Any other key
        forgets the digit. Checked as a key is delivered (after any hold), so the step has
        moved on.
        """
        step = self.current_step_key()
        after_digit = self._digit_step is not None and self._digit_step != step
        self._digit_step = step if (event.character or "").isdigit() else None
        if not (after_digit and event.key == "enter" and self.unseen_enter_would_answer()):
            return False
        self.tell_enter_was_kept()
        return True

    def current_step_key(self) -> str | None:
        """The conversation's current step (the app says; none here)."""
        return None

    def unseen_enter_would_answer(self) -> bool:
        """Whether Enter now would answer a question: choose an option, or send what is in
        its text box (the app says)."""
        return False

    def tell_enter_was_kept(self) -> None:
        """Say why that Enter did nothing (the app says it on screen)."""

    def hold_keys(self) -> None:
        """Hold the keys typed from now on until :meth:`release_keys` (as long as it takes:
        used while the conversation is still loading after Start was pressed)."""
        if self._held is None:
            self._held = []
        self._release_paint()  # the screen shows what is happening meanwhile
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None

    def release_keys(self) -> None:
        """The screen has changed: deliver the keys held meanwhile, in order."""
        held, self._held = self._held or [], None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        self._release_paint()
        for event in held:
            # Sent as if from the app, like the terminal's own keys, so they bubble back up.
            self.post_message(events.Key(event.key, event.character).set_sender(self))

    def on_descendant_focus(self) -> None:
        self.call_after_refresh(self.place_cursor)
        # Textual scrolls the focused control into sight later, and the screen's next
        # layout moves it: Tab to a button below the screen's edge left the terminal
        # cursor on the last line, where the button had been (tmux at 80x24). So the
        # cursor is placed again after that layout (Textual's public layout signal).
        if not self.is_running:  # closing: a signal takes only running subscribers
            return
        screen = self.screen
        signal = screen.screen_layout_refresh_signal

        def laid_out(_screen: object) -> None:
            signal.unsubscribe(self)
            if self.screen is screen:
                self.place_cursor()

        signal.unsubscribe(self)
        signal.subscribe(self, laid_out)

    def on_resize(self) -> None:
        self.call_after_refresh(self.place_cursor)

    def place_cursor(self, tries: int = 3) -> None:
        """Put the terminal cursor on the focused control, where braille displays look."""
        widget = self.focused
        if widget is None:
            return
        if not widget.content_region.area and tries:  # not laid out yet
            self.call_after_refresh(self.place_cursor, tries - 1)
            return
        if isinstance(widget, Input):
            position = widget.cursor_screen_offset
        else:
            place = getattr(widget, "cursor_offset", None)
            position = place() if place else widget.content_region.offset
        if position != self.cursor_position:
            self.cursor_position = position  # where each frame leaves the cursor from now on
            self._move_terminal_cursor(widget)

    def _move_terminal_cursor(self, widget: Widget) -> None:
        """Move the terminal's cursor now, rather than drawing a frame just to move it: the
        next key would otherwise wait for that frame (each frame ends with the cursor at
        ``cursor_position``)."""
        driver = self._driver
        if driver is None or self.is_headless:
            widget.refresh()
            return
        x, y = self.screen.outer_size.clamp_offset(self.cursor_position)
        driver.write(f"\x1b[{y + 1};{x + 1}H")
        driver.flush()
