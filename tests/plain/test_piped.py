"""The installed command, driven through a pipe as a script or screen-reader user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support_plan_cli import support_plan

ROOT = Path(__file__).parents[2]
ANSWERS = ["", "Ann", "1", "rather not say", "", "1, 3", "no", "20", "13.50"]


def run(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return support_plan("--flow", "example", "--no-save", *args, stdin=stdin)


def test_plain_mode_completes_the_example() -> None:
    result = run("--plain", stdin="\n".join(ANSWERS) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert out.count("Who is answering, Ann?") == 1  # each question printed once
    assert "  1. I am answering for myself" in out
    assert "Thank you, Ann. That is the end of the example." in out
    assert "End of input." in out


def test_plain_mode_commands_and_bad_input() -> None:
    lines = ["", "Ann", "9", "why", "back", "Annie", "1", "review", "help now", "quit", "quit"]
    result = run("--plain", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Please choose one of the options by typing its number, from 1 to 2." in out
    assert "So we can word the questions the right way." in out  # why
    assert "Who is answering, Annie?" in out  # back then changed
    assert "Your answers so far:" in out and "Answer: Annie" in out
    assert "Samaritans: 116 123" in out
    assert "Goodbye." in out


def test_end_of_input_mid_question_exits_cleanly() -> None:
    result = run("--plain", stdin="\nAnn\n")
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    assert result.stdout.rstrip().endswith("End of input. Nothing was saved.")


def test_a_store_that_cannot_be_used_is_not_called_the_persons_choice() -> None:
    # It said "Nothing was saved, as you chose" when the person had asked to save.
    result = run("--plain", "--save", "--store", "/dev/null", stdin="\nAnn\nsave\n")
    assert "/dev/null is not a file" in result.stderr
    assert "will not be saved this time" in result.stdout
    assert "as you chose" not in result.stdout
    assert "Nothing is being saved on this computer." in result.stdout  # the save command
    assert result.stdout.rstrip().endswith("End of input. Nothing was saved.")


def test_json_mode_completes_the_example() -> None:
    lines = [*ANSWERS[:3], json.dumps({"answer": "70"}), *ANSWERS[4:]]
    result = run("--plain", "--json", stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    steps = [e for e in events if e["event"] == "step"]
    assert steps[0]["step"] == "welcome.hello"
    chooser = next(e for e in steps if e["step"] == "welcome.answering_for")
    assert chooser["choices"][0] == {
        "value": "self",
        "label": "I am answering for myself",
        "help": None,
    }
    assert any(e["event"] == "end" and e["step"] == "needs.done" for e in events)


def test_json_mode_reports_errors_with_the_message() -> None:
    result = run("--plain", "--json", stdin="\nAnn\n5\n")
    errors = [json.loads(line) for line in result.stdout.splitlines() if '"error"' in line]
    assert errors and errors[0]["step"] == "welcome.answering_for"
    assert "from 1 to 2" in errors[0]["message"]


def test_plan_command_prints_the_draft_plan_at_the_end() -> None:
    result = run("--plain", stdin="\n".join([*ANSWERS, "plan"]) + "\n")
    assert result.returncode == 0, result.stderr
    plan = result.stdout.split("That is the end.", 1)[1]
    assert "My draft support plan" in plan
    assert "Ann" in plan and "£13.50" in plan


def test_a_crisis_phrase_in_a_refused_answer_still_offers_help() -> None:
    result = run("--plain", stdin="\nAnn\nI want to end my life\n")
    assert "Please choose one of the options" in result.stdout
    assert "If you are thinking about ending your life" in result.stdout
    assert "- Samaritans: 116 123. Call 116 123. It is free." in result.stdout


def test_help_now_works_with_a_councils_own_flows_folder(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "flows" / "example", tmp_path / "example")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--flow", "example", "--no-save"],
        input="help now\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
        env={**__import__("os").environ, "SUPPORT_PLAN_FLOWS": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "Samaritans: 116 123" in result.stdout


def test_ctrl_c_at_a_question_ends_on_a_line_of_its_own() -> None:
    # The terminal echoes ^C and the goodbye followed on the same line: "^CEnd of input."
    import os
    import pty
    import select
    import signal

    from support_plan_cli import ROOT

    pid, terminal = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # a background job's is ignored
        os.execv(sys.executable, [sys.executable, "-m", "assistant", "--plain", "--no-save"])
    seen = b""
    while b"Press Enter" not in seen and b"> " not in seen:
        ready, _, _ = select.select([terminal], [], [], 30)
        assert ready, seen
        seen += os.read(terminal, 4096)
    os.write(terminal, b"\x03")
    try:
        while chunk := os.read(terminal, 4096):
            seen += chunk
    except OSError:  # the program ended and closed the terminal
        pass
    _, status = os.waitpid(pid, 0)
    text = seen.decode("utf-8", errors="replace")
    assert "^C\r\nEnd of input. Nothing was saved." in text, text[-300:]
    assert os.waitstatus_to_exitcode(status) == 130
