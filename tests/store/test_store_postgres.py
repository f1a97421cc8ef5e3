"""The PostgreSQL store's own promises: organisations kept apart by the database itself,
only sealed answers in it, append-only rights, versioned schema, and plain-spoken faults.

The contract shared with SQLite is tested once per back-end in test_store_api.py.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import pytest
from store_helpers import ANSWERS, SECRET_NAME, walk
from support_plan_cli import support_plan

from assistant.engine.events import Event
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.store import NewerStore, StoreError, UnknownReference, open_store
from assistant.store import postgres_schema as schema
from assistant.store.postgres import PostgresStore

SECRETS = [SECRET_NAME, "24.75", "supporter", "Plan for Quillon"]


def _raw_as_app_role(url: str, org: str | None, sql: str) -> list[tuple[Any, ...]]:
    """Run SQL as the application role, in a transaction naming ``org`` (or none)."""
    with psycopg.connect(url) as conn:
        conn.execute("SET ROLE support_plan_app")
        if org is not None:
            conn.execute("SELECT set_config('app.org', %s, true)", (org,))
        return conn.execute(sql).fetchall()  # type: ignore[arg-type]


@pytest.fixture
def two_organisations(pg_url: str, example: Bundle, tmp_path: Path) -> dict[str, str]:
    """Organisation 'north' and 'south', one case each (and their own key files)."""
    references = {}
    for org in ("north", "south"):
        with PostgresStore(pg_url, organisation=org, adviser=f"{org}-adviser") as store:
            references[org] = walk(store, example, ANSWERS, name=SECRET_NAME)
            store.set_label(references[org], f"{org} case")
    return references


def test_an_organisation_sees_only_its_own_cases(
    pg_url: str, two_organisations: dict[str, str]
) -> None:
    with PostgresStore(pg_url, organisation="north") as north:
        assert [c.reference for c in north.conversations()] == [two_organisations["north"]]
        with pytest.raises(UnknownReference):
            north.events(two_organisations["south"])
        with pytest.raises(UnknownReference):
            north.set_label(two_organisations["south"], "mine now")
        assert north.forget(two_organisations["south"]) is False
    with PostgresStore(pg_url, organisation="south") as south:
        assert len(south.events(two_organisations["south"])) > 10  # not forgotten


def test_raw_sql_as_the_application_role_cannot_read_across_organisations(
    pg_url: str, two_organisations: dict[str, str]
) -> None:
    south = two_organisations["south"]
    for table in ("events", "conversations", "labels", "advisers", "organisations"):
        assert _raw_as_app_role(pg_url, "north", f"SELECT * FROM {table} WHERE org = 'south'") == []
        assert _raw_as_app_role(pg_url, None, f"SELECT * FROM {table}") == []
    seen = _raw_as_app_role(pg_url, "north", "SELECT DISTINCT org FROM events")
    assert seen == [("north",)]
    assert (
        _raw_as_app_role(pg_url, "north", f"SELECT 1 FROM events WHERE reference = '{south}'") == []
    )


def test_the_application_role_may_only_read_and_add(
    pg_url: str, two_organisations: dict[str, str]
) -> None:
    north = two_organisations["north"]
    for sql in (
        f"UPDATE events SET adviser = 'x' WHERE reference = '{north}'",
        f"DELETE FROM events WHERE reference = '{north}'",
        "TRUNCATE events",
        "INSERT INTO forgotten (org, reference, adviser, events) VALUES ('north', 'x', 'y', 0)",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _raw_as_app_role(pg_url, "north", sql)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):  # row-level security's check
        _raw_as_app_role(
            pg_url,
            "north",
            "INSERT INTO advisers (org, adviser) VALUES ('south', 'intruder') RETURNING 1",
        )


def test_row_level_security_is_enabled_and_forced(
    pg_url: str, two_organisations: dict[str, str]
) -> None:
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute(
            "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
            "WHERE relname IN ('organisations', 'advisers', 'conversations', 'events', "
            "'labels', 'forgotten') ORDER BY relname"
        ).fetchall()
    assert len(rows) == 6
    assert all(enabled and forced for _, enabled, forced in rows)


def test_every_event_records_its_adviser(pg_url: str, example: Bundle) -> None:
    with PostgresStore(pg_url, adviser="asha") as first:
        reference = walk(first, example, ANSWERS[:3])
    with PostgresStore(pg_url, adviser="ben") as second:
        session = Session.replay(example, second.events(reference))
        second.append(reference, Event(len(session.events) + 1, "note", "t"))
        writers = second.advisers_of(reference)
    assert set(writers[:-1]) == {"asha"} and writers[-1] == "ben"


def test_a_dump_of_the_database_holds_no_answers_and_no_key(
    pg_url: str, pg_cluster: Any, example: Bundle, tmp_path: Path
) -> None:
    with PostgresStore(pg_url) as store:
        reference = walk(store, example, ANSWERS)
        store.set_label(reference, "Plan for Quillon")
        key_file = Path(store.made_key or "")
    dump = subprocess.run(
        [str(pg_cluster.bin / "pg_dump"), "--dbname", pg_url, "--data-only"],
        capture_output=True,
        check=True,
    ).stdout
    assert b"COPY public.events" in dump and reference.encode() in dump
    for secret in [*SECRETS, "welcome.name", "needs.rate"]:
        assert secret.encode() not in dump
    key = key_file.read_text().strip()
    assert key.encode() not in dump
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"


def test_forget_deletes_for_real_and_records_who_without_answers(
    pg_url: str, example: Bundle
) -> None:
    with PostgresStore(pg_url, adviser="asha") as store:
        reference = walk(store, example, ANSWERS)
        kept = walk(store, example, ANSWERS[:2])
        assert store.forget(reference) is True
        assert [c.reference for c in store.conversations()] == [kept]
    with psycopg.connect(pg_url) as conn:
        assert conn.execute(
            "SELECT count(*) FROM events WHERE reference = %s", (reference,)
        ).fetchone() == (0,)
        logged = conn.execute("SELECT org, reference, adviser, events FROM forgotten").fetchall()
    assert len(logged) == 1 and logged[0][:3] == ("default", reference, "asha")


def test_a_newer_schema_is_refused_untouched(pg_url: str) -> None:
    open_store(pg_url).close()
    with psycopg.connect(pg_url) as conn:
        conn.execute("INSERT INTO support_plan_schema (version) VALUES (%s)", (99,))
    with pytest.raises(NewerStore, match="newer version") as caught:
        open_store(pg_url)
    assert "99" in caught.value.message and "update" in caught.value.message


def test_someone_elses_tables_are_not_touched(pg_url: str) -> None:
    with psycopg.connect(pg_url) as conn:
        conn.execute("CREATE TABLE events (id int)")
    with pytest.raises(StoreError, match="not Support Plan Assistant's"):
        open_store(pg_url)


def test_migrations_are_numbered_sql_files() -> None:
    numbers = [number for number, _ in schema.migrations()]
    assert numbers == list(range(1, len(numbers) + 1))
    assert schema.SCHEMA_VERSION == numbers[-1]


def test_a_password_never_appears_in_messages() -> None:
    assert (
        schema.shown("postgresql://ann:s3cret@db.example/x") == "postgresql://ann:***@db.example/x"
    )


# -- faults: one plain line naming what to fix ------------------------------------------


def _one_line_error(store: str, env: dict[str, str] | None = None) -> str:
    """``support-plan sessions --store STORE``'s error: one line, no traceback."""
    saved = dict(os.environ)
    os.environ.update(env or {})
    try:
        done = support_plan("sessions", "--store", store)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_a_malformed_address_is_explained(tmp_path: Path) -> None:
    line = _one_line_error("postgresql://ann@/db?host=/tmp&nonsense=1")
    assert "not a database address" in line and "postgresql://USER@/DATABASE" in line


