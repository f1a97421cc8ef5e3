"""``sessions export --all`` and ``sessions import`` move cases between SQLite and
PostgreSQL without losing anything: the same answers, plan and transcript after replaying.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import ANSWERS, SECRET_NAME, walk
from support_plan_cli import ROOT, support_plan

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.store import open_store
from assistant.store.transfer import BadLine, from_line

pytestmark = pytest.mark.timeout(240)


def _cases(location: str, example: Bundle) -> list[str]:
    """Four cases: finished and labelled, part-way, changed after going back, with a note."""
    with open_store(location) as store:
        finished = walk(store, example, ANSWERS)
        store.set_label(finished, "Mum's plan")
        part = walk(store, example, ANSWERS[:4], name="Second Person")
        back = store.create(bundle="example", locale="cy", mode="json")
        session = Session(example, on_event=lambda e: store.append(back, e))
        session.start()
        session.answer("")
        session.answer("Ann")
        session.back()
        session.answer("Annie Ŵ")
        session.record("note", {"text": "call back", "at": "2026-11-22T10:00:00+00:00"})
        return [finished, part, back]


def _outputs(location: str, reference: str) -> tuple[str, str]:
    plan = support_plan("export", reference, "--store", location, "--date", "2026-11-22")
    transcript = support_plan(
        "export", reference, "--store", location, "--transcript", "--format", "json"
    )
    assert plan.returncode == 0 and transcript.returncode == 0, plan.stderr + transcript.stderr
    return plan.stdout, transcript.stdout


def _move(source: str, target: str) -> list[str]:
    exported = support_plan("sessions", "export", "--all", "--store", source)
    assert exported.returncode == 0, exported.stderr
    assert "plain text" in exported.stderr
    imported = support_plan("sessions", "import", "--store", target, stdin=exported.stdout)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 3 conversations" in imported.stdout
    return exported.stdout.splitlines()


def test_cases_move_from_sqlite_to_postgresql_and_back_unchanged(
    tmp_path: Path, pg_url: str, example: Bundle
) -> None:
    sqlite = str(tmp_path / "first.sqlite3")
    references = _cases(sqlite, example)
    before = {r: _outputs(sqlite, r) for r in references}
    with open_store(sqlite) as store:
        summaries = {s.reference: s for s in store.conversations()}
        events = {r: store.events(r) for r in references}

    _move(sqlite, pg_url)
    back_again = str(tmp_path / "again.sqlite3")
    lines = _move(pg_url, back_again)

    for location in (pg_url, back_again):
        with open_store(location) as store:
            for reference in references:
                assert store.events(reference) == events[reference]
                replayed = Session.replay(example, store.events(reference))
                original = Session.replay(example, events[reference])
                assert replayed.answers == original.answers
                assert replayed.current == original.current
                summary = store.summary(reference)
                assert summary is not None
                for name in (
                    "label",
                    "bundle",
                    "locale",
                    "mode",
                    "created",
                    "answered",
                    "finished",
                ):
                    assert getattr(summary, name) == getattr(summaries[reference], name), name
        for reference in references:
            assert _outputs(location, reference) == before[reference]
    advisers = [json.loads(line).get("advisers") for line in lines]
    assert all(a and set(a) == {"test-adviser"} for a in advisers)  # kept from PostgreSQL


def test_importing_twice_changes_nothing_and_says_so(tmp_path: Path, example: Bundle) -> None:
    first, second = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    _cases(first, example)
    exported = support_plan("sessions", "export", "--all", "--store", first).stdout
    assert support_plan("sessions", "import", "--store", second, stdin=exported).returncode == 0
    again = support_plan("sessions", "import", "--store", second, stdin=exported)
    assert again.returncode == 1
    assert again.stderr.count("already in") == 3 and "Traceback" not in again.stderr
    assert SECRET_NAME not in again.stderr


def test_a_bad_line_is_named_and_the_rest_imported(tmp_path: Path, example: Bundle) -> None:
    first, second = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    _cases(first, example)
    lines = support_plan("sessions", "export", "--all", "--store", first).stdout.splitlines()
    lines.insert(1, '{"format": "something else"}')
    done = support_plan("sessions", "import", "--store", second, stdin="\n".join(lines))
    assert done.returncode == 1
    assert "line 2 was not imported" in done.stderr
    assert "Imported 3 conversations" in done.stdout


def _case_answering(value: object) -> str:
    """One case's line whose only answer is ``value``, as the log would hold it."""
    event = {"seq": 1, "kind": "answered", "at": "2026-11-22T10:00:00+00:00"}
    return json.dumps(
        {
            "format": "support-plan-case/1",
            **dict.fromkeys(("bundle", "locale", "mode"), "x"),
            "reference": "K7P-2QM",  # a good one, so only the answer is wrong
            "created": "2026-11-22T10:00:00+00:00",
            "events": [{**event, "step": "welcome.name", "value": value}],
        }
    )


