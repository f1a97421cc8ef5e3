"""The PostgreSQL store's address, its first connection, its migrations and its errors.

A store URL is a libpq URI (``postgresql://USER@/DBNAME?host=/path/to/socket-dir``). The
first connection checks the schema version recorded in ``support_plan_schema``: a newer
database is refused before anything is written; an empty one gets every migration in
``sql/postgres/NNN_*.sql``, in order, in one transaction under an advisory lock, so two
programs opening a new database at once do not both create it. Every psycopg error
becomes a :class:`StoreError` of one plain line naming what to fix; a server's messages
can quote row values, so they are never shown (only the libpq connection reasons are).
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from assistant.store.base import NewerStore, StoreError
from assistant.values import N_

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)
# psycopg's pool logs its own connection warnings; without a handler Python would print
# them on the person's screen (and the store says what went wrong itself).
logging.getLogger("psycopg").addHandler(logging.NullHandler())

SCHEMES = ("postgresql://", "postgres://")
SQL_FOLDER = Path(__file__).parent / "sql" / "postgres"
#: The roles every transaction acts as (SET LOCAL ROLE): see 001_cases.sql.
APP_ROLE = "support_plan_app"
FORGET_ROLE = "support_plan_forget"
#: Seconds to wait for the server (or a pooled connection) before saying it cannot be
#: reached; ``SUPPORT_PLAN_CONNECT_TIMEOUT`` changes it.
CONNECT_TIMEOUT = max(1, int(os.environ.get("SUPPORT_PLAN_CONNECT_TIMEOUT") or 5))
_LOCK = 0x53504131  # "SPA1": the advisory lock held while migrating


def is_postgres(location: str) -> bool:
    """Whether a --store value names a PostgreSQL database rather than a file."""
    return location.strip().lower().startswith(SCHEMES)


def shown(url: str) -> str:
    """The URL as people may see it: any password replaced by ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


def migrations() -> list[tuple[int, Path]]:
    """(version, file) for every migration, in order."""
    found = []
    for path in sorted(SQL_FOLDER.glob("[0-9][0-9][0-9]_*.sql")):
        found.append((int(path.name[:3]), path))
    return found


#: The schema version this program writes (the newest migration file).
SCHEMA_VERSION = migrations()[-1][0]


def connect(url: str) -> psycopg.Connection[tuple[object, ...]]:
    """A first connection, or a :class:`StoreError` saying what to fix."""
    import psycopg  # psycopg loads only for a database store (start-up budget)

    try:
        return psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT)
    except psycopg.Error as error:
        raise connect_failure(url, error) from None


def connect_failure(url: str, error: Exception) -> StoreError:
    """One plain line for a connection that could not be made."""
    import psycopg  # psycopg loads only for a database store (start-up budget)

    text = str(error)
    log.warning("store %s: cannot connect (%s)", shown(url), type(error).__name__)
    if isinstance(error, psycopg.ProgrammingError):
        reason = text.strip().splitlines()[0] if text.strip() else type(error).__name__
        return StoreError(
            N_(
                "{path} is not a database address the assistant can use ({reason}). Write it like postgresql://USER@/DATABASE?host=/path/to/socket-folder."
            ),
            shown(url),
            reason=reason,
        )
    if re.search(r'database "[^"]*" does not exist', text):
        return StoreError(
            N_(
                "The database named in {path} does not exist. Create it first (for example: createdb DATABASE), or correct its name in --store."
            ),
            shown(url),
        )
    if "authentication failed" in text or re.search(r'role "[^"]*" does not exist', text):
        return StoreError(
            N_(
                "The database server refused the user named in {path}. Check the user name and password in --store (or in ~/.pgpass)."
            ),
            shown(url),
        )
    return StoreError(
        N_(
            "The database server for {path} cannot be reached: it is not running, or the address is wrong. Start the server, or correct the host in --store."
        ),
        shown(url),
    )


def lost(url: str, error: Exception) -> StoreError:
    """The connection broke (or none could be had) during a step: it was not saved."""
    log.warning("store %s: connection lost (%s)", shown(url), type(error).__name__)
    return StoreError(
        N_(
            "The connection to the database {path} was lost, so the last step was not saved. Check that the database server is running, then try again."
        ),
        shown(url),
    )


