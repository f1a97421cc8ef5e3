"""The PostgreSQL store: many advisers, many organisations, one server database.

The same event log as the SQLite store, in tables that the application may only read and
add to (``sql/postgres/001_cases.sql``). Every transaction acts as the role
``support_plan_app`` and names its organisation with ``set_config(..., true)`` (local to the
transaction), and row-level security, enabled and forced, lets it see that organisation's
rows only, so a pooled connection never carries one organisation into another's request.
Summaries need no UPDATE: each event row carries the case's progress once it is in, and
the newest row is the summary. Forgetting acts as ``support_plan_forget``, the only role
that may delete, and records who forgot which case (never what it said) in ``forgotten``.

Answers, labels and step names are sealed in this program with the organisation's key
(:mod:`assistant.store.postgres_keys`); the database never sees them or the key. Each
append is committed before it returns, through psycopg 3's connection pool.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors
from psycopg_pool import ConnectionPool, PoolTimeout

from assistant.engine.events import Event, utc_now
from assistant.store import postgres_keys as keys
from assistant.store import postgres_schema as schema
from assistant.store.base import (
    ConversationSummary,
    NothingSaved,
    SavedCase,
    Store,
    StoreError,
    UnknownReference,
)
from assistant.store.crypto import SealError
from assistant.store.references import new_reference, normalize
from assistant.store.sqlite import _answered_steps, _finished, taken
from assistant.values import N_

log = logging.getLogger(__name__)

POOL_SIZE_VARIABLE = "SUPPORT_PLAN_POOL_SIZE"
_SUMMARY = """
SELECT c.reference, l.label, c.bundle, c.locale, c.mode, c.created,
       coalesce(e.at, c.created), coalesce(e.answered, 0), e.step, coalesce(e.finished, false),
       c.adviser
FROM conversations c
LEFT JOIN LATERAL (SELECT at, answered, step, finished FROM events
                   WHERE events.org = c.org AND events.reference = c.reference
                   ORDER BY seq DESC LIMIT 1) e ON true
LEFT JOIN LATERAL (SELECT label FROM labels
                   WHERE labels.org = c.org AND labels.reference = c.reference
                   ORDER BY id DESC LIMIT 1) l ON true
