"""``sessions import`` reads lines from outside: each hostile one is refused by line
number, kindly and without repeating what it holds, and the good ones still arrive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from store_helpers import ANSWERS, SECRET_NAME, walk
from support_plan_cli import support_plan

from assistant.flow.bundle import Bundle
from assistant.store import open_store
from assistant.store.transfer import BadLine, export_lines, from_line

pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory, example: Bundle) -> dict[str, Any]:
    """One real exported conversation (its answers hold SECRET_NAME), as a dict."""
    location = str(tmp_path_factory.mktemp("good") / "good.sqlite3")
    with open_store(location) as store:
        walk(store, example, ANSWERS)
        [line] = export_lines(store)
    record: dict[str, Any] = json.loads(line)
    return record


def _with(good: dict[str, Any], **changes: Any) -> str:
    return json.dumps({**good, **changes})


def _first_event(good: dict[str, Any], **changes: Any) -> str:
    events = [{**good["events"][0], **changes}, *good["events"][1:]]
    return _with(good, events=events)


HOSTILE: dict[str, Any] = {
    "integer too long": lambda g: '{"format": "support-plan-case/1", "seq": ' + "1" * 5000 + "}",
    "nested too deep": lambda g: "[" * 100_000 + "]" * 100_000,
    "step is an object": lambda g: _first_event(g, step={"a": 1}),
    "step is a list": lambda g: _first_event(g, step=["a"]),
    "kind is a list": lambda g: _first_event(g, kind=["started"]),
    "kind unknown": lambda g: _first_event(g, kind="format_disk"),
    "seq is text": lambda g: _first_event(g, seq=f"My name is {SECRET_NAME}"),
    "seq is true": lambda g: _first_event(g, seq=True),
    "seq is a fraction": lambda g: _first_event(g, seq=1.5),
    "at is a number": lambda g: _first_event(g, at=12),
    "at is not a time": lambda g: _first_event(g, at="# Heading\x1b[2J"),
    "event is null": lambda g: _with(g, events=[None]),
    "events is text": lambda g: _with(g, events="events"),
    "reference is a path": lambda g: _with(g, reference="../../etc/passwd"),
    "reference is huge": lambda g: _with(g, reference="X" * 100_000),
    "reference is a number": lambda g: _with(g, reference=12345),
    "created is not a time": lambda g: _with(g, created="yesterday"),
    "created is 31 February": lambda g: _with(g, created="2026-02-31T10:00:00+00:00"),
    "advisers is text": lambda g: _with(g, advisers="eve"),
    "advisers holds objects": lambda g: _with(g, advisers=[{"name": "eve"}]),
    "lone surrogate": lambda g: _with(g, label="\ud800"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_line_is_refused_without_repeating_it(name: str, good: dict[str, Any]) -> None:
    with pytest.raises(BadLine) as refused:
        from_line(HOSTILE[name](good))
    assert SECRET_NAME not in refused.value.message and "Mary" not in refused.value.message
    assert "{" not in refused.value.message  # every placeholder filled


def test_the_good_line_itself_is_read(good: dict[str, Any]) -> None:
    case = from_line(json.dumps(good))
    assert case.reference == good["reference"] and len(case.events) == len(good["events"])


def test_bytes_that_are_not_utf8_are_refused(good: dict[str, Any]) -> None:
    with pytest.raises(BadLine) as refused:
        from_line(_with(good, label="LABEL").encode().replace(b"LABEL", b"LA\xffBEL"))
    assert "UTF-8" in refused.value.message


def test_a_file_of_hostile_lines_imports_only_the_good_one(
    tmp_path: Path, good: dict[str, Any]
) -> None:
    hostile = [HOSTILE[name](good).encode() for name in HOSTILE]
    bad_bytes = _with(good, label="LABEL").encode().replace(b"LABEL", b"LA\xffBEL")
    lines = [b"\xef\xbb\xbf" + json.dumps(good).encode(), *hostile, bad_bytes]
    source = tmp_path / "cases.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    done = support_plan("sessions", "import", str(source), "--store", str(tmp_path / "s.db"))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "Imported 1 conversation" in done.stdout
    for number in range(2, len(lines) + 1):
        assert f"line {number} was not imported" in done.stderr
    assert SECRET_NAME not in done.stderr


def test_refusals_are_in_the_chosen_language(tmp_path: Path) -> None:
    done = support_plan(
        "sessions", "import", "--lang", "cy", "--store", str(tmp_path / "s.db"), stdin="nid json\n"
    )
    assert done.returncode == 1 and "JSON" in done.stderr
    assert "it is not JSON" not in done.stderr and "Traceback" not in done.stderr
