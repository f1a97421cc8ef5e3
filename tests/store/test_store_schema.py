"""Schema versions: recorded in the file, migrated forward, newer files refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from store_helpers import ANSWERS, walk

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.store import NewerStore, StoreError, open_store, schema


def _pragma(path: Path, name: str) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute(f"PRAGMA {name}").fetchone()[0])


def test_the_schema_version_is_recorded(store_file: Path) -> None:
    open_store(store_file).close()
    assert _pragma(store_file, "user_version") == schema.SCHEMA_VERSION
    assert _pragma(store_file, "application_id") == schema.APPLICATION_ID


def test_a_newer_store_is_refused_and_left_alone(store_file: Path) -> None:
    open_store(store_file).close()
    with sqlite3.connect(store_file) as connection:
        connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = store_file.read_bytes()
    with pytest.raises(NewerStore, match="newer version") as caught:
        open_store(store_file)
    assert str(store_file) in caught.value.message
    assert "update" in caught.value.message
    assert store_file.read_bytes() == before


def test_someone_elses_database_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (text)")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not one of Support Plan Assistant's"):
        open_store(path)
    assert path.read_bytes() == before


def test_an_older_store_is_migrated_forward_keeping_every_answer(
    store_file: Path, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_file) as store:
        reference = walk(store, example, ANSWERS[:4])
    future = schema.SCHEMA_VERSION + 1
    monkeypatch.setattr(schema, "SCHEMA_VERSION", future)
    monkeypatch.setitem(
        schema.MIGRATIONS, future, ("ALTER TABLE conversations ADD COLUMN region TEXT",)
    )
    with open_store(store_file) as store:
        events = store.events(reference)
    assert _pragma(store_file, "user_version") == future
    with sqlite3.connect(store_file) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(conversations)")]
    assert "region" in columns
    assert Session.replay(example, events).answers["welcome.age"] == 87


def test_a_version_1_store_gains_who_took_each_call(
    store_file: Path, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as old:
        old.setattr(schema, "SCHEMA_VERSION", 1)
        with open_store(store_file) as store:
            reference = walk(store, example, ANSWERS[:4])
        assert _pragma(store_file, "user_version") == 1
    with open_store(store_file) as store:
        assert store.summary(reference).adviser is None  # type: ignore[union-attr]
        store.set_adviser(reference, "Sam")
        assert store.summary(reference).adviser == "Sam"  # type: ignore[union-attr]
        assert Session.replay(example, store.events(reference)).answers["welcome.age"] == 87
    assert _pragma(store_file, "user_version") == 2


def test_a_failed_migration_changes_nothing(
    store_file: Path, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_store(store_file) as store:
        walk(store, example, ANSWERS[:2])
    future = schema.SCHEMA_VERSION + 1
    monkeypatch.setattr(schema, "SCHEMA_VERSION", future)
    monkeypatch.setitem(
        schema.MIGRATIONS, future, ("ALTER TABLE conversations ADD COLUMN x", "NOT SQL")
    )
    with pytest.raises(StoreError):
        open_store(store_file)
    assert _pragma(store_file, "user_version") == future - 1
