"""Run a program on a real pseudo-terminal (80×24) and time it until some text is on screen.

The program gets a pty as stdin, stdout and stderr in a session of its own, as it would
in a terminal window. Its output is read as it comes, escape sequences are dropped, and
the clock stops when the wanted text has appeared (spaces are ignored, because a
full-screen app may move the cursor instead of writing a space). Nothing answers the
terminal queries an app may send, as with the baselines in shared/design/perf-baselines.md.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass

COLUMNS, ROWS = 80, 24
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, colours
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"  # DCS and friends
    rb"|\x1b[@-Z\\-_]|\x1b[()][0-9A-Za-z]"  # two-byte escapes, charset selection
)
_SPACE = re.compile(rb"\s+")


class NotSeen(RuntimeError):
    """The text never appeared; carries the end of what was on the terminal."""


def screen_text(raw: bytes) -> bytes:
    """What was written, without escape sequences or any white space."""
    return _SPACE.sub(b"", _ESCAPES.sub(b"", raw))


@dataclass
class Terminal:
    """A program running on a pty; :meth:`wait_for` reads until text appears."""

    process: subprocess.Popen[bytes]
    master: int
    started: float
    output: bytearray

    @classmethod
    def start(
        cls,
        argv: Sequence[str],
        env: dict[str, str],
        cwd: str | None = None,
        pass_fds: Sequence[int] = (),
    ) -> Terminal:
        """Start ``argv`` on a fresh 80×24 pty; the clock starts just before the fork."""
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        started = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and scripts
            list(argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
            close_fds=True,
            pass_fds=tuple(pass_fds),
        )
        os.close(slave)
        return cls(process, master, started, bytearray())

    def read(self, timeout: float) -> bool:
        """Read whatever is waiting (up to ``timeout`` s); False once the program has gone."""
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return False
        self.output.extend(chunk)
        return bool(chunk)

    def wait_for(self, text: str, timeout: float = 30.0, since: int = 0) -> float:
        """Seconds from the start until ``text`` is on screen (output after ``since`` bytes)."""
        wanted = screen_text(text.encode())
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if wanted in screen_text(bytes(self.output[since:])):
                return time.perf_counter() - self.started
            if not self.read(0.5):
                break
        tail = _ESCAPES.sub(b"", bytes(self.output[-600:])).decode(errors="replace")
        raise NotSeen(f"{text!r} did not appear; the terminal ended with: {tail!r}")

    def write(self, data: str) -> None:
        """Type ``data`` as a person would."""
        os.write(self.master, data.encode())

    def drain(self) -> None:
        """Read everything waiting, without blocking, so the program never stalls writing."""
        while self.read(0):
            ready, _, _ = select.select([self.master], [], [], 0)
            if not ready:
                return

    def stop(self) -> None:
        """End the program (and anything it started) and close the terminal."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        os.close(self.master)


def time_to_text(
    argv: Sequence[str], text: str, env: dict[str, str], cwd: str | None = None
) -> float:
    """Seconds from starting ``argv`` on a pty until ``text`` is on its screen."""
    terminal = Terminal.start(argv, env, cwd)
    try:
        return terminal.wait_for(text)
    finally:
        terminal.stop()
