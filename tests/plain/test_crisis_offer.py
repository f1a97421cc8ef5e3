"""Words that can mean a crisis, typed anywhere in plain mode, bring help and are remembered."""

from __future__ import annotations

import datetime as dt
import io

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain.console import LineConversation, LineIO
from assistant.plan.build import build_plan


def test_a_crisis_phrase_in_a_refused_answer_offers_help_and_puts_it_first_in_the_plan(
    england: Bundle,
) -> None:
    out = io.StringIO()
    session = Session(england)
    t = translator_for("en_GB")
    # The phrase is typed where a choice is wanted, so the answer itself is refused.
    typed = ["", "", "", "I want to die"]
    LineConversation(session, t, LineIO(io.StringIO("\n".join(typed)), out)).run()
    text = out.getvalue()
    assert "Sorry, that answer did not work." in text
    assert "help is here now: type 'help now'" in text
    assert [e.kind for e in session.events].count("help_offered") == 1
    assert all("die" not in str(e.value) for e in session.events)  # the words are not kept
    plan = build_plan(session, t, today=dt.date(2026, 11, 22))
    assert plan.sections[0].id == "urgent_help"
    rebuilt = Session.replay(england, session.events)
    assert [e.kind for e in rebuilt.events].count("help_offered") == 1
