"""The plan as plain text: for email, braille displays and screen readers.

No markup and no box-drawing characters: headings are underlined with ``=`` and ``-``,
lists use "- ", a checklist uses "[ ]", and lines wrap at 72 columns so email clients do
not break them. The cost table is aligned with spaces.
"""

from __future__ import annotations

import textwrap

from assistant.plan.labels import Labels, note_place, titled, when
from assistant.plan.model import (
    Answers,
    Block,
    CostTable,
    Items,
    Paragraph,
    Plan,
    Quote,
    Section,
    SourceRef,
    Table,
)

WIDTH = 72


def to_text(plan: Plan, labels: Labels) -> str:
    """The whole plan as plain text."""
    out = [plan.title, "=" * min(len(plan.title), WIDTH), "", *_wrap(plan.subtitle), ""]
    out += _wrap(labels.dated(plan)) if labels.dated(plan) else []
    if plan.notes is not None:
        out += ["", *_wrap(labels.adviser_copy)]
    for number, section in enumerate(plan.sections, start=1):
        out += _section(f"{number}. {section.title}", section, labels, full=False)
    if plan.appendix:
        out += ["", "", plan.appendix_title.upper(), "=" * min(len(plan.appendix_title), WIDTH)]
        for section in plan.appendix:
            out += _section(section.title, section, labels, full=True)
    if plan.notes is not None:
        out += ["", "", labels.notes, "-" * min(len(labels.notes), WIDTH), ""]
        for note in plan.notes:
            out += _wrap(f"{when(note.at)}. {note_place(note, labels)}", "- ")
            out += _wrap(note.text, "  ")
    return "\n".join(out).rstrip() + "\n"


def _section(title: str, section: Section, labels: Labels, *, full: bool) -> list[str]:
    out = ["", "", title, "-" * min(len(title), WIDTH)]
    for block in section.blocks:
        out += ["", *_block(block, labels, full)]
    return out


def _wrap(text: str, first: str = "", rest: str | None = None) -> list[str]:
    """Wrap each line of ``text``; ``first`` starts the first line, ``rest`` the others."""
    indent = " " * len(first) if rest is None else rest
    lines: list[str] = []
    for number, line in enumerate(text.splitlines() or [""]):
        start = first if number == 0 else indent
        lines += textwrap.wrap(line, WIDTH, initial_indent=start, subsequent_indent=indent) or [
            start.rstrip()
        ]
    return lines


def _block(block: Block, labels: Labels, full: bool) -> list[str]:
    if isinstance(block, Paragraph):
        if not full and block.sources:
            return _wrap(f"{block.text} ({labels.short_list(block.sources)})")
        return _wrap(block.text) + _sources(block.sources, labels, "", full)
    if isinstance(block, Quote):
        return _wrap(block.label) + _wrap(f'"{block.text}"', "  ", "  ")
    if isinstance(block, Answers):
        out = [block.heading, ""] if block.heading else []
        for row in block.rows:
            out += _wrap(f"{row.label}: {row.answer}", "- ")
        return out
    if isinstance(block, Items):
        return _items(block, labels, full)
    if isinstance(block, Table):
        return _table(block)
    return _costs(block, labels)


def _items(block: Items, labels: Labels, full: bool) -> list[str]:
    out = [block.heading, ""] if block.heading else []
    bullet = "[ ] " if block.checklist else "- "
    for item in block.items:
        if block.compact:
            cite = labels.short_list(item.sources[:1])
            text = item.title or item.text
            out += _wrap(f"{text} ({cite})" if cite else text, bullet)
            continue
        head = _joined(item.title, item.text)
        out += _wrap(head, bullet) + _sources(item.sources, labels, " " * len(bullet), full)
    return out


def _table(table: Table) -> list[str]:
    """A table as one line per row: the first cell, then each other heading and its cell
    (blank cells are lines to write on)."""
    out = [table.heading, ""] if table.heading else []
    for row in table.rows:
        first, *rest = row
        out += _wrap(first or "_" * 20, "- ")
        for heading, cell in zip(table.columns[1:], rest, strict=False):
            out += _wrap(f"{heading}: {cell or '_' * 20}", "  ", "  ")
    return out


def _sources(sources: tuple[SourceRef, ...], labels: Labels, indent: str, full: bool) -> list[str]:
    if not full:
        return (
            _wrap(f"{labels.source}: {labels.short_list(sources)}", indent, indent + "  ")
            if sources
            else []
        )
    out: list[str] = []
    for source in sources:
        text = labels.source_text(source) + (f" <{source.url}>" if source.url else "")
        out += _wrap(f"{labels.source}: {text}", indent, indent + "  ")
    return out


def _costs(table: CostTable, labels: Labels) -> list[str]:
    rows = [(r.label, r.weekly_text, r.yearly_text) for r in table.rows]
    total = (table.total.label, table.total.weekly_text, table.total.yearly_text)
    head = ("", labels.weekly, labels.yearly)
    widths = [max(len(row[i]) for row in [head, *rows, total]) for i in range(3)]

    def line(cells: tuple[str, str, str]) -> str:
        return f"{cells[0].ljust(widths[0])}  {cells[1].rjust(widths[1])}  {cells[2].rjust(widths[2])}".rstrip()

    out = [*_wrap(table.heading), "", line(head), *[line(r) for r in rows]]
    out += ["-" * len(line(head)), line(total), "", f"{labels.per_hour}: {table.per_hour_text}"]
    for heading, items in (
        (labels.warnings, table.warnings),
        (labels.offer, table.rate_check),
        (labels.review_case, table.review_case),
    ):
        if items:
            out += ["", heading]
            for text in items:
                out += _wrap(text, "- ")
    if table.request:
        out += ["", labels.request, *_wrap(table.request, "    ", "    ")]
        for note in table.request_notes:
            out += _wrap(f"({note})", "    ", "    ")
    if table.assumptions:
        out += ["", labels.assumptions]
        for text in table.assumptions:
            out += _wrap(text, "- ")
    return out


def _joined(title: str, text: str) -> str:
    """A title and its text as one sentence run: "A needs assessment. You have ..."."""
    return f"{titled(title)} {text}" if title and text else title or text
