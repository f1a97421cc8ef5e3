"""The golden-conversation loader: every mistake is reported with file:line and a fix."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support_plan_cli import support_plan

from assistant.transcript.golden import GoldenError, load_golden

HEAD = "bundle: example\nlocale: en_GB\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(GoldenError) as caught:
        load_golden(write(tmp_path, text), "case.yaml")
    return [str(p) for p in caught.value.problems]


def test_yes_and_no_stay_as_typed(tmp_path: Path) -> None:
    golden = load_golden(
        write(tmp_path, HEAD + "turns:\n  - answer: yes\n  - answer: on\n  - answer: true\n")
    )
    assert [t.value for t in golden.turns] == ["yes", "on", True]


def test_unknown_key_names_the_line_and_a_likely_fix(tmp_path: Path) -> None:
    found = problems(tmp_path, HEAD + "turns:\n  - answer: Ann\n    stat: welcome.name\n")
    assert found == [
        "case.yaml:5:5: 'stat' is not a key here. Fix: Did you mean 'state'? [unknown-key]"
    ]


def test_a_turn_needs_exactly_one_input(tmp_path: Path) -> None:
    found = problems(tmp_path, HEAD + "turns:\n  - answer: Ann\n    back:\n")
    assert len(found) == 1 and found[0].startswith("case.yaml:4:")
    assert "exactly one input, but this one has 2" in found[0]


def test_missing_bundle_and_bad_step_keys_are_all_reported(tmp_path: Path) -> None:
    found = problems(
        tmp_path, "locale: en_GB\nturns:\n  - edit: name\n  - next:\n    state: Welcome\n"
    )
    assert any("'bundle' is missing" in p for p in found)
    assert any(p.startswith("case.yaml:3:") and "'edit' needs a step key" in p for p in found)
    assert any(p.startswith("case.yaml:5:") and "'state' must be a step key" in p for p in found)


def test_broken_yaml_points_at_the_line(tmp_path: Path) -> None:
    found = problems(tmp_path, HEAD + 'turns:\n  - answer: "Ann\n  - next:\n')
    assert len(found) == 1 and "not valid YAML" in found[0]
    assert found[0].startswith("case.yaml:4:")


def test_outcome_keys_are_checked(tmp_path: Path) -> None:
    found = problems(tmp_path, HEAD + "turns:\n  - next:\noutcome:\n  right: []\n  costs: 12\n")
    assert any("'right' is not a key here. Fix: Did you mean 'rights'?" in p for p in found)
    assert any("'costs' must be a mapping or 'none'" in p for p in found)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (HEAD + "date: 2026-02-30\n", 3, "the date 2026-02-30 does not exist"),
        (
            HEAD + "turns:\n  - answer: Ann\n    state: a.b\n    state: a.c\n",
            6,
            "'state' appears twice here (first on line 5)",
        ),
        (HEAD + "? [1, 2]\n: x\n", 3, "cannot be a key"),
    ],
)
def test_impossible_dates_and_repeated_keys_are_problems_not_crashes(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    found = problems(tmp_path, text)
    assert len(found) == 1 and found[0].startswith(f"case.yaml:{line}:"), found
    assert words in found[0] and "Fix:" in found[0]


def test_a_fifo_among_the_goldens_is_named_not_waited_on(tmp_path: Path) -> None:
    # 'replay FOLDER' with a FIFO in it waited for ever for a writer; '/dev/zero' read
    # without end and filled the memory. Both are now refused before anything is read.
    os.mkfifo(tmp_path / "stuck.yaml")
    result = support_plan("replay", str(tmp_path))
    said = result.stdout + result.stderr
    assert "stuck.yaml:1: the file: This path is a FIFO (a named pipe)" in said
    assert "not a golden conversation" in said and "bundle" not in said
    assert result.returncode != 0 and "Traceback" not in result.stderr
    device = support_plan("replay", "/dev/zero")
    assert "This path is a device" in device.stdout + device.stderr
    stats = support_plan("stats", "flows/example", "--transcripts", str(tmp_path))
    assert "FIFO" in stats.stdout + stats.stderr and "Traceback" not in stats.stderr
