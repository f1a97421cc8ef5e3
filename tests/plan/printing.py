"""Print HTML to PDF in headless Chromium (Debian's package) and count the pages.

The page budgets of the plan are measured the way a person prints it: the HTML in the
print stylesheet, on A4, without the browser's header and footer. Chromium runs with a
fresh profile in a temporary folder and with its background networking off (this
machine has no network, and it must not try).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)
PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


def chromium() -> str | None:
    """The Chromium to print with, if this machine has one."""
    return CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")


def print_pdf(html: str, pdf: Path, browser: str) -> int:
    """Print ``html`` to ``pdf`` and return its number of pages."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "plan.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={folder}/profile",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return len(PAGE.findall(pdf.read_bytes()))


def count_pages(pages: Iterable[tuple[str, str]], folder: Path, browser: str) -> dict[str, int]:
    """Pages of each named HTML page, printed two at a time (this machine has two cores)."""
    named = list(pages)
    with ThreadPoolExecutor(max_workers=2) as pool:
        counts = pool.map(lambda p: print_pdf(p[1], folder / f"{p[0]}.pdf", browser), named)
        return dict(zip((name for name, _ in named), counts, strict=True))
