"""``more`` in plain and JSON-lines mode: the fuller text on request, in the person's language."""

from __future__ import annotations

import io
import json

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain.console import LineConversation, LineIO

#: Typed to reach the explanation of the right to an assessment, which has more to read.
TO_RIGHT = ["", "Ann", "1", "80"]


def _run(
    example: Bundle, typed: list[str], locale: str = "en_GB", *, json_mode: bool = False
) -> str:
    out = io.StringIO()
    conversation = LineConversation(
        Session(example),
        translator_for(locale),
        LineIO(io.StringIO("\n".join(typed) + "\n"), out),
        json_mode=json_mode,
    )
    conversation.run()
    return out.getvalue()


def test_more_prints_the_full_text_and_the_step_says_it_can(example: Bundle) -> None:
    text = _run(example, [*TO_RIGHT, "more"])
    assert "Type more to read more." in text
    assert text.count("whatever their income or savings") == 1  # only once asked for
    before_more = text[: text.index("whatever their income")]
    assert "You have a right to a free assessment" in before_more


def test_more_on_a_step_without_it_says_so_kindly(example: Bundle) -> None:
    text = _run(example, ["", "more"])
    assert "There is nothing more to read on this step." in text
    assert "Type more to read more." not in text


def test_more_is_a_command_in_welsh_and_polish(example: Bundle) -> None:
    for locale in ("cy", "pl"):
        t = translator_for(locale)
        word = t.gettext("more").split("|")[0].strip()
        assert word and word != "more", locale
        text = _run(example, [*TO_RIGHT, word], locale)
        full = t.pgettext(
            "welcome.assessment_right",
            "The council must assess anyone who may need care and support, whatever their "
            "income or savings. It looks at your needs and the outcomes you want in your "
            "daily life.",
        )
        assert full in text, locale


def test_json_steps_carry_more_and_the_command_returns_it(example: Bundle) -> None:
    lines = _run(example, [*TO_RIGHT, '{"command": "more"}'], json_mode=True).splitlines()
    events = [json.loads(line) for line in lines]
    steps = [e for e in events if e["event"] == "step"]
    assert steps[0]["more"] is None and steps[0]["before"] == []
    right = steps[-1]
    assert right["step"] == "welcome.assessment_right"
    assert "whatever their income" in right["more"]
    [more] = [e for e in events if e["event"] == "more"]
    assert more == {"event": "more", "step": "welcome.assessment_right", "more": [right["more"]]}
