"""Talk to ``support-plan --plain --json`` one line at a time, as a real program would.

Each reply is everything the program writes after one input line, up to the moment it is
waiting to read the next one. That moment is known exactly, without sleeping: on Linux
the kernel says (in ``/proc/PID/wchan``) when a process is asleep reading an empty pipe,
and the only pipe this one reads is its standard input. So a line that gets no reply at
all is caught, and replies are never mixed up with the next input's.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

from support_plan_cli import ROOT

#: How long one reply may take before the test fails (a hang is a failure, not a wait).
REPLY_TIMEOUT = 30.0


def can_watch_input() -> bool:
    """True where the kernel shows what a process is waiting in (Linux /proc)."""
    return Path(f"/proc/{os.getpid()}/wchan").exists()


class Lockstep:
    """A ``support-plan`` subprocess with its standard input and output as raw pipes."""

    def __init__(self, *args: str, stderr_path: Path, env: dict[str, str] | None = None) -> None:
        self.stderr_file = stderr_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "assistant", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr_file,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._in = self.process.stdin.fileno()
        self._out = self.process.stdout.fileno()
        os.set_blocking(self._in, False)
        self.ended = False

    def first(self) -> bytes:
        """What the program says before the first input."""
        return self._collect(b"")

    def send(self, line: bytes) -> bytes:
        """Send one line (``line`` without its newline); everything said in reply."""
        return self._collect(line + b"\n")

    def finish(self) -> tuple[int, bytes]:
        """Close standard input (end of input); the exit code and the last words."""
        assert self.process.stdin is not None
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass
        rest = b""
        deadline = time.monotonic() + REPLY_TIMEOUT
        while chunk := self._read(deadline):
            rest += chunk
        code = self.process.wait(timeout=REPLY_TIMEOUT)
        self._close()
        return code, rest

    def kill(self) -> None:
        """Stop the program if a test failed half way (never leave it running)."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._close()

    def _close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout, self.stderr_file):
            if stream is not None and not stream.closed:
                try:
                    stream.close()
                except BrokenPipeError:
                    pass

    def _collect(self, pending: bytes) -> bytes:
        reply = b""
        deadline = time.monotonic() + REPLY_TIMEOUT
        while True:
            writing = [self._in] if pending else []
            readable, writable, _ = select.select([self._out], writing, [], 0.005)
            if writable:
                try:
                    pending = pending[os.write(self._in, pending) :]
                except BrokenPipeError:  # it stopped reading (quit): the reply is complete
                    pending = b""
            if readable:
                chunk = os.read(self._out, 65536)
                if not chunk:
                    self.ended = True
                    return reply
                reply += chunk
                continue
            if not pending and self._waiting_for_input():
                if not select.select([self._out], [], [], 0)[0]:
                    return reply
            if time.monotonic() > deadline:
                raise AssertionError(f"no end to the reply within {REPLY_TIMEOUT} s: {reply!r}")

    def _read(self, deadline: float) -> bytes:
        while time.monotonic() < deadline:
            if select.select([self._out], [], [], 0.05)[0]:
                return os.read(self._out, 65536)
        raise AssertionError("the program did not end after its input was closed")

    def _waiting_for_input(self) -> bool:
        """True when the program is asleep reading its (empty) standard input."""
        if self.process.poll() is not None:
            return True
        try:
            wchan = Path(f"/proc/{self.process.pid}/wchan").read_text()
            state = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return False
        return state[0] == "S" and wchan.endswith("pipe_read")