def test_a_refused_connection_is_explained(tmp_path: Path) -> None:
    line = _one_line_error(f"postgresql://postgres@/db?host={tmp_path}")
    assert "cannot be reached" in line and "Start the server" in line


def test_a_missing_database_is_explained(pg_cluster: Any) -> None:
    line = _one_line_error(pg_cluster.url("no_such_database"))
    assert "does not exist" in line and "createdb" in line


def test_a_missing_key_file_is_explained(pg_url: str, tmp_path: Path) -> None:
    with PostgresStore(pg_url) as store:
        key_file = Path(store.made_key or "")
    key_file.rename(tmp_path / "elsewhere.key")
    line = _one_line_error(pg_url)
    assert "was not found at" in line and str(key_file) in line and "backup" in line


def test_a_wrong_key_is_explained_and_nothing_changes(pg_url: str, tmp_path: Path) -> None:
    with PostgresStore(pg_url) as store:
        store.create(bundle="example", locale="en_GB", mode="plain")
    other = tmp_path / "other.key"
    other.write_text("A" * 43 + "=\n")
    line = _one_line_error(pg_url, {"SUPPORT_PLAN_KEY_FILE": str(other)})
    assert "does not open" in line and str(other) in line
    with PostgresStore(pg_url) as store:
        assert len(store.conversations()) == 1


