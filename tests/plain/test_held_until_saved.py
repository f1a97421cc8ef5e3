"""An answer that could not be saved holds the next screen, in every line mode."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import Translator
from assistant.plain.console import LineConversation
from assistant.plain.lineio import LineIO
from assistant.plain.saving import LineDialogue
from assistant.plain.spoken_console import SpokenConversation
from assistant.saving import SavingTarget
from assistant.store import StoreError, open_store


@pytest.mark.parametrize("kind", [LineConversation, SpokenConversation])
def test_the_next_screen_waits_until_the_answer_is_saved(
    kind: type[LineConversation], example: Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The screen-reader mode showed the next question as if the answer were saved.
    t = Translator()
    typed = io.StringIO("")  # nothing more typed: the held answer is then reported
    shown = io.StringIO()
    lines = LineIO(typed, shown)
    with open_store(tmp_path / "store.sqlite3") as store:
        reference = store.create(bundle=example.id, locale="en_GB", mode="plain")
        target = SavingTarget(store, reference, LineDialogue(lines, t))
        conversation = kind(Session(example, on_event=target.record), t, lines, target=target)
        conversation.session.start()
        conversation.handle("")  # past the welcome, to the name question

        monkeypatch.setattr(target, "recorder", _Failing())
        said_before = len(shown.getvalue())
        stop = conversation.handle("Ann")
    said = shown.getvalue()[said_before:]
    assert "NOT been saved" in said
    assert "Who is answering" not in said  # the next question was not shown
    assert stop  # input ended while it waited: the conversation stops there


@pytest.mark.parametrize("kind", [LineConversation, SpokenConversation])
def test_help_now_works_while_an_answer_waits_to_be_saved(
    kind: type[LineConversation], example: Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "help now" typed at "Your last answer has NOT been saved yet" was taken as Enter (try
    # again) and no help was shown: Help now must work on every screen.
    t = Translator()
    shown = io.StringIO()
    lines = LineIO(io.StringIO("help now\n"), shown)
    with open_store(tmp_path / "store.sqlite3") as store:
        reference = store.create(bundle=example.id, locale="en_GB", mode="plain")
        target = SavingTarget(store, reference, LineDialogue(lines, t))
        conversation = kind(Session(example, on_event=target.record), t, lines, target=target)
        conversation.session.start()
        conversation.handle("")
        monkeypatch.setattr(target, "recorder", _Failing())
        said_before = len(shown.getvalue())
        conversation.handle("Ann")
    said = shown.getvalue()[said_before:]
    assert "116 123" in said  # Samaritans, from Help now
    assert said.count("NOT been saved") == 2  # asked again after the help
    assert "Who is answering" not in said


@pytest.mark.parametrize("typed", ['{"answer": "no"}', '{"command": "no"}', "no"])
def test_a_program_may_answer_no_to_carry_on_without_saving(
    typed: str, example: Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In JSON lines, {"answer": "no"} was taken as "try again", so a program that answers
    # in JSON (as everywhere else) could never carry on.
    t = Translator()
    shown = io.StringIO()
    lines = LineIO(io.StringIO(typed + "\n"), shown)
    with open_store(tmp_path / "store.sqlite3") as store:
        reference = store.create(bundle=example.id, locale="en_GB", mode="json")
        target = SavingTarget(store, reference, LineDialogue(lines, t, json_mode=True))
        session = Session(example, on_event=target.record)
        conversation = LineConversation(session, t, lines, json_mode=True, target=target)
        conversation.session.start()
        conversation.handle("")
        monkeypatch.setattr(target, "recorder", _Failing())
        said_before = len(shown.getvalue())
        stop = conversation.handle("Ann")
    events = [json.loads(line) for line in shown.getvalue()[said_before:].splitlines()]
    assert [e["event"] for e in events][:2] == ["not_saved", "message"]
    assert "NOT being saved from now on" in events[1]["message"]
    assert events[2]["step"] == "welcome.answering_for" and not stop


@pytest.mark.parametrize("typed", ["", "\n\n"])
def test_input_ending_while_the_first_screen_is_held_never_says_saved(
    typed: str, example: Bundle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Resuming while another program held the store: "Your last answer was not saved.",
    # then "End of input. Your answers are saved." (the first screen's hold was ignored).
    t = Translator()
    shown = io.StringIO()
    lines = LineIO(io.StringIO(typed), shown)
    with open_store(tmp_path / "store.sqlite3") as store:
        reference = store.create(bundle=example.id, locale="en_GB", mode="plain")
        target = SavingTarget(store, reference, LineDialogue(lines, t))
        monkeypatch.setattr(target, "recorder", _Failing())
        conversation = LineConversation(
            Session(example, on_event=target.record), t, lines, target=target
        )
        assert conversation.run() == 0
    said = shown.getvalue()
    assert "Your last answer was not saved." in said
    assert "are saved" not in said


class _Failing:
    """A recorder whose every commit fails, as on a full disk."""

    def __call__(self, *_: object) -> None:
        raise StoreError("The disk is full.")

    def commit(self) -> None:
        raise StoreError("The disk is full.")

    def drop(self) -> None:
        """Nothing is held."""
