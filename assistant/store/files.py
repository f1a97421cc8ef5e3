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

import platformdirs

from assistant.engine.outputs import Msg
from assistant.store.base import DamagedStore, StoreError
from assistant.values import N_

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
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def store_path(chosen: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file for a location chosen by :func:`assistant.store.open_store`: the file
    given, the standard file inside a folder given, or (None) the user data folder's.

    The path is made absolute, so messages name it in full and SQLite's URIs can be built
    from it.
    """
    if not chosen:
        return default_folder() / FILE_NAME
    path = Path(chosen).expanduser().absolute()
    try:
        folder = path.is_dir()
    except OSError:  # a name too long to be a path: opening it says so, kindly
        folder = False
    return path / FILE_NAME if folder else path


class FileState:
    """What :func:`prepare` found: whether the file has data, whether this program just
    created it, why it can only be read (None if it can be written), and what to tell
    the person that is not an error (``notices``)."""

    __slots__ = ("created", "has_data", "notices", "read_only")

    def __init__(self) -> None:
        self.created = False
        self.has_data = False
        self.read_only: StoreError | None = None
        self.notices: list[StoreError] = []


def prepare(path: Path) -> FileState:
    """Make sure the folder and file exist, and find out what may be done with them.

    Nothing that is not a store of ours is ever changed: a missing folder is created 0700
    (folders that exist are left as they are, and the person is told if others can see
    into the one holding the file); a missing file is created 0600. A symbolic link, a
    FIFO, a device or a folder is refused before anything touches it. A file that this
    account may not write (or that is in a folder it may not write) is opened read-only.
    Whether an existing file may be made private is decided after SQLite has read it
    (:func:`make_private`): only a file already marked as ours is.
    """
    state = FileState()
    folder = path.parent
    try:
        made_folders = _make_folders(folder)
        info = _lstat(path)
        if info is None:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _NOFOLLOW, 0o600))
            state.created = True
            if not made_folders and _open_folder(folder):
                state.notices.append(
                    StoreError(
                        N_(
                            "The folder {path} was already there and other people on this computer can look inside it. It has been left as it is; the file of saved conversations in it is private to you."
                        ),
                        folder,
                    )
                )
            return state
    except OSError as error:
        raise StoreError(
            N_(
                "Your answers cannot be saved in {path}: {reason}. Choose another place with --store PATH, or carry on without saving."
            ),
            path,
            reason=error.strerror or Msg(N_("the folder cannot be used")),
        ) from None
    _refuse_unless_plain_file(path, info)
    state.has_data = info.st_size > 0
    if not state.has_data:
        state.notices.append(
            StoreError(
                N_(
                    "{path} was an empty file, so it is being used as a new file of saved conversations."
                ),
                path,
            )
        )
    if not _writable(path, info):
        state.read_only = StoreError(
            N_(
                "{path} is read-only (or in a folder that cannot be changed), so saved conversations can be listed and exported but no new answers can be saved in it. Choose another file with --store PATH to save."
            ),
            path,
        )
    return state


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None


def _make_folders(folder: Path) -> bool:
    """Create each missing folder 0700 (existing ones are left alone); True if any was."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        current = current.parent
    for new in reversed(missing):
        new.mkdir(mode=0o700)
        new.chmod(0o700)  # ours: made just now (mkdir's mode is reduced by the umask)
    if not missing and folder == default_folder():
        info = folder.lstat()
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
            folder.chmod(0o700)  # the assistant's own folder, made by it
    return bool(missing)


def _open_folder(folder: Path) -> bool:
    """Others can look inside (a shared folder with the sticky bit, like /tmp, is usual)."""
    mode = folder.stat().st_mode
    return bool(stat.S_IMODE(mode) & 0o077) and not mode & stat.S_ISVTX


def _refuse_unless_plain_file(path: Path, info: os.stat_result) -> None:
    """A symbolic link or anything but a regular file is refused, untouched."""
    if stat.S_ISLNK(info.st_mode):
        raise StoreError(
            N_(
                "{path} is a symbolic link. To keep answers private, they are saved only in an ordinary file, so nothing was changed. Use the file it points to with --store {target}, or choose another file."
            ),
            path,
            target=os.path.realpath(path),
        )
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(
            N_(
                "{path} is not a file, so answers cannot be saved there. Choose a file with --store PATH."
            ),
            path,
        )


def _writable(path: Path, info: os.stat_result) -> bool:
    """Whether the file may be written: by its mode (even for root, who may write
    anything: a file made read-only on purpose stays so) and by the system (a read-only
    folder or disk); SQLite also writes its journal next to the file."""
    if not info.st_mode & stat.S_IWUSR:
        return False
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def make_private(path: Path) -> bool:
    """Tighten a store of ours (and SQLite's side files) that others could read.

    Called only once SQLite has confirmed the file is ours. Only regular files owned by
    this account are changed, never through a symbolic link. False if the store itself is
    still open to others (it must not then be used to save).
    """
    store_open = False
    for candidate in (path, *(Path(f"{path}{suffix}") for suffix in _SIDE_FILES)):
        info = _lstat(candidate)
        if info is None or not stat.S_ISREG(info.st_mode):
            continue
        if not stat.S_IMODE(info.st_mode) & 0o077:
            continue
        if info.st_uid == os.getuid():
            try:
                os.chmod(candidate, 0o600, follow_symlinks=False)
                continue
            except OSError:
                pass
        store_open = store_open or candidate == path
    return not store_open


def open_to_others(path: Path) -> bool:
    """True if people other than this account could read or change the file, or it is
    someone else's (checked before a file that is not yet ours is used to save)."""
    info = path.lstat()
    return bool(stat.S_IMODE(info.st_mode) & 0o077) or info.st_uid != os.getuid()


def not_private_error(path: Path) -> StoreError:
    """Why a file that is not ours (see :func:`open_to_others`) was not used: it belongs to
    another account, or others could read it. Either way it is left exactly as it was."""
    if path.lstat().st_uid != os.getuid():
        return StoreError(
            N_(
                "{path} belongs to another account on this computer, and it is not ours to change, so no answers were saved in it. Choose another file with --store PATH."
            ),
            path,
        )
    return StoreError(
        N_(
            "{path} could be read by other people on this computer, and it is not ours to change, so no answers were saved in it. Make it private first (chmod 600 {path}), or choose another file with --store PATH."
        ),
        path,
    )


def read_only_uri(path: Path, *, nobody_writes: bool) -> str:
    """A SQLite URI opening ``path`` read-only, without creating any file if it can.

    Reading a WAL database needs a shared-memory file beside it, which SQLite creates if
    it is missing (and cannot, in a folder that cannot be written). When nobody can be
    writing the file (``nobody_writes``: it or its folder is read-only) and there is no
    WAL file (so every answer is in the main file), ``immutable=1`` reads it without one.
    """
    uri = f"{path.as_uri()}?mode=ro"
    if nobody_writes and not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


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


def health_problem(path: Path, *, nobody_writes: bool = False) -> str | None:
    """Run SQLite's quick check through a read-only connection; a short reason, or None.

    ``nobody_writes``: the file or its folder is read-only (see :func:`read_only_uri`).
    """
    try:
        connection = sqlite3.connect(
            read_only_uri(path, nobody_writes=nobody_writes or not os.access(path.parent, os.W_OK)),
            uri=True,
            timeout=10,
        )
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
