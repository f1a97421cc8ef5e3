"""Kill the line front end with SIGKILL at random moments and prove no acknowledged answer is lost.

Each "life" runs ``support-plan --plain --json --flow example`` (starting a conversation,
or resuming the one in progress), answers questions with random values, and is killed
either while starting up or a random few milliseconds after one of its answers was sent,
which lands before, during or after that answer's commit. Whatever the process printed
before it died counts as shown on screen: an answer followed by the next screen was
acknowledged and must survive.

After every kill the harness checks twice: the store's events replay to a session
holding every acknowledged answer with the value typed, and the next life's resumed
``review`` shows each of them. Run directly for the full count::

    KILLS=200 .venv/bin/python tests/store/store_kill_harness.py
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = [sys.executable, "-m", "assistant"]
FLOW = "example"


@dataclass
class Report:
    """What the harness did: kills made, answers checked, conversations walked."""

    kills: int = 0
    answers_checked: int = 0
    shown_checked: int = 0
    lives: int = 0
    conversations: int = 0
    finished: int = 0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"kills made: {self.kills}; acknowledged answers checked in the store: "
            f"{self.answers_checked}; checked on the resumed review screen: "
            f"{self.shown_checked}; lives: {self.lives}; conversations: "
            f"{self.conversations} ({self.finished} finished); lost: {len(self.failures)}"
        )


@dataclass
class Expected:
    """An answer the harness typed: the value the engine should hold and its display text."""

    step: str
    value: Any
    shown: str


@dataclass
class Life:
    """One process run. ``acknowledged`` answers were followed by their next screen."""

    reference: str | None
    acknowledged: dict[str, Expected] = field(default_factory=dict)
    pending: Expected | None = None
    review: list[dict[str, Any]] | None = None
    ended: bool = False
    killed: bool = False
    exit_code: int | None = None


def choose_answer(step: dict[str, Any], rng: random.Random) -> tuple[str, Expected | None]:
    """A random valid answer for a step event, and what it should read back as."""
    kind, key = step.get("type"), step["step"]
    choices = step.get("choices") or []
    if step["kind"] == "say":
        return "", None
    if kind == "text":
        token = f"Name{rng.randrange(10**6):06d}"
        return token, Expected(key, token, token)
    if kind == "choice":
        index = rng.randrange(len(choices))
        return str(index + 1), Expected(key, choices[index]["value"], choices[index]["label"])
    if kind == "multi":
        picked = sorted(rng.sample(range(len(choices)), rng.randint(1, len(choices))))
        values = tuple(choices[i]["value"] for i in picked)
        labels = [choices[i]["label"] for i in picked]
        return ", ".join(str(i + 1) for i in picked), Expected(key, values, _list(labels))
    if kind == "yesno":
        yes = rng.random() < 0.5
        return ("yes" if yes else "no"), Expected(key, yes, "Yes" if yes else "No")
    if kind == "number":
        low, high = step.get("minimum") or 0, step.get("maximum") or 1000
        number = rng.randint(int(low), int(high))
        return str(number), Expected(key, number, str(number))
    if kind == "money":
        pence = rng.randrange(0, 100_000)
        amount = Decimal(pence) / 100
        return f"{amount:.2f}", Expected(key, amount.quantize(Decimal("0.01")), f"£{amount:,.2f}")
    raise AssertionError(f"the harness cannot answer a {kind!r} question")


def _list(labels: list[str]) -> str:
    from assistant.i18n import translator_for

    return translator_for("en_GB").list(labels)


class Runner:
    """Drives one process: reads its JSON lines in a thread, feeds answers, kills on cue."""

    def __init__(self, store: Path, life: Life, rng: random.Random) -> None:
        args = ["--plain", "--json", "--flow", FLOW, "--store", str(store)]
        if life.reference:
            args = ["resume", life.reference, *args]
        else:
            args.append("--save")
        self.proc = subprocess.Popen(
            [*PROGRAM, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            text=True,
            bufsize=1,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.life, self.rng = life, rng
        self.lines: list[dict[str, Any]] = []
        self.arrived = threading.Condition()
        self.done = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            if raw.endswith("\n"):  # only complete lines were shown on screen
                with self.arrived:
                    self.lines.append(json.loads(raw))
                    self.arrived.notify_all()
        with self.arrived:
            self.done = True
            self.arrived.notify_all()

    def next_line(self, index: int, timeout: float = 30) -> dict[str, Any] | None:
        """Line number ``index`` once printed; None if the process ended first."""
        deadline = time.monotonic() + timeout
        with self.arrived:
            while len(self.lines) <= index and not self.done:
                if not self.arrived.wait(max(0.0, deadline - time.monotonic())):
                    raise AssertionError("the assistant stopped answering")
            return self.lines[index] if index < len(self.lines) else None

    def send(self, text: str) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(text + "\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass

    def kill(self) -> bool:
        """SIGKILL now; True if the process was still running to be killed."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        return self.proc.returncode == -signal.SIGKILL

    def close(self) -> None:
        """Wait for the reader to reach the end, then close both pipes."""
        self.next_line(10**9)
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass

    def finish(self) -> None:
        """Close input (end of input saves and exits) and wait for the reader."""
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
        except OSError:
            pass
        self.proc.wait(timeout=30)


