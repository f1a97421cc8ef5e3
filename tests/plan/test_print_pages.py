"""Page budgets, printed as a person prints them: each golden persona's plan (its appendix
left out) fits on 6 A4 pages and its Easy Read plan on 8, in headless Chromium.

Needs Debian's chromium (``.ci/run`` installs it). Without it the test is skipped on a
developer's machine and fails in CI (CI=true), so a missing browser never passes silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import msgspec
from printing import count_pages

from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.plan import export
from assistant.plan.build import build_plan
from assistant.plan.render import render

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 22)
PERSONAS = sorted(p.stem for p in (ROOT / "transcripts").glob("*.yaml"))
PLAN_PAGES, EASY_READ_PAGES = 6, 8
T = Translator()


def test_every_plan_fits_its_page_budget(
    browser: str, persona: Callable[[str], Session], tmp_path: Path
) -> None:
    pages = []
    for name in PERSONAS:
        plan = build_plan(persona(name), T, today=DAY)
        assert plan.appendix  # the budget is for the plan a person prints without it
        printed = msgspec.structs.replace(plan, appendix=())
        pages.append((name, render(printed, "html", T)))
        easy = export(persona(name), "html", today=DAY, easy_read=True)
        pages.append((f"{name}-easy-read", easy))
    counted = count_pages(pages, tmp_path, browser)
    assert all(n > 0 for n in counted.values())
    over = {
        name: n
        for name, n in counted.items()
        if n > (EASY_READ_PAGES if name.endswith("-easy-read") else PLAN_PAGES)
    }
    assert over == {}, counted
