"""Control characters and terminal escapes never reach the terminal from an answer.

An answer is printed back ("Who is answering, Ann?", the review, the plan), so an escape
sequence typed, piped or imported in one could clear the screen, retitle the window or
hide text from the person reading it. Typed ones are replaced and the person is told;
ones already saved (an imported conversation) are never written out as they are.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support_plan_cli import ROOT

#: NUL, bell, backspace, a lone carriage return, escape sequences (colour, window title,
#: clear screen), DEL and the one-byte CSI (U+009B).
CONTROLS = "A\x00n\x07\x08\r\x1b[31mred\x1b]0;title\x07\x7f\u009b2J"


def run(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--flow", "example", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def no_controls(text: str) -> None:
    found = sorted({c for c in text if (ord(c) < 32 and c not in "\n\t") or 127 <= ord(c) < 160})
    assert not found, found


def test_controls_typed_in_an_answer_are_replaced_and_the_person_is_told() -> None:
    result = run("--no-save", stdin=b"\n" + CONTROLS.encode() + b"\nreview\n")
    out = result.stdout.decode()
    no_controls(out)
    assert "Who is answering, A\ufffdn" in out  # the readable letters are kept
    assert "replaced with the sign \ufffd" in out
    assert "Traceback" not in result.stderr.decode()


def test_controls_sent_as_a_json_answer_are_replaced_too() -> None:
    answer = json.dumps({"answer": CONTROLS}).encode()
    result = run("--json", "--no-save", stdin=b"\n" + answer + b"\n")
    events = [json.loads(line) for line in result.stdout.decode().splitlines()]
    no_controls("".join(json.dumps(e, ensure_ascii=False) for e in events))
    assert any("\ufffd" in e.get("message", "") for e in events if e["event"] == "message")


def test_controls_in_a_saved_answer_never_reach_the_terminal(tmp_path: Path) -> None:
    store = str(tmp_path / "store.sqlite3")
    saved = run("--save", "--store", store, stdin=b"\nAnn\n")
    reference = saved.stdout.decode().split("support-plan resume ", 1)[1].split()[0]
    exported = subprocess.run(
        [sys.executable, "-m", "assistant", "sessions", "export", reference, "--store", store],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    ).stdout
    case = json.loads(exported)
    case["reference"] = "CTR-CTR"  # a reference this program could have given
    for event in case["events"]:
        if event["value"] == "Ann":
            event["value"] = CONTROLS  # as another program (or an attacker) may have written it
    imported = tmp_path / "case.jsonl"
    imported.write_text(json.dumps(case) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "assistant", "sessions", "import", str(imported), "--store", store],
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    result = run("resume", "CTR-CTR", "--store", store, stdin=b"review\nplan\n")
    out = result.stdout.decode()
    no_controls(out)
    assert "A\ufffdn" in out  # the answer is still shown, made harmless


def test_a_bidirectional_override_in_an_answer_is_never_printed() -> None:
    """U+202E in a name made the words after it, "Who is answering" and the review's
    lines, show reversed; right-to-left letters themselves are kept as typed."""
    name = "Ann\u202e\u2067olleh\u2069 \u05e9\u05dc\u05d5\u05dd"
    result = run("--no-save", stdin=b"\n" + name.encode() + b"\nreview\n")
    out = result.stdout.decode()
    assert not {c for c in out if "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069"}
    assert "Ann\ufffd\ufffdolleh\ufffd \u05e9\u05dc\u05d5\u05dd" in out
    assert "Traceback" not in result.stderr.decode()