@pytest.mark.parametrize(
    "line",
    [
        "not json",
        '{"format": "support-plan-case/1"}',
        '{"format": "support-plan-case/1", "reference": "A", "bundle": "b", "locale": "en",'
        ' "mode": "plain", "created": "x", "events": [{"seq": 2, "kind": "started"}]}',
        # Each of these ended in a traceback (RecursionError, Python's limit on long
        # integers), or was imported and then stopped its resuming.
        "[" * 100_000 + "]" * 100_000,
        '{"format": "support-plan-case/1", "n": ' + "9" * 5000 + "}",
        _case_answering({"money": "abc"}),
        _case_answering({"special": "maybe"}),
        _case_answering({"tool": "rm"}),
    ],
    ids=["text", "no-fields", "misnumbered", "deep", "long-integer", "money", "special", "object"],
)
def test_lines_that_are_not_cases_are_refused(line: str) -> None:
    with pytest.raises(BadLine):
        from_line(line)


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_a_line_that_is_not_utf8_is_named_not_a_traceback(
    how: str, tmp_path: Path, example: Bundle
) -> None:
    # A byte that is not UTF-8 ended the import in a UnicodeDecodeError (from a file) or,
    # inside a JSON string from standard input, a UnicodeEncodeError while saving it.
    first, second = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    _cases(first, example)
    exported = support_plan("sessions", "export", "--all", "--store", first).stdout.encode()
    lines = sorted(exported.splitlines(), key=lambda line: b"Mum's plan" not in line)
    lines[0] = lines[0].replace(b"Mum's plan", b"Mum\xff\xfe", 1)  # the labelled case first
    data = b"\n".join(lines) + b"\n"
    args = [sys.executable, "-m", "assistant", "sessions", "import"]
    if how == "file":
        (tmp_path / "cases.jsonl").write_bytes(data)
        args.append(str(tmp_path / "cases.jsonl"))
    args += ["--store", second]
    done = subprocess.run(
        args,
        input=data if how == "stdin" else None,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
        timeout=60,
        check=False,
    )
    stderr = done.stderr.decode()
    assert "Traceback" not in stderr, stderr
    assert "line 1 was not imported: it is not UTF-8 text" in stderr
    assert "Imported 2 conversations" in done.stdout.decode()
    assert done.returncode == 1


def test_a_line_longer_than_the_limit_is_refused_without_reading_it_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assistant.store import transfer

    monkeypatch.setattr(transfer, "MAX_LINE", 10)
    lines = list(transfer.bounded_lines(io.BytesIO(b"short\n" + b"x" * 25 + b"\nlast\n")))
    assert lines[0] == b"short\n" and lines[2] == b"last\n"
    with pytest.raises(BadLine, match="longer than"):
        from_line(lines[1])


def test_importing_a_file_that_is_not_there_makes_no_store(tmp_path: Path) -> None:
    # The store (and its folder) was made first, then the file was found missing.
    store = tmp_path / "new" / "store.sqlite3"
    done = support_plan(
        "sessions", "import", str(tmp_path / "missing.jsonl"), "--store", str(store)
    )
    assert done.returncode == 1 and "cannot be read" in done.stderr
    assert not (tmp_path / "new").exists()
