"""The end screen saves and prints the draft plan, privately, and never mixes in notes."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import SIZE, answer_to_the_end, screen_text

from assistant.ui.app import AssistantApp
from assistant.ui.widgets import Plain


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "plans"
    monkeypatch.setattr("assistant.plan.files.plans_folder", lambda: folder)
    return folder


async def test_save_my_plan_writes_private_files(
    make_app: Callable[..., AssistantApp], plans: Path
) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        await pilot.click("#end-save")
        await pilot.pause()
        assert "Your draft plan is saved in" in screen_text(app)
    files = sorted(p.name for p in plans.iterdir())
    assert [name.rsplit(".", 1)[1] for name in files] == ["html", "md", "txt"]
    assert stat.S_IMODE(plans.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in plans.iterdir())
    assert "Ann" in (plans / files[1]).read_text()


def on_screen(app: AssistantApp) -> str:
    """What the end screen says after a button, if it is where the person is looking: the
    notice is inside the 80x24 screen and nothing covers it ("" otherwise)."""
    notice = app.screen.query_one("#end-notice", Plain)
    region = notice.region
    if not region.height or not app.screen.region.contains_region(region):
        return ""
    top, _ = app.screen.get_widget_at(region.x, region.y)
    bottom, _ = app.screen.get_widget_at(region.x, region.bottom - 1)
    return notice.text if top is notice and bottom is notice else ""


async def test_print_says_honestly_that_nothing_was_printed_without_a_printer(
    make_app: Callable[..., AssistantApp], plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("assistant.plan.files.default_printer", lambda: None)
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        await pilot.click("#end-print")
        await pilot.pause()
        assert "There is no printer set up here, so nothing was printed." in on_screen(app)
    page = next(p for p in plans.iterdir() if p.suffix == ".html")
    assert "<html" in page.read_text()


async def test_print_sends_to_the_default_printer_when_there_is_one(
    make_app: Callable[..., AssistantApp], plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[Path, str]] = []
    monkeypatch.setattr("assistant.plan.files.default_printer", lambda: "Office")
    monkeypatch.setattr(
        "assistant.plan.files.send_to_printer", lambda path, name: sent.append((path, name)) or True
    )
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        await pilot.click("#end-print")
        await pilot.pause()
        assert "Your plan is sent to the printer Office" in on_screen(app)
    assert [(p.suffix, name) for p, name in sent] == [(".txt", "Office")]


async def test_save_twice_replaces_the_files_and_says_so_where_the_person_looks(
    make_app: Callable[..., AssistantApp], plans: Path
) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        await pilot.click("#end-save")
        await pilot.pause()
        first = sorted(p.name for p in plans.iterdir())
        assert "Your draft plan is saved in" in on_screen(app)  # visible at 80x24
        await pilot.click("#end-save")
        await pilot.pause()
        assert "saved again, as it is now" in on_screen(app)
    assert sorted(p.name for p in plans.iterdir()) == first  # no numbered copies
    assert len(first) == 3


async def test_easy_read_button_saves_the_easy_read_page(
    make_app: Callable[..., AssistantApp], plans: Path
) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        await pilot.click("#end-easy")
        await pilot.pause()
        assert "Your Easy Read plan is saved" in on_screen(app)
    [page] = plans.iterdir()
    assert page.name.endswith("-easy-read.html")
    assert '<body class="easy-read">' in page.read_text()


async def test_adviser_save_keeps_notes_out_of_the_persons_plan(
    make_app: Callable[..., AssistantApp], plans: Path
) -> None:
    app: Any = make_app("adviser_call")
    async with app.run_test(size=SIZE) as pilot:
        app.session.record("note", {"text": "Caller sounded breathless", "at": "10:00"})
        await answer_to_the_end(pilot)
        await pilot.click("#end-save")
        await pilot.pause()
    person = [p for p in plans.iterdir() if "adviser" not in p.name]
    adviser = [p for p in plans.iterdir() if "adviser" in p.name]
    assert len(person) == 3 and len(adviser) == 4  # the adviser's copy in Word too
    assert not any("breathless" in p.read_text() for p in person)
    assert all("breathless" in p.read_text() for p in adviser if p.suffix != ".docx")
    [word_copy] = [p for p in adviser if p.suffix == ".docx"]
    assert word_copy.read_bytes()[:2] == b"PK"  # a Word document is a zip
