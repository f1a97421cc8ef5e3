"""The store's tables, its recorded schema version and forward migrations.

The version lives in SQLite's ``user_version`` and the file is marked with our own
``application_id``, so an older file is migrated forward in one transaction, a newer one
is refused before anything is written, and someone else's database is never altered.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from assistant.store.base import NewerStore, StoreError
from assistant.values import N_

#: The schema version this program writes. Raise it and add a MIGRATIONS entry to change tables.
SCHEMA_VERSION = 2
#: "SPA1": marks a file as a Support Plan Assistant store.
APPLICATION_ID = 0x53504131

#: version → statements that turn version-1 into it. Never edit a released entry.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        """CREATE TABLE conversations (
            reference TEXT PRIMARY KEY,
            label BLOB,
            bundle TEXT NOT NULL,
            locale TEXT NOT NULL,
            mode TEXT NOT NULL,
            created TEXT NOT NULL,
            last_activity TEXT NOT NULL,
            answered INTEGER NOT NULL DEFAULT 0,
            last_step BLOB,
            finished INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE events (
            reference TEXT NOT NULL REFERENCES conversations(reference) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (reference, seq)
        ) WITHOUT ROWID""",
    ),
    # Who took the call, in an adviser's conversation (``sessions --adviser``).
    2: ("ALTER TABLE conversations ADD COLUMN adviser TEXT",),
}


def version_of(connection: sqlite3.Connection) -> tuple[int, int]:
    """(schema version, application id) as recorded in the file."""
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    return int(version), int(app_id)


def check_version(connection: sqlite3.Connection, path: Path) -> int:
    """The file's schema version; refuses newer stores and other programs' databases."""
    version, app_id = version_of(connection)
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and _has_tables(connection)):
        raise StoreError(
            N_(
                "{path} is a database, but not one of Support Plan Assistant's, so it was not changed. Choose another file with --store PATH."
            ),
            path,
        )
    if version > SCHEMA_VERSION:
        raise NewerStore(
            N_(
                "{path} was saved by a newer version of Support Plan Assistant (store version {version}; this version understands up to {known}). It has not been changed. Please update the assistant to open it, or use --store to save elsewhere."
            ),
            path,
            version=version,
            known=SCHEMA_VERSION,
        )
    return version


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the file up to :data:`SCHEMA_VERSION`, all in one transaction (or not at all)."""
    if check_version(connection, path) == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = check_version(connection, path)  # another process may have done it meanwhile
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target]:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _has_tables(connection: sqlite3.Connection) -> bool:
    return bool(connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
