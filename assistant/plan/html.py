"""The plan as one self-contained HTML page: large print on screen, clean A4 on paper.

No scripts, no web fonts, no images and no links to fetch: the page works offline and
can be attached to an email. The markup is semantic (headings, lists, a table with
header cells, ``lang`` set) so screen readers can move through it, and the stylesheet
(:mod:`assistant.plan.style`) sets large type that does not rely on colour.
"""

from __future__ import annotations

from html import escape

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
from assistant.plan.style import EASY_READ, STYLESHEET


def to_html(plan: Plan, labels: Labels) -> str:
    """The whole plan as an HTML document."""
    lang = plan.locale.replace("_", "-")
    easy = plan.kind == "easy_read"
    style, css = (EASY_READ, ' class="easy-read"') if easy else (STYLESHEET, "")
    head = (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(plan.title)}</title>\n<style>{style}</style>\n</head>\n"
        f"<body{css}>\n"
    )
    body = [_header(plan, labels), _contents(plan, labels), "<main>"]
    body += [_section(section, labels, full=False) for section in plan.sections]
    if plan.appendix:
        body.append(
            '<div class="appendix" id="appendix">'
            f"<h2>{escape(plan.appendix_title)}</h2>"
            + "\n".join(_section(s, labels, full=True, level=3) for s in plan.appendix)
            + "</div>"
        )
    if plan.notes is not None:
        body.append(_notes(plan, labels))
    body.append("</main>")
    return head + "\n".join(body) + "\n</body>\n</html>\n"


def _header(plan: Plan, labels: Labels) -> str:
    adviser = (
        f'<p class="adviser">{escape(labels.adviser_copy)}</p>' if plan.notes is not None else ""
    )
    return (
        f'<header><h1>{escape(plan.title)}</h1><p class="subtitle">{escape(plan.subtitle)}</p>'
        + (f'<p class="facts">{escape(labels.dated(plan))}</p>' if labels.dated(plan) else "")
        + f"{adviser}</header>"
    )


def _contents(plan: Plan, labels: Labels) -> str:
    links = "".join(
        f'<li><a href="#{escape(s.id)}">{escape(s.title)}</a></li>' for s in plan.sections
    )
    if plan.appendix:
        links += f'<li><a href="#appendix">{escape(plan.appendix_title)}</a></li>'
    return f'<nav aria-label="{escape(labels.contents)}"><h2>{escape(labels.contents)}</h2><ol>{links}</ol></nav>'


def _section(section: Section, labels: Labels, *, full: bool, level: int = 2) -> str:
    sid = escape(section.id)
    blocks = "\n".join(_block(block, labels, full, level + 1) for block in section.blocks)
    return (
        f'<section id="{sid}" aria-labelledby="h-{sid}">'
        f'<h{level} id="h-{sid}">{escape(section.title)}</h{level}>\n{blocks}</section>'
    )


def _block(block: Block, labels: Labels, full: bool, level: int) -> str:
    if isinstance(block, Paragraph):
        css = ' class="key"' if block.strong else ""
        if not full and block.sources:
            cite = f' <span class="cite">({_short_list(block.sources, labels)})</span>'
            return f"<p{css}>{_lines(block.text)}{cite}</p>"
        return f"<p{css}>{_lines(block.text)}</p>{_sources(block.sources, labels, full)}"
    if isinstance(block, Quote):
        return (
            f'<figure class="quote"><figcaption>{escape(block.label)}</figcaption>'
            f"<blockquote><p>{_lines(block.text)}</p></blockquote></figure>"
        )
    if isinstance(block, Answers):
        rows = "".join(f"<dt>{escape(r.label)}</dt><dd>{_lines(r.answer)}</dd>" for r in block.rows)
        return f'{_heading(block.heading, level)}<dl class="answers">{rows}</dl>'
    if isinstance(block, Items):
        return _items(block, labels, full, level)
    if isinstance(block, Table):
        return _table(block, level)
    return _costs(block, labels)


def _heading(text: str, level: int) -> str:
    return f"<h{level}>{escape(text)}</h{level}>" if text else ""


