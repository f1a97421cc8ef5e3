"""Commands that only read create nothing where nothing was ever saved.

``sessions --store PATH`` on a path that did not exist used to make an empty store file
there (and on PostgreSQL, the assistant's tables, a new organisation and its key file).
Now every command that reads (listing, exporting, the report, forgetting, resuming) says
there are no saved conversations there, and leaves the place exactly as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest
from store_helpers import ANSWERS, walk
from support_plan_cli import support_plan

from assistant.flow.bundle import Bundle
from assistant.store import NothingSaved, open_store
from assistant.store.postgres import PostgresStore

#: Every command that only reads saved conversations, with what it is asked.
READING = [
    ("sessions",),
    ("sessions", "--json"),
    ("sessions", "export", "--all"),
    ("sessions", "export", "K7P-2QM"),
    ("export", "K7P-2QM"),
    ("export", "--format", "contact", "--all"),
    ("report", "--since", "2026-01-01"),
    ("forget", "K7P-2QM", "--yes"),
    ("forget", "--all", "--yes"),
    ("resume", "K7P-2QM", "--plain"),
]


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_a_reading_command_makes_no_file_and_says_nothing_is_saved(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    place = tmp_path / "not-yet" / "conversations.sqlite3"
    done = support_plan(*command, "--store", str(place))
    assert not (tmp_path / "not-yet").exists(), f"{' '.join(command)} made {place.parent}"
    said = done.stdout + done.stderr
    if command == ("sessions", "--json"):
        assert (done.returncode, done.stdout) == (0, "")  # no line for no conversation
        return
    if command[0] == "resume":  # the conversation asked for is not there
        assert f"no saved conversation with the reference K7P-2QM in {place}" in said
    else:
        assert f"No conversations are saved in {place}." in said
    assert "Traceback" not in said
    assert done.returncode == (0 if command == ("sessions",) else 1)


def test_opening_to_read_where_nothing_is_saved_is_told_in_the_language(tmp_path: Path) -> None:
    done = support_plan("sessions", "--lang", "cy", "--store", str(tmp_path / "none.sqlite3"))
    assert done.returncode == 0 and "No conversations are saved" not in done.stdout
    assert str(tmp_path / "none.sqlite3") in done.stdout
    assert not (tmp_path / "none.sqlite3").exists()


def _tables(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        ).fetchall()
    return [str(row[0]) for row in rows]


def test_reading_an_empty_database_makes_no_tables_and_no_key(pg_url: str, tmp_path: Path) -> None:
    for command in READING:
        done = support_plan(*command, "--store", pg_url)
        said = done.stdout + done.stderr
        if command[0] == "resume":
            assert "no saved conversation with the reference K7P-2QM" in said
        elif command != ("sessions", "--json"):  # JSON lines: nothing to list, no line
            assert "No conversations are saved in" in said, command
    assert _tables(pg_url) == []
    assert not (tmp_path / "xdg-data").exists()  # no organisation key was made
    with pytest.raises(NothingSaved):
        open_store(pg_url, create=False)


def test_reading_as_an_organisation_with_no_cases_makes_nothing(
    pg_url: str, tmp_path: Path, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    with PostgresStore(pg_url, organisation="north", adviser="asha") as north:
        walk(north, example, ANSWERS[:3])
    keys_before = sorted((tmp_path / "xdg-data").rglob("*"))
    monkeypatch.setenv("SUPPORT_PLAN_ORGANISATION", "nrth")  # a typing slip
    monkeypatch.setenv("SUPPORT_PLAN_ADVISER", "newcomer")
    done = support_plan("sessions", "--store", pg_url)
    assert done.returncode == 0
    assert "No conversations are saved for the organisation nrth in" in done.stdout
    assert sorted((tmp_path / "xdg-data").rglob("*")) == keys_before
    with psycopg.connect(pg_url) as conn:
        orgs = conn.execute("SELECT org FROM organisations").fetchall()
        advisers = conn.execute("SELECT adviser FROM advisers ORDER BY 1").fetchall()
    assert orgs == [("north",)] and advisers == [("asha",)]


def test_reading_writes_nothing_not_even_the_adviser(
    pg_url: str, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    with PostgresStore(pg_url, organisation="north", adviser="asha") as north:
        reference = walk(north, example, ANSWERS[:3])
    monkeypatch.setenv("SUPPORT_PLAN_ORGANISATION", "north")
    monkeypatch.setenv("SUPPORT_PLAN_ADVISER", "ben")
    assert reference in support_plan("sessions", "--store", pg_url).stdout
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT adviser FROM advisers").fetchall() == [("asha",)]
    # Ben's first write adds him, in the same transaction.
    with PostgresStore(pg_url, organisation="north", adviser="ben", create=False) as store:
        store.set_label(reference, "Ben's label")
    with psycopg.connect(pg_url) as conn:
        rows: list[Any] = conn.execute("SELECT adviser FROM advisers ORDER BY 1").fetchall()
    assert rows == [("asha",), ("ben",)]
