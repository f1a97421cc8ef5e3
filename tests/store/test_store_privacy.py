"""Privacy: passphrase sealing, forgetting without trace, and no answers in logs or errors."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from store_helpers import ANSWERS, SECRET_NAME, file_bytes, walk

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.store import (
    PassphraseNeeded,
    StoreError,
    WrongPassphrase,
    crypto,
    open_store,
)

PASSPHRASE = "correct horse battery staple"
#: Every answer's text as it could appear in a file (the name, the age, the money).
SECRETS = [SECRET_NAME.encode(), b"24.75", b"supporter"]


def test_a_protected_file_holds_none_of_the_answers(store_file: Path, example: Bundle) -> None:
    store = open_store(store_file, passphrase=PASSPHRASE)
    reference = walk(store, example, ANSWERS)
    store.set_label(reference, "Plan for Quillon")
    on_disk = file_bytes(store_file)
    store.close()
    for data in (on_disk, file_bytes(store_file)):
        assert data, "the files should exist"
        for secret in [*SECRETS, b"Quillon", PASSPHRASE.encode(), b"welcome.name"]:
            assert secret not in data
    with open_store(store_file, passphrase=PASSPHRASE) as reopened:
        answers = Session.replay(example, reopened.events(reference)).answers
        assert answers["welcome.name"] == SECRET_NAME
        assert reopened.summary(reference).label == "Plan for Quillon"  # type: ignore[union-attr]


def test_a_wrong_passphrase_is_refused_kindly(store_file: Path, example: Bundle) -> None:
    with open_store(store_file, passphrase=PASSPHRASE) as store:
        walk(store, example, ANSWERS[:3])
    with pytest.raises(WrongPassphrase) as caught:
        open_store(store_file, passphrase="Correct horse battery staple")
    assert str(store_file) in caught.value.message
    assert "try again" in caught.value.message


def test_without_the_passphrase_a_store_lists_and_forgets_but_never_reads(
    store_file: Path, example: Bundle
) -> None:
    with open_store(store_file, passphrase=PASSPHRASE) as store:
        first = walk(store, example, ANSWERS[:3])
        second = walk(store, example, ANSWERS[:2])
        store.set_label(first, "Mum")
    with open_store(store_file) as locked:
        assert locked.locked and locked.protected
        summaries = {s.reference: s for s in locked.conversations()}
        assert summaries[first].label is None and not summaries[first].readable
        with pytest.raises(PassphraseNeeded, match="passphrase"):
            locked.events(first)
        with pytest.raises(PassphraseNeeded):
            locked.create(bundle="example", locale="en_GB", mode="plain")
        assert locked.forget(second)
        locked.unlock(PASSPHRASE)
        assert [s.reference for s in locked.conversations()] == [first]
        assert locked.summary(first).label == "Mum"  # type: ignore[union-attr]


def test_a_passphrase_cannot_be_added_to_others_plain_conversations(
    store: object, store_file: Path, example: Bundle
) -> None:
    with open_store(store_file) as plain:
        walk(plain, example, ANSWERS[:2])
    with pytest.raises(StoreError, match="new file"):
        open_store(store_file, passphrase=PASSPHRASE)


def test_the_real_key_derivation_costs_are_used_for_new_stores(
    store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()  # the real scrypt costs, once
    store = open_store(store_file, passphrase=PASSPHRASE)
    store.close()
    params = crypto.KdfParams.from_text(_meta(store_file, "kdf"))
    assert (params.n, params.r, params.p) == (2**17, 8, 1)
    assert len(params.salt) == 16


def _meta(path: Path, key: str) -> str:
    import sqlite3

    with sqlite3.connect(path) as connection:
        return str(connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])


@pytest.mark.parametrize("protected", [False, True])
def test_forget_leaves_no_trace_in_the_file_or_the_wal(
    store_file: Path, example: Bundle, protected: bool
) -> None:
    store = open_store(store_file, passphrase=PASSPHRASE if protected else None)
    kept = walk(store, example, ANSWERS[:3], name="KeptPersonName")
    gone = walk(store, example, ANSWERS, name=SECRET_NAME)
    if not protected:
        assert SECRET_NAME.encode() in file_bytes(store_file)  # the search can find it
    assert store.forget(gone)
    while_open = file_bytes(store_file)
    store.close()
    for data in (while_open, file_bytes(store_file)):
        assert SECRET_NAME.encode() not in data
        assert gone.encode() not in data
    if not protected:
        assert b"KeptPersonName" in file_bytes(store_file)
    with open_store(store_file, passphrase=PASSPHRASE if protected else None) as reopened:
        assert [s.reference for s in reopened.conversations()] == [kept]


def test_forget_all_leaves_nothing(store_file: Path, example: Bundle) -> None:
    store = open_store(store_file)
    for name in ("FirstPersonZ", "SecondPersonZ"):
        walk(store, example, ANSWERS[:3], name=name)
    assert store.forget_all() == 2
    store.close()
    data = file_bytes(store_file)
    assert b"FirstPersonZ" not in data and b"SecondPersonZ" not in data


def test_logs_and_errors_never_contain_answers(
    store_file: Path,
    example: Bundle,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    caplog.set_level(logging.DEBUG)
    messages: list[str] = []
    store = open_store(store_file, passphrase=PASSPHRASE)
    reference = walk(store, example, ANSWERS)
    store.set_label(reference, SECRET_NAME)
    attempts = [
        lambda: store.events("ZZZ-ZZZ"),
        lambda: store.append(reference, store.events(reference)[0]),  # already saved
        lambda: open_store(store_file, passphrase="Xylophone-Tango-93"),
        lambda: open_store(store_file).events(reference),
    ]
    for attempt in attempts:
        with pytest.raises(StoreError) as caught:
            attempt()
        messages.append(caught.value.message)
    store.forget(reference)
    store.close()
    spoiled = tmp_path / "spoiled.sqlite3"
    spoiled.write_bytes(b"SQLite format 3\x00" + SECRET_NAME.encode() * 20)
    with pytest.raises(StoreError) as caught:
        open_store(spoiled)
    messages.append(caught.value.message)
    said = "\n".join([*messages, caplog.text, capsys.readouterr().err])
    assert len(messages) == 5 and caplog.records
    for secret in [SECRET_NAME, "24.75", "supporter", PASSPHRASE, "Xylophone-Tango-93"]:
        assert secret not in said


def test_forget_while_another_window_reads_finishes_the_wipe_later(
    store_file: Path, example: Bundle
) -> None:
    import sqlite3

    store = open_store(store_file)
    gone = walk(store, example, ANSWERS[:3])
    reader = sqlite3.connect(store_file)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM events").fetchone()  # holds the WAL open
    with pytest.raises(StoreError, match="another window") as caught:
        store.forget(gone)
    assert SECRET_NAME not in caught.value.message
    reader.close()
    store.close()
    with open_store(store_file) as reopened:  # closed here, not whenever it is collected
        assert [s.reference for s in reopened.conversations()] == []
    assert SECRET_NAME.encode() not in file_bytes(store_file)
