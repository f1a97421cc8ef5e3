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
    SourceRef,
)

WIDTH = 72


def to_text(plan: Plan, labels: Labels) -> str:
    """The whole plan as plain text."""
    out = [plan.title, "=" * min(len(plan.title), WIDTH), "", *_wrap(plan.subtitle), ""]
    out += [
        f"{labels.date}: {plan.created_text}",
        f"{labels.language}: {plan.language}",
        f"{labels.rates_year}: {plan.rates_year}",
    ]
    if plan.notes is not None:
        out += ["", *_wrap(labels.adviser_copy)]
    for number, section in enumerate(plan.sections, start=1):
        title = f"{number}. {section.title}"
        out += ["", "", title, "-" * min(len(title), WIDTH)]
        for block in section.blocks:
            out += ["", *_block(block, labels)]
    if plan.notes is not None:
        out += ["", "", labels.notes, "-" * min(len(labels.notes), WIDTH), ""]
        for note in plan.notes:
            out += _wrap(f"{when(note.at)}. {note_place(note, labels)}", "- ")
            out += _wrap(note.text, "  ")
    return "\n".join(out).rstrip() + "\n"


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


def _block(block: Block, labels: Labels) -> list[str]:
    if isinstance(block, Paragraph):
        return _wrap(block.text) + _sources(block.sources, labels, "")
    if isinstance(block, Quote):
        return _wrap(block.question) + _wrap(f'"{block.text}"', "  ", "  ")
    if isinstance(block, Answers):
        head = [block.heading, ""] if block.heading else []
        out = head
        for row in block.rows:
            out += _wrap(row.question, "- ") + _wrap(row.answer, "  ", "  ")
        return out
    if isinstance(block, Items):
        return _items(block, labels)
    assert isinstance(block, CostTable)
    return _costs(block, labels)


def _items(block: Items, labels: Labels) -> list[str]:
    out = [block.heading, ""] if block.heading else []
    bullet = "[ ] " if block.checklist else "- "
    for item in block.items:
        head = _joined(item.title, item.text)
        out += _wrap(head, bullet) + _sources(item.sources, labels, " " * len(bullet))
    return out


def _sources(sources: tuple[SourceRef, ...], labels: Labels, indent: str) -> list[str]:
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
