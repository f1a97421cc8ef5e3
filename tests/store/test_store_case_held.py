"""A case a colleague is working on (PostgreSQL, shared by a helpline's advisers).

Opening it is told who is on it; a step both answer is kept once, and the second adviser
is told who saved it first, by name. (Before, opening said nothing, and the second answer
got a "could not be used: that step was already saved" with no name, again and again.)
"""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from store_helpers import ANSWERS, walk
from support_plan_cli import support_plan
from textual.widgets import Static

from assistant.engine.events import Event
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.saving import resume_saving
from assistant.store import StoreError
from assistant.store.postgres import PostgresStore
from assistant.ui.app import AssistantApp
from assistant.ui.saving import AppSaving, HeldMessages

ON_IT = "asha was working on this case less than half an hour ago and may still have it open."
AT = "2026-12-03T10:00:00+00:00"
FIRST = "asha saved this step of the case first, so your answer to it was not saved."


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def ashas_case(pg_url: str, example: Bundle, monkeypatch: pytest.MonkeyPatch) -> str:
    """A case Asha of 'north' is in the middle of; the program now runs as Ben of 'north'."""
    with PostgresStore(pg_url, organisation="north", adviser="asha") as asha:
        reference = walk(asha, example, ANSWERS[:3])
    monkeypatch.setenv("SUPPORT_PLAN_ORGANISATION", "north")
    monkeypatch.setenv("SUPPORT_PLAN_ADVISER", "ben")
    return reference


def test_resuming_a_case_a_colleague_is_on_names_them(pg_url: str, ashas_case: str) -> None:
    done = support_plan("resume", ashas_case, "--plain", "--store", pg_url)
    said = flat(done.stdout + done.stderr)
    assert ON_IT in said
    assert "Check with asha before you carry on" in said and "Traceback" not in said


def test_nobody_is_named_when_the_case_was_left_a_while_ago_or_is_ones_own(
    pg_url: str, ashas_case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPORT_PLAN_ADVISER", "asha")  # her own case, back after a break
    done = support_plan("resume", ashas_case, "--plain", "--store", pg_url)
    assert "working on this case" not in done.stdout + done.stderr
    with psycopg.connect(pg_url) as conn:  # the superuser: row-level security does not apply
        conn.execute("UPDATE events SET recorded = recorded - interval '45 minutes'")
    monkeypatch.setenv("SUPPORT_PLAN_ADVISER", "ben")  # she left it three quarters of an hour ago
    done = support_plan("resume", ashas_case, "--plain", "--store", pg_url)
    assert "working on this case" not in done.stdout + done.stderr
    with psycopg.connect(pg_url) as conn:
        conn.execute("UPDATE events SET recorded = now()")  # ben's answers just now, then
    monkeypatch.setenv("SUPPORT_PLAN_ADVISER", "asha")  # asha is told ben is on it
    done = support_plan("resume", ashas_case, "--plain", "--store", pg_url)
    assert "ben was working on this case" in done.stdout + done.stderr


def test_the_second_answer_to_a_step_names_who_saved_it_first(
    pg_url: str, example: Bundle, ashas_case: str
) -> None:
    with PostgresStore(pg_url, organisation="north", adviser="ben") as ben:
        events = ben.events(ashas_case)
        session = Session.replay(example, events)
        step = session.current
        with PostgresStore(pg_url, organisation="north", adviser="asha") as asha:
            asha.append(ashas_case, Event(len(events) + 1, "note", AT, step, "t"))  # first
        with pytest.raises(StoreError) as refused:
            ben.append(ashas_case, Event(len(events) + 1, "note", AT, step, "u"))
        session.close()
        message = refused.value.message
        assert FIRST in message and f"support-plan resume {ashas_case}" in message
        assert [e.value for e in ben.events(ashas_case)][-1] == "t"  # hers, kept once


async def test_the_app_says_who_is_on_the_case_as_it_opens(
    pg_url: str, example: Bundle, ashas_case: str
) -> None:
    app = AssistantApp(example, "en_GB", translator=translator_for("en_GB"))
    app.store_path = pg_url
    saving = app.saving = AppSaving(pg_url, None, HeldMessages())
    app.opener = lambda ref: resume_saving(ref, example, saving.dialogue(app), store=pg_url)
    app.resume_at_start = ashas_case
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(300):  # the opening thread, then the first step (no fixed sleeps)
            if app.started and app.screen is app.conversation and not app.workers:
                break
            await pilot.pause(0.01)
        assert app.started and app.save_reference == ashas_case  # still saved, by Ben
        shown = flat("\n".join(str(w.render()) for w in app.screen.query(Static)))
        assert ON_IT in shown


def test_sqlite_has_no_colleagues(tmp_path: Path, example: Bundle) -> None:
    """One person's file: nobody else can be on a case there."""
    from assistant.store import open_store

    with open_store(tmp_path / "store.sqlite3") as store:
        reference = walk(store, example, ANSWERS[:3])
        assert store.working_on(reference) is None
