"""Two questions on one screen in plain and JSON-lines mode: asked one after the other,
the follow-up without the step line again; JSON carries both and stays one at a time."""

from __future__ import annotations

import io
import json

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.plain.console import LineConversation, LineIO


def _run(bundle: Bundle, typed: list[str], *, json_mode: bool = False) -> tuple[str, Session]:
    out = io.StringIO()
    session = Session(bundle)
    conversation = LineConversation(
        session,
        translator_for("en_GB"),
        LineIO(io.StringIO("\n".join(typed) + "\n"), out),
        json_mode=json_mode,
    )
    conversation.run()
    return out.getvalue(), session


def test_plain_mode_asks_the_follow_up_straight_after_without_the_step_line(
    pair_flow: Bundle,
) -> None:
    text, session = _run(pair_flow, ["1", "2", "yes"])
    first = text.index("How is washing hard for you?")
    second = text.index("What would help with washing?")
    third = text.index("Do you go out?")
    assert first < second < third
    header = text[:first].strip().splitlines()[-1]  # the step line above the first question
    assert header.startswith("Main")
    between = text[first:second]
    assert header not in between  # not said again for the follow-up
    assert header in text[second:third]  # the next screen has it again
    assert session.answers == {
        "main.hard": ("help",),
        "main.helps": ("equipment",),
        "main.after": True,
    }


def test_json_lines_carry_the_follow_up_and_say_it_continues(pair_flow: Bundle) -> None:
    text, session = _run(pair_flow, ['{"answer": ["help"]}', '{"answer": []}'], json_mode=True)
    steps = [m for m in map(json.loads, text.splitlines()) if m["event"] == "step"]
    first, second, third = steps[:3]
    assert first["step"] == "main.hard" and first["continues"] is None
    assert first["follow_up"]["step"] == "main.helps"
    assert first["follow_up"]["text"] == "What would help with washing?"
    assert [c["value"] for c in first["follow_up"]["choices"]] == ["visits", "equipment"]
    # A client answering one at a time: the follow-up comes as its own step, continuing.
    assert second["step"] == "main.helps" and second["continues"] == "main.hard"
    assert second["follow_up"] is None
    assert third["step"] == "main.after" and third["continues"] is None
    assert session.answers == {"main.hard": ("help",), "main.helps": ()}
