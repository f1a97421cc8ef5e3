"""The entry point when the standard streams cannot be used: one kind line, no traceback."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

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


def test_ctrl_c_at_a_commands_question_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    # Ctrl-C at forget's "Type yes to delete" ended in a KeyboardInterrupt traceback.
    store = str(tmp_path / "store.sqlite3")
    saved = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--flow", "example", "--save"]
        + ["--store", store],
        input="\nAnn\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    reference = saved.stdout.split("support-plan resume ", 1)[1].split()[0]
    pid, terminal = pty.fork()
    if pid == 0:  # the child: the command at a terminal, waiting for its answer
        os.chdir(ROOT)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # a background job's is ignored
        os.execv(
            sys.executable,
            [sys.executable, "-m", "assistant", "forget", reference, "--store", store],
        )
    said = _read_until(terminal, b"Type yes to delete")
    os.write(terminal, b"\x03")  # Ctrl-C, as the terminal sends it
    said += _read_until(terminal, b"")
    _, status = os.waitpid(pid, 0)
    text = said.decode("utf-8", errors="replace")
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text
    assert "stopped" in text
    assert os.waitstatus_to_exitcode(status) == 130
    listed = subprocess.run(
        [sys.executable, "-m", "assistant", "sessions", "--store", store],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert reference in listed.stdout  # nothing was deleted


def _read_until(terminal: int, wanted: bytes) -> bytes:
    """What the terminal shows until ``wanted`` appears (b"": until the program ends)."""
    seen = b""
    while not wanted or wanted not in seen:
        ready, _, _ = select.select([terminal], [], [], 30)
        assert ready, seen
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the program ended and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    return seen


def test_input_that_cannot_be_read_is_the_end_of_input(tmp_path: Path) -> None:
    # A standard input open only for writing (as a hung-up terminal fails with EIO) ended
    # in a traceback, then in "what it was writing could not be written".
    with open(tmp_path / "write-only", "w") as write_only:
        result = subprocess.run(
            [sys.executable, "-m", "assistant", "--plain", "--no-save", "--flow", "example"],
            stdin=write_only,
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    assert "Traceback" not in result.stderr and "could not be written" not in result.stderr
    assert "End of input" in result.stdout
    assert result.returncode == 0


LONG = "a" * 300  # longer than any one name in a path may be


@pytest.mark.parametrize(
    "args",
    [
        ("--plain", "--no-save", "--flow", LONG),
        ("--plain", "--no-save", "--flow", f"/tmp/{LONG}"),
        ("check", f"/tmp/{LONG}"),
        ("replay", f"/tmp/{LONG}"),
        ("stats", f"/tmp/{LONG}"),
    ],
    ids=["flow-name", "flow-folder", "check", "replay", "stats"],
)
def test_a_name_too_long_for_the_system_is_one_line(args: tuple[str, ...]) -> None:
    # Each ended in "OSError: [Errno 36] File name too long" and a traceback.
    result = run(*args)
    assert "Traceback" not in result.stderr, result.stderr[-300:]
    assert result.stderr.startswith("support-plan: a file or folder name given is longer")
    assert LONG not in result.stderr  # the name is not repeated
    assert result.returncode == 2
