"""The kill test for the full-screen Textual app, run in tmux so it has a real pty.

Each life starts ``support-plan --flow example --save`` (or ``resume REF``) in its own tmux
session, answers what is on screen by pressing keys, and SIGKILLs the process either
during start-up or a random moment after sending an answer. An answer is acknowledged
when the next step's text was on screen before the kill (tmux keeps a dead pane's last
screen). After each kill the store's events must replay with every acknowledged answer,
and the next life must reopen at exactly the step the saved log says.

    KILLS=20 .venv/bin/python tests/store/store_tui_kill_harness.py
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = ROOT / ".venv" / "bin" / "support-plan"
SOCKET = f"store-kill-{os.getpid()}"
#: The main column's width at the harness's 100 columns (the side panel is to its right).
MAIN_COLUMN = 68
#: The main column's left margin: the step being asked starts one space in; the log of
#: earlier answers above it, three.
MARGIN = " "


def available() -> bool:
    """tmux and the Textual app are both here."""
    return shutil.which("tmux") is not None and (ROOT / "assistant" / "ui" / "app.py").exists()


def tmux(*args: str) -> str:
    result = subprocess.run(
        ["tmux", "-L", SOCKET, "-f", "/dev/null", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    return result.stdout


@dataclass
class Report:
    """Kills made, answers checked, resumed screens checked."""

    kills: int = 0
    answers_checked: int = 0
    resumes_checked: int = 0
    lives: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"Textual kills made: {self.kills}; acknowledged answers checked: "
            f"{self.answers_checked}; resumed screens checked: {self.resumes_checked}; "
            f"lives: {self.lives}; lost: {len(self.failures)}"
        )


class Screens:
    """Recognises which step is on screen from the flow's own texts."""

    def __init__(self) -> None:
        from assistant.flow.loading import load_bundle

        self.bundle = load_bundle(ROOT / "flows" / "example")
        self.texts = {}
        for key, info in self.bundle.steps.items():
            text = getattr(info.step, "text", None)
            if text:
                self.texts[key] = str(text).split("{")[0].strip()[:40]

    def step_on(self, screen: str) -> str | None:
        """The step being asked: the one whose text starts a line at the main column's margin.

        The log of earlier answers above it is indented, so it is never read as the step
        asked. A capture can catch a frame half drawn, such as a resumed screen whose log
        is drawn but not yet the question under it. Reading the lowest text on screen, as
        this once did, took an earlier question in the log for the step asked: the harness
        typed that question's answer into the real one, then reported the earlier answer
        lost. If a half-drawn frame still shows the step before, the lower one counts
        (``wait_for`` waits past it).
        """
        found: dict[str, int] = {}
        for row, line in enumerate(screen.splitlines()):
            for key, text in self.texts.items():  # texts are stripped: an indent never matches
                if line[:MAIN_COLUMN].startswith(f"{MARGIN}{text}"):
                    found[key] = row
        return max(found, key=lambda k: (found[k], len(self.texts[k]))) if found else None

    def kind(self, key: str) -> tuple[str, Any]:
        step = self.bundle.steps[key].step
        return type(step).__name__.lower(), step


def keys_for(key: str, screens: Screens, rng: random.Random) -> tuple[list[str], Any]:
    """Keys that answer the step, and the value the engine should then hold (None: no answer)."""
    kind, step = screens.kind(key)
    if kind != "ask":
        return ["Enter"], None
    answer_type = step.type
    if answer_type == "text":
        token = f"Tui{rng.randrange(10**6):06d}"
        return ["-l", token, "Enter"], token
    if answer_type == "number":
        number = rng.randint(int(step.min or 0), int(step.max or 100))
        return ["-l", str(number), "Enter"], number
    if answer_type == "money":
        amount = Decimal(rng.randrange(0, 100_000)) / 100
        return ["-l", f"{amount:.2f}", "Enter"], amount.quantize(Decimal("0.01"))
    if answer_type == "multi":
        return ["Space", "Enter"], (step.choices[0].value,)
    if answer_type == "yesno":
        return ["Enter"], True
    return ["Enter"], step.choices[0].value  # choice: the highlighted first option


