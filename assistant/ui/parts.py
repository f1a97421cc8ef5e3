"""Widgets that find each of their named parts once, rather than on every step.

Textual remembers what ``query_one("#name")`` found, under a count of the changes made to
the widgets below (Textual is pinned exactly, so this stays true). Showing or hiding any
widget moves that count, and every step of the conversation shows and hides some (the
answer views, the buttons, empty lines). So each step searched the whole screen afresh
for each part it updates (about 17 on the conversation screen, 5 in an answer view), and
every search left one more remembered answer behind, up to 1,024 a widget: the
conversation screen's reached 1,024 by the end of an England conversation, 0.25 MiB, a
growth with every step (issue 20).

:class:`FindsPartsOnce` keeps what ``query_one`` found by an id, one class or a type,
for as long as the part is still inside the widget and still so named (a part removed,
or one that lost its class, is looked up again). So it is for widgets whose parts stay:
a part added later in front of one found already is not seen. Only Textual's public
members are used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.widget import Widget

    # As in assistant.ui.steady: a widget to the type checker, a plain class at run time.
    _MixedIntoWidget = Widget
else:
    _MixedIntoWidget = object

_Part = TypeVar("_Part", bound="Widget")


class FindsPartsOnce(_MixedIntoWidget):
    """Mixin for a screen or widget whose parts are found by name on every step."""

    @overload
    def query_one(self, selector: str) -> Widget: ...

    @overload
    def query_one(self, selector: type[_Part]) -> _Part: ...

    @overload
    def query_one(self, selector: str, expect_type: type[_Part]) -> _Part: ...

    def query_one(
        self, selector: str | type[_Part], expect_type: type[_Part] | None = None
    ) -> _Part | Widget:
        """Textual's ``query_one``; a part named by its id ("#name"), its one class
        (".name") or its type is found once."""
        if isinstance(selector, str) and not is_plain_name(selector):
            return super().query_one(selector, expect_type)  # type: ignore[arg-type]
        found: dict[tuple[Any, Any], Widget] = self.__dict__.setdefault("_parts_found", {})
        key = (selector, expect_type)
        part = found.get(key)
        if part is None or not self._still_holds(part, selector):
            part = found[key] = super().query_one(selector, expect_type)  # type: ignore[arg-type]
        return part

    def _still_holds(self, part: Widget, selector: str | type[Widget]) -> bool:
        """Whether the part found before is still inside this widget, as ``selector``."""
        if isinstance(selector, type):
            named = isinstance(part, selector)
        elif selector.startswith("#"):
            named = part.id == selector[1:]
        else:
            named = part.has_class(selector[1:])
        if not named:
            return False
        node: DOMNode | None = part
        while node is not None:
            if node is self:
                return True
            node = node.parent
        return False


def is_plain_name(selector: str) -> bool:
    """ "#name" or ".name" alone: no combinators, more classes or pseudo-classes."""
    return (
        selector[:1] in ("#", ".")
        and len(selector) > 1
        and all(c.isalnum() or c in "-_" for c in selector[1:])
    )
