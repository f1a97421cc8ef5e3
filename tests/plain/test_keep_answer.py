"""Enter keeps an answer given before: plain mode promises it when a question comes back."""

from __future__ import annotations

import io

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain.console import LineConversation, LineIO


def test_enter_on_a_changed_question_keeps_the_answer_and_moves_on(example: Bundle) -> None:
    out = io.StringIO()
    session = Session(example)
    typed = ["", "Ann", "change 1", "", ""]
    LineConversation(
        session, translator_for("en_GB"), LineIO(io.StringIO("\n".join(typed)), out)
    ).run()
    text = out.getvalue()
    assert "Your answer so far: Ann. Press Enter to keep it." in text
    assert "Please type an answer" not in text
    assert session.answers["welcome.name"] == "Ann"
    # Back on the question after the name: the name question was not asked a third time.
    assert text.count("What would you like us to call you?") == 2
    assert session.current != "welcome.name"


def test_enter_on_a_new_required_question_is_still_refused(example: Bundle) -> None:
    out = io.StringIO()
    session = Session(example)
    LineConversation(session, translator_for("en_GB"), LineIO(io.StringIO("\n\n"), out)).run()
    assert "Please type an answer" in out.getvalue()
    assert "welcome.name" not in session.answers


def test_the_answer_so_far_of_a_choice_is_its_label_in_the_language(example: Bundle) -> None:
    for locale in ("en_GB", "pl"):
        t = translator_for(locale)
        out = io.StringIO()
        typed = ["", "Ann", "1", "change 2"]
        LineConversation(Session(example), t, LineIO(io.StringIO("\n".join(typed)), out)).run()
        label = t.pgettext("welcome.answering_for", "I am answering for myself")
        so_far = t.gettext("Your answer so far: {answer}. Press Enter to keep it.")
        assert so_far.format(answer=label) in out.getvalue(), locale
