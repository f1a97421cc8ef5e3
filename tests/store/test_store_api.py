"""The Store interface over SQLite: references, round trips, summaries and file privacy."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from store_helpers import ANSWERS, SECRET_NAME, walk

from assistant.engine.events import Event
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.store import Store, StoreError, UnknownReference, files, open_store
from assistant.store.recorder import ScreenRecorder


def test_references_are_short_unambiguous_and_unique(any_store: Store) -> None:
    references = {
        any_store.create(bundle="example", locale="en_GB", mode="plain") for _ in range(300)
    }
    assert len(references) == 300
    for reference in references:
        assert re.fullmatch(r"[2-9A-HJKMNP-TW-Z]{3}-[2-9A-HJKMNP-TW-Z]{3}", reference)


def test_a_saved_conversation_replays_exactly(any_store: Store, example: Bundle) -> None:
    reference = walk(any_store, example, ANSWERS[:6])
    resumed = Session.replay(example, any_store.events(reference))
    assert resumed.current == "needs.has_carer"
    assert resumed.answers["welcome.name"] == SECRET_NAME
    assert resumed.answers["welcome.age"] == 87
    assert resumed.answers["needs.tasks"] == ("washing", "shopping")
    assert [e.seq for e in resumed.events] == list(range(1, len(resumed.events) + 1))


def test_references_can_be_typed_loosely(any_store: Store, example: Bundle) -> None:
    reference = walk(any_store, example, ANSWERS[:2])
    loose = reference.lower().replace("-", " ")
    assert any_store.events(loose) == any_store.events(reference)


def test_summaries_show_progress_but_no_answers(any_store: Store, example: Bundle) -> None:
    first = walk(any_store, example, ANSWERS[:4])
    second = walk(any_store, example, ANSWERS)
    any_store.set_label(first, "Mum's plan")
    listed = {s.reference: s for s in any_store.conversations()}
    assert listed[first].label == "Mum's plan"
    assert listed[first].answered == 3
    assert listed[first].last_step == "welcome.assessment_right"
    assert not listed[first].finished
    assert listed[second].answered == 7 and listed[second].finished
    assert listed[second].bundle == "example" and listed[second].mode == "plain"
    assert SECRET_NAME not in repr(any_store.conversations())


def test_answering_again_after_going_back_is_not_counted_twice(
    any_store: Store, example: Bundle
) -> None:
    reference = any_store.create(bundle="example", locale="en_GB", mode="plain")
    session = Session(example, on_event=ScreenRecorder(any_store, reference))
    session.start()
    session.answer("")
    session.answer("Ann")
    session.back()
    session.answer("Annie")
    session.close()
    (summary,) = any_store.conversations()
    assert summary.answered == 1
    assert Session.replay(example, any_store.events(reference)).answers["welcome.name"] == "Annie"


def test_unknown_references_get_a_kind_message(any_store: Store, store_location: str) -> None:
    with pytest.raises(UnknownReference, match="support-plan sessions") as caught:
        any_store.events("ZZZ-ZZZ")
    assert any_store.location in caught.value.message
    with pytest.raises(UnknownReference):
        any_store.append("ZZZ-ZZZ", Event(1, "started", "2026-11-22T10:00:00+00:00"))
    with pytest.raises(UnknownReference):
        any_store.set_label("ZZZ-ZZZ", "x")
    assert any_store.forget("ZZZ-ZZZ") is False


def test_a_batch_is_committed_whole_or_not_at_all(any_store: Store) -> None:
    reference = any_store.create(bundle="example", locale="en_GB", mode="plain")
    at = "2026-11-22T10:00:00+00:00"
    any_store.append(reference, Event(1, "started", at))
    with pytest.raises(StoreError, match="already saved"):
        any_store.append_many(
            reference, [Event(2, "answered", at, "a.b", "x"), Event(1, "shown", at)]
        )
    assert [e.seq for e in any_store.events(reference)] == [1]


def test_the_recorder_commits_a_command_with_its_screen(any_store: Store) -> None:
    reference = any_store.create(bundle="example", locale="en_GB", mode="plain")
    recorder = ScreenRecorder(any_store, reference)
    at = "2026-11-22T10:00:00+00:00"
    recorder(Event(1, "answered", at, "welcome.name", "Ann"))
    assert any_store.events(reference) == []  # held: the screen is not shown yet
    recorder(Event(2, "shown", at, "welcome.answering_for"))
    assert [e.kind for e in any_store.events(reference)] == ["answered", "shown"]


def test_another_process_sees_each_commit_at_once(
    any_store: Store, store_location: str, example: Bundle
) -> None:
    reference = walk(any_store, example, ANSWERS[:3])
    with open_store(store_location) as other:
        events = other.events(reference)
    assert Session.replay(example, events).answers["welcome.answering_for"] == "supporter"


def test_files_are_private_to_the_user(store: Store, store_file: Path, example: Bundle) -> None:
    walk(store, example, ANSWERS[:3])
    assert stat.S_IMODE(store_file.parent.stat().st_mode) == 0o700
    for suffix in ("", "-wal", "-shm"):
        assert stat.S_IMODE(Path(f"{store_file}{suffix}").stat().st_mode) == 0o600


def test_a_file_others_could_read_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    open_store(path).close()
    path.chmod(0o644)
    open_store(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_where_the_store_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "default_folder", lambda: tmp_path / "data")
    monkeypatch.delenv("SUPPORT_PLAN_STORE", raising=False)
    with open_store() as store:
        assert store.location == str(tmp_path / "data" / "conversations.sqlite3")
    monkeypatch.setenv("SUPPORT_PLAN_STORE", str(tmp_path / "env.sqlite3"))
    with open_store() as store:
        assert store.location == str(tmp_path / "env.sqlite3")
    with open_store(tmp_path / "given.sqlite3") as store:  # --store wins over the variable
        assert store.location == str(tmp_path / "given.sqlite3")
    assert files.store_path(tmp_path) == tmp_path / "conversations.sqlite3"  # a folder


def test_money_answers_keep_their_pence(any_store: Store, example: Bundle) -> None:
    reference = walk(any_store, example, ANSWERS)
    assert Session.replay(example, any_store.events(reference)).answers["needs.rate"] == Decimal(
        "24.75"
    )


def test_a_folder_that_cannot_be_made_is_a_kind_message(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StoreError, match="--store") as caught:
        open_store(blocker / "sub" / "s.sqlite3")
    assert str(blocker) in caught.value.message
    assert os.path.getsize(blocker) == 0


def test_opening_the_store_twice_in_one_process_keeps_saving(store_file: Path) -> None:
    """A second open (as the app's start screen does) must not cancel the first one's locks.

    Reading the file with a handle of our own once did: another process then thought it
    was the last user and removed the WAL, so later commits silently went nowhere (a kill
    before closing lost them).
    """
    at = "2026-11-22T10:00:00+00:00"
    first = open_store(store_file)
    reference = first.create(bundle="example", locale="en_GB", mode="plain")
    first.append(reference, Event(1, "started", at))
    open_store(store_file).close()  # same process
    read = (
        "from assistant.store import open_store\n"
        f"with open_store({str(store_file)!r}) as s: print([e.seq for e in s.events({reference!r})])"
    )
    other = [sys.executable, "-c", read]
    assert subprocess.run(other, capture_output=True, text=True, check=True).stdout == "[1]\n"
    first.append(reference, Event(2, "shown", at, "welcome.hello"))
    seen = subprocess.run(other, capture_output=True, text=True, check=True).stdout
    first.close()
    assert seen == "[1, 2]\n"
