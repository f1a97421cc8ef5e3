"""Issue 18's JSON-lines reproducers, each run through the real program as bytes.

Every one of these used to end in a traceback, a line without an ``event``, output that
was not UTF-8, an unsaved answer or silence. Each must now be a kind ``error`` (or a
``notice``) on one line, with the conversation still where it was and nothing lost.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from support_plan_cli import ROOT


def run_bytes(
    *args: str, stdin: bytes, env: dict[str, str] | None = None
) -> tuple[list[dict[str, Any]], str, int]:
    """The program's JSON events (its output checked as strict UTF-8), stderr and exit code."""
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--json", "--flow", "example", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in stderr, stderr
    events = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert all(isinstance(e, dict) and "event" in e for e in events)
    return events, stderr, result.returncode


def after_name(*lines: bytes) -> bytes:
    """Past the welcome, then these lines at the name question."""
    return b"\n".join([b"", *lines]) + b"\n"


def errors(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e["event"] == "error"]


def test_json_nested_a_hundred_thousand_deep_is_refused_not_a_recursion_error() -> None:
    deep = b'{"answer": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    within_line_limit = b'{"answer": ' + b"[" * 30_000 + b"]" * 30_000 + b"}"
    events, _, code = run_bytes("--no-save", stdin=after_name(deep, within_line_limit))
    assert code == 0
    refused = errors(events)
    assert [e["step"] for e in refused] == ["welcome.name", "welcome.name"]
    assert "too long" in refused[0]["message"]
    assert "nested too deeply" in refused[1]["message"]


def test_an_integer_over_4300_digits_is_refused_not_a_value_error() -> None:
    events, _, code = run_bytes("--no-save", stdin=after_name(b'{"answer": ' + b"9" * 5000 + b"}"))
    assert code == 0
    assert [e["message"] for e in errors(events)] == [
        "That number is far too long to be an answer. Send a shorter number."
    ]


def test_invalid_utf8_becomes_the_replacement_character_and_the_person_is_told() -> None:
    events, _, code = run_bytes(
        "--no-save", stdin=after_name(b"Ann\xff\xfe", b'{"command": "review"}', b"plan")
    )
    assert code == 0
    notices = [e["message"] for e in events if e["event"] == "message"]
    assert any("could not be read as text" in m and "\ufffd" in m for m in notices)
    review = next(e for e in events if e["event"] == "review")
    assert review["answers"][0]["answer"] == "Ann\ufffd\ufffd"
    plan = [e for e in events if e["event"] == "plan"]
    assert len(plan) == 1 and plan[0]["plan"]["schema"] == "support-plan/plan"


def test_invalid_utf8_with_save_saves_the_answer(tmp_path: Path) -> None:
    store = str(tmp_path / "store.sqlite3")
    events, _, code = run_bytes("--save", "--store", store, stdin=after_name(b"Ann\xff"))
    assert code == 0
    reference = next(e for e in events if e["event"] == "saving")["reference"]
    resumed, _, code = run_bytes(
        "--store", store, "resume", reference, stdin=b'{"command": "review"}\n'
    )
    assert code == 0
    review = next(e for e in resumed if e["event"] == "review")
    assert review["answers"][0]["answer"] == "Ann\ufffd"


def test_a_lone_surrogate_escape_is_replaced_too() -> None:
    events, _, _ = run_bytes(
        "--no-save", stdin=after_name(b'{"answer": "Ann\\ud800"}', b'{"command": "review"}')
    )
    review = next(e for e in events if e["event"] == "review")
    assert review["answers"][0]["answer"] == "Ann\ufffd"


def test_strict_input_decoding_does_not_crash_plain_mode() -> None:
    """Under a normal UTF-8 locale Python decodes standard input strictly."""
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--flow", "example", "--no-save"],
        input=b"\nAnn\xff\n",
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert b"Traceback" not in result.stderr
    out = result.stdout.decode("utf-8")
    assert "could not be read as text" in out
    assert "Who is answering, Ann\ufffd?" in out


def test_internal_command_names_get_a_reply() -> None:
    lines = [json.dumps({"command": name}).encode() for name in ("noop", "dont_know", "nothing")]
    events, _, _ = run_bytes("--no-save", stdin=after_name(*lines))
    refused = errors(events)
    assert len(refused) == 3
    assert all(e["message"].startswith("Unknown command.") for e in refused)


def test_plan_is_one_plan_event_on_one_line() -> None:
    events, _, _ = run_bytes("--no-save", stdin=after_name(b"Ann", b"plan"))
    plans = [e for e in events if e["event"] == "plan"]
    assert len(plans) == 1
    assert plans[0]["plan"]["schema"] == "support-plan/plan" and plans[0]["plan"]["sections"]


def test_error_events_never_repeat_the_refused_answer() -> None:
    """A multi-choice answer with a word that is not an option is refused by position."""
    to_choices = [b"", b"Ann", b"1", b"rather not say", b""]
    events, _, _ = run_bytes(
        "--no-save", stdin=b"\n".join([*to_choices, b"1, my-secret-word"]) + b"\n"
    )
    refused = errors(events)
    assert refused and refused[-1]["message"].startswith("Choice 2 in your answer")
    assert not any("my-secret-word" in json.dumps(e) for e in refused)


def test_objects_of_the_wrong_shape_are_refused_with_what_to_send() -> None:
    lines = [b'{"answer": {"a": 1}}', b'{"nothing": 1}', b'{"answer": NaN}', b"{"]
    events, _, _ = run_bytes("--no-save", stdin=after_name(*lines))
    messages = [e["message"] for e in errors(events)]
    assert len(messages) == 4
    assert messages[0].startswith("An answer must be text, a number")
    assert messages[1].startswith('A JSON line must be an object with "answer" or "command"')
    assert messages[2].startswith("NaN and Infinity")
    assert messages[3].startswith("That line is not valid JSON")


def test_the_readme_names_every_event_and_field_a_whole_conversation_sends() -> None:
    """Priya's whole conversation in JSON lines, with every command along the way: each
    event, each of its fields, and those of ``progress`` and ``report``, are in the
    README's JSON-lines section (so the documented protocol stays the real one)."""
    from persona_lines import typed_lines

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### JSON lines", 1)[1].split("\n## ", 1)[0]
    lines = [typed for _step, typed in typed_lines(ROOT / "transcripts" / "dp_rate_too_low.yaml")]
    commands = ["why", "more", "review", "help now", "repeat", "back", "", "nonsense{", "plan"]
    stdin = "\n".join([*commands, *lines, *commands, "save", "quit"]) + "\n"
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--json", "--no-save"],
        input=stdin.encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    events = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    names: set[str] = set()
    for event in events:
        names |= {event["event"], *event}
        names |= set(event.get("progress") or {}) | set(event.get("report") or {})
    assert {"step", "error", "end", "help", "review", "plan", "message", "more"} <= names
    assert "report" in names  # the cost step was reached
    missing = sorted(name for name in names if f"`{name}`" not in section)
    assert not missing, f"not in the README's JSON-lines section: {missing}"


def test_line_and_paragraph_separators_in_an_answer_never_split_an_event() -> None:
    # U+2028 and U+2029 may stand in a JSON string as they are, but Python's splitlines and
    # older JavaScript end a line at them, so an event holding the answer was cut in two.
    answer = json.dumps({"answer": "A\u2028B\u2029C"}).encode()
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--json", "--flow", "example"]
        + ["--no-save"],
        input=after_name(answer),
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    text = result.stdout.decode("utf-8")
    assert "\u2028" not in text and "\u2029" not in text
    events = [json.loads(line) for line in text.splitlines()]
    assert any(e.get("text") == "Who is answering, A\u2028B\u2029C?" for e in events)


def test_a_field_given_twice_is_refused_not_silently_the_last() -> None:
    # {"answer": "yes", "answer": "no"} answered "no"; {"command": "back", "answer": "Bo",
    # "command": "quit"} quit. Which one the sender meant cannot be known.
    lines = [b'{"answer": "Bo", "answer": "Al"}', b'{"command": "back", "command": "quit"}']
    events, _, _ = run_bytes("--no-save", stdin=after_name(*lines))
    messages = [e["message"] for e in errors(events)]
    assert (
        messages
        == [
            'That line gives the same field twice, so it is not clear which is meant. Send each field once, for example {"answer": "yes"}.'
        ]
        * 2
    )
    assert not any("Al" in e.get("text", "") or "Bo" in e.get("text", "") for e in events)
    assert events[-1]["message"].startswith("End of input")  # it did not quit
