"""Save the draft plan as files the person keeps: the app's "Save my plan" and "Print my plan".

Files go in a private folder in the person's documents (0700, files 0600), because a plan
holds health and money details. The adviser's copy, with case notes, is a separate file
and only made when asked for.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

from platformdirs import user_documents_dir

from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.plan import Format, export

FOLDER_NAME = "Support Plan Assistant"


def plans_folder() -> Path:
    """Where plans are saved unless the caller says otherwise: the user's documents folder."""
    return Path(user_documents_dir()) / FOLDER_NAME


def save_plan(
    session: Session,
    t: Translator,
    *,
    formats: tuple[Format, ...] = ("html", "md", "txt"),
    folder: Path | None = None,
    adviser: bool = False,
    today: dt.date | None = None,
) -> list[Path]:
    """Write the plan in each format; returns the files written (never overwriting older ones)."""
    target = folder or plans_folder()
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700)
    day = (today or dt.date.today()).isoformat()
    stem = _free_stem(target, f"support-plan-{day}{'-adviser' if adviser else ''}", formats)
    written = []
    for fmt in formats:
        path = target / f"{stem}.{fmt}"
        write_private(path, export(session, fmt, t=t, adviser=adviser, today=today), replace=False)
        written.append(path)
    return written


def write_private(path: Path, text: str, *, replace: bool = True) -> None:
    """Write ``text`` to a file only its owner can read (0600), whatever the umask.

    A new file is made 0600. An existing one is replaced (unless ``replace`` is False,
    then it is an error) only if it is an ordinary file already private to its owner: a
    plan holds health and money details, and a file this program did not make is never
    made private behind its owner's back (an OSError says why instead). A device or a
    pipe (``/dev/null``, a FIFO) is written to as it is, never changed.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    if info is None or not replace:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        os.fchmod(descriptor, 0o600)  # made just now, so ours (the umask may have widened it)
    elif stat.S_ISLNK(info.st_mode):
        raise OSError(f"{path} is a symbolic link; give the file it points to")
    elif stat.S_ISREG(info.st_mode):
        if stat.S_IMODE(info.st_mode) & 0o077:
            raise OSError(
                f"{path} already exists and other people can read it, so it was not changed; "
                "choose a new file name"
            )
        descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC | _NOFOLLOW)
    else:
        descriptor = os.open(path, os.O_WRONLY)  # a device or a pipe: written, not changed
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _free_stem(folder: Path, stem: str, formats: tuple[Format, ...]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``… so a second save the same day keeps the first."""
    candidate, number = stem, 1
    while any((folder / f"{candidate}.{fmt}").exists() for fmt in formats):
        number += 1
        candidate = f"{stem}-{number}"
    return candidate
