"""A seeded random walk over the JSON-lines front end, as a real program talking to it.

Each walk starts ``support-plan --plain --json`` as a subprocess and sends, one line at a
time, a mix of good answers (so walks get deep into the conversation, up to the cost
step) and hostile input: JSON nested far too deep, integers over 4,300 digits, bytes that
are not UTF-8, lone surrogate escapes, NUL and control characters, over-long lines,
objects of the wrong shape, internal command names, and plain commands. After every line:

- every output line is strict UTF-8 and a JSON object with an ``event``;
- the line got a reply (see ``lockstep.py`` for how "the reply is complete" is known);
- nothing the walker typed as a secret appears in an error, notice or message;
and at the end: no traceback, and the program ends with code 0 when its input ends.

Set FUZZ_SEED to replay one walk, FUZZ_WALKS and FUZZ_STEPS for a longer campaign.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from lockstep import Lockstep, can_watch_input
from support_plan_cli import ROOT

pytestmark = pytest.mark.skipif(not can_watch_input(), reason="needs Linux /proc/PID/wchan")

SEED = int(os.environ.get("FUZZ_SEED", "18"))
WALKS = int(os.environ.get("FUZZ_WALKS", "6"))
STEPS = int(os.environ.get("FUZZ_STEPS", "120"))
#: Events that talk about the input rather than show the conversation.
SAYING = {"error", "notice", "message"}


class Walker:
    """Chooses the next line from what the program last showed."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.step: dict[str, Any] | None = None
        self.secrets: list[str] = []

    def secret(self) -> str:
        """A marker that must never be repeated in an error."""
        marker = f"zq{self.rng.randrange(10**8):08d}x"
        self.secrets.append(marker)
        return marker

    def next_line(self) -> bytes:
        family = self.rng.choices(list(FAMILIES), weights=[w for w, _ in FAMILIES.values()])[0]
        return FAMILIES[family][1](self)

    # -- good answers ----------------------------------------------------------------
    def good(self) -> bytes:
        step = self.step or {}
        kind, choices = step.get("type"), step.get("choices") or []
        rng = self.rng
        if step.get("event") != "step" or step.get("kind") == "say":
            return b""
        if kind == "choice":
            pick = rng.randrange(len(choices))
            return rng.choice(
                [str(pick + 1), choices[pick]["value"], choices[pick]["label"]]
            ).encode()
        if kind == "multi":
            picks = rng.sample(range(1, len(choices) + 1), k=rng.randint(1, min(3, len(choices))))
            return json.dumps({"answer": [str(p) for p in picks]}).encode()
        if kind == "yesno":
            return rng.choice([b"yes", b"no", b"1", b"2", b'{"answer": true}'])
        if kind in ("number", "money"):
            low = step.get("minimum") or 0
            high = step.get("maximum") or 200
            number = rng.randint(int(low), int(high))
            return (str(number) if kind == "number" else f"{number}.50").encode()
        return f"I would like help {self.secret()}".encode()

    # -- hostile input ---------------------------------------------------------------
    def deep(self) -> bytes:
        depth = self.rng.choice([9, 500, 30_000])
        return b'{"answer": ' + b"[" * depth + b"]" * depth + b"}"

    def big_number(self) -> bytes:
        digits = self.rng.choice([4_301, 10_000])
        return b'{"answer": ' + b"9" * digits + b"}"

    def odd_numbers(self) -> bytes:
        return self.rng.choice(
            [b'{"answer": NaN}', b'{"answer": -Infinity}', b'{"answer": 1e400}', b"1e400"]
        )

    def bad_utf8(self) -> bytes:
        junk = bytes(self.rng.choice([0xFF, 0xFE, 0xC3, 0x80, 0xED]) for _ in range(3))
        text = f"Ann {self.secret()} ".encode() + junk
        return self.rng.choice([text, b'{"answer": "' + text + b'"}'])

    def surrogate(self) -> bytes:
        return f'{{"answer": "\\ud800{self.secret()}\\udfff"}}'.encode()

    def control(self) -> bytes:
        return f"{self.secret()}\x00\x1b[2J\x07\r".encode()

    def long_line(self) -> bytes:
        return self.secret().encode() + b"a" * self.rng.choice([5_001, 70_000])

    def wrong_shape(self) -> bytes:
        return self.rng.choice(
            [
                b"{",
                b'{"answer": {"nested": 1}}',
                b'{"answer": [1, [2]]}',
                b'{"nothing": 1}',
                b'{"command": 7}',
                b'{"command": "change", "step": {"a": 1}}',
                b'{"command": "change", "step": 99999999999999999999}',
                b'{"answer": null}',
                f'{{"answer": "{self.secret()}", "answer": 2}}'.encode(),
            ]
        )

    def internal_command(self) -> bytes:
        name = self.rng.choice(["noop", "dont_know", "decline", "help_now", "HELP", "nothing"])
        return json.dumps({"command": name}).encode()

    def command(self) -> bytes:
        return self.rng.choice(
            [
                b"back",
                b"why",
                b"review",
                b"repeat",
                b"change 1",
                b"change 999",
                b"help now",
                b"help",
                b"plan",
                b"save",
                b"don't know",
                b"rather not say",
                b'{"command": "review"}',
                b'{"command": "plan"}',
                b'{"command": "change", "step": "getting_started.where"}',
            ]
        )


