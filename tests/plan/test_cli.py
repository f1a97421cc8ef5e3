"""``support-plan export`` and ``support-plan replay`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.cli import run
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def log(tmp_path: Path, example: Bundle) -> Path:
    """A finished example conversation saved as a JSON-lines event log, with a note."""
    session = Session(example)
    session.start()
    for raw in (None, "Ann", "1", "82", None, "1", "no", "10"):
        session.answer(raw)
    session.record("note", "Call back on Tuesday")
    session.answer("12.50")
    path = tmp_path / "ann.jsonl"
    path.write_bytes(b"\n".join(e.to_json() for e in session.events) + b"\n")
    return path


def test_export_html_to_a_file(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.html"
    code = run(
        [
            "export",
            str(log),
            "--flow",
            "example",
            "--format",
            "html",
            "--output",
            str(out),
            "--date",
            "2026-11-22",
        ]
    )
    assert code == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Who is answering, Ann?" in html
    assert "Call back on Tuesday" not in html
    assert f"Written to {out}" in capsys.readouterr().err


def test_adviser_export_has_the_notes(log: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", str(log), "--flow", "example", "--format", "json", "--adviser"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [n["text"] for n in data["notes"]] == ["Call back on Tuesday"]


def test_transcript_export(log: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", str(log), "--flow", "example", "--transcript"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Conversation transcript") and "**Answer:** £12.50" in text
    assert run(["export", str(log), "--flow", "example", "--transcript", "--format", "html"]) == 1
    assert "md or json only" in capsys.readouterr().err


def test_a_bad_log_line_is_reported_by_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"seq": 1, "kind": "started", "at": "x"}\nnot json at all\n', encoding="utf-8")
    assert run(["export", str(bad), "--flow", "example"]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:2: this line is not an event" in err and "Traceback" not in err


def test_a_log_that_no_longer_fits_the_flow_is_explained(
    log: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["export", str(log), "--flow", "england"]) == 1
    err = capsys.readouterr().err
    assert "no longer fits the questions" in err
    assert "Ann" not in err  # never an answer in an error message


def test_export_from_the_store(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_module = pytest.importorskip("assistant.store")
    from assistant.engine.events import Event

    events = [Event.from_json(line) for line in log.read_text().splitlines()]
    path = tmp_path / "store.db"
    with store_module.open_store(path) as store:
        reference = store.create(bundle="example", locale="en_GB", mode="self")
        store.append_many(reference, events)
    assert run(["export", reference, "--store", str(path), "--format", "txt"]) == 0
    assert "Who is answering, Ann?" in capsys.readouterr().out
    assert run(["export", "NO-SUCH-REF", "--store", str(path)]) == 1
    assert "no saved conversation" in capsys.readouterr().err


def test_replay_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["replay", str(ROOT / "transcripts" / "example_ann.yaml")]) == 0
    assert "1 passed, 0 failed." in capsys.readouterr().out
    broken = tmp_path / "broken.yaml"
    text = (ROOT / "transcripts" / "example_ann.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace('id: "Who is answering, {name}?"', 'id: "Who are you?"'))
    assert run(["replay", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out and "    - Who are you?" in out and "0 passed, 1 failed." in out
    assert run(["replay", str(tmp_path / "missing")]) == 2


@pytest.mark.parametrize("mode", [0o600, 0o644])
def test_export_never_writes_over_a_file_it_did_not_make(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    """The program runs as root: '--output ~/.ssh/id_rsa' (a private file, 0600) was
    replaced by the plan. An existing file is left exactly as it was, and the person is
    told to choose a new name."""
    theirs = tmp_path / "id_rsa"
    theirs.write_text("a key\n")
    theirs.chmod(mode)
    args = ["export", str(log), "--flow", "example", "--output", str(theirs)]
    assert run(args) == 1
    err = capsys.readouterr().err
    assert "already exists" in err and "new file name" in err and "Traceback" not in err
    assert theirs.read_text() == "a key\n" and theirs.stat().st_mode & 0o777 == mode
    assert run([*args[:-1], str(tmp_path / "plan.md")]) == 0


def test_all_without_format_contact_says_what_goes_with_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """'export --all --since ... --format md' asked which conversation to export."""
    assert run(["export", "--all", "--since", "2026-12-01", "--format", "md"]) == 1
    assert "--format contact only" in capsys.readouterr().err


def test_a_language_this_program_lacks_in_the_log_falls_back_to_the_saved_one(
    log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A language change to one we do not ship (an imported or damaged log) stopped the
    export with 'there is no such language'; the conversation's own language is used."""
    text = log.read_text(encoding="utf-8").splitlines()
    last = json.loads(text[-1])
    change = {**last, "seq": last["seq"] + 1, "kind": "language_changed", "value": "xx_EVIL"}
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join([*text, json.dumps(change)]) + "\n", encoding="utf-8")
    assert run(["export", str(changed), "--flow", "example"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.startswith("# My draft support plan")
