"""Commands given odd arguments (issue 18): each a kind line and an exit code, no traceback.

A reference over 255 characters crashed ``export`` (the name was tried as a file);
``diagram -o`` to a place that cannot be written crashed; ``resume ""`` silently started a
new conversation; ``export --output -`` wrote a file named "-"; ``--output /dev/null``
made /dev/null 0600; and a command piped into ``head`` ended with a traceback.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from support_plan_cli import ROOT, support_plan


def run_in(folder: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The program run from ``folder`` (so a stray file would appear there)."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )


@pytest.fixture
def saved(tmp_path: Path) -> tuple[str, str]:
    """A store holding one example conversation: (store path, reference)."""
    store = str(tmp_path / "store.sqlite3")
    result = support_plan(
        "--plain", "--flow", "example", "--save", "--store", store, stdin="\nAnn\n1\n"
    )
    reference = result.stdout.split("support-plan resume ", 1)[1].split()[0]
    return store, reference


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr


def test_a_reference_over_255_characters_is_a_kind_line(saved: tuple[str, str]) -> None:
    store, _ = saved
    result = support_plan("export", "A" * 300, "--store", store)
    no_traceback(result)
    assert result.returncode == 1
    assert "there is no saved conversation 'AAAAAAAAAAAAAAAAAAAA…'" in result.stderr
    assert "A" * 21 not in result.stderr  # the whole of what was typed is not repeated
    assert "support-plan sessions" in result.stderr


def test_diagram_to_a_place_that_cannot_be_written_is_a_kind_line(tmp_path: Path) -> None:
    for place in ("/proc/no-such-file.mmd", str(tmp_path / "missing" / "folder" / "x.mmd")):
        result = support_plan("diagram", "example", "-o", place)
        no_traceback(result)
        assert result.returncode == 1
        assert f"support-plan diagram: cannot write {place} (" in result.stderr
        assert "-o FILE" in result.stderr


def test_diagram_dash_is_standard_output(tmp_path: Path) -> None:
    result = run_in(tmp_path, "diagram", "example", "-o", "-")
    assert result.returncode == 0 and result.stdout.startswith("---\n")
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("reference", ["", "   "])
def test_resume_with_no_reference_never_starts_a_new_conversation(
    saved: tuple[str, str], reference: str
) -> None:
    store, kept = saved
    result = support_plan("resume", reference, "--plain", "--store", store, stdin="\nBob\n")
    no_traceback(result)
    assert result.returncode == 2
    assert "give the reference shown when the conversation was saved" in result.stderr
    assert result.stdout == ""
    listed = support_plan("sessions", "--store", store, "--json")
    assert [line for line in listed.stdout.splitlines() if line] and kept in listed.stdout
    assert len(listed.stdout.splitlines()) == 1  # still only the one conversation


def test_export_output_dash_writes_to_standard_output(
    saved: tuple[str, str], tmp_path: Path
) -> None:
    store, reference = saved
    result = run_in(
        tmp_path, "export", reference, "--store", store, "--format", "txt", "--output", "-"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("My draft support plan")
    assert not (tmp_path / "-").exists()


def test_export_to_dev_null_leaves_its_mode_alone(saved: tuple[str, str]) -> None:
    store, reference = saved
    before = stat.S_IMODE(os.stat("/dev/null").st_mode)
    result = support_plan("export", reference, "--store", store, "--output", "/dev/null")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(os.stat("/dev/null").st_mode) == before == 0o666


def test_export_never_makes_someone_elses_file_private(
    saved: tuple[str, str], tmp_path: Path
) -> None:
    store, reference = saved
    shared = tmp_path / "shared.md"
    shared.write_text("someone's notes\n")
    os.chmod(shared, 0o644)
    result = support_plan("export", reference, "--store", store, "--output", str(shared))
    no_traceback(result)
    assert result.returncode == 1 and "already exists" in result.stderr
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
    assert shared.read_text() == "someone's notes\n"
    new = tmp_path / "mine.md"
    assert support_plan("export", reference, "--store", store, "--output", str(new)).returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o600 and "Ann" in new.read_text()


@pytest.mark.parametrize(
    "command",
    [["cost", "--hourly-rate", "13", "--hours", "20", "--json"], ["schema"], ["check", "flows"]],
)
def test_a_command_whose_reader_has_gone_ends_quietly(command: list[str]) -> None:
    """As when piped into ``head``: the reading end is closed before the program writes
    (it is closed at once, and the program takes far longer than that to start)."""
    program = subprocess.Popen(
        [sys.executable, "-m", "assistant", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert program.stdout is not None and program.stderr is not None
    program.stdout.close()
    stderr = program.stderr.read().decode("utf-8", errors="replace")
    program.stderr.close()
    assert program.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
