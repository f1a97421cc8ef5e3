"""Acting on a line once the screen has given it a place: scrolling to words just shown.

A line of text hidden while empty (an error, a notice, "Tell me more", the note that there
is more above the question) has no place on screen until a layout includes it. Textual's
``call_after_refresh`` does not wait for that layout: each widget asks for its own layout
when its messages are done, and the screen can refresh before it has asked. Scrolled to
then, the line is not found and nothing moves; at 80x24 an answer picked by its number
left the next question below the screen that way. So the scroll waits for the screen's
layout signal (public: ``Screen.screen_layout_refresh_signal``) until the line is placed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widget import Widget


def once_placed(widget: Widget, then: Callable[[], object]) -> None:
    """Call ``then`` after the first layout of the screen that gives ``widget`` a place
    (after the next refresh if it has one already), and only once."""
    if widget.region:
        widget.call_after_refresh(then)
        return
    signal = widget.screen.screen_layout_refresh_signal
    signal.unsubscribe(widget)  # the last words' scroll, if it is still waiting

    def laid_out(_screen: Any) -> None:
        if widget.region:
            signal.unsubscribe(widget)
            then()

    signal.subscribe(widget, laid_out)


def forget_placing(widget: Widget) -> None:
    """Drop a scroll still waiting for ``widget`` (its words were taken away)."""
    if widget.is_attached:
        widget.screen.screen_layout_refresh_signal.unsubscribe(widget)
