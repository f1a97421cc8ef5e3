"""Plain mode's hints quote the command words of the person's language, and those words work.

Commands are accepted in English and in the chosen language, so a Welsh hint that said
"type why" would be English in the middle of Welsh; the hints quote "pam" instead.
"""

from __future__ import annotations

import io

import pytest

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain.console import LineConversation, LineIO, command_words
from assistant.plain.render import TRANSLATED_COMMANDS, word_to_type

#: The words hints should quote, per locale, and the English they must not quote.
WHY_HINT = {"en_GB": "Type why to see why", "cy": "Teipiwch pam i weld", "pl": "Wpisz dlaczego,"}
HELP = {
    "en_GB": "You can type: back, why, more, review, change N, repeat, plan, save, quit.",
    "cy": "Gallwch deipio: nôl, pam, mwy, adolygu, newid N, ailadrodd, cynllun, cadw, gadael",
    "pl": "Możesz wpisać: wstecz, dlaczego, więcej, przegląd, zmień N, powtórz, plan, zapisz, wyjdź",
}
CHANGE = {"en_GB": "example: change 2.", "cy": "enghraifft: newid 2.", "pl": "przykład: zmień 2."}
DECLINE = {"en_GB": "rather not say", "cy": "gwell gen i beidio â dweud", "pl": "wolę nie mówić"}


def _conversation(example: Bundle, locale: str, typed: list[str]) -> str:
    out = io.StringIO()
    line_io = LineIO(io.StringIO("\n".join(typed) + "\n"), out)
    LineConversation(Session(example), translator_for(locale), line_io).run()
    return out.getvalue()


@pytest.mark.parametrize("locale", ["en_GB", "cy", "pl"])
def test_the_word_a_hint_quotes_is_the_command(locale: str) -> None:
    t = translator_for(locale)
    words = command_words(t)
    for msgid, command in TRANSLATED_COMMANDS.items():
        word = word_to_type(t, msgid)
        if command == "change":
            continue  # takes a number; checked in the conversation below
        assert words[word.lower()] == command, (locale, word)


@pytest.mark.parametrize("locale", ["cy", "pl"])
def test_hints_quote_the_words_of_the_language(example: Bundle, locale: str) -> None:
    t = translator_for(locale)
    why, change, review = (word_to_type(t, w) for w in ("why", "change", "review"))
    out = _conversation(example, locale, ["", "Ann", "help", why, "1", review, f"{change} 1"])
    assert WHY_HINT[locale] in out and HELP[locale] in out and CHANGE[locale] in out
    assert f": {DECLINE[locale]}." in out  # the extra answer the age question takes
    for english in ("Type why", "type change", "type back", ": rather not say", "(in English)"):
        assert english.lower() not in out.lower(), english
    # The quoted words work: why explained, review listed, change went back to the name.
    assert (
        out.count(
            t.pgettext("welcome.answering_for", "So we can word the questions the right way.")
        )
        == 1
    )
    name = t.pgettext("welcome.name", "What would you like us to call you?")
    assert out.count(name) == 3  # asked, listed by review, asked again by change


def test_english_hints_are_unchanged(example: Bundle) -> None:
    out = _conversation(example, "en_GB", ["", "Ann", "help", "1", "review"])
    assert WHY_HINT["en_GB"] in out and HELP["en_GB"] in out and CHANGE["en_GB"] in out
    assert "You can also type: rather not say." in out
