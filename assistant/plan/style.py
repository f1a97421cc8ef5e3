"""The plan's stylesheet: large print on screen, clear print on A4, no colour needed.

On screen the text is 20px and scales with the browser. On paper it is 14 point Arial
(clear print): the whole plan for one person fits in six A4 pages, which a council can
use; for large print on paper, print at a larger scale, or print the Easy Read plan, whose
stylesheet (:data:`EASY_READ`) is 18 point. Both keep to large-print guidance otherwise: a
plain sans-serif face, left alignment, generous line spacing, strong contrast, and meaning
never resting on colour alone (unconfirmed sources say so in words). In print, sections start cleanly, items and
table rows are not split across pages, each link's address is printed after it, and the
appendix starts on a new page, so the plan itself can be printed without it.
"""

from __future__ import annotations

STYLESHEET = """
:root { color-scheme: light; }
html { font-size: 20px; }
body {
  margin: 0 auto; padding: 1.5rem; max-width: 42rem;
  font-family: Arial, "Liberation Sans", Helvetica, "DejaVu Sans", sans-serif;
  line-height: 1.5; color: #000; background: #fff; text-align: left;
  word-spacing: 0.05em; overflow-wrap: anywhere;
}
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.4rem; }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2rem 0 0.6rem;
     padding-top: 0.4rem; border-top: 3px solid #000; }
h3 { font-size: 1.15rem; margin: 1.2rem 0 0.4rem; }
p, li, dd, dt { margin: 0 0 0.6rem; }
.subtitle { font-size: 1.1rem; margin-bottom: 1rem; }
p.facts { font-weight: bold; }
dl.answers { display: grid; grid-template-columns: minmax(8rem, 45%) minmax(0, 1fr);
              gap: 0.2rem 1rem; }
dl.answers dt { font-weight: bold; margin: 0; }
dl.answers dd { margin: 0; }
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
@media (max-width: 32rem) { nav ol { columns: 1; } }
table.costs { border-collapse: collapse; width: 100%; margin: 0.8rem 0; }
table.costs caption { text-align: left; font-weight: bold; margin-bottom: 0.4rem; }
table.costs th, table.costs td { border: 1px solid #000; padding: 0.3rem 0.5rem; }
table.costs th[scope="row"] { text-align: left; font-weight: normal; }
table.costs td { text-align: right; white-space: nowrap; }
table.costs thead th { text-align: right; }
table.costs thead th:first-child { text-align: left; }
table.costs tr.total th, table.costs tr.total td { font-weight: bold; border-top: 3px solid #000; }
table.fill { border-collapse: collapse; width: 100%; margin: 0.6rem 0; }
table.fill th, table.fill td { border: 1px solid #000; padding: 0.3rem 0.5rem;
  text-align: left; vertical-align: top; }
table.fill td { height: 1.6rem; }
table.fill th:first-child { width: 42%; }
table.fill.cols-4 th:first-child { width: 26%; }
table.fill.cols-4 th:nth-child(2) { width: 36%; }
table.fill.cols-4 th:last-child { width: 13%; }
ul.compact li { margin-bottom: 0.25rem; }
.cite { font-size: 0.85rem; }
.appendix > h2 { border-top: 6px double #000; }
blockquote.request { margin: 0.5rem 0; padding: 0.6rem 1rem; border: 2px solid #000; }
.adviser { border: 3px dashed #000; padding: 0.6rem 1rem; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.85rem; }
@page { size: A4; margin: 11mm 11mm 13mm; }
@media print {
  html { font-size: 14pt; }
  body { max-width: none; padding: 0; line-height: 1.22; }
  nav { display: none; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.3rem; margin: 0.5rem 0 0.25rem; padding-top: 0.15rem; }
  h3 { margin: 0.4rem 0 0.15rem; }
  p { margin: 0 0 0.3rem; }
  li { margin: 0 0 0.1rem; }
  dl.answers { display: block; }
  dl.answers dt { display: inline; }
  dl.answers dt::after { content: ": "; }
  dl.answers dd { display: inline; }
  dl.answers dd::after { content: ""; display: block; margin-bottom: 0.1rem; }
  ul.checklist.compact { columns: 2; column-gap: 1.5rem; }
  .quote { margin: 0.4rem 0; }
  h2, h3, .quote figcaption { break-after: avoid; }
  tr, ul.compact li, ul.checklist li { break-inside: avoid; page-break-inside: avoid; }
  .appendix { break-before: page; page-break-before: always; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; word-break: break-all; }
  table.costs, table.fill.cols-4 { font-size: 0.9rem; }
  tfoot { display: table-row-group; }
}
"""

#: Easy Read: the same page, larger on paper (18 point), with more space between lines and
#: around each line, since each line holds one idea.
EASY_READ = (
    STYLESHEET
    + """
body { line-height: 1.6; }
.easy-read p, .easy-read li { margin-bottom: 0.7rem; }
.easy-read h2 { font-size: 1.6rem; }
.easy-read ul.items li strong { display: block; font-size: 1.15rem; }
@media print {
  html { font-size: 18pt; }
  body { line-height: 1.45; }
  .easy-read p, .easy-read li { margin-bottom: 0.45rem; }
  .easy-read h2 { break-before: auto; }
}
"""
)