def migrate(conn: psycopg.Connection[tuple[object, ...]], url: str) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION` (or refuse a newer one); its version."""
    import psycopg  # psycopg loads only for a database store (start-up budget)

    try:
        with conn.transaction():
            if _has_schema_table(conn):
                version = _readable_version(conn, url)
                if version == SCHEMA_VERSION:
                    return version
                _refuse_newer(version, url)
        # One program at a time migrates. The lock is taken before the migrating
        # transaction begins, so that transaction sees tables another program has just made.
        conn.execute("SELECT pg_advisory_lock(%s)", (_LOCK,))
        conn.commit()
        try:
            with conn.transaction():
                version = _version(conn, url)
                _refuse_newer(version, url)
                for number, path in migrations():
                    if number > version:
                        conn.execute(path.read_text(encoding="utf-8").encode())
                        conn.execute(
                            "INSERT INTO support_plan_schema (version) VALUES (%s)", (number,)
                        )
                        log.info("store %s: applied migration %s", shown(url), path.name)
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (_LOCK,))
            conn.commit()
        return SCHEMA_VERSION
    except psycopg.errors.InsufficientPrivilege:
        raise StoreError(
            N_(
                "The database user named in {path} may not create the assistant's tables and roles. Open it once as the database's owner (a user allowed to create roles), or ask its administrator to."
            ),
            shown(url),
        ) from None
    except psycopg.OperationalError as error:
        raise lost(url, error) from None


def require_tables(conn: psycopg.Connection[tuple[object, ...]], url: str) -> int:
    """For commands that only read: the schema version, after refusing a newer one; a
    database without the assistant's tables raises NothingSaved, and nothing is made."""
    import psycopg  # psycopg loads only for a database store (start-up budget)

    from assistant.store.base import NothingSaved

    try:
        with conn.transaction():
            if not _has_schema_table(conn):
                raise NothingSaved(N_("No conversations are saved in {path}."), shown(url))
            version = _readable_version(conn, url)
    except psycopg.OperationalError as error:
        raise lost(url, error) from None
    _refuse_newer(version, url)
    return version


def not_allowed(url: str) -> StoreError:
    """The database user lacks the assistant's roles (the stricter set-up in the README)."""
    return StoreError(
        N_(
            "The database user named in {path} is not allowed to do that. Ask the database's administrator to give it the role support_plan_app (and support_plan_forget to delete cases)."
        ),
        shown(url),
    )


def _readable_version(conn: psycopg.Connection[tuple[object, ...]], url: str) -> int:
    """The version of a database whose tables exist; a user who may not read them (given
    neither of the assistant's roles) is told which role to ask for, not to make tables."""
    import psycopg  # psycopg loads only for a database store (start-up budget)

    try:
        return _version(conn, url)
    except psycopg.errors.InsufficientPrivilege:
        raise not_allowed(url) from None


def _version(conn: psycopg.Connection[tuple[object, ...]], url: str) -> int:
    """The schema version recorded in the database (0 for an empty one)."""
    if not _has_schema_table(conn):
        if conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename IN ('events', 'conversations')"
        ).fetchone() != (0,):
            raise StoreError(
                N_(
                    "{path} already holds tables that are not Support Plan Assistant's, so it was not changed. Choose another database with --store."
                ),
                shown(url),
            )
        return 0
    row = conn.execute("SELECT coalesce(max(version), 0) FROM support_plan_schema").fetchone()
    return int(row[0]) if row else 0  # type: ignore[call-overload]


def _has_schema_table(conn: psycopg.Connection[tuple[object, ...]]) -> bool:
    found = conn.execute("SELECT to_regclass('support_plan_schema') IS NOT NULL").fetchone()
    return bool(found and found[0])


def _refuse_newer(version: int, url: str) -> None:
    if version > SCHEMA_VERSION:
        raise NewerStore(
            N_(
                "{path} was saved by a newer version of Support Plan Assistant (store version {version}; this version understands up to {known}). It has not been changed. Please update the assistant to open it, or use --store to save elsewhere."
            ),
            shown(url),
            version=version,
            known=SCHEMA_VERSION,
        )
