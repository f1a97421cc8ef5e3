"""The saving questions plain mode asks first: Help now works there too."""

from __future__ import annotations

import io

import pytest

from assistant.i18n import translator_for
from assistant.plain.lineio import LineIO
from assistant.plain.render import help_now
from assistant.plain.saving import LineDialogue


@pytest.mark.parametrize(("locale", "translated"), [("en_GB", False), ("cy", False), ("cy", True)])
def test_help_now_at_the_first_question_gives_help_and_asks_again(
    locale: str, translated: bool
) -> None:
    # "help now" at "Can we save your answers...?" was answered "Please type yes or no."
    # three times, and the question then counted as no: Help now must work at every step.
    t = translator_for(locale)
    typed = t.gettext("help now").split("|")[0] if translated else "help now"
    answers = io.StringIO(f"{typed}\n{typed}\n{typed}\n{t.gettext('yes')}\n")
    shown = io.StringIO()
    dialogue = LineDialogue(LineIO(answers, shown, prompt=True), t)
    assert dialogue.consents() is True  # asking for help used none of the three tries
    said = shown.getvalue()
    assert said.count(help_now(t)["title"]) == 3  # each time it was asked for
    assert "999" in said and "116 123" in said


def test_other_words_are_still_refused_kindly() -> None:
    shown = io.StringIO()
    answers = io.StringIO("maybe\nmaybe\nmaybe\n")
    dialogue = LineDialogue(LineIO(answers, shown, prompt=True), translator_for("en_GB"))
    assert dialogue.consents() is False
    assert shown.getvalue().count("Please type yes or no.") == 3