def live(store: Path, life: Life, rng: random.Random) -> Life:
    """Run one process until it is killed or reaches the end of the conversation."""
    runner = Runner(store, life, rng)
    timer = None
    kill_after = rng.randrange(1, 9)
    if rng.random() < 0.3:  # somewhere in start-up or the first answers
        kill_after = 10**6
        timer = threading.Timer(rng.uniform(0, 0.9), runner.kill)
        timer.start()
    sent, step = _opening(runner, life)
    index = len(runner.lines)
    while step is not None and not runner.done:
        index = len(runner.lines)
        if step["event"] == "end":
            life.ended = True
            break
        raw, expected = choose_answer(step, rng)
        life.pending = expected
        runner.send(raw)
        sent += 1
        if sent >= kill_after:
            time.sleep(rng.uniform(0, 0.005))
            runner.kill()
            break
        step = _screen_after(runner, index)
        if step is not None:
            _acknowledge(life)
    if timer is not None:
        timer.cancel()
    if runner.proc.poll() is None:
        runner.finish()
    life.killed = runner.proc.returncode == -signal.SIGKILL
    life.exit_code = runner.proc.returncode
    runner.close()
    _settle(runner, life, index)
    return life


def _opening(runner: Runner, life: Life) -> tuple[int, dict[str, Any] | None]:
    """Read the reference (new) or the resumed step and its review: (answers sent, step)."""
    if life.reference is None:
        first = runner.next_line(0)
        if first is None or first["event"] != "saving":
            return 0, first
        life.reference = first["reference"]
        return 0, _screen_after(runner, 1)
    step = _screen_after(runner, 0)
    if step is None:
        return 0, None
    index = len(runner.lines)
    runner.send(json.dumps({"command": "review"}))
    review = runner.next_line(index)
    if review is not None:
        life.review = review.get("answers", [])
    return 1, step


def _screen_after(runner: Runner, index: int) -> dict[str, Any] | None:
    """The next step or end line at or after ``index``; an error line is a harness bug."""
    while True:
        line = runner.next_line(index)
        if line is None or line["event"] in ("step", "end"):
            return line
        if line["event"] == "error":
            raise AssertionError(f"the harness typed an answer that was refused: {line}")
        index += 1


def _acknowledge(life: Life) -> None:
    if life.pending is not None:
        life.acknowledged[life.pending.step] = life.pending
    life.pending = None


def _settle(runner: Runner, life: Life, index: int) -> None:
    """After the process is gone, a screen printed after the last answer acknowledges it."""
    if life.pending is not None and any(
        line["event"] in ("step", "end") for line in runner.lines[index:]
    ):
        _acknowledge(life)
    if any(line["event"] == "end" for line in runner.lines[index:]):
        life.ended = True


def check_store(store: Path, life: Life, report: Report) -> None:
    """Every acknowledged answer is in the store, with the value that was typed."""
    from assistant.engine.session import Session
    from assistant.flow.loading import load_bundle
    from assistant.store import open_store

    if life.reference is None:
        return
    with open_store(store) as opened:
        if opened.damaged:
            report.failures.append(f"store damaged after a kill: {opened.damaged}")
            return
        events = opened.events(life.reference)
    try:
        session = Session.replay(load_bundle(ROOT / "flows" / FLOW), events)
    except Exception as error:  # noqa: BLE001 - any failure to resume is a lost conversation
        report.failures.append(f"{life.reference}: the saved log cannot be resumed: {error}")
        return
    for step, expected in life.acknowledged.items():
        report.answers_checked += 1
        if session.answers.get(step) != expected.value:
            report.failures.append(f"{life.reference} {step}: acknowledged answer lost")
    pending = life.pending
    if pending is not None and pending.step in session.answers:
        if session.answers[pending.step] != pending.value:
            report.failures.append(f"{life.reference} {pending.step}: stored a different value")
        life.acknowledged[pending.step] = pending  # it is saved, so resuming must show it
    life.pending = None
    session.close()


def check_review(life: Life, report: Report) -> None:
    """The resumed conversation's review shows every answer acknowledged before the kill."""
    if life.review is None:
        return
    shown = {item["step"]: item["answer"] for item in life.review}
    for step, expected in life.acknowledged.items():
        report.shown_checked += 1
        if shown.get(step) != expected.shown:
            report.failures.append(
                f"{life.reference} {step}: review showed {shown.get(step)!r}, "
                f"expected {expected.shown!r}"
            )


def run_kills(kills: int, store: Path, seed: int = 7) -> Report:
    """Kill, resume and check until ``kills`` kills have been made."""
    rng, report = random.Random(seed), Report()
    life = Life(None)
    while report.kills < kills:
        if life.reference is None:
            report.conversations += 1
        before = dict(life.acknowledged)
        life = live(store, Life(life.reference, dict(before)), rng)
        report.lives += 1
        if not life.killed and life.exit_code != 0:
            report.failures.append(f"{life.reference}: exited with {life.exit_code} on its own")
        check_review(Life(life.reference, before, review=life.review), report)
        if life.killed:
            report.kills += 1
            check_store(store, life, report)
        if life.ended or life.reference is None:
            report.finished += int(life.ended)
            life = Life(None)
    return report


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        result = run_kills(int(os.environ.get("KILLS", "200")), Path(folder) / "kill.sqlite3")
    print(result.line())
    for failure in result.failures:
        print("LOST:", failure)
    raise SystemExit(1 if result.failures else 0)
