"""Opening the app, or resuming in it, makes no case: on SQLite and on PostgreSQL.

The start screen reads the saved list behind itself; that read makes no store file, no
tables, no organisation and no key. Resuming a saved case carries on that case (no second,
empty one), and resuming where nothing is saved says so and makes nothing.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from ui_helpers import SIZE, screen_text

from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.saving import resume_saving
from assistant.store import open_store
from assistant.ui.app import AssistantApp
from assistant.ui.loading import Prepared
from assistant.ui.saving import AppSaving, HeldMessages
from assistant.ui.start import StartScreen
from assistant.ui.widgets import ChoiceList


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch) -> str:
    """A place where nothing has been saved yet: a file that does not exist, or an empty
    database."""
    monkeypatch.delenv("SUPPORT_PLAN_STORE", raising=False)
    monkeypatch.delenv("SUPPORT_PLAN_PASSPHRASE", raising=False)
    if request.param == "sqlite":
        return str(tmp_path / "not-yet" / "store.sqlite3")
    return str(request.getfixturevalue("pg_url"))


def nothing_made(location: str, tmp_path: Path) -> None:
    """Fails if anything at all was made at ``location`` (or an organisation key)."""
    if location.startswith("postgresql"):
        with psycopg.connect(location) as conn:
            tables = conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchall()
        assert tables == []
        assert not (tmp_path / "xdg-data").exists()  # no organisation key either
    else:
        assert not Path(location).parent.exists()


def the_app(example: Bundle, location: str, resume: str | None = None) -> AssistantApp:
    """The app as `support-plan` (or `support-plan resume REF`) starts it."""
    app = AssistantApp(
        example if resume else None,
        "en_GB",
        translator=translator_for("en_GB"),
        prepare=None if resume else lambda: Prepared(example),
    )
    app.store_path = location
    saving = app.saving = AppSaving(location, None, HeldMessages())
    app.opener = lambda ref: resume_saving(ref, example, saving.dialogue(app), store=location)
    app.resume_at_start = resume
    return app


async def until_loaded(pilot) -> None:
    """Let the loading behind the start screen (or the resume) finish; no fixed sleeps."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_opening_the_app_where_nothing_is_saved_makes_nothing(
    example: Bundle, location: str, tmp_path: Path
) -> None:
    app = the_app(example, location)
    async with app.run_test(size=SIZE) as pilot:
        await until_loaded(pilot)
        assert isinstance(app.screen, StartScreen) and app.bundle is example  # loaded
        assert not app.screen.query("#saved")  # no saved list: nothing is saved there
    nothing_made(location, tmp_path)


async def test_resuming_where_nothing_is_saved_says_so_and_makes_nothing(
    example: Bundle, location: str, tmp_path: Path
) -> None:
    app = the_app(example, location, resume="K7P-2QM")
    async with app.run_test(size=SIZE) as pilot:
        await until_loaded(pilot)
        said = " ".join(screen_text(app).split())
        assert "no saved conversation with the reference K7P-2QM" in said
        assert app.save_reference is None and not app.started
    nothing_made(location, tmp_path)


async def test_opening_and_resuming_a_saved_case_adds_no_other_case(
    example: Bundle, location: str
) -> None:
    from assistant.engine.session import Session
    from assistant.saving import SavingTarget

    with open_store(location) as store:
        reference = store.create(bundle="example", locale="en_GB", mode="self")
        session = Session(example, on_event=SavingTarget(store, reference, HeldMessages()).record)
        session.start({"mode": "self"})
        session.answer()
        session.answer("Ann")
        session.close()
        events_before = len(store.events(reference))
    opened = the_app(example, location)  # the app opened, then closed: the list only
    async with opened.run_test(size=SIZE) as pilot:
        await until_loaded(pilot)
        assert opened.screen.query_one("#saved", ChoiceList).values == [reference]
    app = the_app(example, location, resume=reference)
    async with app.run_test(size=SIZE) as pilot:
        await until_loaded(pilot)
        assert app.started and app.save_reference == reference
        assert app.session.current == "welcome.answering_for"  # where Ann stopped
    with open_store(location, create=False) as store:
        assert [c.reference for c in store.conversations()] == [reference]
        assert len(store.events(reference)) >= events_before
