"""Widgets laid out once per change: Textual's containers and scrolling widgets, steadied.

Two habits of Textual (pinned exactly, so these stay true) cost every step of the
conversation a second layout and redrawing parts of the screen that had not changed:

- After laying out a screen, every widget whose size changed records its new size in a
  way that asks for another layout, and so another redraw of everything that moved, on
  the next frame (``Widget._size_updated`` sets the ``virtual_size`` reactive). The
  layout just made already placed everything, so that second pass changes nothing.
  Textual itself skips it when it lays out after a scroll.
- A scrolling widget (a list of options, the side panel, a text box) compares the sizes
  the layout gives it with its own, which never match, so after every layout it redraws
  its scroll bar as if something had changed.

:class:`Steady` and :class:`SteadyScroll` record sizes without asking for more; the
containers below are Textual's, with :class:`Steady` mixed in. Scroll bars that appear or
disappear still ask for a layout, as they must (that is a separate reactive).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import Horizontal, Vertical, VerticalScroll

if TYPE_CHECKING:
    from textual.geometry import Size


class Steady:
    """Mixin for widgets: a new size from a layout does not ask for another layout."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(  # type: ignore[misc, no-any-return]
            size, virtual_size, container_size, layout=False
        )


class SteadyScroll:
    """Mixin for scrolling widgets (ScrollView): the scroll bar is redrawn only when the
    widget's size, its content's size or its container's size has really changed."""

    _steady_sizes: tuple[Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        sizes = (size, self.virtual_size, container_size)  # type: ignore[attr-defined]
        if sizes == self._steady_sizes:
            return False
        self._steady_sizes = sizes
        return super()._size_updated(  # type: ignore[misc, no-any-return]
            size, virtual_size, container_size, layout
        )


class Row(Steady, Horizontal):
    """A Horizontal laid out once per change (see the module docstring)."""


class Column(Steady, Vertical):
    """A Vertical laid out once per change (see the module docstring)."""


class ScrollColumn(Steady, VerticalScroll):
    """A VerticalScroll laid out once per change (see the module docstring)."""
