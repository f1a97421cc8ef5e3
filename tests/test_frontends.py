"""Choosing a front end: the full-screen app only where it can read keys and draw."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

from support_plan_cli import ROOT


def run_without_terminal(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    """``support-plan ARGS`` with pipes for every stream and no browser driver set."""
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )


def test_without_a_terminal_the_conversation_runs_line_by_line_not_a_stuck_app() -> None:
    # The app read keys from a pipe that had ended and waited for ever (a timeout here).
    result = run_without_terminal("--flow", "example", "--no-save", stdin="\nAnn\n")
    assert result.returncode == 0, result.stderr
    assert "Who is answering, Ann?" in result.stdout
    assert "\x1b[" not in result.stdout + result.stderr  # no full-screen drawing anywhere
    assert "not a terminal" in result.stderr
    assert "--plain" in result.stderr  # how to ask for it


def test_resuming_without_a_terminal_carries_on_line_by_line(tmp_path: Path) -> None:
    store = str(tmp_path / "store.sqlite3")
    first = run_without_terminal(
        "--plain", "--flow", "example", "--save", "--store", store, stdin="\nAnn\n"
    )
    reference = first.stdout.split("support-plan resume ", 1)[1].split()[0]
    result = run_without_terminal("resume", reference, "--store", store, stdin="review\n")
    assert result.returncode == 0, result.stderr
    assert "Ann" in result.stdout  # the review lists the answer given before
    assert "\x1b[" not in result.stdout + result.stderr


def test_a_dumb_terminal_gets_the_conversation_line_by_line() -> None:
    # TERM=dumb (Emacs's shell, some screen readers' consoles) cannot move the cursor or
    # show colour, but the app drew its screen there in escape sequences all the same.
    pid, terminal = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
        os.execve(
            sys.executable,
            [sys.executable, "-m", "assistant", "--flow", "example", "--no-save"],
            {**env, "TERM": "dumb"},
        )
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    seen = b""
    while b"Press Enter to go on." not in seen:
        ready, _, _ = select.select([terminal], [], [], 30)
        assert ready, seen
        seen += os.read(terminal, 4096)
    os.write(terminal, b"\x04")  # Ctrl-D: the end of input
    try:
        while chunk := os.read(terminal, 4096):
            seen += chunk
    except OSError:  # the program ended and closed the terminal
        pass
    os.waitpid(pid, 0)
    text = seen.decode("utf-8", errors="replace")
    assert "\x1b" not in text, text
    assert "TERM is dumb" in text
    assert "End of input" in text
