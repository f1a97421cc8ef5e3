"""The funders' report as Markdown, CSV or one self-contained HTML page with SVG charts.

They only lay out a :class:`~assistant.casework.report.Report`, whose hidden counts are
already gone. The HTML page has no scripts, fonts, images or links to fetch: each chart is
inline SVG with a title, every bar has its number written beside it (so colour is never
needed to read it), and the same figures follow each chart as a table for screen readers.
"""

from __future__ import annotations

from html import escape

from assistant.casework.report import Report, Table, shown
from assistant.casework.spreadsheet import spreadsheet_csv
from assistant.i18n import Translator
from assistant.values import N_

#: Chart geometry (SVG user units, about pixels): each row is a label line and a bar.
WIDTH, BAR_LEFT, BAR_MAX, ROW = 640, 8, 480, 46


def report_markdown(report: Report, t: Translator) -> str:
    """Headings and one table per measure."""
    out = [f"# {report.title}", "", report.period, ""]
    out += [f"**{report.contacts.label}: {shown(report.contacts, t)}**", ""]
    for table in report.tables:
        out += [f"## {table.title}", "", f"| {table.title} | {report.contacts.label} |"]
        out += ["| --- | ---: |"]
        out += [f"| {_cell(row.label)} | {shown(row, t)} |" for row in table.rows]
        out.append("")
    out += [line for note in report.notes for line in (f"_{note}_", "")]
    return "\n".join(out).rstrip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def report_csv(report: Report, t: Translator) -> str:
    """One row per count: measure, category, contacts (or "fewer than 5")."""
    rows = [[report.contacts.label, "", shown(report.contacts, t)]]
    rows += [
        [table.title, row.label, shown(row, t)] for table in report.tables for row in table.rows
    ]
    header = [t.gettext(N_("Measure")), t.gettext(N_("Category")), report.contacts.label]
    return spreadsheet_csv(header, rows)


def report_html(report: Report, t: Translator) -> str:
    """The whole page: a heading, the period, then a chart and a table per measure."""
    body = [
        f"<h1>{escape(report.title)}</h1>",
        f"<p>{escape(report.period)}</p>",
        f'<p class="total">{escape(report.contacts.label)}: '
        f"<strong>{escape(shown(report.contacts, t))}</strong></p>",
    ]
    for table in report.tables:
        body += [f'<section id="{table.id}">', f"<h2>{escape(table.title)}</h2>"]
        body += [chart(table, report, t), _html_table(table, report, t), "</section>"]
    body += [f"<p class='note'>{escape(note)}</p>" for note in report.notes]
    return _PAGE.format(lang=t.locale.replace("_", "-"), title=escape(report.title)).replace(
        "{body}", "\n".join(body)
    )


def chart(table: Table, report: Report, t: Translator) -> str:
    """A horizontal bar chart of one table; a hidden count has no bar, only its words."""
    largest = max((row.count or 0 for row in table.rows), default=0) or 1
    height = ROW * len(table.rows) + 8
    title_id = f"{table.id}-chart"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}">',
        f'<title id="{title_id}">{escape(table.title)}</title>',
    ]
    for index, row in enumerate(table.rows):
        top = index * ROW + 4
        parts.append(
            f'<text x="{BAR_LEFT}" y="{top + 14}" class="label">{escape(row.label)}</text>'
        )
        length = 0 if row.count is None else round(BAR_MAX * row.count / largest)
        if length:
            parts.append(
                f'<rect x="{BAR_LEFT}" y="{top + 20}" width="{length}" height="18" class="bar"/>'
            )
        parts.append(
            f'<text x="{BAR_LEFT + length + 6}" y="{top + 34}" class="count">'
            f"{escape(shown(row, t))}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _html_table(table: Table, report: Report, t: Translator) -> str:
    rows = "".join(
        f"<tr><th scope='row'>{escape(row.label)}</th><td>{escape(shown(row, t))}</td></tr>"
        for row in table.rows
    )
    return (
        f"<details><summary>{escape(t.gettext(N_('The same figures as a table')))}</summary>"
        f"<table><thead><tr><th scope='col'>{escape(table.title)}</th>"
        f"<th scope='col'>{escape(report.contacts.label)}</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></details>"
    )


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; font-size: 18px; line-height: 1.4; color: #111; background: #fff;
       max-width: 46rem; margin: 1rem auto; padding: 0 1rem; }}
h1 {{ font-size: 1.6rem; }} h2 {{ font-size: 1.25rem; margin-top: 2rem; }}
svg {{ display: block; max-width: 100%; height: auto; margin: 0.5rem 0; }}
svg .label {{ font: 15px sans-serif; fill: #111; }}
svg .count {{ font: bold 15px sans-serif; fill: #111; }}
svg .bar {{ fill: #1d4f91; stroke: #111; stroke-width: 1; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1rem; }}
th, td {{ border: 1px solid #555; padding: 0.2rem 0.6rem; text-align: left; }}
td {{ text-align: right; }}
.note {{ font-size: 0.95rem; }}
summary {{ cursor: pointer; margin-bottom: 1rem; }}
@media print {{ section {{ break-inside: avoid; }} }}
</style>
</head>
<body>
{{body}}
</body>
</html>
"""
