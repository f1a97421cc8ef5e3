"""The plan's stylesheet: large print on screen and on paper, A4 pages, no colour needed.

Large-print guidance asks for at least 16 point type, a plain sans-serif face, left
alignment, generous line spacing and strong contrast; meaning never rests on colour
alone (unconfirmed sources say so in words). In print, sections start cleanly, items and
table rows are not split across pages, and each link's address is printed after it.
"""

from __future__ import annotations

STYLESHEET = """
:root { color-scheme: light; }
html { font-size: 20px; }
body {
  margin: 0 auto; padding: 1.5rem; max-width: 42rem;
  font-family: Verdana, Tahoma, "DejaVu Sans", Arial, sans-serif;
  line-height: 1.5; color: #000; background: #fff; text-align: left;
  word-spacing: 0.05em; overflow-wrap: break-word;
}
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.4rem; }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2rem 0 0.6rem;
     padding-top: 0.4rem; border-top: 3px solid #000; }
h3 { font-size: 1.15rem; margin: 1.2rem 0 0.4rem; }
p, li, dd, dt { margin: 0 0 0.6rem; }
.subtitle { font-size: 1.1rem; margin-bottom: 1rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
dl.answers dt { font-weight: bold; margin-top: 0.8rem; }
dl.answers dd { margin-left: 1.2rem; }
p.key { font-weight: bold; border-left: 6px solid #000; padding-left: 0.8rem; }
.quote { margin: 0.8rem 0; }
.quote figcaption { font-style: italic; }
.quote blockquote { margin: 0.3rem 0 0 0; padding-left: 1rem; border-left: 4px double #000; }
ul.items, ul.checklist { padding-left: 1.4rem; }
ul.checklist { list-style: none; padding-left: 0; }
ul.checklist li { padding-left: 2rem; text-indent: -2rem; }
ul.checklist .box { font-size: 1.3rem; line-height: 1; }
p.source { font-size: 0.85rem; margin: 0.2rem 0 0.8rem; }
.unconfirmed { font-style: italic; }
a { color: #000; text-decoration: underline; }
nav ol { columns: 2; padding-left: 1.6rem; }
table.costs { border-collapse: collapse; width: 100%; margin: 0.8rem 0; }
table.costs caption { text-align: left; font-weight: bold; margin-bottom: 0.4rem; }
table.costs th, table.costs td { border: 1px solid #000; padding: 0.3rem 0.5rem; }
table.costs th[scope="row"] { text-align: left; font-weight: normal; }
table.costs td { text-align: right; white-space: nowrap; }
table.costs thead th { text-align: right; }
table.costs thead th:first-child { text-align: left; }
table.costs tr.total th, table.costs tr.total td { font-weight: bold; border-top: 3px solid #000; }
blockquote.request { margin: 0.5rem 0; padding: 0.6rem 1rem; border: 2px solid #000; }
.adviser { border: 3px dashed #000; padding: 0.6rem 1rem; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85rem; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  html { font-size: 16pt; }
  body { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, caption { break-after: avoid; page-break-after: avoid; }
  li, dt, dd, tr, .quote, p.key, p.source, blockquote.request { break-inside: avoid; page-break-inside: avoid; }
  dt { break-after: avoid; page-break-after: avoid; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; word-break: break-all; }
  table.costs { font-size: 0.9rem; }
}
"""
