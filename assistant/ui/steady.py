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
containers in :mod:`assistant.ui.columns` are Textual's, with :class:`Steady` mixed in. Scroll bars that appear or
disappear still ask for a layout, as they must (that is a separate reactive).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.geometry import Size
    from textual.widget import Widget

    # The mixins are mixed into widgets: to the type checker they are widgets. At run time
    # they stay plain classes, as Textual sets class attributes (can_focus) on each widget
    # class it makes, and a widget class between a control and its own would hide them.
    _MixedIntoWidget = Widget
else:
    _MixedIntoWidget = object


class Steady(_MixedIntoWidget):
    """Mixin for widgets: a new size from a layout does not ask for another layout."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class SteadyScroll(_MixedIntoWidget):
    """Mixin for scrolling widgets (ScrollView): the scroll bar is redrawn only when the
    widget's size, its content's size or its container's size has really changed."""

    _steady_sizes: tuple[Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        sizes = (size, self.virtual_size, container_size)
        if sizes == self._steady_sizes:
            return False
        self._steady_sizes = sizes
        return super()._size_updated(size, virtual_size, container_size, layout)
