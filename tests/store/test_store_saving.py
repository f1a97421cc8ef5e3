"""The line front ends' saving: consent first, passphrase tries, resuming, honest failures."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from store_helpers import ANSWERS, SECRET_NAME, file_bytes, walk

from assistant.engine.events import Event
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import Translator, translator_for
from assistant.plain import saving as line_saving
from assistant.plain.lineio import LineIO
from assistant.plain.saving import LineDialogue
from assistant.saving import Opened, open_saving, saved_flow
from assistant.store import open_store
from assistant.store.base import StoreError

ENGLISH = translator_for("en_GB")
CONSENT = "Can we save your answers on this computer so you can stop and come back?"


def opening(
    path: Path,
    bundle: Bundle,
    line_io: LineIO,
    t: Translator = ENGLISH,
    *,
    reference: str | None = None,
    save: bool | None = None,
    json_mode: bool = False,
) -> Opened:
    """Saving opened as the line front ends open it."""
    return open_saving(
        bundle,
        LineDialogue(line_io, t, json_mode=json_mode),
        store=str(path),
        reference=reference,
        save=save,
        locale=t.locale,
        mode="json" if json_mode else "plain",
    )


def _nothing_saved(opened: Opened) -> bool:
    return opened.target is None and opened.events == [] and not opened.stopped


def _io(typed: str, *, terminal: bool = True) -> LineIO:
    return LineIO(io.StringIO(typed), io.StringIO(), prompt=terminal)


def _said(line_io: LineIO) -> str:
    out = line_io.stdout
    assert isinstance(out, io.StringIO)
    return out.getvalue()


def test_consent_is_asked_before_anything_is_stored(store_file: Path, example: Bundle) -> None:
    line_io = _io("yes\nno\n")
    opened = opening(store_file, example, line_io)
    target, events, on_event = opened.target, opened.events, opened.on_event
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
    opened = opening(store_file, example, _io("yes\nno\n"))
    target, on_event = opened.target, opened.on_event
    assert target is not None
    session = Session(example, on_event=on_event)
    session.start({"mode": "adviser_call", "case": "HL-42"})
    target.store.close()
    with open_store(store_file) as store:
        assert [c.label for c in store.conversations()] == ["HL-42"]


@pytest.mark.parametrize("typed", ["no\n", "n\n", "", "maybe\nperhaps\nlater\n"])
def test_saying_no_or_nothing_stores_nothing(store_file: Path, example: Bundle, typed: str) -> None:
    line_io = _io(typed)
    assert _nothing_saved(opening(store_file, example, line_io))
    assert "Nothing will be saved" in _said(line_io)
    assert not store_file.exists()


def test_unclear_answers_are_asked_again(store_file: Path, example: Bundle) -> None:
    line_io = _io("perhaps\nyes\nno\n")
    target = opening(store_file, example, line_io).target
    assert "Please type yes or no." in _said(line_io)
    assert _said(line_io).count(CONSENT) == 2
    assert target is not None
    target.store.close()


def test_no_save_option_and_pipes(store_file: Path, example: Bundle) -> None:
    piped = _io("", terminal=False)
    assert _nothing_saved(opening(store_file, example, piped, save=False))
    assert not store_file.exists()
    target = opening(store_file, example, piped).target
    assert target is not None and CONSENT not in _said(piped)  # a pipe saves without asking
    target.store.close()


def test_json_mode_announces_the_reference_as_data(store_file: Path, example: Bundle) -> None:
    line_io = _io("", terminal=False)
    target = opening(store_file, example, line_io, json_mode=True).target
    assert target is not None
    announced = json.loads(_said(line_io).splitlines()[0])
    assert announced["event"] == "saving"
    assert announced["reference"] == target.reference
    target.store.close()


def test_resume_loads_the_events(store_file: Path, example: Bundle) -> None:
    with open_store(store_file) as store:
        reference = walk(store, example, ANSWERS[:4])
    opened = opening(store_file, example, _io(""), reference=reference.lower())
    assert not opened.stopped
    target, events, on_event = opened.target, opened.events, opened.on_event
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
    assert opening(store_file, example, _io(""), reference="ZZZ-ZZZ").stopped
    assert "no saved conversation with the reference ZZZ-ZZZ" in capsys.readouterr().err
    with open_store(store_file) as store:
        reference = store.create(bundle="england", locale="en_GB", mode="plain")
    assert opening(store_file, example, _io(""), reference=reference).stopped
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
    monkeypatch.setattr(line_saving, "read_secret", lambda prompt: next(tries))
    assert opening(store_file, example, _io(""), reference=reference).stopped
    err = capsys.readouterr().err
    assert err.count("That passphrase does not open") == 3 and "No tries left" in err
    tries = iter(["wrong", "right one"])
    opened = opening(store_file, example, _io(""), reference=reference)
    assert opened.target is not None and len(opened.events) > 3
    opened.target.store.close()


def test_a_new_store_offers_a_passphrase(
    store_file: Path, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(line_saving, "read_secret", lambda prompt: "our secret")
    line_io = _io("yes\nyes\n")
    opened = opening(store_file, example, line_io)
    target, on_event = opened.target, opened.on_event
    assert target is not None
    assert "protect your saved answers with a passphrase" in _said(line_io)
    session = Session(example, on_event=on_event)
    session.start()
    session.answer("")
    session.answer(SECRET_NAME)
    target.store.close()
    assert SECRET_NAME.encode() not in file_bytes(store_file)
    assert open_store(store_file).protected


def test_a_failed_save_is_held_until_saved_or_the_person_carries_on_without(
    store_file: Path, example: Bundle
) -> None:
    line_io = _io("", terminal=False)
    opened = opening(store_file, example, line_io)
    target, on_event = opened.target, opened.on_event
    assert target is not None and on_event is not None
    with open_store(store_file) as other:
        other.forget(target.reference)
    on_event(Event(1, "started", "2026-11-22T10:00:00+00:00"))
    on_event(Event(2, "shown", "2026-11-22T10:00:00+00:00", "welcome.hello"))
    assert target.problem is not None and "no saved conversation" in target.problem.message
    assert target.saving is True  # held, not dropped: the front end waits and offers to retry
    assert target.retry() is False and target.problem is not None
    target.give_up()
    assert "NOT being saved" in _said(line_io)
    assert target.saving is False and target.problem is None
    on_event(Event(3, "paused", "2026-11-22T10:00:00+00:00", "welcome.hello"))  # no error
    target.store.close()


def test_a_held_step_is_committed_whole_when_saving_works_again(
    store_file: Path, example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    line_io = _io("", terminal=False)
    opened = opening(store_file, example, line_io)
    target, on_event = opened.target, opened.on_event
    assert target is not None and on_event is not None
    real = type(target.store).append_many

    def failing(self: object, reference: str, events: list[Event]) -> None:
        raise StoreError("the disk is full ({path})", store_file)

    monkeypatch.setattr(type(target.store), "append_many", failing)
    at = "2026-11-22T10:00:00+00:00"
    on_event(Event(1, "started", at))
    on_event(Event(2, "shown", at, "welcome.hello"))
    on_event(Event(3, "answered", at, "welcome.hello"))
    on_event(Event(4, "shown", at, "welcome.name"))
    assert target.problem is not None and target.retry() is False
    monkeypatch.setattr(type(target.store), "append_many", real)
    assert target.retry() is True and target.problem is None
    assert [e.seq for e in target.store.events(target.reference)] == [1, 2, 3, 4]
    target.store.close()


def test_saved_flow_names_the_questions_to_resume_with(store_file: Path) -> None:
    with open_store(store_file) as store:
        reference = store.create(bundle="england", locale="en_GB", mode="plain")
    assert saved_flow(reference, str(store_file)) == "england"
    assert saved_flow(None, str(store_file)) is None
    assert saved_flow("ZZZ-ZZZ", str(store_file)) is None
