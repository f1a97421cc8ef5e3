"""The HTML plan is one self-contained, accessible page: large print on screen, clear print
on A4, and the Easy Read page in large print on paper too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assistant.engine.session import Session
from assistant.plan import export


class Page(HTMLParser):
    """Collects tags, attributes and nesting problems."""

    VOID = {"meta", "br", "link", "img", "input", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 22)
PERSONAS = sorted(p.stem for p in (ROOT / "transcripts").glob("*.yaml"))
Persona = Callable[[str], Session]


@pytest.mark.parametrize("name", PERSONAS)
@pytest.mark.parametrize("easy_read", [False, True])
def test_html_is_well_formed_and_self_contained(
    name: str, easy_read: bool, persona: Persona
) -> None:
    html = export(persona(name), "html", today=DAY, adviser=True, easy_read=easy_read)
    page = Page()
    page.feed(html)
    assert page.problems == [] and page.stack == []
    tags = [t for t, _ in page.tags]
    assert "script" not in tags and "img" not in tags and "link" not in tags
    assert ("html", {"lang": "en-GB"}) in page.tags
    assert tags.count("h1") == 1
    assert "@page { size: A4;" in html and "html { font-size: 20px; }" in html
    # On paper: 14 point for the plan (clear print), 18 point for Easy Read (large print).
    assert "html { font-size: 14pt; }" in html
    assert ("html { font-size: 18pt; }" in html) is easy_read


def test_the_appendix_starts_on_a_new_page_so_it_can_be_left_out(persona: Persona) -> None:
    html = export(persona("older_widowed_arthritis"), "html", today=DAY)
    assert '<div class="appendix" id="appendix"><h2>Your rights explained</h2>' in html
    assert ".appendix { break-before: page;" in html
    without = export(persona("older_widowed_arthritis"), "html", today=DAY, appendix=False)
    assert 'id="appendix"' not in without


def test_cost_table_has_header_cells_for_screen_readers(persona: Persona) -> None:
    html = export(persona("dp_rate_too_low"), "html", today=DAY)
    assert '<th scope="col">A week</th>' in html
    assert '<th scope="row">Basic pay</th><td>£337.50</td>' in html
    assert '<span class="box" aria-hidden="true">&#9744;</span>' in html