class Life:
    """One run of the app in its own tmux session."""

    def __init__(self, store: Path, reference: str | None, name: str) -> None:
        self.name, self.store = name, store
        args = [str(PROGRAM)]
        args += ["resume", reference] if reference else ["--save"]
        args += ["--flow", "example", "--store", str(store)]
        command = "exec " + " ".join(args)
        tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "35", command, ";",
             "set-option", "-t", name, "remain-on-exit", "on")  # fmt: skip
        pid = tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip()
        if not pid.isdigit() or int(pid) <= 1:  # never signal a process group or init
            raise AssertionError(f"tmux did not start the app (pane pid {pid!r})")
        self.pid = int(pid)

    def screen(self) -> str:
        return tmux("capture-pane", "-p", "-t", self.name)

    def send(self, keys: list[str]) -> None:
        if keys[:1] == ["-l"]:
            tmux("send-keys", "-t", self.name, "-l", keys[1])
            keys = keys[2:]
        if keys:
            tmux("send-keys", "-t", self.name, *keys)

    def wait_for(self, screens: Screens, not_step: str | None, timeout: float = 60) -> str | None:
        """The step on screen once it differs from ``not_step``; None if none came in time."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            step = screens.step_on(self.screen())
            if step is not None and step != not_step:
                return step
            if self.dead():
                return None
            time.sleep(0.02)
        return None

    def dead(self) -> bool:
        return tmux("display-message", "-p", "-t", self.name, "#{pane_dead}").strip() == "1"

    def kill(self) -> bool:
        assert self.pid > 1
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            return False
        deadline = time.monotonic() + 10
        while not self.dead() and time.monotonic() < deadline:
            time.sleep(0.01)
        return True

    def close(self) -> None:
        tmux("kill-session", "-t", self.name)


@dataclass
class State:
    """What the harness knows about the conversation in progress."""

    reference: str | None = None
    acknowledged: dict[str, Any] = field(default_factory=dict)
    pending: tuple[str, Any] | None = None
    expected_step: str | None = None
    known: set[str] = field(default_factory=set)


def _references(store: Path) -> set[str]:
    from assistant.store import open_store

    with open_store(store) as opened:
        return {c.reference for c in opened.conversations()}


def _begin(life: Life, screens: Screens, state: State, report: Report) -> str | None:
    """Get to the first step: through the start screen when new; check the resumed step."""
    if state.reference is None:
        deadline = time.monotonic() + 60  # generous: the machine may be busy with other tests
        while "Who is completing this?" not in life.screen():
            if time.monotonic() > deadline or life.dead():
                return None
            time.sleep(0.02)
        life.send(["Tab", "Tab", "Enter"])
    current = life.wait_for(screens, None)
    if current is None:
        return None
    if state.reference is None:
        new = _references(life.store) - state.known
        state.known |= new
        state.reference = new.pop() if len(new) == 1 else None
    elif state.expected_step is not None:
        report.resumes_checked += 1
        if current != state.expected_step:
            report.failures.append(
                f"{state.reference}: resumed at {current}, the log says {state.expected_step}"
            )
    return current


def _play(life: Life, screens: Screens, state: State, rng: random.Random, report: Report) -> bool:
    """Answer until the chosen kill; True if a running process was killed."""
    if rng.random() < 0.25:
        time.sleep(rng.uniform(0, 2.5))
        return life.kill()
    current = _begin(life, screens, state, report)
    kill_after, sent = rng.randrange(1, 8), 0
    while current is not None and screens.kind(current)[0] != "end":
        keys, value = keys_for(current, screens, rng)
        state.pending = (current, value) if value is not None else None
        life.send(keys)
        sent += 1
        if sent >= kill_after:
            time.sleep(rng.uniform(0, 0.15))
            killed = life.kill()
            if screens.step_on(life.screen()) not in (current, None):
                _acknowledge(state)
            return killed
        following = life.wait_for(screens, current)
        if following is None:
            report.failures.append(f"{state.reference}: the app stopped after {current}")
            break
        _acknowledge(state)
        current = following
    return life.kill()


def _acknowledge(state: State) -> None:
    if state.pending is not None:
        state.acknowledged[state.pending[0]] = state.pending[1]
    state.pending = None


def check(store: Path, screens: Screens, state: State, report: Report) -> None:
    """Every acknowledged answer replays from the store; remember where resuming must open."""
    from assistant.engine.session import Session
    from assistant.store import open_store

    if state.reference is None:
        return
    with open_store(store) as opened:
        events = opened.events(state.reference)
    try:
        session = Session.replay(screens.bundle, events)
    except Exception as error:  # noqa: BLE001 - any failure to resume is a loss
        report.failures.append(f"{state.reference}: the saved log cannot be resumed: {error}")
        return
    for step, value in state.acknowledged.items():
        report.answers_checked += 1
        if session.answers.get(step) != value:
            report.failures.append(f"{state.reference} {step}: acknowledged answer lost")
    if state.pending is not None and state.pending[0] in session.answers:
        state.acknowledged[state.pending[0]] = session.answers[state.pending[0]]
    state.pending = None
    state.expected_step = session.current if events else None
    if session.ended:
        state.reference, state.acknowledged, state.expected_step = None, {}, None
    session.close()


def run_kills(kills: int, store: Path, seed: int = 11) -> Report:
    """Kill the app ``kills`` times, checking the store after each kill."""
    from assistant.store import open_store

    rng, report, screens = random.Random(seed), Report(), Screens()
    with open_store(store) as opened:  # an existing conversation: no passphrase question
        opened.create(bundle="other", locale="en_GB", mode="plain")
    state = State(known=_references(store))
    tmux("start-server", ";", "set-option", "-g", "exit-empty", "off")  # one server throughout
    try:
        while report.kills < kills:
            report.lives += 1
            life = Life(store, state.reference, f"life{report.lives}")
            try:
                killed = _play(life, screens, state, rng, report)
            finally:
                life.close()
            state.known |= _references(store)
            if killed:
                report.kills += 1
                check(store, screens, state, report)
    finally:
        tmux("kill-server")
        folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (folder / SOCKET).unlink(missing_ok=True)
    return report


if __name__ == "__main__":
    import tempfile

    if not available():
        raise SystemExit("needs tmux and assistant/ui/app.py")
    with tempfile.TemporaryDirectory() as folder:
        result = run_kills(int(os.environ.get("KILLS", "20")), Path(folder) / "tui.sqlite3")
    print(result.line())
    for failure in result.failures:
        print("LOST:", failure)
    raise SystemExit(1 if result.failures else 0)