"""
_INSERT_EVENT = (
    "INSERT INTO events (org, reference, seq, adviser, at, answered, finished, step, data) "
    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


#: Minutes after an adviser's last answer in which a colleague opening the case is told
#: the adviser may still be on it (a call's silence is rarely longer; the message says
#: "less than half an hour").
RECENTLY = 30


class PostgresStore(Store):
    """Saved conversations of one organisation in a PostgreSQL database (see the module)."""

    def __init__(
        self,
        url: str,
        *,
        organisation: str | None = None,
        adviser: str | None = None,
        create: bool = True,
    ) -> None:
        """Open the organisation's cases; ``create=False`` (commands that only read) makes
        no tables, organisation or key, and raises NothingSaved where there are none."""
        self._url = url.strip()
        self._location = schema.shown(self._url)
        self.org = organisation or keys.organisation()
        self.adviser = adviser or keys.adviser()
        #: The key file made for a new organisation by this open, to tell the person.
        self.made_key: str | None = None
        #: Per case: the questions answered and whether it ended, once its events are in.
        self._state: dict[str, tuple[set[str], bool]] = {}
        #: Whether this adviser is in the ``advisers`` table (added with their first write).
        self._adviser_known = False
        first = schema.connect(self._url)
        try:
            if create:
                schema.migrate(first, self._url)
            else:
                schema.require_tables(first, self._url)
            self._sealer = self._open_organisation(first, create=create)
        finally:
            first.close()
        self._pool = self._open_pool()

    def _open_pool(self) -> ConnectionPool[Any]:
        size = max(1, int(os.environ.get(POOL_SIZE_VARIABLE) or 2))
        pool: ConnectionPool[Any] = ConnectionPool(
            self._url,
            min_size=1,
            max_size=size,
            open=False,
            timeout=schema.CONNECT_TIMEOUT,
            check=ConnectionPool.check_connection,
            kwargs={"connect_timeout": schema.CONNECT_TIMEOUT},
            name="support-plan",
        )
        try:
            pool.open(wait=True, timeout=schema.CONNECT_TIMEOUT)
        except PoolTimeout as error:
            pool.close()
            raise schema.connect_failure(self._url, error) from None
        return pool

    def _open_organisation(self, conn: psycopg.Connection[Any], *, create: bool) -> keys.KeySealer:
        """The organisation's key, checked (or made, for a new organisation, if ``create``)."""
        source = keys.find_key(conn.info.dbname, self.org)
        try:
            with conn.transaction():
                _act_as(conn, schema.APP_ROLE, self.org)
                check = _key_check(conn, self.org)
                if check is None and not create:
                    raise NothingSaved(
                        N_(
                            "No conversations are saved for the organisation {organisation} in {path}."
                        ),
                        self._location,
                        organisation=self.org,
                    )
                if check is None:
                    if source.key is None:
                        source = keys.make_key(source)
                        self.made_key = source.shown
                    assert source.key is not None
                    made = keys.KeySealer(source.key)
                    conn.execute(
                        "INSERT INTO organisations (org, key_check) VALUES (%s, %s) "
                        "ON CONFLICT DO NOTHING",
                        (self.org, made.check_value()),
                    )
                    check = _key_check(conn, self.org)
                if source.key is None:  # made by another program since we looked?
                    source = keys.find_key(conn.info.dbname, self.org)
                if source.key is None:
                    raise keys.missing_key(source, self._location)
                sealer = keys.KeySealer(source.key)
                if check is None or not sealer.fits(check):
                    raise keys.wrong_key(source, self._location)
        except psycopg.Error as error:
            raise self._failure(error) from None
        return sealer

    # -- state ------------------------------------------------------------------------
    @property
    def location(self) -> str:
        return self._location

    @property
    def protected(self) -> bool:
        return True  # always sealed, with the organisation's key

    @property
    def locked(self) -> bool:
        return False  # the key was checked when the store opened

    @property
    def damaged(self) -> str | None:
        return None

    def unlock(self, passphrase: str) -> None:
        """Nothing to do: answers are sealed with the organisation's key, not a passphrase."""
        log.info("store %s: a passphrase is not used for a database store", self._location)

    # -- transactions -----------------------------------------------------------------
    @contextmanager
    def _transaction(
        self, role: str = schema.APP_ROLE, *, case: str | None = None
    ) -> Iterator[psycopg.Connection[Any]]:
        """One transaction as ``role`` for this organisation, committed when the block ends.

        ``case``: the reference being added to, so a missing case is named as such.
        """
        try:
            with self._pool.connection() as conn:
                _act_as(conn, role, self.org)
                yield conn
        except PoolTimeout as error:
            raise schema.lost(self._url, error) from None
        except errors.ForeignKeyViolation as error:
            raise self._unknown(case) if case else self._failure(error) from None
        except errors.UniqueViolation as error:  # a step of the case saved by someone else
            raise self._saved_first(case) if case else self._failure(error) from None
        except psycopg.Error as error:
            raise self._failure(error) from None

    def _failure(self, error: psycopg.Error) -> StoreError:
        """A kind message for a database error (the server's own text is never shown)."""
        if isinstance(error, psycopg.OperationalError):
            return schema.lost(self._url, error)
        log.warning("store %s: database error %s", self._location, error.sqlstate or "?")
        if isinstance(error, errors.UniqueViolation):
            return StoreError(
                N_(
                    "The saved conversations in {path} could not be used: that step was already saved. Resume the conversation to carry on."
                ),
                self._location,
            )
        if isinstance(error, errors.InsufficientPrivilege):
            return schema.not_allowed(self._url)
        return StoreError(
            N_(
                "The saved conversations in {path} could not be used: the database reported error {code}. Try again, or ask the database's administrator."
            ),
            self._location,
            code=error.sqlstate or type(error).__name__,
        )

    # -- writing ----------------------------------------------------------------------
    def _note_adviser(self, conn: psycopg.Connection[Any]) -> None:
        """Add this adviser to the organisation's advisers, in their first writing
        transaction (so opening a store to read it writes nothing)."""
        if not self._adviser_known:
            conn.execute(
                "INSERT INTO advisers (org, adviser) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (self.org, self.adviser),
            )

    def create(self, *, bundle: str, locale: str, mode: str, label: str | None = None) -> str:
        """Start a new case of this organisation, by this adviser; returns its reference."""
        with self._transaction() as conn:
            self._note_adviser(conn)
            while True:
                reference = new_reference()
                row = conn.execute(
                    "INSERT INTO conversations (org, reference, bundle, locale, mode, created, "
                    "adviser) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING "
                    "RETURNING reference",
                    (self.org, reference, bundle, locale, mode, utc_now(), self.adviser),
                ).fetchone()
                if row is not None:
                    break
            if label is not None:
                self._add_label(conn, reference, label)
        self._adviser_known = True
        self._state[reference] = (set(), False)
        log.debug("created conversation %s", reference)
        return reference

    def adopt(self, case: SavedCase) -> None:
        """Add a whole case (``sessions import``) under its own reference, its advisers kept."""
        reference = normalize(case.reference)
        events = list(case.events)
        writers = list(case.advisers) if len(case.advisers) == len(events) else []
        writers = writers or [self.adviser] * len(events)
        starter = case.adviser or (writers[0] if writers else self.adviser)
        answered = len(_answered_steps(events))
        finished = bool(_finished(events))
        step = self._seal_text(reference, "step", events[-1].step) if events else None
        with self._transaction() as conn:
            for name in sorted({self.adviser, starter, *writers}):
                conn.execute(
                    "INSERT INTO advisers (org, adviser) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                    (self.org, name),
                )
            row = conn.execute(
                "INSERT INTO conversations (org, reference, bundle, locale, mode, created, "
                "adviser) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING "
                "RETURNING 1",
                (self.org, reference, case.bundle, case.locale, case.mode, case.created)
                + (starter,),
            ).fetchone()
            if row is None:
                raise taken(reference, self._location)
            if case.label is not None:
                self._add_label(conn, reference, case.label)
            with conn.cursor() as cursor:
                cursor.executemany(
                    _INSERT_EVENT,
                    [
                        (self.org, reference, e.seq, who, e.at or "", answered, finished, step)
                        + (self._sealer.seal(e.to_json(), self._aad(reference, e.seq)),)
                        for e, who in zip(events, writers, strict=True)
                    ],
                )
        self._adviser_known = True
        self._state[reference] = (_answered_steps(events), finished)

    def append(self, reference: str, event: Event) -> None:
        """Add one event, committed before returning."""
        self.append_many(reference, [event])

    def append_many(self, reference: str, events: list[Event]) -> None:
        """Add events in one transaction, each recording this adviser."""
        reference = normalize(reference)
        answered, finished = self._state_after(reference, events)
        step = self._seal_text(reference, "step", events[-1].step)
        rows = [
            (reference, e.seq, self.adviser, e.at or "", len(answered), finished, step)
            + (self._sealer.seal(e.to_json(), self._aad(reference, e.seq)),)
            for e in events
        ]
        with self._transaction(case=reference) as conn, conn.cursor() as cursor:
            self._note_adviser(conn)
            cursor.executemany(_INSERT_EVENT, [(self.org, *row) for row in rows])
        self._adviser_known = True
        self._state[reference] = (answered, finished)

    def _state_after(self, reference: str, events: list[Event]) -> tuple[set[str], bool]:
        if reference not in self._state:
            self.events(reference)
        answered, finished = self._state[reference]
        ended = _finished(events)
        return answered | _answered_steps(events), finished if ended is None else ended

    def set_label(self, reference: str, label: str) -> None:
        """Name a case; the newest label wins (labels are sealed like answers)."""
        reference = normalize(reference)
        with self._transaction() as conn:
            self._require_known(conn, reference)
            self._note_adviser(conn)
            self._add_label(conn, reference, label)
        self._adviser_known = True

    def _add_label(self, conn: psycopg.Connection[Any], reference: str, label: str) -> None:
        conn.execute(
            "INSERT INTO labels (org, reference, adviser, label) VALUES (%s, %s, %s, %s)",
            (self.org, reference, self.adviser, self._seal_text(reference, "label", label)),
        )

    def forget(self, reference: str) -> bool:
        """Delete one case for real, as the forgetting role; who did it is recorded."""
        reference = normalize(reference)
        found = self._forget([reference]) > 0
        log.info("forgot conversation %s (found: %s) by %s", reference, found, self.adviser)
        return found

    def forget_all(self) -> int:
        """Delete every case of this organisation; returns how many there were."""
        with self._transaction() as conn:
            references = [r[0] for r in conn.execute("SELECT reference FROM conversations")]
        count = self._forget(references)
        log.info("forgot all %d conversations of %s by %s", count, self.org, self.adviser)
        return count

    def _forget(self, references: list[str]) -> int:
        found = 0
        with self._transaction(schema.FORGET_ROLE) as conn:
            for reference in references:
                conn.execute("DELETE FROM labels WHERE reference = %s", (reference,))
                gone = conn.execute("DELETE FROM events WHERE reference = %s", (reference,))
                case = conn.execute("DELETE FROM conversations WHERE reference = %s", (reference,))
                if case.rowcount:
                    found += 1
                    conn.execute(
                        "INSERT INTO forgotten (org, reference, adviser, events) "
                        "VALUES (%s, %s, %s, %s)",
                        (self.org, reference, self.adviser, gone.rowcount),
                    )
                self._state.pop(reference, None)
        self._vacuum()
        return found

    def _vacuum(self) -> None:
        """Reclaim deleted rows now (allowed to the tables' owner; others leave it to autovacuum)."""
        try:
            with self._pool.connection() as conn:
                conn.autocommit = True
                conn.execute("VACUUM events, labels, conversations")
                conn.autocommit = False
        except (psycopg.Error, PoolTimeout):
            log.info("store %s: deleted rows are left to autovacuum", self._location)

    # -- reading ----------------------------------------------------------------------
    def events(self, reference: str) -> list[Event]:
        """Every event of one case, in order (only this organisation's cases are visible)."""
        reference = normalize(reference)
        with self._transaction() as conn:
            self._require_known(conn, reference)
            rows = conn.execute(
                "SELECT seq, data FROM events WHERE reference = %s ORDER BY seq", (reference,)
            ).fetchall()
        try:
            events = [
                Event.from_json(self._sealer.open(d, self._aad(reference, s))) for s, d in rows
            ]
        except (SealError, ValueError):
            raise StoreError(
                N_(
                    "Part of the conversation {reference} in {path} cannot be read with this organisation's key. Nothing was changed. Please tell the database's administrator."
                ),
                self._location,
                reference=reference,
            ) from None
        self._state[reference] = (_answered_steps(events), bool(_finished(events)))
        return events

    def working_on(self, reference: str) -> str | None:
        """The adviser who last wrote to this unfinished case, if it was someone else,
        within :data:`RECENTLY` minutes (by the database's clock)."""
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT adviser, floor(extract(epoch FROM now() - recorded) / 60), finished "
                "FROM events WHERE reference = %s ORDER BY seq DESC LIMIT 1",
                (normalize(reference),),
            ).fetchone()
        if row is None or row[0] == self.adviser or row[2] or row[1] >= RECENTLY:
            return None
        return str(row[0])

    def _saved_first(self, reference: str) -> StoreError:
        """A step already saved: by whom, when it was someone else (found afresh)."""
        try:
            writer = self.advisers_of(reference)[-1:]
        except StoreError:
            writer = []
        if not writer or writer[0] == self.adviser:  # this adviser, in another window
            return self._failure(errors.UniqueViolation())
        return StoreError(
            N_(
                "{colleague} saved this step of the case first, so your answer to it was not saved. To see what they saved, leave the case and open it again: support-plan resume {reference}"
            ),
            self._location,
            colleague=writer[0],
            reference=reference,
        )

    def advisers_of(self, reference: str) -> list[str]:
        """Who wrote each event of a case, in order (for ``sessions export``)."""
        with self._transaction() as conn:
            rows = conn.execute(
                "SELECT adviser FROM events WHERE reference = %s ORDER BY seq",
                (normalize(reference),),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def conversations(self) -> list[ConversationSummary]:
        """This organisation's cases, most recently used first."""
        with self._transaction() as conn:
            rows = conn.execute(_SUMMARY + " ORDER BY 7 DESC, c.reference").fetchall()
        return [self._summary(row) for row in rows]

    def _summary(self, row: Any) -> ConversationSummary:
        reference = row[0]
        return ConversationSummary(
            reference=reference,
            label=self._open_text(reference, "label", row[1]),
            bundle=row[2],
            locale=row[3],
            mode=row[4],
            created=row[5],
            last_activity=row[6],
            answered=int(row[7]),
            last_step=self._open_text(reference, "step", row[8]),
            finished=bool(row[9]),
            adviser=row[10],  # who started the case: the signed-in adviser
        )

    def close(self) -> None:
        """Close the pool's connections."""
        self._pool.close()

    # -- helpers ----------------------------------------------------------------------
    def _require_known(self, conn: psycopg.Connection[Any], reference: str) -> None:
        if not _exists(conn, reference):
            raise self._unknown(reference)

    def _unknown(self, reference: str) -> UnknownReference:
        return UnknownReference(
            N_(
                "There is no saved conversation with the reference {reference} in {path}. Check the reference, or type 'support-plan sessions' to see the saved ones."
            ),
            self._location,
            reference=reference,
        )

    def _aad(self, reference: str, seq: int) -> bytes:
        """Binds a sealed event to its organisation, case and place."""
        return f"event:{self.org}:{reference}:{seq}".encode()

    def _seal_text(self, reference: str, field: str, text: str | None) -> bytes | None:
        if text is None:
            return None
        aad = f"{field}:{self.org}:{reference}".encode()
        return self._sealer.seal(text.encode("utf-8"), aad)

    def _open_text(self, reference: str, field: str, data: bytes | None) -> str | None:
        if data is None:
            return None
        try:
            aad = f"{field}:{self.org}:{reference}".encode()
            return self._sealer.open(bytes(data), aad).decode()
        except (SealError, UnicodeDecodeError):
            return None


def _act_as(conn: psycopg.Connection[Any], role: str, org: str) -> None:
    """For this transaction only: the role to act as and the organisation to see."""
    conn.execute(
        "SELECT set_config('role', %s, true), set_config('app.org', %s, true)", (role, org)
    )


def _key_check(conn: psycopg.Connection[Any], org: str) -> bytes | None:
    row = conn.execute("SELECT key_check FROM organisations WHERE org = %s", (org,)).fetchone()
    return None if row is None else bytes(row[0])


def _exists(conn: psycopg.Connection[Any], reference: str) -> bool:
    found = conn.execute("SELECT 1 FROM conversations WHERE reference = %s", (reference,))
    return found.fetchone() is not None
