"""Flow files that are not flow files (issue 18): each a file:line problem, never a crash.

A NUL byte, a module path that is a folder, ``/dev/zero`` (reading it never ends), a FIFO
(reading it waits for ever), a file over the size limit, bytes that are not UTF-8, and
100,000 nested brackets (which the YAML parser takes quadratic time over). The program
runs as a subprocess with a time limit, so a hang fails instead of stopping the suite.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from support_plan_cli import ROOT

from assistant.flow import reading, yamlpos
from assistant.flow.loading import read_bundle

EXAMPLE = ROOT / "flows" / "example"


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A copy of the example bundle to spoil."""
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy)
    return copy


def check(folder: Path) -> str:
    """``support-plan check FOLDER`` as a program, within 30 s; its output, no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "check", str(folder)],
        capture_output=True,
        text=True,
        cwd=folder.parent,
        timeout=30,
        check=False,
        env={**os.environ, "SUPPORT_PLAN_CACHE": "off"},
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1
    return result.stdout + result.stderr


def welcome_problem(output: str) -> str:
    lines = [line for line in output.splitlines() if line.startswith("example/welcome.yaml:")]
    assert lines, output
    return lines[0]


def test_a_nul_byte_is_a_problem_at_its_line_and_column(bundle: Path) -> None:
    module = bundle / "welcome.yaml"
    text = module.read_text("utf-8")
    line_count = text.count("\n")
    module.write_text(text + "note: a\x00b\n", "utf-8")
    problem = welcome_problem(check(bundle))
    assert problem.startswith(f"example/welcome.yaml:{line_count + 1}:8:")
    assert "control character (U+0000)" in problem and "[control-character]" in problem


def test_a_module_that_is_a_folder_is_a_problem(bundle: Path) -> None:
    (bundle / "welcome.yaml").unlink()
    (bundle / "welcome.yaml").mkdir()
    problem = welcome_problem(check(bundle))
    assert "This path is a folder, not a flow file." in problem and "[not-a-file]" in problem


def test_a_module_that_is_dev_zero_is_refused_without_reading_it(bundle: Path) -> None:
    (bundle / "welcome.yaml").unlink()
    (bundle / "welcome.yaml").symlink_to("/dev/zero")
    assert "This path is a device" in welcome_problem(check(bundle))


def test_a_module_that_is_a_fifo_is_refused_without_waiting(bundle: Path) -> None:
    (bundle / "welcome.yaml").unlink()
    os.mkfifo(bundle / "welcome.yaml")
    assert "This path is a FIFO" in welcome_problem(check(bundle))


def test_a_fifo_module_with_flow_is_a_problem_too(bundle: Path) -> None:
    (bundle / "welcome.yaml").unlink()
    os.mkfifo(bundle / "welcome.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--no-save", "--flow", str(bundle)],
        capture_output=True,
        text=True,
        input="",
        timeout=30,
        check=False,
        env={**os.environ, "SUPPORT_PLAN_CACHE": "off"},
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "welcome.yaml:1:1: This path is a FIFO" in result.stderr


def test_a_file_over_the_size_limit_is_refused_before_parsing(
    bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_BYTES", 1000)
    assert (bundle / "welcome.yaml").stat().st_size > 1000
    _, problems = read_bundle(bundle)
    welcome = [p for p in problems if p.path.endswith("welcome.yaml")]
    assert [p.rule for p in welcome] == ["too-large"]


def test_bytes_that_are_not_utf8_are_a_problem_at_their_line(bundle: Path) -> None:
    module = bundle / "welcome.yaml"
    data = module.read_bytes()
    module.write_bytes(data + b"note: caf\xe9\n")
    problem = welcome_problem(check(bundle))
    line = data.count(b"\n") + 1
    assert problem.startswith(f"example/welcome.yaml:{line}:10:")
    assert "[not-utf8]" in problem


class CountingLoader(yaml.CSafeLoader):  # type: ignore[misc]
    """The C loader, counting the events asked of it (the parser's work)."""

    events = 0

    def get_event(self) -> Any:
        CountingLoader.events += 1
        return super().get_event()


@pytest.mark.parametrize("tag", ["", "!!seq "])
def test_100000_nested_brackets_stop_at_the_limit_not_parsed_whole(
    tag: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parser's time grows with the square of the depth (18 s for this one), so the
    work done is measured, in events: it must stop at the first level too many.
    With a tag, the careful (composing) path is taken, and it must stop early too."""
    monkeypatch.setattr(yamlpos, "_Loader", CountingLoader)
    CountingLoader.events = 0
    text = "id: deep\nsteps: " + tag + "[" * 100_000 + "]" * 100_000 + "\n"
    data, _, problems = yamlpos.parse(text, "deep.yaml")
    assert data is None
    assert [(p.line, p.rule) for p in problems] == [(2, "too-deep")]
    # The document's own mapping is the first level, so the 64th bracket is one too many.
    assert problems[0].column == len("steps: " + tag) + reading.MAX_NESTING
    assert CountingLoader.events < 4 * reading.MAX_NESTING


def test_nesting_up_to_the_limit_is_still_read() -> None:
    depth = reading.MAX_NESTING - 1
    data, _, problems = yamlpos.parse("x: " + "[" * depth + "]" * depth + "\n", "ok.yaml")
    assert problems == [] and isinstance(data["x"], list)


def test_the_shipped_flows_are_within_every_limit() -> None:
    for path in (ROOT / "flows").rglob("*.yaml"):
        text = reading.read_flow_text(path)
        assert yamlpos.parse(text, str(path))[2] == [], path
