"""``change N`` with no such answer says what to type, in plain and JSON-lines modes."""

from __future__ import annotations

import json

import pytest
from support_plan_cli import support_plan

#: Past the welcome, the name given, then at the next question.
ANSWERED_ONE = "\nAnn\n"


@pytest.mark.parametrize("which", ["99", "0", "-1", "abc", "9" * 20])
def test_changing_an_answer_that_is_not_there_says_what_to_type(which: str) -> None:
    # It said "That answer is not part of this conversation now", which is not what was
    # wrong, and nothing about what to type instead.
    result = support_plan(
        "--plain", "--flow", "example", "--no-save", stdin=f"{ANSWERED_ONE}change {which}\n"
    )
    out = result.stdout
    assert "not part of this conversation" not in out
    assert "There is no answer with that number. Type review to see your answers" in out
    assert "then change and a number from 1 to 1." in out
    assert which not in out.split("Ann?", 1)[1]  # what was typed is not repeated


def test_the_same_in_json_lines_keeps_the_step() -> None:
    lines = ANSWERED_ONE + json.dumps({"command": "change", "step": 7}) + "\n"
    result = support_plan("--plain", "--json", "--flow", "example", "--no-save", stdin=lines)
    events = [json.loads(line) for line in result.stdout.splitlines()]
    error = events[-2]  # before the end-of-input message
    assert error["event"] == "error" and error["step"] == "welcome.answering_for"
    assert "There is no answer with that number" in error["message"]


def test_before_any_answer_there_is_nothing_to_change() -> None:
    result = support_plan("--plain", "--flow", "example", "--no-save", stdin="change 1\n")
    assert "There are no answers to change yet." in result.stdout


def test_a_real_answer_is_still_changed_by_its_number() -> None:
    result = support_plan(
        "--plain", "--flow", "example", "--no-save", stdin=f"{ANSWERED_ONE}change 1\nAnnie\n"
    )
    assert "Who is answering, Annie?" in result.stdout
