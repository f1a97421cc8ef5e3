"""The readable transcript: each question as shown, answers, back/change, help, times."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable

import pytest

from assistant.engine.events import Event
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import Translator
from assistant.transcript.render import transcript_data, transcript_json, transcript_markdown


@pytest.fixture
def events(example: Bundle) -> list[Event]:
    ticks = itertools.count()
    clock: Callable[[], str] = lambda: f"2026-11-22T10:00:{next(ticks):02d}+00:00"  # noqa: E731
    session = Session(example, clock=clock)
    session.start()
    session.answer()
    session.answer("Ann *bold*")
    session.answer("1")
    session.back()
    session.answer("2")
    session.record("note", "Prefers a morning call")
    session.answer("82")
    session.help_now()
    session.answer()
    session.edit("welcome.name")
    session.answer("Annie")
    session.close()
    return session.events


def test_questions_are_shown_as_they_were_with_the_name_at_that_time(
    example: Bundle, events: list[Event]
) -> None:
    text = transcript_markdown(example, events, Translator())
    assert "> Who is answering, Ann \\*bold\\*?" in text  # escaped, and the name then
    assert "10:00:04 · **Answer:** Ann \\*bold\\*" in text
    assert "*Went back* (to step `welcome.answering_for`)" in text
    assert "*Chose to change an earlier answer* (to step `welcome.name`)" in text
    assert "*Opened Help now (urgent help contacts)*" in text
    assert "> *Source:* Care Act 2014, section 9" in text
    assert "## 2026-11-22" in text


def test_adviser_notes_only_in_the_adviser_transcript(example: Bundle, events: list[Event]) -> None:
    assert "Prefers a morning call" not in transcript_markdown(example, events, Translator())
    adviser = transcript_markdown(example, events, Translator(), adviser=True)
    assert "*Adviser note*: Prefers a morning call" in adviser


def test_json_has_one_entry_per_event_with_times(example: Bundle, events: list[Event]) -> None:
    data = json.loads(transcript_json(example, events, Translator(), adviser=True))
    assert data["schema"] == "support-plan/transcript"
    assert [e["seq"] for e in data["entries"]] == [e.seq for e in events]
    answers = [e["answer"] for e in data["entries"] if e["kind"] == "answered"]
    assert {"text": "I am helping someone else", "value": "supporter"} in answers
    shown = [e["shown"]["text"] for e in data["entries"] if e["kind"] == "shown"]
    assert shown.count("Who is answering, Ann *bold*?") == 2
    assert all(e["at"].startswith("2026-11-22T10:00:") for e in data["entries"])
    person = transcript_data(example, events, Translator())
    assert len(person["entries"]) == len(events) - 1  # the note is left out


def test_control_characters_never_reach_a_transcript(example: Bundle) -> None:
    """An escape sequence in an answer would act on the terminal the transcript is shown in."""
    session = Session(example)
    session.start()
    session.answer()
    session.answer("Ann\x1b]0;title\x07\x1b[2J\x00\r\x9b end")
    text = transcript_markdown(example, session.events, Translator(), adviser=True)
    assert not any(c in text for c in "\x1b\x07\x00\r\x9b") and "Ann" in text
