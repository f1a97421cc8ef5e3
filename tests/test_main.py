"""The entry point when the standard streams cannot be used: one kind line, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

import pytest
from support_plan_cli import ROOT


def run(
    *args: str, stdout: int | None = None, closing: Callable[[], None] | None = None
) -> subprocess.CompletedProcess[str]:
    """The program with stdin empty, ``stdout`` as given, and ``closing`` run in the child."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        stdin=subprocess.DEVNULL if closing is None else None,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        preexec_fn=closing,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--plain", "--no-save", "--flow", "example"), "could not be written"),
        (("schema",), "could not be written"),
        (("--lang", "cy", "schema"), "nad oedd modd ei ysgrifennu"),
    ],
)
def test_output_to_a_full_disk_is_one_line_not_a_traceback(
    args: tuple[str, ...], said: str
) -> None:
    with open("/dev/full", "w") as full:
        result = run(*args, stdout=full.fileno())
    assert "Traceback" not in result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr, result.stderr
    assert result.returncode == 1
    assert f"{said} (No space left on device)" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_closed_standard_output_is_not_a_traceback() -> None:
    result = run("--plain", "--no-save", "--flow", "example", closing=lambda: os.close(1))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0


def test_a_closed_standard_input_is_the_end_of_input() -> None:
    result = run("--plain", "--no-save", "--flow", "example", closing=lambda: os.close(0))
    assert "Traceback" not in result.stderr, result.stderr
    assert "What would you like us to call you?" not in result.stdout  # nothing was answered
    assert "End of input" in result.stdout
    assert result.returncode == 0
