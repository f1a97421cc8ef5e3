"""``support-plan serve`` in a real browser (Debian's Chromium, driven by Playwright).

Two advisers of one organisation and one of another use one PostgreSQL store: the first
answers part of a case and closes the browser mid-conversation; nothing is lost, and
every event names her; her colleague signs in and carries the case on; the adviser of
the other organisation does not see it at all.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve_helpers import (
    PASSWORD,
    Screen,
    add_adviser,
    browser_missing,
    chromium,
    served,
    sign_in,
)

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.store.postgres import PostgresStore

NAME = "Quillon7Vextraborne"
pytestmark = pytest.mark.timeout(300)


@pytest.fixture
def playwright() -> Iterator[Any]:
    reason = browser_missing()
    if reason is not None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the browser tests, but {reason}")
        pytest.skip(f"browser tests skipped: {reason}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture
def helpline(pg_url: str, tmp_path: Path) -> Iterator[str]:
    """A served app with advisers asha and ben (north) and carol (south)."""
    advisers = tmp_path / "advisers"
    for name, org in (("asha", "north"), ("ben", "north"), ("carol", "south")):
        add_adviser(advisers, name, org)
    with served(advisers, pg_url, tmp_path / "serve.log") as address:
        yield address


def _keys(page: Any, *keys: str) -> None:
    page.focus("textarea.xterm-helper-textarea")
    for key in keys:
        if key in ("Tab", "Enter", "Escape", "ArrowUp", "ArrowDown", "Space", "F2"):
            page.keyboard.press(key)
        else:
            page.keyboard.type(key)


def _open(browser: Any, address: str, adviser: str) -> tuple[Any, Screen]:
    page = browser.new_page(viewport={"width": 1000, "height": 650})
    screen = Screen(page)
    sign_in(page, address, adviser)
    screen.wait_for("Who is completing this?")
    return page, screen


def test_a_closed_browser_loses_nothing_and_organisations_stay_apart(
    playwright: Any, helpline: str, pg_url: str, example: Bundle
) -> None:
    browser = chromium(playwright)
    page, screen = _open(browser, helpline, "asha")
    _keys(page, "Tab", "CASE-N1", "Tab", "Tab", "Enter")
    # On a call, explanations are lines to read out, beside the questions: no screens.
    screen.wait_for("What would you like us to call you?")
    mark = screen.mark()
    _keys(page, NAME, "Enter")
    screen.wait_for(f"Who is answering, {NAME}?", mark)
    mark = screen.mark()
    _keys(page, "Enter")
    screen.wait_for("How old are you?", mark)
    mark = screen.mark()
    _keys(page, "87", "Enter")
    screen.wait_for("Which of these are hard for you?", mark)
    browser.close()  # mid-conversation: no quitting, no saving by hand

    with PostgresStore(pg_url, organisation="north", adviser="test") as north:
        (case,) = north.conversations()
        assert case.label == "CASE-N1" and case.answered == 3
        session = Session.replay(example, north.events(case.reference))
        assert session.answers["welcome.name"] == NAME
        assert session.answers["welcome.age"] == 87
        assert session.current == "needs.tasks"
        assert set(north.advisers_of(case.reference)) == {"asha"}

    browser = chromium(playwright)
    page, screen = _open(browser, helpline, "ben")
    screen.wait_for(case.reference)  # in "Carry on with a saved conversation"
    mark = screen.mark()
    _keys(page, "Tab", "Tab", "Tab", "Tab", "Enter")
    screen.wait_for("Which of these are hard for you?", mark)  # where asha was
    mark = screen.mark()
    _keys(page, "F2")  # back to the age: ben's own event
    screen.wait_for("How old are you?", mark)
    page_b, screen_c = _open(browser, helpline, "carol")
    screen_c.wait_for("There are no saved conversations.")
    assert case.reference not in screen_c.text and "CASE-N1" not in screen_c.text
    browser.close()

    with PostgresStore(pg_url, organisation="north", adviser="test") as north:
        writers = north.advisers_of(case.reference)
        assert writers[-1] == "ben" and writers[0] == "asha"
    with PostgresStore(pg_url, organisation="south", adviser="test") as south:
        # Nothing of north's, and nothing of carol's: she never pressed Start, and a
        # conversation is saved only once it starts (issue 16: nothing before consent).
        assert south.conversations() == []


def test_the_app_starts_in_the_language_chosen_on_the_sign_in_page(
    playwright: Any, helpline: str
) -> None:
    browser = chromium(playwright)
    page = browser.new_page(viewport={"width": 1000, "height": 650})
    screen = Screen(page)
    page.goto(helpline + "/sign-in")
    page.click("a[hreflang=cy]")  # Cymraeg, on the sign-in page itself
    assert page.locator("html").get_attribute("lang") == "cy"
    page.fill("#name", "asha")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    screen.wait_for("Pwy sy'n llenwi hwn?")  # the start screen, in Welsh
    browser.close()
