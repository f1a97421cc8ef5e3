"""The side panel's explanations ("Why we ask", "Your rights", the adviser's summary) as one
scrollable text widget that draws only the lines on screen.

The rights grow to a hundred paragraphs over a whole England conversation. As one widget
per paragraph, every key press laid out and styled all of them; as one long text, every
key press re-wrapped all of them. Here each paragraph is wrapped once per panel width and
a step that brings no new right changes nothing but "Why we ask".
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from assistant.ui.steady import SteadyScroll

#: (section key, heading shown above it, text shown while the section is empty)
Section = tuple[str, str, str]


class Explanations(SteadyScroll, ScrollView, can_focus=True):
    """Headed sections of plain-text paragraphs; Up, Down, Page Up and Page Down scroll.

    Nothing here is markup: flow texts and answers may contain "[". The scroll bar's
    gutter is always kept, so the text is wrapped to one width and no word is cut when
    the scroll bar appears.
    """

    COMPONENT_CLASSES = {"explanations--heading"}
    DEFAULT_CSS = """
    Explanations { overflow-x: hidden; scrollbar-gutter: stable; }
    Explanations > .explanations--heading { text-style: bold underline; }
    """

    def __init__(self, sections: Sequence[Section], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.sections = list(sections)
        self.paragraphs: dict[str, tuple[str, ...]] = {key: () for key, _h, _e in sections}
        self._wrapped: dict[str, list[str]] = {}  # paragraph -> lines, at _width
        self._width = 0
        self._lines: list[tuple[bool, str]] = []  # (is a heading, text)
        self._ends: dict[str, int] = {}  # section key -> the line after its last
        self._styles: tuple[Style, Style] | None = None

    def show_sections(self, paragraphs: dict[str, Sequence[str]]) -> None:
        """Show each named section's paragraphs; nothing is redrawn if none has changed."""
        changed = False
        for key, texts in paragraphs.items():
            texts = tuple(texts)
            if self.paragraphs.get(key) != texts:
                self.paragraphs[key] = texts
                changed = True
        if changed:
            self._relayout()

    def retitle(self, key: str, heading: str) -> None:
        """Give a section another heading (nothing is redrawn if it is the same)."""
        for index, (name, old, empty) in enumerate(self.sections):
            if name == key and old != heading:
                self.sections[index] = (name, heading, empty)
                self._relayout()

    def fits(self, key: str) -> bool:
        """Whether the whole of a section is in sight with the panel scrolled to its top."""
        height = self.scrollable_content_region.height
        return height <= 0 or self._ends.get(key, 0) <= height

    def text(self, key: str) -> str:
        """A section as plain text, as shown (for tests and for reading aloud)."""
        return "\n\n".join(self.paragraphs.get(key, ()))

    def _wrap(self, text: str) -> list[str]:
        lines = self._wrapped.get(text)
        if lines is None:
            lines = [str(line) for line in Content(text).wrap(self._width)] or [""]
            self._wrapped[text] = lines
        return lines

    def _relayout(self) -> None:
        """Rebuild the line index (cheap: each paragraph is wrapped once per width)."""
        width = self.scrollable_content_region.width
        if width != self._width:
            self._width, self._wrapped = width, {}
        if width <= 0:
            return
        used: set[str] = set()
        lines: list[tuple[bool, str]] = []
        for key, heading, empty in self.sections:
            lines.append((False, ""))
            lines.extend((True, line) for line in self._wrap(heading))
            used.add(heading)
            for number, paragraph in enumerate(self.paragraphs[key] or (empty,)):
                if number:
                    lines.append((False, ""))
                lines.extend((False, line) for line in self._wrap(paragraph))
                used.add(paragraph)
            self._ends[key] = len(lines)
        # Forget paragraphs no longer shown (after going back), so memory stays flat.
        self._wrapped = {text: lines for text, lines in self._wrapped.items() if text in used}
        old, self._lines = self._lines, lines
        size = Size(width, len(lines))
        if size != self.virtual_size:
            self.virtual_size = size  # lines moved: the whole panel is drawn again
            self.refresh()
            return
        # Same length: redraw only the lines that changed (usually "Why we ask").
        changed = [
            index for index, pair in enumerate(zip(old, lines, strict=True)) if pair[0] != pair[1]
        ]
        if changed:
            self.refresh_lines(changed[0], changed[-1] - changed[0] + 1)

    def on_resize(self) -> None:
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None

    def _line_styles(self) -> tuple[Style, Style]:
        """(text, heading) styles, worked out once per theme or style change, not per line."""
        if self._styles is None:
            base = self.rich_style
            heading = self.get_component_rich_style("explanations--heading", partial=True)
            self._styles = (base, base + heading)
        return self._styles

    def render_line(self, y: int) -> Strip:
        """One line of the panel, in the theme's colours."""
        width = self.scrollable_content_region.width
        base, heading_style = self._line_styles()
        index = self.scroll_offset.y + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        heading, text = self._lines[index]
        style = heading_style if heading else base
        return Strip([Segment(text, style)]).extend_cell_length(width, base).crop(0, width)
