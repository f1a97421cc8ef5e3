"""End to end: the installed ``support-plan`` in a real 80x24 tmux pane, typed at with
send-keys and read with capture-pane. Every wait polls the screen until a deadline,
so the test is as fast as the machine allows and never depends on a fixed pause.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

PROGRAM = Path(sys.executable).with_name("support-plan")
DEADLINE = 30.0


class Pane:
    """One tmux pane on a private server, so a developer's own tmux is never touched."""

    def __init__(self, socket: str) -> None:
        self.socket = socket
        self.target = "first"

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return result.stdout

    def start(self, name: str, command: list[str], env: dict[str, str]) -> None:
        """Run ``command`` in a new 80x24 session; later calls talk to this one."""
        self.target = name
        exports = [f"{k}={v}" for k, v in env.items()]
        shell = " ".join(["env", *exports, *command])
        self.tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24", shell)
        self.tmux("set-option", "-t", name, "remain-on-exit", "on")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.target)

    def wait_for(self, text: str) -> str:
        """Poll the screen until ``text`` is on it; fail with the screen if it never is."""
        end = time.monotonic() + DEADLINE
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > end:
                pytest.fail(f"{text!r} never appeared. The screen was:\n{screen}")
            time.sleep(0.05)  # a polling interval, not a wait for something to happen

    def wait_until_gone(self, text: str) -> None:
        """Poll until ``text`` has left the screen."""
        end = time.monotonic() + DEADLINE
        while text in (screen := self.screen()):
            if time.monotonic() > end:
                pytest.fail(f"{text!r} never went. The screen was:\n{screen}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.target, "-l", text)

    def dead(self) -> bool:
        return self.tmux("display", "-p", "-t", self.target, "#{pane_dead}").strip() == "1"


@pytest.fixture
def pane(tmp_path: Path) -> Iterator[Pane]:
    pane = Pane(f"support-plan-e2e-{os.getpid()}")
    yield pane
    subprocess.run(["tmux", "-L", pane.socket, "kill-server"], capture_output=True)


def test_a_saved_conversation_in_a_real_terminal_and_resuming_it(pane: Pane, tmp_path: Path):
    env = {"SUPPORT_PLAN_STORE": str(tmp_path / "store.db"), "TERM": "xterm-256color"}
    pane.start("first", [str(PROGRAM), "--flow", "example", "--save"], env)
    screen = pane.wait_for("Who is completing this?")  # the app first: no terminal prompt
    assert "passphrase" not in screen.lower()
    pane.keys("Enter")  # Myself
    pane.keys("Tab", "Enter")  # Start
    pane.wait_for("Protect your saved answers?")  # first use of a new store, in the app
    pane.keys("Enter")  # No, not shared
    pane.wait_for("This is a short example")
    pane.keys("Enter")
    pane.wait_for("What would you like us to call you?")
    pane.type("Ann")
    pane.keys("Enter")
    pane.wait_for("Who is answering, Ann?")
    pane.keys("1")
    pane.wait_for("How old are you?")
    pane.type("eighty")
    pane.keys("Enter")
    pane.wait_for("That answer did not work")  # said in words, next to the field
    pane.keys("C-u")  # a text box key: it acts once the key has gone round, so wait for it
    pane.wait_until_gone("eighty")
    pane.type("80")
    pane.keys("Enter")
    pane.wait_for("You have a right to a free assessment")
    pane.keys("F1")  # Help now, from anywhere
    pane.wait_for("Samaritans: 116 123")
    pane.keys("Escape")
    pane.wait_for("Press Enter to go on.")
    pane.keys("F4")  # Take a break
    screen = pane.wait_for("Your answers are saved")
    found = re.search(r"resume\s+([A-Z0-9]{3}-[A-Z0-9]{3})", screen)
    assert found, screen
    reference = found.group(1)
    pane.keys("Tab", "Enter")  # Close the assistant: saved, so it closes at once
    end = time.monotonic() + DEADLINE
    while not pane.dead():
        assert time.monotonic() < end, pane.screen()
        time.sleep(0.05)

    pane.start("second", [str(PROGRAM), "resume", reference, "--flow", "example"], env)
    screen = pane.wait_for("Answer: 80")  # the answers so far, with the same step showing
    assert "Answer: Ann" in screen
    assert "You have a right to a free assessment" in screen
