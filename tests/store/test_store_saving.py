"""The line front ends' saving: consent first, passphrase tries, resuming, honest failures."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest
from store_helpers import ANSWERS, SECRET_NAME, file_bytes, walk

from assistant.engine.events import Event
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain.lineio import LineIO
from assistant.store import open_store, saving

ENGLISH = translator_for("en_GB")
CONSENT = "Can we save your answers on this computer so you can stop and come back?"


def _args(path: Path, **extra: object) -> argparse.Namespace:
    values: dict[str, object] = {"reference": None, "json": False, "store": str(path), "save": None}
    values.update(extra)
    return argparse.Namespace(**values)


def _io(typed: str, *, terminal: bool = True) -> LineIO:
    return LineIO(io.StringIO(typed), io.StringIO(), prompt=terminal)


def _said(line_io: LineIO) -> str:
    out = line_io.stdout
    assert isinstance(out, io.StringIO)
    return out.getvalue()


def test_consent_is_asked_before_anything_is_stored(store_file: Path, example: Bundle) -> None:
    line_io = _io("yes\nno\n")
    target, events, on_event = saving.open_saving(_args(store_file), example, ENGLISH, line_io)
    assert CONSENT in _said(line_io)
    assert target is not None and on_event is not None and events == []
    assert f"Your reference is {target.reference}" in _said(line_io)
    session = Session(example, on_event=on_event)
    session.start()
    session.answer("")
    session.answer(SECRET_NAME)
    with open_store(store_file) as store:
        assert Session.replay(example, store.events(target.reference)).answers
    target.store.close()


def test_an_advisers_case_reference_labels_the_saved_conversation(
    store_file: Path, example: Bundle
) -> None:
    target, _, on_event = saving.open_saving(_args(store_file), example, ENGLISH, _io("yes\nno\n"))  # type: ignore[misc]
    session = Session(example, on_event=on_event)
    session.start({"mode": "adviser_call", "case": "HL-42"})
    target.store.close()
    with open_store(store_file) as store:
        assert [c.label for c in store.conversations()] == ["HL-42"]


@pytest.mark.parametrize("typed", ["no\n", "n\n", "", "maybe\nperhaps\nlater\n"])
def test_saying_no_or_nothing_stores_nothing(store_file: Path, example: Bundle, typed: str) -> None:
    line_io = _io(typed)
    assert saving.open_saving(_args(store_file), example, ENGLISH, line_io) == (None, [], None)
    assert "Nothing will be saved" in _said(line_io)
    assert not store_file.exists()


def test_unclear_answers_are_asked_again(store_file: Path, example: Bundle) -> None:
    line_io = _io("perhaps\nyes\nno\n")
    target, _, _ = saving.open_saving(_args(store_file), example, ENGLISH, line_io)  # type: ignore[misc]
    assert "Please type yes or no." in _said(line_io)
    assert _said(line_io).count(CONSENT) == 2
    assert target is not None
    target.store.close()


def test_no_save_option_and_pipes(store_file: Path, example: Bundle) -> None:
    piped = _io("", terminal=False)
    assert saving.open_saving(_args(store_file, save=False), example, ENGLISH, piped) == (
        None,
        [],
        None,
    )
    assert not store_file.exists()
    target, _, _ = saving.open_saving(_args(store_file), example, ENGLISH, piped)  # type: ignore[misc]
    assert target is not None and CONSENT not in _said(piped)  # a pipe saves without asking
    target.store.close()


def test_json_mode_announces_the_reference_as_data(store_file: Path, example: Bundle) -> None:
    line_io = _io("", terminal=False)
    target, _, _ = saving.open_saving(  # type: ignore[misc]
        _args(store_file, json=True), example, ENGLISH, line_io
    )
    announced = json.loads(_said(line_io).splitlines()[0])
    assert announced["event"] == "saving"
    assert announced["reference"] == target.reference  # type: ignore[union-attr]
    target.store.close()  # type: ignore[union-attr]


def test_resume_loads_the_events(store_file: Path, example: Bundle) -> None:
    with open_store(store_file) as store:
        reference = walk(store, example, ANSWERS[:4])
    opened = saving.open_saving(
        _args(store_file, reference=reference.lower()), example, ENGLISH, _io("")
    )
    assert opened is not None
    target, events, on_event = opened
    assert target is not None and target.reference == reference
    session = Session.replay(example, events, on_event=on_event)
    session.resume()
    assert session.current == "welcome.assessment_right"
    target.store.close()
    with open_store(store_file) as store:
        assert store.events(reference)[-1].kind == "shown"  # the resumed screen was saved


def test_resume_explains_unknown_references_and_other_flows(
    store_file: Path, example: Bundle, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        saving.open_saving(_args(store_file, reference="ZZZ-ZZZ"), example, ENGLISH, _io(""))
        is None
    )
    assert "no saved conversation with the reference ZZZ-ZZZ" in capsys.readouterr().err
    with open_store(store_file) as store:
        reference = store.create(bundle="england", locale="en_GB", mode="plain")
    assert (
        saving.open_saving(_args(store_file, reference=reference), example, ENGLISH, _io(""))
        is None
    )
    assert f"support-plan resume {reference} --flow england" in capsys.readouterr().err


def test_three_tries_at_the_passphrase(
    store_file: Path,
    example: Bundle,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with open_store(store_file, passphrase="right one") as store:
        reference = walk(store, example, ANSWERS[:3])
    tries = iter(["wrong 1", "wrong 2", "wrong 3", "right one"])
    monkeypatch.setattr(saving, "read_secret", lambda prompt: next(tries))
    args = _args(store_file, reference=reference)
    assert saving.open_saving(args, example, ENGLISH, _io("")) is None
    err = capsys.readouterr().err
    assert err.count("That passphrase does not open") == 3 and "No tries left" in err
    tries = iter(["wrong", "right one"])
    opened = saving.open_saving(args, example, ENGLISH, _io(""))
    assert opened is not None and len(opened[1]) > 3
    opened[0].store.close()  # type: ignore[union-attr]


def test_a_new_store_offers_a_passphrase(
    store_file: Path, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(saving, "read_secret", lambda prompt: "our secret")
    line_io = _io("yes\nyes\n")
    target, _, on_event = saving.open_saving(_args(store_file), example, ENGLISH, line_io)  # type: ignore[misc]
    assert "protect your saved answers with a passphrase" in _said(line_io)
    session = Session(example, on_event=on_event)
    session.start()
    session.answer("")
    session.answer(SECRET_NAME)
    target.store.close()  # type: ignore[union-attr]
    assert SECRET_NAME.encode() not in file_bytes(store_file)
    assert open_store(store_file).protected


def test_a_failed_save_is_said_and_saving_stops(store_file: Path, example: Bundle) -> None:
    line_io = _io("", terminal=False)
    target, _, on_event = saving.open_saving(_args(store_file), example, ENGLISH, line_io)  # type: ignore[misc]
    assert target is not None and on_event is not None
    with open_store(store_file) as other:
        other.forget(target.reference)
    on_event(Event(1, "started", "2026-11-22T10:00:00+00:00"))
    on_event(Event(2, "shown", "2026-11-22T10:00:00+00:00", "welcome.hello"))
    assert "NOT being saved" in _said(line_io)
    assert target.saving is False
    on_event(Event(3, "paused", "2026-11-22T10:00:00+00:00", "welcome.hello"))  # no error
    target.store.close()


def test_saved_flow_names_the_questions_to_resume_with(store_file: Path) -> None:
    with open_store(store_file) as store:
        reference = store.create(bundle="england", locale="en_GB", mode="plain")
    assert saving.saved_flow(_args(store_file, reference=reference, flow=None)) == "england"
    assert saving.saved_flow(_args(store_file, reference=reference, flow="example")) is None
    assert saving.saved_flow(_args(store_file, reference="ZZZ-ZZZ", flow=None)) is None
