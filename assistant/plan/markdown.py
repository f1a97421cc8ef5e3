"""The plan as Markdown: headings, lists and tables.

Everything that came from a person or a flow is escaped, so "my *good* day" stays as
typed. Labelled answers are lists rather than tables: they survive email, narrow screens
and screen readers, and long answers do not break a table row. In the plan itself sources
are short ("Care Act 2014, section 9"); the appendix gives them in full, with addresses.
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
    Section,
    SourceRef,
    Table,
)
from assistant.transcript.markdown import escape


def to_markdown(plan: Plan, labels: Labels) -> str:
    """The whole plan as Markdown text."""
    out = [f"# {escape(plan.title)}", "", escape(plan.subtitle), ""]
    out += [escape(labels.dated(plan))] if labels.dated(plan) else []
    if plan.notes is not None:
        out += ["", f"**{escape(labels.adviser_copy)}**"]
    for section in plan.sections:
        out += _section(section, labels, "##", full=False)
    if plan.appendix:
        out += ["", f"## {escape(plan.appendix_title)}"]
        for section in plan.appendix:
            out += _section(section, labels, "###", full=True)
    if plan.notes is not None:
        out += ["", f"## {escape(labels.notes)}", ""]
        out += [
            f"- **{escape(when(n.at))}.** {escape(note_place(n, labels))}  \n  {escape(n.text)}"
            for n in plan.notes
        ]
    return "\n".join(out).rstrip() + "\n"


def _section(section: Section, labels: Labels, level: str, *, full: bool) -> list[str]:
    out = ["", f"{level} {escape(section.title)}"]
    for block in section.blocks:
        out += ["", *_block(block, labels, level + "#", full)]
    return out


def _block(block: Block, labels: Labels, level: str, full: bool) -> list[str]:
    if isinstance(block, Paragraph):
        text = f"**{escape(block.text)}**" if block.strong else escape(block.text)
        if not full and block.sources:
            return [f"{text} *({escape(labels.short_list(block.sources))})*"]
        return [text, *_sources(block.sources, labels, full)]
    if isinstance(block, Quote):
        return [
            f"*{escape(block.label)}*",
            "",
            *[f"> {escape(line)}" for line in block.text.splitlines()],
        ]
    if isinstance(block, Answers):
        head = [f"{level} {escape(block.heading)}", ""] if block.heading else []
        return head + [f"- **{escape(r.label)}:** {escape(r.answer)}" for r in block.rows]
    if isinstance(block, Items):
        return _items(block, labels, level, full)
    if isinstance(block, Table):
        return _table(block, level)
    return _costs(block, labels, level)


def _items(block: Items, labels: Labels, level: str, full: bool) -> list[str]:
    out = [f"{level} {escape(block.heading)}", ""] if block.heading else []
    if not block.items:
        return out[:1]
    bullet = "- [ ] " if block.checklist else "- "
    for item in block.items:
        if block.compact:
            out.append(bullet + _compact(item, labels))
        else:
            out += _item(item, labels, bullet, full)
    return out


def _compact(item: Item, labels: Labels) -> str:
    """One line: the title (or text) and its first source's short citation in brackets (the
    appendix lists them all)."""
    text = escape(item.title or item.text)
    cites = escape(labels.short_list(item.sources[:1]))
    return f"{text} ({cites})" if cites else text


def _item(item: Item, labels: Labels, bullet: str, full: bool) -> list[str]:
    text = f"**{escape(titled(item.title))}**" if item.title else ""
    if item.text:
        text += (" " if text else "") + escape(item.text)
    indent = " " * len(bullet)
    return [bullet + text, *[indent + line for line in _sources(item.sources, labels, full)]]


def _sources(sources: tuple[SourceRef, ...], labels: Labels, full: bool) -> list[str]:
    if not sources:
        return []
    word = labels.source if len(sources) == 1 else labels.sources
    if not full:
        return [f"*{escape(word)}:* " + escape(labels.short_list(sources))]
    shown = "; ".join(_link(s, labels) for s in sources)
    return [f"*{escape(word)}:* {shown}"]


def _link(source: SourceRef, labels: Labels) -> str:
    text = escape(labels.source_text(source))
    return f"[{text}]({source.url})" if source.url else text


def _table(table: Table, level: str) -> list[str]:
    out = [f"{level} {escape(table.heading)}", ""] if table.heading else []
    out.append("| " + " | ".join(escape(c) for c in table.columns) + " |")
    out.append("|" + "---|" * len(table.columns))
    out += ["| " + " | ".join(escape(c) or "&nbsp;" for c in row) + " |" for row in table.rows]
    return out


def _costs(table: CostTable, labels: Labels, level: str) -> list[str]:
    out = [f"{level} {escape(table.heading)}", ""]
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
