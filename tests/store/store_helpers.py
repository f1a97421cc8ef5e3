"""Shared helpers for the store tests: a real conversation to save, and the files' bytes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.store import Store
from assistant.store.recorder import ScreenRecorder

#: Answers for flows/example, with a unique token to search the files for.
SECRET_NAME = "Quillon7Vextraborne"
ANSWERS = ["", SECRET_NAME, "2", "87", "", "1, 3", "yes", "", "31", "24.75"]


def walk(store: Store, bundle: Bundle, answers: list[str], name: str = SECRET_NAME) -> str:
    """Save a conversation through a real Session; returns its reference."""
    reference = store.create(bundle=bundle.id, locale="en_GB", mode="plain")
    session = Session(bundle, on_event=ScreenRecorder(store, reference))
    session.start()
    for raw in answers:
        session.answer(name if raw == SECRET_NAME else raw)
    session.close()
    return reference


def file_bytes(path: Path) -> bytes:
    """The store file and its WAL and shared-memory files, as they are on disk now.

    Read by another process: closing a handle on the file in this process would cancel
    the locks an open store holds (POSIX advisory locks are per process).
    """
    names = [f"{path}{suffix}" for suffix in ("", "-wal", "-shm")]
    existing = [name for name in names if Path(name).exists()]
    return subprocess.run(["cat", *existing], capture_output=True, check=True).stdout
