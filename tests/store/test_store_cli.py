"""``support-plan sessions``, ``forget`` and ``resume``, as people and scripts use them."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import ANSWERS, SECRET_NAME, file_bytes, walk
from support_plan_cli import ROOT, support_plan

from assistant.cli import run
from assistant.flow.bundle import Bundle
from assistant.store import open_store


class Terminal(io.StringIO):
    """Typed input that looks like a terminal, for the confirmation question."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def saved(store_file: Path, example: Bundle) -> tuple[str, str]:
    with open_store(store_file) as store:
        first = walk(store, example, ANSWERS[:4])
        second = walk(store, example, ANSWERS, name="OtherPersonZ")
        store.set_label(second, "Dad's plan")
    return first, second


def test_sessions_lists_references_labels_and_progress(
    store_file: Path, saved: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = saved
    assert run(["sessions", "--store", str(store_file)]) == 0
    out = capsys.readouterr().out
    assert re.search(rf"{first}  \(no label\)  last used .+  3 answers so far", out)
    assert re.search(rf"{second}  Dad's plan  last used .+  7 answers, finished", out)
    assert SECRET_NAME not in out and "OtherPersonZ" not in out
    assert run(["--store", str(store_file), "sessions", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {row["reference"] for row in rows} == {first, second}


def test_sessions_with_nothing_saved(store_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["sessions", "--store", str(store_file)]) == 0
    assert "No conversations are saved" in capsys.readouterr().out


def test_forget_refuses_to_delete_unasked_from_a_script(
    store_file: Path, saved: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["forget", saved[0], "--store", str(store_file)]) == 1
    assert "add --yes" in capsys.readouterr().err
    with open_store(store_file) as store:
        assert len(store.conversations()) == 2


def test_forget_asks_first_in_a_terminal(
    store_file: Path,
    saved: tuple[str, str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdin", Terminal("no\n"))
    assert run(["forget", saved[1], "--store", str(store_file)]) == 1
    out = capsys.readouterr().out
    assert "Dad's plan" in out and "cannot be undone" in out and "Nothing was deleted" in out
    monkeypatch.setattr(sys, "stdin", Terminal("yes\n"))
    assert run(["forget", saved[1].lower(), "--store", str(store_file)]) == 0
    assert f"Deleted the conversation {saved[1]}" in capsys.readouterr().out
    assert b"OtherPersonZ" not in file_bytes(store_file)


def test_forget_with_yes_and_all(
    store_file: Path, saved: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["forget", "ZZZ-ZZZ", "--yes", "--store", str(store_file)]) == 1
    assert "no saved conversation" in capsys.readouterr().err
    assert run(["forget", "--store", str(store_file)]) == 2
    assert run(["forget", "--all", "--yes", "--store", str(store_file)]) == 0
    assert "Deleted 2 conversations" in capsys.readouterr().out
    assert SECRET_NAME.encode() not in file_bytes(store_file)


def _program(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return support_plan(*args, "--flow", "example", stdin=stdin)


def test_piped_input_saves_and_resume_restores_exactly(store_file: Path) -> None:
    store = ["--store", str(store_file)]
    first = _program("--plain", *store, stdin="\nAnn\n2\n")
    assert first.returncode == 0 and "Traceback" not in first.stderr
    match = re.search(
        r"End of input\. Your answers are saved\. .*resume (\S{3}-\S{3})", first.stdout
    )
    assert match, first.stdout
    reference = match.group(1)
    assert first.stdout.startswith(
        f"We will save your answers as you go. Your reference is {reference}"
    )
    again = _program("resume", reference, "--plain", *store, stdin="review\n")
    assert again.returncode == 0, again.stderr
    shown = again.stdout.split("Your answers so far:")[0]
    assert "How old are you?" in shown and "Who is answering" not in shown  # exactly there
    assert "Answer: Ann" in again.stdout and "Answer: I am helping someone else" in again.stdout


def test_no_save_leaves_no_file(store_file: Path) -> None:
    result = _program("--plain", "--no-save", "--store", str(store_file), stdin="\nAnn\n")
    assert result.returncode == 0
    assert "Nothing was saved" in result.stdout
    assert not store_file.exists()


#: An escape sequence that would retitle the window and clear the screen, a bare carriage
#: return (the line is overwritten) and a one-byte CSI.
ESCAPES = "\x1b]0;title\x07\x1b[2J\r\u009b2J"


def _printed(*args: str) -> str:
    """What the program printed, with its line ends exactly as written."""
    result = subprocess.run(
        [sys.executable, "-m", "assistant", *args], capture_output=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


def test_saved_text_never_reaches_the_terminal_as_control_characters(
    tmp_path: Path, example: Bundle
) -> None:
    # A case reference, an adviser's name or an answer with an escape sequence in it (from
    # an imported file, or a shared store) was printed as it was by sessions and export.
    location = str(tmp_path / "store.sqlite3")
    with open_store(location) as store:
        reference = walk(store, example, ANSWERS, name="Ann" + ESCAPES)
        store.set_label(reference, "Mum" + ESCAPES)
    listed = _printed("sessions", "--store", location)
    exported = _printed("export", reference, "--store", location, "--format", "txt")
    contact = _printed("export", reference, "--store", location, "--format", "contact")
    for printed in (listed, exported, contact):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", printed.replace("\r\n", "\n"))
    assert "Mum\ufffd]0;title" in listed  # shown, made harmless
    assert "Ann\ufffd]0;title" in exported
    assert contact.count("\r\n") == 2  # the CSV's own line ends are kept


def test_days_given_the_wrong_way_round_are_named(tmp_path: Path, example: Bundle) -> None:
    # "--since 2026-12-31 --until 2026-01-01" said only that nothing matched, as report
    # and export say which date is wrong.
    location = str(tmp_path / "store.sqlite3")
    with open_store(location) as store:
        walk(store, example, ANSWERS)
    result = support_plan(
        "sessions", "--store", location, "--since", "2026-12-31", "--until", "2026-01-01"
    )
    assert result.returncode == 2
    assert "--until is before --since; give the first day, then the last." in result.stderr
