"""Where the store file lives, who may read it, and whether it looks like one of ours.

The file holds people's health and money details, so it is created readable only by its
owner (0600, folder 0700) and is checked before SQLite touches it: a damaged or foreign
file is reported by name and never changed.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from pathlib import Path

from assistant.engine.io import Msg
from assistant.engine.values import N_
from assistant.store.base import DamagedStore, StoreError

log = logging.getLogger(__name__)

APP_NAME = "support-plan"
FILE_NAME = "conversations.sqlite3"
#: What :func:`health_problem` says about a file that is not a database at all.
NOT_A_DATABASE = "not a database file"
CHECK_FAILED = "SQLite's check found problems"
#: The reasons people may see in a damaged file's message, in their language.
_REASONS = {
    NOT_A_DATABASE: N_("not a database file"),
    CHECK_FAILED: N_("SQLite's check found problems"),
}
_SIDE_FILES = ("-wal", "-shm")


def default_folder() -> Path:
    """The platform's per-user data folder for the assistant."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def store_path(chosen: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file for a location chosen by :func:`assistant.store.open_store`: the file
    given, the standard file inside a folder given, or (None) the user data folder's."""
    if not chosen:
        return default_folder() / FILE_NAME
    path = Path(chosen).expanduser()
    return path / FILE_NAME if path.is_dir() else path


def prepare(path: Path) -> bool:
    """Make sure the folder and file exist, private to this user; True if the file has data."""
    folder = path.parent
    try:
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)
        elif folder == default_folder():
            folder.chmod(0o700)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return False
    except OSError as error:
        raise StoreError(
            N_(
                "Your answers cannot be saved in {path}: {reason}. Choose another place with --store PATH, or carry on without saving."
            ),
            path,
            reason=error.strerror or Msg(N_("the folder cannot be used")),
        ) from None
    _make_private(path)
    return _check_header(path)


def _make_private(path: Path) -> None:
    """Tighten a file (and SQLite's side files) that others could read; ours, so we may."""
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in _SIDE_FILES)):
        try:
            info = candidate.stat()
            if stat.S_IMODE(info.st_mode) & 0o077 and info.st_uid == os.getuid():
                candidate.chmod(0o600)
        except OSError:
            continue


def _check_header(path: Path) -> bool:
    """True if the file has data. Its content is never read here, only by SQLite.

    Opening and closing the file with a handle of our own would cancel the POSIX locks
    that SQLite holds on it in this process (an open store would then lose writes), so
    whether the file really is a database is left to :func:`health_problem`.
    """
    if not path.is_file():
        raise StoreError(
            N_(
                "{path} is not a file, so answers cannot be saved there. Choose a file with --store PATH."
            ),
            path,
        )
    return path.stat().st_size > 0


def damaged_error(path: Path, detail: str = "") -> DamagedStore:
    """What to tell a person when the file cannot be read; it is kept exactly as it was.

    ``detail`` is SQLite's reason: technical English, shown in brackets as it is, except
    the two reasons of :func:`health_problem`, which are translated.
    """
    if not detail:
        return DamagedStore(
            N_(
                "The saved conversations file {path} is damaged or is not a Support Plan Assistant file, so it cannot be used to save. It has not been changed. Please keep it (someone may be able to recover it), and save to another file with --store NEW-FILE, or carry on without saving."
            ),
            path,
        )
    return DamagedStore(
        N_(
            "The saved conversations file {path} is damaged or is not a Support Plan Assistant file ({reason}), so it cannot be used to save. It has not been changed. Please keep it (someone may be able to recover it), and save to another file with --store NEW-FILE, or carry on without saving."
        ),
        path,
        reason=Msg(_REASONS[detail]) if detail in _REASONS else detail,
    )


def health_problem(path: Path) -> str | None:
    """Run SQLite's quick check through a read-only connection; a short reason, or None."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as error:
        return str(error)
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        name = getattr(error, "sqlite_errorname", "")
        if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
            return None
        return NOT_A_DATABASE if name == "SQLITE_NOTADB" else str(error)
    finally:
        connection.close()
    return None if rows == [("ok",)] else CHECK_FAILED


#: SQLite error names (by prefix) and what to tell the person.
_FAILURES: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("SQLITE_FULL",),
        N_(
            "The saved conversations in {path} could not be used: the disk is full. Free some space, then carry on."
        ),
    ),
    (
        ("SQLITE_BUSY", "SQLITE_LOCKED"),
        N_(
            "The saved conversations in {path} could not be used: another window of the assistant is using it. Close that window and try again."
        ),
    ),
    (
        ("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN"),
        N_(
            "The saved conversations in {path} could not be used: this account is not allowed to change it. Choose another file with --store PATH."
        ),
    ),
    (
        ("SQLITE_CONSTRAINT",),
        N_(
            "The saved conversations in {path} could not be used: that step was already saved. Resume the conversation to carry on."
        ),
    ),
)


def sqlite_failure(path: Path, error: sqlite3.Error) -> StoreError:
    """A kind message for a SQLite error (SQLite's own messages never hold answers)."""
    name = getattr(error, "sqlite_errorname", "")
    log.warning("store %s: SQLite error %s", path, name or type(error).__name__)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return damaged_error(path, str(error))
    for prefixes, message in _FAILURES:
        if name.startswith(prefixes):
            return StoreError(message, path)
    return StoreError(
        N_(
            "The saved conversations in {path} could not be used: SQLite reported '{error}'. Try again, or choose another file with --store PATH."
        ),
        path,
        error=str(error),
    )
