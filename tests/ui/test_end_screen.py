"""The end screen saves and prints the draft plan, privately, and never mixes in notes."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ui_helpers import SIZE, answer_to_the_end, screen_text

from assistant.ui.app import AssistantApp


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


async def test_print_my_plan_says_how_to_print(
    make_app: Callable[..., AssistantApp], plans: Path
) -> None:
    app = make_app("self")
    async with app.run_test(size=SIZE) as pilot:
        await answer_to_the_end(pilot)
        await pilot.click("#end-print")
        await pilot.pause()
        assert "open this file in a web browser and choose Print" in screen_text(app)
    [page] = plans.iterdir()
    assert page.suffix == ".html" and "<html" in page.read_text()


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
    assert len(person) == 3 and len(adviser) == 3
    assert not any("breathless" in p.read_text() for p in person)
    assert all("breathless" in p.read_text() for p in adviser)