FAMILIES: dict[str, tuple[int, Callable[[Walker], bytes]]] = {
    "good": (45, Walker.good),
    "deep": (3, Walker.deep),
    "big_number": (3, Walker.big_number),
    "odd_numbers": (3, Walker.odd_numbers),
    "bad_utf8": (5, Walker.bad_utf8),
    "surrogate": (3, Walker.surrogate),
    "control": (3, Walker.control),
    "long_line": (2, Walker.long_line),
    "wrong_shape": (6, Walker.wrong_shape),
    "internal_command": (4, Walker.internal_command),
    "command": (12, Walker.command),
}


def events_in(reply: bytes, sent: bytes) -> list[dict[str, Any]]:
    """Every line of a reply, checked: strict UTF-8, a JSON object with an event."""
    text = reply.decode("utf-8")  # strict: raises on anything that is not UTF-8
    events = []
    for line in text.splitlines():
        data = json.loads(line)
        assert isinstance(data, dict) and isinstance(data.get("event"), str), (sent[:80], line)
        events.append(data)
    return events


@pytest.mark.parametrize("walk", range(WALKS))
def test_random_walk_over_json_lines(walk: int, tmp_path: Path) -> None:
    rng = random.Random(SEED * 1000 + walk)
    lang = ["en_GB", "cy", "pl"][walk % 3]
    saving = ["--save", "--store", str(tmp_path / "store.sqlite3")] if walk % 2 else ["--no-save"]
    program = Lockstep(
        "--plain", "--json", "--lang", lang, *saving, stderr_path=tmp_path / "stderr"
    )
    walker = Walker(rng)
    said: list[dict[str, Any]] = []
    try:
        for event in events_in(program.first(), b""):
            walker.step = event if event["event"] in ("step", "end") else walker.step
        for _ in range(STEPS):
            line = walker.next_line()
            events = events_in(program.send(line), line)
            assert events or program.ended, f"no reply to {line[:80]!r}"
            if program.ended:
                break
            said += [e for e in events if e["event"] in SAYING]
            for event in events:
                if event["event"] in ("step", "end"):
                    walker.step = event
        code, rest = program.finish()
        events_in(rest, b"<end of input>")
    except BaseException:
        program.kill()
        raise
    stderr = (tmp_path / "stderr").read_text("utf-8", errors="replace")
    assert "Traceback" not in stderr, stderr[-2000:]
    assert code == 0
    for event in said:  # errors never contain answers
        assert not any(secret in event["message"] for secret in walker.secrets), event
    if saving and (tmp_path / "store.sqlite3").exists():
        with sqlite3.connect(tmp_path / "store.sqlite3") as db:
            db.execute("PRAGMA quick_check").fetchall()


#: Hostile lines that never move the conversation, so a persona's script can go on.
def refusable(walker: Walker) -> bytes:
    """A hostile or idle line that is refused or answered without moving on."""
    return walker.rng.choice(
        [
            walker.deep,
            walker.big_number,
            lambda: b'{"answer": NaN}',
            lambda: walker.rng.choice([b"{", b'{"answer": {"a": 1}}', b'{"command": 7}']),
            lambda: json.dumps({"command": walker.rng.choice(["noop", "nothing"])}).encode(),
            lambda: walker.rng.choice([b"why", b"review", b"repeat", b"help now", b"plan"]),
            lambda: b"a" * 70_000,
        ]
    )()


def test_a_persona_with_hostile_lines_between_reaches_the_end(tmp_path: Path) -> None:
    """Priya's golden conversation (to the cost step and its report, then the end), with a
    hostile or idle line after every answer: each is refused without moving her on."""
    golden = yaml.safe_load((ROOT / "transcripts" / "dp_rate_too_low.yaml").read_text("utf-8"))
    rng = random.Random(SEED)
    walker = Walker(rng)
    program = Lockstep("--plain", "--json", "--no-save", stderr_path=tmp_path / "stderr")
    current: dict[str, Any] = {}
    seen: set[str] = set()

    def send(line: bytes) -> None:
        for event in events_in(program.send(line), line):
            seen.add(event["event"])
            seen.update({"report"} if "report" in event else set())
            if event["event"] in ("step", "end"):
                current.update(event)

    try:
        for event in events_in(program.first(), b""):
            current.update(event if event["event"] == "step" else {})
        for turn in golden["turns"]:
            if "answer" in turn:
                send(json.dumps({"answer": turn["answer"]}).encode())
            elif "read_to" in turn:
                for _ in range(50):
                    if current["step"] == turn["read_to"]:
                        break
                    send(b"")
            if "state" in turn or "read_to" in turn:
                assert current["step"] == turn.get("state", turn.get("read_to")), turn
            before = current["step"]
            line = refusable(walker)
            send(line)
            assert current["step"] == before, line
        code, _ = program.finish()
    except BaseException:
        program.kill()
        raise
    assert code == 0 and current["event"] == "end"
    assert {"report", "plan", "error", "help", "review"} <= seen, sorted(seen)
