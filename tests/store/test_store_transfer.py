"""``sessions export --all`` and ``sessions import`` move cases between SQLite and
PostgreSQL without losing anything: the same answers, plan and transcript after replaying.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_helpers import ANSWERS, SECRET_NAME, walk
from support_plan_cli import support_plan

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
