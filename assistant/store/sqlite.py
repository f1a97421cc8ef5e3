"""The SQLite store: one private file, WAL mode, every event committed with a full sync.

Each :meth:`SqliteStore.append` is its own transaction, committed (``synchronous=FULL``)
before it returns, so an answer the screen has acknowledged survives a crash or a kill.
Event data (and labels) are sealed when a passphrase is set. Forgetting deletes the rows,
then checkpoints the WAL and vacuums, so nothing of the conversation is left in the files.
Opening, transactions and wiping are :mod:`assistant.store.connection`'s; this module
decides what is stored in the tables and seals it.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from assistant.engine.events import Event, utc_now
from assistant.store.base import (
    ConversationSummary,
    DamagedStore,
    PassphraseNeeded,
    SavedCase,
    Store,
    StoreError,
    UnknownReference,
    WrongPassphrase,
)
from assistant.store.connection import BUSY_MS, Connection
from assistant.store.crypto import AesGcmSealer, KdfParams, Sealer, SealError
from assistant.store.references import new_reference, normalize
from assistant.values import N_

__all__ = ["BUSY_MS", "SqliteStore"]

log = logging.getLogger(__name__)

_SUMMARY = (
    "SELECT reference, label, bundle, locale, mode, created, last_activity, answered, "
    "last_step, finished, adviser FROM conversations"
)


class SqliteStore(Store):
    """Saved conversations in one SQLite file (see the module docstring)."""

    def __init__(self, path: Path, passphrase: str | None = None) -> None:
        self._path = path
        self._sealer = Sealer()
        self._answered: dict[str, set[str]] = {}
        self._db = Connection(path)
        self._kdf = self._db.meta("kdf")
        if self._db.meta("scrub_pending") and self._db.damage is None and not self.read_only:
            self._finish_forgetting()
        if passphrase is not None:
            self.unlock(passphrase)

    # -- state ------------------------------------------------------------------------
    @property
    def location(self) -> str:
        return str(self._path)

    @property
    def protected(self) -> bool:
        return self._kdf is not None

    @property
    def locked(self) -> bool:
        return self.protected and not self._sealer.encrypted

    @property
    def damaged(self) -> str | None:
        return None if self._db.damage is None else self._db.damage.message

    @property
    def damage(self) -> StoreError | None:
        return self._db.damage

    @property
    def read_only(self) -> StoreError | None:
        return self._db.read_only

    @property
    def notices(self) -> list[StoreError]:
        return list(self._db.notices)

    def unlock(self, passphrase: str) -> None:
        """Give the passphrase. On a new, empty store this sets it up (it is never stored)."""
        if self._kdf is None:
            self._protect(passphrase)
            return
        sealer = AesGcmSealer(passphrase, KdfParams.from_text(self._kdf))
        if not sealer.fits(bytes.fromhex(self._db.meta("check") or "")):
            log.info("wrong passphrase for store %s", self._path)
            raise WrongPassphrase(
                N_(
                    "That passphrase does not open the saved conversations in {path}. Check for capital letters and try again."
                ),
                self._path,
            )
        self._sealer = sealer

    def _protect(self, passphrase: str) -> None:
        params = KdfParams.fresh()
        sealer = AesGcmSealer(passphrase, params)
        with self._db.writing() as conn:
            if conn.execute("SELECT count(*) FROM conversations").fetchone()[0]:
                raise StoreError(
                    N_(
                        "{path} already holds conversations saved without a passphrase, so a passphrase cannot be added to it. To protect your answers, save them in a new file with --store NEW-FILE."
                    ),
                    self._path,
                )
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("kdf", params.to_text()), ("check", sealer.check_value().hex())],
            )
        self._kdf, self._sealer = params.to_text(), sealer

    # -- writing ----------------------------------------------------------------------
    def create(self, *, bundle: str, locale: str, mode: str, label: str | None = None) -> str:
        """Start a new conversation and return its reference."""
        self._require_key()
        now = utc_now()
        with self._db.writing() as conn:
            reference = new_reference()
            while conn.execute(
                "SELECT 1 FROM conversations WHERE reference = ?", (reference,)
            ).fetchone():
                reference = new_reference()
            conn.execute(
                "INSERT INTO conversations (reference, label, bundle, locale, mode, created, "
                "last_activity) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (reference, self._seal_text(reference, "label", label))
                + (bundle, locale, mode, now, now),
            )
        self._answered[reference] = set()
        log.debug("created conversation %s", reference)
        return reference

    def append(self, reference: str, event: Event) -> None:
        """Add one event, committed durably before returning."""
        self.append_many(reference, [event])

    def append_many(self, reference: str, events: list[Event]) -> None:
        """Add events in one transaction (a command and the screen it leads to)."""
        self._require_key()
        reference = normalize(reference)
        answered = self._answered_after(reference, events)
        with self._db.writing() as conn:
            self._require_known(conn, reference)
            self._add_events(conn, reference, events, len(answered))
        self._answered[reference] = answered

    def _add_events(
        self, conn: sqlite3.Connection, reference: str, events: list[Event], answered: int
    ) -> None:
        rows = [
            (reference, e.seq, self._sealer.seal(e.to_json(), _aad(reference, e.seq)))
            for e in events
        ]
        last, finished = events[-1], _finished(events)
        conn.executemany("INSERT INTO events (reference, seq, data) VALUES (?, ?, ?)", rows)
        conn.execute(
            "UPDATE conversations SET last_activity = ?, answered = ?, last_step = ?, "
            "finished = coalesce(?, finished) WHERE reference = ?",
            (last.at or utc_now(), answered, self._seal_text(reference, "step", last.step))
            + (finished, reference),
        )

    def adopt(self, case: SavedCase) -> None:
        """Add a whole conversation (``sessions import``) under its own reference."""
        self._require_key()
        reference = normalize(case.reference)
        with self._db.writing() as conn:
            if conn.execute(
                "SELECT 1 FROM conversations WHERE reference = ?", (reference,)
            ).fetchone():
                raise taken(reference, self.location)
            conn.execute(
                "INSERT INTO conversations (reference, label, bundle, locale, mode, created, "
                "last_activity, adviser) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (reference, self._seal_text(reference, "label", case.label))
                + (case.bundle, case.locale, case.mode, case.created, case.created, case.adviser),
            )
            if case.events:
                answered = _answered_steps(list(case.events))
                self._add_events(conn, reference, list(case.events), len(answered))

    def _answered_after(self, reference: str, events: list[Event]) -> set[str]:
        """The questions answered once these events are in (kept in memory; loaded once)."""
        if reference not in self._answered:
            self.events(reference)
        return self._answered[reference] | _answered_steps(events)

    def set_label(self, reference: str, label: str) -> None:
        """Name a conversation; the label is sealed like the answers."""
        self._require_key()
        reference = normalize(reference)
        with self._db.writing() as conn:
            self._require_known(conn, reference)
            conn.execute(
                "UPDATE conversations SET label = ? WHERE reference = ?",
                (self._seal_text(reference, "label", label), reference),
            )

    def set_adviser(self, reference: str, adviser: str) -> None:
        """Record who took the call. Kept in the clear, like the reference and the dates,
        so conversations can be listed by adviser before the passphrase is given: it is
        the adviser's name, never the caller's."""
        reference = normalize(reference)
        with self._db.writing() as conn:
            self._require_known(conn, reference)
            conn.execute(
                "UPDATE conversations SET adviser = ? WHERE reference = ?", (adviser, reference)
            )

    def forget(self, reference: str) -> bool:
        """Delete one conversation and wipe its traces from the file and the WAL."""
        reference = normalize(reference)
        with self._db.writing() as conn:
            conn.execute("DELETE FROM events WHERE reference = ?", (reference,))
            deleted = conn.execute("DELETE FROM conversations WHERE reference = ?", (reference,))
            found = deleted.rowcount > 0
        self._answered.pop(reference, None)
        self._db.scrub()
        log.info("forgot conversation %s (found: %s)", reference, found)
        return found

    def forget_all(self) -> int:
        """Delete every conversation and wipe their traces."""
        with self._db.writing() as conn:
            conn.execute("DELETE FROM events")
            count = int(conn.execute("DELETE FROM conversations").rowcount)
        self._answered.clear()
        self._db.scrub()
        log.info("forgot all %d conversations", count)
        return count

    def _finish_forgetting(self) -> None:
        """Wipe traces a forget could not wipe last time (another window had the file open)."""
        try:
            self._db.scrub()
        except StoreError:
            log.warning("store %s: earlier forgotten traces still cannot be wiped", self._path)

    # -- reading ----------------------------------------------------------------------
    def events(self, reference: str) -> list[Event]:
        """Every event of one conversation, in order."""
        self._require_key()
        reference = normalize(reference)
        try:
            with self._db.reading():
                self._require_known(self._db.conn, reference)
                rows = self._db.conn.execute(
                    "SELECT seq, data FROM events WHERE reference = ? ORDER BY seq", (reference,)
                ).fetchall()
            events = [
                Event.from_json(self._sealer.open(data, _aad(reference, seq))) for seq, data in rows
            ]
        except (DamagedStore, SealError, ValueError):
            raise DamagedStore(
                N_(
                    "Part of the conversation {reference} in {path} is damaged and cannot be read. The file has not been changed, and other conversations in it may still open. Please keep the file: someone may be able to recover it."
                ),
                self._path,
                reference=reference,
            ) from None
        self._answered[reference] = _answered_steps(events)
        return events

    def conversations(self) -> list[ConversationSummary]:
        """Every conversation, most recent first; damaged rows are left out, not fatal."""
        order = " ORDER BY last_activity DESC, reference"
        try:
            with self._db.reading():
                rows = self._db.conn.execute(_SUMMARY + order).fetchall()
        except DamagedStore:
            rows = self._rows_one_by_one()
        return [self._summary(row) for row in rows]

    def _rows_one_by_one(self) -> list[Any]:
        rows: list[Any] = []
        with self._db.reading():
            references = [
                r[0] for r in self._db.conn.execute("SELECT reference FROM conversations")
            ]
        for reference in references:
            try:
                with self._db.reading():
                    rows += self._db.conn.execute(
                        _SUMMARY + " WHERE reference = ?", (reference,)
                    ).fetchall()
            except DamagedStore:
                log.warning("conversation %s could not be read from %s", reference, self._path)
        return sorted(rows, key=lambda row: row[6], reverse=True)

    def _summary(self, row: Any) -> ConversationSummary:
        reference = row[0]
        readable = not self.locked
        return ConversationSummary(
            reference=reference,
            label=self._open_text(reference, "label", row[1]) if readable else None,
            bundle=row[2],
            locale=row[3],
            mode=row[4],
            created=row[5],
            last_activity=row[6],
            answered=int(row[7]),
            last_step=self._open_text(reference, "step", row[8]) if readable else None,
            finished=bool(row[9]),
            readable=readable,
            adviser=row[10],
        )

    def close(self) -> None:
        """Close the file (SQLite checkpoints the WAL when the last connection closes)."""
        self._db.close()

    # -- helpers ----------------------------------------------------------------------
    def _require_key(self) -> None:
        if self.locked:
            raise PassphraseNeeded(
                N_(
                    "The saved conversations in {path} are protected by a passphrase. Please type the passphrase to open them."
                ),
                self._path,
            )

    def _require_known(self, conn: sqlite3.Connection, reference: str) -> None:
        if not conn.execute(
            "SELECT 1 FROM conversations WHERE reference = ?", (reference,)
        ).fetchone():
            raise UnknownReference(
                N_(
                    "There is no saved conversation with the reference {reference} in {path}. Check the reference, or type 'support-plan sessions' to see the saved ones."
                ),
                self._path,
                reference=reference,
            )

    def _seal_text(self, reference: str, field: str, text: str | None) -> bytes | None:
        if text is None:
            return None
        return self._sealer.seal(text.encode("utf-8"), f"{field}:{reference}".encode())

    def _open_text(self, reference: str, field: str, data: bytes | None) -> str | None:
        if data is None:
            return None
        try:
            return self._sealer.open(bytes(data), f"{field}:{reference}".encode()).decode()
        except (SealError, UnicodeDecodeError):
            return None


def taken(reference: str, location: str) -> StoreError:
    """``sessions import`` found the reference already in use: nothing was changed."""
    return StoreError(
        N_(
            "The conversation {reference} is already in {path}, so it was not imported again. Nothing was changed."
        ),
        location,
        reference=reference,
    )


def _answered_steps(events: list[Event]) -> set[str]:
    """Questions with an answer (explanations are acknowledged with no value)."""
    return {e.step for e in events if e.kind == "answered" and e.value is not None and e.step}


def _finished(events: list[Event]) -> bool | None:
    """Whether the last screen shown was an end step; None if no screen was shown."""
    screens = [e.kind for e in events if e.kind in ("shown", "ended")]
    return None if not screens else screens[-1] == "ended"


def _aad(reference: str, seq: int) -> bytes:
    """Binds a sealed event to its conversation and position."""
    return f"event:{reference}:{seq}".encode()
