"""Crisis words typed in plain or JSON-lines mode bring the engine's reply: the contacts."""

from __future__ import annotations

import datetime as dt
import io
import json

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain.console import LineConversation, LineIO
from assistant.plan import export
from assistant.plan.build import build_plan

CONTACT_LINES = (
    "- Emergency: 999. Call 999, or go to A&E.",
    "- NHS 111, mental health option. Call 111 and choose the mental health option.",
    "- Samaritans: 116 123. Call 116 123. It is free.",
    "- Shout: text SHOUT to 85258. Text SHOUT to 85258.",
)
#: What to plan (the welcome is above it), who is answering, where, what prompted this, what
#: they have, then whether someone helps them and whether they care for someone.
TO_GOOD_DAY = ["1", "1", "1", "7", "5", "no", "no"]


def run(england: Bundle, lines: list[str], *, json_mode: bool = False) -> tuple[Session, str]:
    out = io.StringIO()
    session = Session(england)
    t = translator_for("en_GB")
    conversation = LineConversation(
        session, t, LineIO(io.StringIO("\n".join(lines) + "\n"), out), json_mode=json_mode
    )
    conversation.run()
    return session, out.getvalue()


def test_a_crisis_phrase_in_a_refused_answer_shows_the_contacts_and_puts_help_first(
    england: Bundle,
) -> None:
    # The phrase is typed where a choice is wanted, so the answer itself is refused.
    session, text = run(england, ["", "", "", "I want to die"])
    assert "Sorry, that answer did not work." in text
    assert "If you are thinking about ending your life" in text
    for line in CONTACT_LINES:
        assert line in text
    assert [e.kind for e in session.events].count("help_offered") == 1
    assert all("die" not in str(e.value) for e in session.events)  # the words are not kept
    plan = build_plan(session, translator_for("en_GB"), today=dt.date(2026, 12, 3))
    assert plan.sections[0].id == "urgent_help"
    rebuilt = Session.replay(england, session.events)
    assert [e.kind for e in rebuilt.events].count("help_offered") == 1


def test_a_free_text_answer_keeps_the_words_out_until_the_person_keeps_them(
    england: Bundle,
) -> None:
    words = "Some days I just want to end it all."
    session, text = run(england, [*TO_GOOD_DAY, words, "keep my words", "plan"])
    assert session.answers["what_matters.good_day"] == words  # never lost
    assert "Your words are kept out of your plan unless you choose to keep them." in text
    assert "To keep your words in your plan, type: keep my words." in text
    assert "Your words will be kept in your plan, as you asked." in text
    assert words in " ".join(text.split("My draft support plan", 1)[1].split())
    left_out, _ = run(england, [*TO_GOOD_DAY, words])
    plan = export(left_out, "txt", today=dt.date(2026, 12, 3))
    assert "end it all" not in plan and "Those words are left out of this plan" in plan


def test_json_lines_get_the_crisis_event_with_the_contacts(england: Bundle) -> None:
    lines = [*TO_GOOD_DAY, json.dumps({"answer": "My son hits me"})]
    _, text = run(england, lines, json_mode=True)
    events = [json.loads(line) for line in text.splitlines() if line.startswith("{")]
    crisis = [e for e in events if e["event"] == "crisis"]
    assert len(crisis) == 1
    offered = crisis[0]
    assert offered["kind"] == "abuse" and offered["audience"] == "person"
    assert [c["id"] for c in offered["contacts"]] == ["emergency", "nhs111", "samaritans", "shout"]
    assert offered["words_left_out"] == "what_matters.good_day"
    assert any("adult safeguarding team" in note for note in offered["notes"])
    after = events[events.index(offered) + 1]
    assert after["event"] == "step" and after["step"] == "what_matters.want_to_do"


def test_the_gentle_check_is_one_line_and_keeps_the_words(england: Bundle) -> None:
    session, text = run(england, [*TO_GOOD_DAY, "The pain is killing me"])
    assert "Help now lists people you can talk to" in text
    assert "To see them, type: help now." in text
    assert "Samaritans: 116 123" not in text
    plan = export(session, "txt", today=dt.date(2026, 12, 3))
    assert "The pain is killing me" in plan and "urgent" not in plan.split("About me")[0].lower()