def test_a_database_that_goes_away_mid_conversation_says_the_step_was_not_saved(
    pg_url: str, pg_cluster: Any, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schema, "CONNECT_TIMEOUT", 1)
    name = urlsplit(pg_url).path.lstrip("/")
    store = PostgresStore(pg_url)
    try:
        reference = store.create(bundle="example", locale="en_GB", mode="plain")
        session = Session(example)
        session.start()
        store.append_many(reference, session.events)
        pg_cluster.psql("postgres", f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        pg_cluster.psql(
            "postgres",
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
        )
        with pytest.raises(StoreError, match="connection to the database .* was lost") as caught:
            store.append(reference, Event(3, "note", "t", None, SECRET_NAME))
        assert SECRET_NAME not in caught.value.message
        pg_cluster.psql("postgres", f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        for _ in range(30):  # "then try again": the pool reconnects in the background
            try:
                store.append(reference, Event(3, "note", "t", None, SECRET_NAME))
                break
            except StoreError:
                continue
        assert [e.seq for e in store.events(reference)] == [1, 2, 3]
    finally:
        pg_cluster.psql("postgres", f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        store.close()


def _lines(stream: Any) -> queue.Queue[dict[str, Any] | None]:
    """The JSON lines a program prints, as they come (None at the end)."""
    found: queue.Queue[dict[str, Any] | None] = queue.Queue()

    def read() -> None:
        for line in stream:
            found.put(json.loads(line))
        found.put(None)

    threading.Thread(target=read, daemon=True).start()
    return found


def _next(found: queue.Queue[dict[str, Any] | None], event: str) -> dict[str, Any]:
    while True:
        line = found.get(timeout=60)
        assert line is not None, f"the program ended before a {event!r} line"
        if line["event"] == event:
            return line


def test_plain_mode_holds_the_next_screen_until_the_answer_is_saved(
    pg_url: str, pg_cluster: Any, example: Bundle
) -> None:
    """The database goes away mid-conversation: the answer is not shown as saved, the next
    question waits, and once the database is back Enter saves it and carries on."""
    name = urlsplit(pg_url).path.lstrip("/")
    program = subprocess.Popen(
        [sys.executable, "-m", "assistant", "--plain", "--json", "--flow", "example"]
        + ["--save", "--store", pg_url],
        cwd=Path(__file__).resolve().parents[2],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=dict(os.environ, SUPPORT_PLAN_CONNECT_TIMEOUT="1"),
    )
    assert program.stdin is not None
    found = _lines(program.stdout)
    try:
        reference = _next(found, "saving")["reference"]
        assert _next(found, "step")["step"] == "welcome.hello"
        program.stdin.write("\n")
        program.stdin.flush()
        assert _next(found, "step")["step"] == "welcome.name"
        pg_cluster.psql("postgres", f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        pg_cluster.psql(
            "postgres",
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
        )
        program.stdin.write(SECRET_NAME + "\n")
        program.stdin.flush()
        held = found.get(timeout=60)
        assert held is not None and held["event"] == "not_saved", held
        assert (
            "NOT been saved" in held["message"] and "connection to the database" in held["message"]
        )
        assert SECRET_NAME not in held["message"]
        pg_cluster.psql("postgres", f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        shown = None
        for _ in range(30):  # Enter tries again; the pool reconnects in the background
            program.stdin.write("\n")
            program.stdin.flush()
            shown = found.get(timeout=60)
            if shown is not None and shown["event"] == "step":
                break
            assert shown is not None and shown["event"] == "not_saved"
        assert shown is not None and shown["step"] == "welcome.answering_for"
    finally:
        pg_cluster.psql("postgres", f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        program.stdin.close()
        program.wait(timeout=60)
        while found.get(timeout=60) is not None:  # the reader has finished with the pipe
            pass
        assert program.stdout is not None
        program.stdout.close()
    with PostgresStore(pg_url) as store:
        answers = Session.replay(example, store.events(reference)).answers
    assert answers["welcome.name"] == SECRET_NAME


def test_many_programs_opening_a_new_organisation_at_once_share_one_key(pg_url: str) -> None:
    """Found by the 200-adviser benchmark: a second program saw the new organisation
    before its key file was there, and said the key was missing."""
    failures: list[str] = []

    def open_one(number: int) -> None:
        try:
            PostgresStore(pg_url, organisation="busy", adviser=f"a{number}").close()
        except StoreError as error:
            failures.append(error.message)

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