def _table(table: Table, level: int) -> str:
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in table.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows
    )
    return (
        f'{_heading(table.heading, level)}<table class="fill cols-{len(table.columns)}">'
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _lines(text: str) -> str:
    return "<br>".join(escape(line) for line in text.splitlines())


def _items(block: Items, labels: Labels, full: bool, level: int) -> str:
    head = _heading(block.heading, level)
    css = "checklist" if block.checklist else "items"
    css += " compact" if block.compact else ""
    if block.compact:
        items = "".join(_compact(item, labels, block.checklist) for item in block.items)
    else:
        items = "".join(_item(item, labels, block.checklist, full) for item in block.items)
    return f'{head}<ul class="{css}">{items}</ul>' if block.items else head


def _box(checklist: bool) -> str:
    return '<span class="box" aria-hidden="true">&#9744;</span> ' if checklist else ""


def _compact(item: Item, labels: Labels, checklist: bool) -> str:
    """One line: the title (or text) and its first source's short citation in brackets (the
    appendix lists them all)."""
    cites = _short_list(item.sources[:1], labels)
    cite = f' <span class="cite">({cites})</span>' if cites else ""
    return f"<li>{_box(checklist)}{escape(item.title or item.text)}{cite}</li>"


def _short_list(sources: tuple[SourceRef, ...], labels: Labels) -> str:
    """Short citations; in italics when any is not yet confirmed (the words say so too)."""
    text = escape(labels.short_list(sources))
    confirmed = all(source.confirmed for source in sources)
    return text if confirmed else f'<span class="unconfirmed">{text}</span>'


def _item(item: Item, labels: Labels, checklist: bool, full: bool) -> str:
    box = _box(checklist)
    title = (
        f"<strong>{escape(titled(item.title) if item.text else item.title)}</strong>"
        if item.title
        else ""
    )
    text = f'<span class="text">{_lines(item.text)}</span>' if item.text else ""
    sources = _sources(item.sources, labels, full)
    return f"<li>{box}{title}{' ' if title and text else ''}{text}{sources}</li>"


def _sources(sources: tuple[SourceRef, ...], labels: Labels, full: bool) -> str:
    if not sources:
        return ""
    word = labels.source if len(sources) == 1 else labels.sources
    if not full:
        return f'<p class="source">{escape(word)}: {_short_list(sources, labels)}</p>'
    parts = []
    for source in sources:
        text = escape(labels.source_text(source))
        css = "" if source.confirmed else ' class="unconfirmed"'
        if source.url:
            text = f'<a href="{escape(source.url)}"{css}>{text}</a>'
        elif css:
            text = f"<span{css}>{text}</span>"
        parts.append(text)
    return f'<p class="source">{escape(word)}: {"; ".join(parts)}</p>'


def _costs(table: CostTable, labels: Labels) -> str:
    rows = "".join(_cost_row(row) for row in table.rows)
    total = table.total
    foot = (
        f'<tr class="total"><th scope="row">{escape(total.label)}</th>'
        f"<td>{escape(total.weekly_text)}</td><td>{escape(total.yearly_text)}</td></tr>"
        f'<tr><th scope="row">{escape(labels.per_hour)}</th>'
        f"<td>{escape(table.per_hour_text)}</td><td></td></tr>"
    )
    html = (
        f'<table class="costs"><caption>{escape(table.heading)}</caption>'
        f'<thead><tr><th scope="col">{escape(labels.cost_line)}</th>'
        f'<th scope="col">{escape(labels.weekly)}</th><th scope="col">{escape(labels.yearly)}</th></tr></thead>'
        f"<tbody>{rows}</tbody><tfoot>{foot}</tfoot></table>"
    )
    html += _bullets(labels.warnings, table.warnings, "warnings")
    html += _bullets(labels.offer, table.rate_check, "offer")
    html += _bullets(labels.review_case, table.review_case, "case")
    if table.request:
        notes = "".join(f'<p class="unconfirmed">({escape(n)})</p>' for n in table.request_notes)
        html += (
            f"<h3>{escape(labels.request)}</h3>"
            f'<blockquote class="request"><p>{escape(table.request)}</p>{notes}</blockquote>'
        )
    return html + _bullets(labels.assumptions, table.assumptions, "assumptions")


def _bullets(heading: str, lines: tuple[str, ...], css: str) -> str:
    if not lines:
        return ""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return f'<h3>{escape(heading)}</h3><ul class="{css}">{items}</ul>'


def _cost_row(row: CostRow) -> str:
    return (
        f'<tr><th scope="row">{escape(row.label)}</th>'
        f"<td>{escape(row.weekly_text)}</td><td>{escape(row.yearly_text)}</td></tr>"
    )


def _notes(plan: Plan, labels: Labels) -> str:
    notes = plan.notes or ()
    items = "".join(
        f'<li><span class="when">{escape(when(n.at))}.</span> '
        f"{escape(note_place(n, labels))}<br>{_lines(n.text)}</li>"
        for n in notes
    )
    return (
        '<section id="adviser_notes" class="adviser" aria-labelledby="h-adviser_notes">'
        f'<h2 id="h-adviser_notes">{escape(labels.notes)}</h2><ul>{items}</ul></section>'
    )
