"""The HTML plan on a phone: a person's long words (a web address, a pasted formula, a
word with no spaces) wrap inside the page instead of pushing it wider than the screen,
and the contents are one column (in two, the numbers of the second ran into the first).

Measured in headless Chromium (Debian's package, as for the page budgets): a small script
added to a copy of the page writes how far the page is wider than a 400-pixel window, and
how many columns the contents have.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from printing import FLAGS

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.plan import export

DAY = dt.date(2026, 11, 22)
LONG = "=HYPERLINK(" + "Supercalifragilisticexpialidocious" * 4 + ")"
MEASURE = (
    "<script>document.body.dataset.overflow = String("
    "document.documentElement.scrollWidth - document.documentElement.clientWidth);"
    "document.body.dataset.columns = getComputedStyle(document.querySelector('nav ol'))"
    ".columnCount</script>"
)


def _measure(html: str, browser: str) -> tuple[int, str]:
    """How many pixels wider than a 400-pixel window the page is, and the contents' columns."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "plan.html"
        page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
        done = subprocess.run(
            [browser, *FLAGS, f"--user-data-dir={folder}/profile", "--window-size=400,800"]
            + ["--dump-dom", page.as_uri()],
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
    overflow = re.search(r'data-overflow="(-?\d+)"', done.stdout)
    columns = re.search(r'data-columns="([^"]*)"', done.stdout)
    assert overflow and columns, "the measuring script did not run"
    return int(overflow.group(1)), columns.group(1)


@pytest.mark.parametrize("easy_read", [False, True])
def test_long_words_wrap_on_a_phone(browser: str, example: Bundle, easy_read: bool) -> None:
    session = Session(example)
    session.start()
    session.answer()
    session.answer(LONG)
    html = export(session, "html", today=DAY, easy_read=easy_read)
    assert easy_read or LONG[:20] in html  # Easy Read (the example's) has no name line
    assert _measure(html, browser) == (0, "1")
