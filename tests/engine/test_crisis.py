"""The one crisis policy, in the engine: the reply every front end shows, and what is kept."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.engine import crisis
from assistant.engine.outputs import AnswerRejected, CrisisOffered, Notice, StepShown
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import Translator
from assistant.plan import export
from assistant.plan.build import build_plan

CONTACTS = ["emergency", "nhs111", "samaritans", "shout"]
CLOCK = "2026-12-03T10:00:00+00:00"


def to_good_day(england: Bundle, *, setup: dict | None = None, **answers: object) -> Session:  # type: ignore[type-arg]
    """An England session at the first free-text question, 'What does a good day look like'."""
    session = Session(england, clock=lambda: CLOCK)
    session.start(setup)
    script = {
        "getting_started.focus": "care",
        "getting_started.answering": "self",
        "getting_started.where": "england",
        "getting_started.prompt": ("other",),
        "getting_started.has": ("none",),
        "carers.has_carer": "no",
        "carers.is_carer": "no",
        **{k.replace("__", "."): v for k, v in answers.items()},
    }
    for _ in range(100):  # never loop for ever if the flow changes
        if session.current == "what_matters.good_day":
            break
        session.answer(script.get(session.current))
    return session


def rendered(message: object) -> str:
    return Translator().render(message)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("words", "kind", "opening"),
    [
        ("I want to end it all", "suicide", "If you are thinking about ending your life"),
        ("I keep hurting myself", "self_harm", "If you have hurt yourself"),
        ("My son takes my pension", "abuse", "Nobody has the right to hurt you"),
    ],
)
def test_the_reply_shows_the_contacts_themselves_worded_for_what_was_said(
    england: Bundle, words: str, kind: str, opening: str
) -> None:
    session = to_good_day(england)
    outputs = session.answer(words)
    offered = outputs[0]
    assert isinstance(offered, CrisisOffered) and offered.kind == kind
    assert opening in rendered(offered.message)
    assert [c.id for c in offered.contacts] == CONTACTS
    names = [rendered(c.name) for c in offered.contacts]
    assert names == [
        "Emergency: 999",
        "NHS 111, mental health option",
        "Samaritans: 116 123",
        "Shout: text SHOUT to 85258",
    ]
    assert isinstance(outputs[1], StepShown)  # the conversation has moved on underneath
    notes = " ".join(rendered(n) for n in offered.notes)
    assert ("adult safeguarding team" in notes) is (kind == "abuse")


def test_an_adviser_gets_adviser_wording(england: Bundle) -> None:
    session = to_good_day(england, setup={"mode": "adviser"})
    offered = session.answer("She said she wants to end her life")[0]
    assert isinstance(offered, CrisisOffered) and offered.audience == "adviser"
    assert rendered(offered.message).startswith("The caller may be at risk of suicide.")
    answered = to_good_day(england, getting_started__answering="adviser")
    assert crisis.is_adviser(answered)


def test_someone_detained_under_the_mha_is_pointed_to_their_team(england: Bundle) -> None:
    session = to_good_day(england)
    plain = session.answer("I can't go on")[0]
    assert isinstance(plain, CrisisOffered)
    assert not any("mental health team" in rendered(n) for n in plain.notes)
    session.answers["mental_health.detained"] = True  # as if they had said so
    again = session.answer("there is no point any more.")[0]
    assert isinstance(again, CrisisOffered)
    assert any("mental health team" in rendered(n) for n in again.notes)


def test_the_log_records_the_kind_and_the_question_never_the_words(england: Bundle) -> None:
    session = to_good_day(england)
    session.answer("Most days I want to die")
    offered = [e for e in session.events if e.kind == "help_offered"]
    assert [e.value for e in offered] == [{"kind": "suicide", "words": "what_matters.good_day"}]
    assert all("die" not in str(e.value) for e in session.events if e.kind != "answered")
    rebuilt = Session.replay(england, session.events)
    assert [e.kind for e in rebuilt.events] == [e.kind for e in session.events]


def test_words_refused_as_an_answer_still_bring_help_but_nothing_is_kept(england: Bundle) -> None:
    session = Session(england, clock=lambda: CLOCK)
    session.start()
    session.answer("care")  # what would you like to plan
    assert session.current == "getting_started.answering"
    outputs = session.answer("I want to take my own life")
    assert isinstance(outputs[0], CrisisOffered) and isinstance(outputs[1], AnswerRejected)
    assert outputs[0].words_left_out is None
    assert [e.value for e in session.events if e.kind == "help_offered"] == [
        {"kind": "suicide", "words": None}
    ]


def test_the_gentle_check_says_where_help_is_and_records_nothing(england: Bundle) -> None:
    session = to_good_day(england)
    outputs = session.answer("The pain is killing me most mornings")
    gentle = outputs[0]
    assert isinstance(gentle, CrisisOffered) and gentle.kind == "gentle"
    assert gentle.contacts == () and gentle.words_left_out is None
    assert "Help now" in rendered(gentle.message)
    assert not any(e.kind == "help_offered" for e in session.events)
    assert not crisis.words_left_out(session)


def test_ordinary_answers_bring_no_reply(england: Bundle) -> None:
    session = to_good_day(england)
    assert not any(isinstance(o, CrisisOffered) for o in session.answer("A walk and a chat"))


def test_crisis_words_stay_out_of_the_plan_unless_the_person_keeps_them(england: Bundle) -> None:
    session = to_good_day(england)
    words = "I can't remember one. Most days I want to die."
    session.answer(words)
    session.answer("See my grandson")
    day = dt.date(2026, 12, 3)
    text = " ".join(export(session, "txt", today=day).split())
    assert "want to die" not in text and "See my grandson" in text
    assert "Help was offered during this conversation" in text
    assert "Those words are left out of this plan" in text
    assert build_plan(session, Translator(), today=day).sections[0].id == "urgent_help"
    kept = session.keep_crisis_words()
    assert isinstance(kept[0], Notice)
    assert words in export(session, "md", today=day)
    # Keeping is logged (which question, not the words) and survives a replay.
    assert [e.value for e in session.events if e.kind == "crisis_words_kept"] == [
        "what_matters.good_day"
    ]
    assert words in export(Session.replay(england, session.events), "md", today=day)


def test_keeping_words_when_none_were_left_out_says_so(england: Bundle) -> None:
    session = to_good_day(england)
    notice = session.keep_crisis_words()[0]
    assert isinstance(notice, Notice) and "no words" in rendered(notice.message)
    assert not any(e.kind == "crisis_words_kept" for e in session.events)


def test_a_session_re_driving_a_saved_log_makes_no_offers_of_its_own(england: Bundle) -> None:
    session = to_good_day(england)
    session.answer("I want to end it all")
    from assistant.transcript.walk import walk

    rebuilt, entries = walk(england, session.events)
    assert [e.kind for e in rebuilt.events].count("help_offered") == 1
    rebuilt.close()
