"""The store's open SQLite file: how it is opened, written, read and wiped.

Every write is one IMMEDIATE transaction in WAL mode with ``synchronous=FULL``, committed
before it returns, so an answer the screen has acknowledged survives a crash or a kill. A
file that fails SQLite's check is opened read-only and never written. Wiping checkpoints
the WAL into the file and vacuums (with ``secure_delete`` on), so deleted rows leave
nothing behind; if another window holds the WAL, the wipe is finished next time.
What is stored, and sealed, is :mod:`assistant.store.sqlite`'s business.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.store import files, schema
from assistant.store.base import DamagedStore, StoreError
from assistant.values import N_

log = logging.getLogger(__name__)
#: How long to wait for another window's write to finish before saying the file is busy.
BUSY_MS = 10_000


class Connection:
    """One store file, opened and migrated; all access goes through its lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.RLock()
        #: Why the file is read-only, when it failed SQLite's check; None if it is usable.
        self.damage: DamagedStore | None = None
        #: Why nothing may be written (a read-only file or folder); None if it may.
        self.read_only: StoreError | None = None
        #: What to tell the person that is not an error (an empty file used as new...).
        self.notices: list[StoreError] = []
        self.conn = self._connect()

    def _connect(self) -> sqlite3.Connection:
        state = files.prepare(self.path)
        self.notices, self.read_only = state.notices, state.read_only
        problem = (
            files.health_problem(self.path, nobody_writes=self.read_only is not None)
            if state.has_data
            else None
        )
        if problem == files.NOT_A_DATABASE:
            raise files.damaged_error(self.path, problem)
        if problem is not None:
            self.damage = files.damaged_error(self.path, problem)
            log.warning("store %s failed its check; opening read-only", self.path)
            return self._open_read_only()
        if self.read_only is not None:
            if not state.has_data:  # nothing to read, and nothing may be written
                raise self.read_only
            return self._open_read_only()
        try:
            conn = sqlite3.connect(
                self.path, isolation_level=None, timeout=BUSY_MS / 1000, check_same_thread=False
            )
            self._check_ours(conn, created=state.created)
            for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
                conn.execute(f"PRAGMA {pragma}")
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA temp_store=MEMORY")
            schema.migrate(conn, self.path)
        except sqlite3.Error as error:
            raise self.failure(error) from None
        return conn

    def _check_ours(self, conn: sqlite3.Connection, *, created: bool) -> None:
        """Before anything is written: the file must be ours, and private.

        A store of ours (or a file made just now) is made private if others could read
        it. Any other file (an empty one someone made) is used only if it is already
        private to this account: its mode is never changed.
        """
        schema.check_version(conn, self.path)  # refuses other programs' databases
        ours = created or schema.version_of(conn)[1] == schema.APPLICATION_ID
        private = files.make_private(self.path) if ours else not files.open_to_others(self.path)
        if not private:
            conn.close()
            raise files.not_private_error(self.path)

    def _open_read_only(self) -> sqlite3.Connection:
        # A read-only file or folder: nobody writes it (a damaged one may be in use).
        nobody_writes = self.read_only is not None or not os.access(self.path.parent, os.W_OK)
        try:
            conn = sqlite3.connect(
                files.read_only_uri(self.path, nobody_writes=nobody_writes),
                uri=True,
                timeout=10,
                check_same_thread=False,
            )
            schema.check_version(conn, self.path)
        except sqlite3.Error:
            raise self.damage or self.read_only or files.damaged_error(self.path) from None
        return conn

    def meta(self, key: str) -> str | None:
        """A value from the ``meta`` table, or None (also when it cannot be read)."""
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else str(row[0])

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction, committed on success and rolled back on any error."""
        if self.damage is not None:
            raise self.damage
        if self.read_only is not None:
            raise self.read_only
        with self.lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise self.failure(error) from None
                raise

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Hold the lock while reading; a SQLite error becomes a kind :class:`StoreError`."""
        with self.lock:
            try:
                yield
            except sqlite3.Error as error:
                raise self.failure(error) from None

    def failure(self, error: sqlite3.Error) -> StoreError:
        """A kind message for a SQLite error; SQLite's own messages never hold answers."""
        return files.sqlite_failure(self.path, error)

    def scrub(self) -> None:
        """Checkpoint the WAL into the file, vacuum, and empty the WAL again."""
        with self.lock:
            try:
                self._checkpoint()
                self.conn.execute("VACUUM")
                if self._checkpoint():
                    self.conn.execute("DELETE FROM meta WHERE key = 'scrub_pending'")
                    self._checkpoint()
                    return
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('scrub_pending', '1')"
                )
            except sqlite3.Error as error:
                raise self.failure(error) from None
        raise StoreError(
            N_(
                "The conversation was deleted, but another window of the assistant has {path} open, so some traces stay in the file until it is next opened. Close the other window; the traces are wiped the next time the assistant opens the file."
            ),
            self.path,
        )

    def _checkpoint(self) -> bool:
        """Copy the WAL into the file and truncate it; False if another reader holds it.

        SQLite's busy handler waits up to two seconds for readers to finish.
        """
        self.conn.execute("PRAGMA busy_timeout = 2000")
        try:
            return bool(self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0)
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_MS:d}")

    def close(self) -> None:
        """Close the file (SQLite checkpoints the WAL when the last connection closes)."""
        with self.lock:
            self.conn.close()
