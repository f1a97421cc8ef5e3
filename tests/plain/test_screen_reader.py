"""The screen-reader mode (issue 18): quiet plain mode, heard one line at a time.

One persona (Priya, transcripts/dp_rate_too_low.yaml: a direct-payment holder whose rate
is too low) is taken through the whole conversation by the real program, with the
screen-reader commands along the way, and every line it says is pinned in
``screen_reader/priya.txt`` (lines she types start with "> "). To accept a deliberate
change of wording, run with SUPPORT_PLAN_UPDATE_SPOKEN=1 and read the diff before
committing it. Other tests check what must hold whatever the wording.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lockstep import Lockstep, can_watch_input
from persona_lines import typed_lines
from support_plan_cli import ROOT, support_plan

from assistant.i18n import translator_for

PINNED = Path(__file__).parent / "screen_reader" / "priya.txt"
GOLDEN = ROOT / "transcripts" / "dp_rate_too_low.yaml"
#: Screen-reader commands typed along the way, before the line answering the step named.
EXTRA = {
    "getting_started.focus": ["help"],  # the welcome is said above this first question
    "getting_started.answering": ["why"],
    "getting_started.has": ["sources"],  # the note about reviews is said above it
    "day_to_day.impairment": ["help now"],
    "employing_pa.cost_result": ["repeat"],
}
AT_THE_END = ["plan", "next", "plan 7", "sources", "plan 99", "next", "quit", "quit"]


def hear_priya(tmp_path: Path) -> list[str]:
    """Every line the program says, with what she types as "> ..." lines between."""
    program = Lockstep("--screen-reader", "--no-save", stderr_path=tmp_path / "stderr")
    heard: list[str] = []

    def say(typed: str) -> None:
        heard.append(f"> {typed}".rstrip())
        heard.extend(program.send(typed.encode()).decode("utf-8").splitlines())

    try:
        heard.extend(program.first().decode("utf-8").splitlines())
        for step, typed in typed_lines(GOLDEN, yes_no_numbers=True):
            for extra in EXTRA.get(step, []):
                say(extra)
            say(typed)
        for typed in AT_THE_END:
            say(typed)
        code, rest = program.finish()
    except BaseException:
        program.kill()
        raise
    assert code == 0 and not rest
    assert "Traceback" not in (tmp_path / "stderr").read_text("utf-8")
    today = translator_for("en_GB").date(dt.date.today())
    return [line.replace(today, "<today>") for line in heard]


@pytest.mark.skipif(not can_watch_input(), reason="needs Linux /proc/PID/wchan")
def test_priyas_whole_conversation_as_a_screen_reader_hears_it(tmp_path: Path) -> None:
    heard = hear_priya(tmp_path)
    if os.environ.get("SUPPORT_PLAN_UPDATE_SPOKEN") == "1":
        PINNED.write_text("\n".join(heard) + "\n", "utf-8")
    pinned = PINNED.read_text("utf-8").splitlines()
    diff = list(difflib.unified_diff(pinned, heard, "pinned", "heard", lineterm="", n=1))
    assert not diff, "\n".join(diff[:80])

    said = [line for line in heard if not line.startswith("> ")]
    assert said[0].startswith("Screen-reader mode: plain text, one line at a time.")
    assert all(line.strip() for line in said)  # a blank line is read as "blank"
    assert not any(re.fullmatch(r"[=\-]{3,}", line) for line in said)  # no rules
    assert not any(line.startswith(("Source:", "- ", " ")) for line in said)
    assert not any("F1" in line or "press F" in line for line in said)
    assert "2 sources: type sources to hear them." in said
    assert "Basic pay: £337.50 a week, £17,550.00 a year." in said
    assert "Shout: text SHOUT to 85258. It is free and confidential." in " ".join(said)
    assert not any("SHOUT to 85258. Text SHOUT" in line for line in said)
    # Where she is is said when it changes: a part's first question says its step.
    steps = [line for line in said if re.fullmatch(r"Step \d+ of \d+: .+\.", line)]
    assert steps[0] == "Step 1 of 7: Getting started." and len(steps) == len(set(steps))
    # Each step is said in turn: none is skipped (the rights summary, shown above her
    # last question, is part of that question's step, not one of its own).
    numbers = [int(m[1]) for line in said if (m := re.match(r"Step (\d+) of \d+: ", line))]
    assert numbers == list(range(1, len(numbers) + 1)) and steps[-1].startswith("Step 9 of 9")
    assert not any(re.search(r"\bquestion \d+ of \d+", line, re.IGNORECASE) for line in said)
    # She asked for Help now on the way, so the plan starts with where to get help.
    assert "Part 1 of 14: If you need help now." in said and "Part 2 of 14: About me." in said
    assert "Your plan has parts 1 to 14. Type plan and a number, for example plan 2." in said


def test_the_environment_variable_chooses_the_mode_and_it_says_so() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--flow", "example", "--no-save"],
        input="\nAnn\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SUPPORT_PLAN_SCREEN_READER": "1"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Screen-reader mode: plain text, one line at a time.")
    assert lines[2:4] == ["Getting started.", "Welcome"]  # plain mode, laid out quietly
    assert "Press Enter to go on." in lines and "" not in lines


def test_the_announcement_is_in_the_persons_language() -> None:
    result = support_plan("--screen-reader", "--lang", "cy", "--flow", "example", "--no-save")
    assert result.stdout.splitlines()[0].startswith("Modd darllenydd sgrin: testun plaen")


def test_yes_and_no_take_the_numbers_the_app_shows() -> None:
    """The example's yes/no question ('Does someone help you now...?') answered with 2,
    as the app shows "1. Yes" and "2. No"."""
    lines = ["", "Ann", "1", "rather not say", "", "1, 3", "2", "review"]
    result = support_plan(
        "--plain", "--flow", "example", "--no-save", stdin="\n".join(lines) + "\n"
    )
    assert "Sorry" not in result.stdout
    assert "Does someone help you now without being paid? Answer: No" in result.stdout


def test_plain_mode_says_no_question_number_on_an_explanation() -> None:
    result = support_plan("--plain", "--flow", "example", "--no-save", stdin="\n")
    lines = result.stdout.splitlines()
    assert lines[lines.index("Welcome") - 1] == "Getting started"  # no count: not a question


def test_plain_help_now_names_each_number_once() -> None:
    result = support_plan("--plain", "--flow", "example", "--no-save", stdin="help now\n")
    shout = next(line for line in result.stdout.splitlines() if "Shout" in line)
    assert shout.count("85258") == 1, shout
