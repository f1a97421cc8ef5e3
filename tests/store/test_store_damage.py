"""Damaged files: a clear message naming the file, never a traceback, never overwritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support_plan_cli import support_plan

from assistant.engine.events import Event
from assistant.store import DamagedStore, StoreError, open_store

AT = "2026-11-22T10:00:00+00:00"


def _two_conversations(path: Path) -> tuple[str, str]:
    """Two conversations whose events fill pages of their own (markers ALPHA and BRAVO)."""
    with open_store(path) as store:
        refs = []
        for marker in ("ALPHA", "BRAVO"):
            reference = store.create(bundle="example", locale="en_GB", mode="plain")
            store.append_many(
                reference,
                [
                    Event(n, "note", AT, "welcome.name", f"{marker}{n:03d}" * 60)
                    for n in range(1, 41)
                ],
            )
            refs.append(reference)
    return refs[0], refs[1]


def _spoil_a_page_of(path: Path, marker: bytes, other: bytes) -> None:
    """Overwrite with zeros a page in the middle of those holding only ``marker``."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    pages = [
        start
        for start in range(size, len(data), size)
        if marker in data[start : start + size] and other not in data[start : start + size]
    ]
    assert len(pages) >= 3, "the conversation should span several pages"
    start = pages[len(pages) // 2]
    data[start : start + size] = bytes(size)
    path.write_bytes(bytes(data))


def test_a_file_that_is_not_a_store_is_named_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "conversations.sqlite3"
    path.write_bytes(os.urandom(8192))
    before = path.read_bytes()
    with pytest.raises(DamagedStore) as caught:
        open_store(path)
    assert str(path) in caught.value.message
    assert "has not been changed" in caught.value.message
    assert path.read_bytes() == before


def test_a_truncated_file_is_reported_and_never_written(tmp_path: Path) -> None:
    path = tmp_path / "conversations.sqlite3"
    _two_conversations(path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    before = path.read_bytes()
    try:
        store = open_store(path)
    except DamagedStore as error:
        assert str(path) in error.message
    else:
        assert store.damaged is not None and str(path) in store.damaged
        with pytest.raises(DamagedStore):
            store.create(bundle="example", locale="en_GB", mode="plain")
        store.close()
    assert path.read_bytes() == before


def test_other_conversations_stay_readable(tmp_path: Path) -> None:
    path = tmp_path / "conversations.sqlite3"
    alpha, bravo = _two_conversations(path)
    _spoil_a_page_of(path, b"BRAVO", b"ALPHA")
    before = path.read_bytes()
    with open_store(path) as store:
        assert store.damaged is not None
        assert {s.reference for s in store.conversations()} == {alpha, bravo}
        assert len(store.events(alpha)) == 40
        with pytest.raises(DamagedStore, match=bravo) as caught:
            store.events(bravo)
        assert "BRAVO" not in caught.value.message
        with pytest.raises(DamagedStore):
            store.append(alpha, Event(41, "note", AT))
        with pytest.raises(DamagedStore):
            store.forget(alpha)
    assert path.read_bytes() == before


def test_the_commands_explain_a_damaged_file_without_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "conversations.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    before = path.read_bytes()
    started = support_plan("--plain", "--flow", "example", "--store", str(path), stdin="\nAnn\n")
    assert started.returncode == 0
    assert str(path) in started.stderr and "Traceback" not in started.stderr
    assert "will not be saved this time" in started.stdout
    assert "Who is answering, Ann?" in started.stdout  # carried on without saving
    listed = support_plan("sessions", "--store", str(path))
    assert listed.returncode == 1 and str(path) in listed.stderr
    assert "Traceback" not in listed.stderr
    resumed = support_plan(
        "resume", "ABC-DEF", "--plain", "--flow", "example", "--store", str(path)
    )
    assert resumed.returncode == 1 and str(path) in resumed.stderr
    assert "Traceback" not in resumed.stderr
    assert path.read_bytes() == before


def test_errors_are_store_errors(tmp_path: Path) -> None:
    assert issubclass(DamagedStore, StoreError)
