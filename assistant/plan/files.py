"""Save the draft plan as files the person keeps: the app's "Save my plan", "Print my plan"
and "Easy Read".

Files go in a private folder in the person's documents (0700, files 0600), because a plan
holds health and money details. Each conversation has its own file names, from the date
and time it started, so saving again replaces that conversation's files with the plan as
it is now (no pile of numbered copies), and two conversations never share a file. The
adviser's copy, with case notes, is a separate file and only made when asked for.

Printing saves a print-ready page and, where the system has a default printer (CUPS'
``lpstat -d`` names one), sends it there with ``lp``; it never claims to have printed
when it has not.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_documents_dir

from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.plan import Format, export_bytes

FOLDER_NAME = "Support Plan Assistant"


def plans_folder() -> Path:
    """Where plans are saved unless the caller says otherwise: the user's documents folder."""
    return Path(user_documents_dir()) / FOLDER_NAME


@dataclass(frozen=True)
class Saved:
    """The files written, and whether they replaced the ones saved earlier."""

    paths: list[Path]
    replaced: bool


def save_plan(
    session: Session,
    t: Translator,
    *,
    formats: tuple[Format, ...] = ("html", "md", "txt"),
    folder: Path | None = None,
    adviser: bool = False,
    easy_read: bool = False,
    today: dt.date | None = None,
) -> Saved:
    """Write the plan in each format, replacing this conversation's earlier files."""
    target = folder or plans_folder()
    target.mkdir(parents=True, exist_ok=True)
    target.chmod(0o700)
    stem = plan_stem(session, adviser=adviser, easy_read=easy_read)
    paths = [target / f"{stem}.{fmt}" for fmt in formats]
    replaced = any(path.exists() for path in paths)
    for fmt, path in zip(formats, paths, strict=True):
        data = export_bytes(session, fmt, t=t, adviser=adviser, today=today, easy_read=easy_read)
        write_private(path, data)
    return Saved(paths, replaced)


def plan_stem(session: Session, *, adviser: bool = False, easy_read: bool = False) -> str:
    """The file name (without its extension) for this conversation's plan.

    From when the conversation started ("support-plan-2026-11-22-1321"), so it is the same
    each time this conversation is saved and differs from any other conversation's.
    """
    started = session.events[0].at if session.events else dt.datetime.now(dt.UTC).isoformat()
    stamp = re.sub(r"[^0-9]", "", started)[:12]
    day, time = stamp[:8], stamp[8:12]
    stem = f"support-plan-{day[:4]}-{day[4:6]}-{day[6:8]}-{time}"
    return stem + ("-easy-read" if easy_read else "") + ("-adviser" if adviser else "")


def write_private(path: Path, data: str | bytes, *, replace: bool = True) -> None:
    """Write ``data`` (text as UTF-8) to a file only its owner can read (0600), whatever
    the umask.

    A new file is made 0600. An existing ordinary file is never made private behind its
    owner's back (an OSError says why instead); with ``replace`` it is written over if it
    is already private, which is only for files in the program's own folder (the plans
    folder), since the program runs as root: a file named on the command line may be
    anyone's (``--output ~/.ssh/id_rsa``), so callers for those pass ``replace=False``
    and an existing one is left as it was. A device or a pipe (``/dev/null``, a FIFO) is
    written to as it is, never changed.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    if info is None:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        os.fchmod(descriptor, 0o600)  # made just now, so ours (the umask may have widened it)
    elif stat.S_ISLNK(info.st_mode):
        raise OSError(f"{path} is a symbolic link; give the file it points to")
    elif stat.S_ISREG(info.st_mode):
        if not replace:
            raise OSError(f"{path} already exists, so it was not changed; choose a new file name")
        if stat.S_IMODE(info.st_mode) & 0o077:
            raise OSError(
                f"{path} already exists and other people can read it, so it was not changed; "
                "choose a new file name"
            )
        descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC | _NOFOLLOW)
    else:
        descriptor = os.open(path, os.O_WRONLY)  # a device or a pipe: written, not changed
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def default_printer() -> str | None:
    """The system's default printer, if it has one (CUPS: ``lpstat -d``), else None."""
    lpstat = shutil.which("lpstat")
    if lpstat is None or shutil.which("lp") is None:
        return None
    try:
        result = subprocess.run(
            [lpstat, "-d"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    name = result.stdout.partition(":")[2].strip()
    return name if result.returncode == 0 and name else None


def send_to_printer(path: Path, printer: str) -> bool:
    """Send a saved file to ``printer`` with ``lp``; True if the print system took it."""
    lp = shutil.which("lp")
    if lp is None:
        return False
    try:
        done = subprocess.run(
            [lp, "-d", printer, str(path)], capture_output=True, timeout=20, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
