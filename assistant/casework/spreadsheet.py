"""CSV that a spreadsheet opens correctly and safely.

- UTF-8 with a byte order mark, so Excel reads Welsh and Polish letters rightly rather than
  guessing an old code page;
- every field in double quotes, rows ended with CRLF (RFC 4180);
- no formula injection: a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
  a carriage return, or their full-width forms) would be run as a formula by a
  spreadsheet, so it gets a leading apostrophe and is shown as the text it is (OWASP's
  advice for CSV injection);
- control characters become U+FFFD (a terminal or an importer might act on them);
- line breaks inside a cell become spaces, because many case systems' importers take a
  line break for the end of a record.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from assistant.values import printable

#: The byte order mark that tells a spreadsheet the file is UTF-8.
BOM = "\ufeff"
#: First characters a spreadsheet may take for the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(text: str) -> str:
    """``text`` as a cell that is always read as text: no formula, no line break.

    Control characters are marked first and the check looks past leading spaces, so
    neither a line break (which becomes a space) nor an importer that trims can hide a
    formula from it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = " ".join(printable(line) for line in lines)
    if text.lstrip(" ").startswith(FORMULA_STARTS):
        text = "'" + text
    return text


def spreadsheet_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """The whole file as text, BOM first (write it as UTF-8 with no newline translation)."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return BOM + out.getvalue()
