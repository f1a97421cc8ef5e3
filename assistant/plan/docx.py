"""The plan as a Word document (.docx) that advisers can edit.

Built with python-docx on its default template, using Word's own styles so that the
document works with a screen reader and Word's navigation pane: the title in "Title",
sections in "Heading 1" (appendix parts in "Heading 2"), sub-headings below them, lists
in "List Bullet", and tables in "Table Grid" with a header row marked to repeat (Word
then tells screen readers which cells are headers). The document's language is set, so
a screen reader reads it in the right voice. Imported only when a .docx is written.
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import msgspec
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

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

BOX = "\u2610 "
#: What XML 1.0 cannot hold, so python-docx refuses it: control characters but tab,
#: newline and carriage return; lone surrogates; U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_docx(plan: Plan, labels: Labels) -> bytes:
    """The whole plan as the bytes of a .docx file."""
    plan = _xml_safe(plan)
    doc: Any = Document()
    _set_language(doc, plan.locale.replace("_", "-"))
    doc.core_properties.title = plan.title
    doc.core_properties.language = plan.locale.replace("_", "-")
    doc.add_heading(plan.title, level=0)
    doc.add_paragraph(plan.subtitle)
    if labels.dated(plan):
        doc.add_paragraph().add_run(labels.dated(plan)).bold = True
    if plan.notes is not None:
        doc.add_paragraph().add_run(labels.adviser_copy).bold = True
    for section in plan.sections:
        _section(doc, section, labels, level=1, full=False)
    if plan.appendix:
        doc.add_heading(plan.appendix_title, level=1)
        for section in plan.appendix:
            _section(doc, section, labels, level=2, full=True)
    if plan.notes is not None:
        doc.add_heading(labels.notes, level=1)
        for note in plan.notes:
            para = doc.add_paragraph(style="List Bullet")
            para.add_run(f"{when(note.at)}. {note_place(note, labels)}").bold = True
            para.add_run(f"\n{note.text}")
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _xml_safe(plan: Plan) -> Plan:
    """The plan with each character XML cannot hold made U+FFFD.

    Answers and notes may hold one (pasted, or in an imported conversation); python-docx
    refuses it with an error, so the whole Word copy could not be written.
    """
    return msgspec.convert(_cleaned(msgspec.to_builtins(plan)), Plan)


def _cleaned(data: Any) -> Any:
    if isinstance(data, str):
        return _NOT_XML.sub("\ufffd", data)
    if isinstance(data, list | tuple):  # msgspec keeps a struct's tuples as tuples
        return [_cleaned(item) for item in data]
    if isinstance(data, dict):
        return {key: _cleaned(value) for key, value in data.items()}
    return data


def _set_language(doc: Any, lang: str) -> None:
    """Mark the Normal style (and so every paragraph) with the plan's language."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), lang)
    rpr.append(element)


def _section(doc: Any, section: Section, labels: Labels, *, level: int, full: bool) -> None:
    doc.add_heading(section.title, level=level)
    for block in section.blocks:
        _block(doc, block, labels, level + 1, full)


def _block(doc: Any, block: Block, labels: Labels, level: int, full: bool) -> None:
    if isinstance(block, Paragraph):
        para = doc.add_paragraph()
        para.add_run(block.text).bold = block.strong
        _cite(para, block.sources, labels, full)
    elif isinstance(block, Quote):
        doc.add_paragraph().add_run(block.label).italic = True
        doc.add_paragraph(block.text, style="Quote")
    elif isinstance(block, Answers):
        _heading(doc, block.heading, level)
        for row in block.rows:
            para = doc.add_paragraph(style="List Bullet")
            para.add_run(f"{row.label}: ").bold = True
            para.add_run(row.answer)
    elif isinstance(block, Items):
        _items(doc, block, labels, level, full)
    elif isinstance(block, Table):
        _heading(doc, block.heading, level)
        _table(doc, block.columns, block.rows)
    else:
        _costs(doc, block, labels, level)


def _heading(doc: Any, text: str, level: int) -> None:
    if text:
        doc.add_heading(text, level=min(level, 9))


def _items(doc: Any, block: Items, labels: Labels, level: int, full: bool) -> None:
    _heading(doc, block.heading, level)
    for item in block.items:
        para = doc.add_paragraph(style="List Bullet")
        if block.checklist:
            para.add_run(BOX)
        if block.compact:
            para.add_run(item.title or item.text)
            _cite(para, item.sources[:1], labels, False)
            continue
        if item.title:
            para.add_run(titled(item.title) if item.text else item.title).bold = True
        if item.text:
            para.add_run((" " if item.title else "") + item.text)
        _cite(para, item.sources, labels, full)


def _cite(para: Any, sources: tuple[SourceRef, ...], labels: Labels, full: bool) -> None:
    """Sources after the text, in smaller type: short in the plan, in full in the appendix."""
    if not sources:
        return
    if full:
        word = labels.source if len(sources) == 1 else labels.sources
        parts = [labels.source_text(s) + (f" <{s.url}>" if s.url else "") for s in sources]
        text = f" ({word}: {'; '.join(parts)})"
    else:
        text = f" ({labels.short_list(sources)})"
    run = para.add_run(text)
    run.font.size = Pt(9)


def _table(doc: Any, columns: tuple[str, ...], rows: tuple[tuple[str, ...], ...]) -> Any:
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_header(header)
    for cell, text in zip(header.cells, columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return table


def _repeat_header(row: Any) -> None:
    """Mark a table's first row as its header (w:tblHeader), for screen readers and print."""
    trpr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    trpr.append(flag)


def _costs(doc: Any, table: CostTable, labels: Labels, level: int) -> None:
    _heading(doc, table.heading, level)
    rows = [(r.label, r.weekly_text, r.yearly_text) for r in table.rows]
    rows.append((table.total.label, table.total.weekly_text, table.total.yearly_text))
    rows.append((labels.per_hour, table.per_hour_text, ""))
    _table(doc, (labels.cost_line, labels.weekly, labels.yearly), tuple(rows))
    for heading, lines in (
        (labels.warnings, table.warnings),
        (labels.offer, table.rate_check),
        (labels.review_case, table.review_case),
    ):
        if lines:
            _heading(doc, heading, level)
            for line in lines:
                doc.add_paragraph(line, style="List Bullet")
    if table.request:
        _heading(doc, labels.request, level)
        doc.add_paragraph(table.request, style="Intense Quote")
        for note in table.request_notes:
            doc.add_paragraph().add_run(f"({note})").italic = True
    if table.assumptions:
        _heading(doc, labels.assumptions, level)
        for line in table.assumptions:
            doc.add_paragraph(line, style="List Bullet")
