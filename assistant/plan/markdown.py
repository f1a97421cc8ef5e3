"""The plan as Markdown: headings, lists and one table (the PA costs).

Everything that came from a person or a flow is escaped, so "my *good* day" stays as
typed. Lists are used instead of tables for questions and answers: they survive email,
narrow screens and screen readers, and long answers do not break a table row.
"""

from __future__ import annotations

from assistant.plan.labels import Labels, note_place, titled, when
from assistant.plan.model import (
    Answers,
    Block,
    CostRow,
    CostTable,
    Item,
    Items,
    Paragraph,
    Plan,
    Quote,
    SourceRef,
)
from assistant.transcript.markdown import escape


def to_markdown(plan: Plan, labels: Labels) -> str:
    """The whole plan as Markdown text."""
    out = [f"# {escape(plan.title)}", "", escape(plan.subtitle), ""]
    out += [
        f"- {labels.date}: {escape(plan.created_text)}",
        f"- {labels.language}: {escape(plan.language)}",
        f"- {labels.rates_year}: {escape(plan.rates_year)}",
    ]
    if plan.notes is not None:
        out.append(f"- **{escape(labels.adviser_copy)}**")
    for section in plan.sections:
        out += ["", f"## {escape(section.title)}"]
        for block in section.blocks:
            out += ["", *_block(block, labels)]
    if plan.notes is not None:
        out += ["", f"## {escape(labels.notes)}", ""]
        out += [
            f"- **{escape(when(n.at))}.** {escape(note_place(n, labels))}  \n  {escape(n.text)}"
            for n in plan.notes
        ]
    return "\n".join(out).rstrip() + "\n"


def _block(block: Block, labels: Labels) -> list[str]:
    if isinstance(block, Paragraph):
        text = f"**{escape(block.text)}**" if block.strong else escape(block.text)
        return [text, *_sources(block.sources, labels)]
    if isinstance(block, Quote):
        return [
            f"*{escape(block.question)}*",
            "",
            *[f"> {escape(line)}" for line in block.text.splitlines()],
        ]
    if isinstance(block, Answers):
        head = [f"### {escape(block.heading)}", ""] if block.heading else []
        return head + [f"- **{escape(r.question)}** {escape(r.answer)}" for r in block.rows]
    if isinstance(block, Items):
        return _items(block, labels)
    assert isinstance(block, CostTable)
    return _costs(block, labels)


def _items(block: Items, labels: Labels) -> list[str]:
    out = [f"### {escape(block.heading)}", ""] if block.heading else []
    if not block.items:
        return out[:1]
    for item in block.items:
        out += _item(item, labels, "- [ ] " if block.checklist else "- ")
    return out


def _item(item: Item, labels: Labels, bullet: str) -> list[str]:
    text = f"**{escape(titled(item.title))}**" if item.title else ""
    if item.text:
        text += (" " if text else "") + escape(item.text)
    indent = " " * len(bullet)
    return [bullet + text, *[indent + line for line in _sources(item.sources, labels)]]


def _sources(sources: tuple[SourceRef, ...], labels: Labels) -> list[str]:
    if not sources:
        return []
    word = labels.source if len(sources) == 1 else labels.sources
    shown = "; ".join(_link(s, labels) for s in sources)
    return [f"*{escape(word)}:* {shown}"]


def _link(source: SourceRef, labels: Labels) -> str:
    text = escape(labels.source_text(source))
    return f"[{text}]({source.url})" if source.url else text


def _costs(table: CostTable, labels: Labels) -> list[str]:
    out = [f"### {escape(table.heading)}", ""]
    out += [
        f"| {escape(labels.cost_line)} | {labels.weekly} | {labels.yearly} |",
        "|---|---:|---:|",
    ]
    out += [_cost_row(row) for row in table.rows]
    total = table.total
    out.append(f"| **{escape(total.label)}** | **{total.weekly_text}** | **{total.yearly_text}** |")
    out += ["", f"{escape(labels.per_hour)}: **{table.per_hour_text}**"]
    for heading, lines in (
        (labels.warnings, table.warnings),
        (labels.offer, table.rate_check),
        (labels.review_case, table.review_case),
    ):
        if lines:
            out += ["", f"**{escape(heading)}**", "", *[f"- {escape(line)}" for line in lines]]
    if table.request:
        out += ["", f"**{escape(labels.request)}**", "", f"> {escape(table.request)}"]
        out += [f">\n> *({escape(note)})*" for note in table.request_notes]
    if table.assumptions:
        out += ["", f"**{escape(labels.assumptions)}**", ""]
        out += [f"- {escape(line)}" for line in table.assumptions]
    return out


def _cost_row(row: CostRow) -> str:
    return f"| {escape(row.label)} | {row.weekly_text} | {row.yearly_text} |"
