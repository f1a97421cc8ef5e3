"""Files that are not a store of ours are never changed (issue 18). Tests run as root.

Root may chmod and write anything, so the program itself must refuse: ``--store
/dev/null`` used to make /dev/null 0600 (breaking every other user of the system); a
read-only store file was chmodded and written; a symlink's target and a FIFO were
chmodded before being rejected; a healthy store in a read-only folder was called
"damaged"; intermediate folders were made 0755; an empty file was silently taken as new.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import walk
from support_plan_cli import ROOT, support_plan

from assistant.flow.bundle import Bundle
from assistant.store import StoreError, open_store


def mode(path: Path | str) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def saved_store(folder: Path, example: Bundle, name: str = "store.sqlite3") -> tuple[Path, str]:
    """A healthy store with one conversation, closed, its WAL folded into the file."""
    path = folder / name
    with open_store(path) as store:
        reference = walk(store, example, ["", "Ann", "1"])
    return path, reference


def test_dev_null_keeps_its_mode() -> None:
    before = mode("/dev/null")
    result = support_plan("sessions", "--store", "/dev/null")
    assert mode("/dev/null") == before == 0o666
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "/dev/null is not a file, so answers cannot be saved there" in result.stderr


def test_a_dash_is_not_taken_as_a_file_named_dash(tmp_path: Path) -> None:
    # "--store -" made a file named "-" (and "--wal", "--shm") in the current folder.
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "--plain", "--flow", "example", "--save"]
        + ["--store", "-"],
        input="\nAnn\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert list(tmp_path.iterdir()) == []
    assert "Traceback" not in result.stderr
    assert "'-' cannot hold saved conversations" in result.stderr
    assert "--store PATH" in result.stderr
    assert "Who is answering, Ann?" in result.stdout  # the conversation still goes on


@pytest.mark.parametrize("last", ["x.sqlite3", ""])
def test_a_name_too_long_for_the_system_is_a_kind_line(tmp_path: Path, last: str) -> None:
    # A folder name over 255 characters ended in "OSError: File name too long" while
    # checking whether --store named a folder.
    store = str(tmp_path / ("a" * 300) / last) if last else str(tmp_path / ("a" * 300))
    result = support_plan("--plain", "--flow", "example", "--save", "--store", store, stdin="\n")
    assert "Traceback" not in result.stderr, result.stderr[-300:]
    assert "File name too long" in result.stderr and "--store PATH" in result.stderr
    listed = support_plan("sessions", "--store", store)
    assert "Traceback" not in listed.stderr, listed.stderr[-300:]


def test_a_device_of_our_own_keeps_its_mode(tmp_path: Path) -> None:
    """The same as /dev/null, on a device node made for the test (where that is allowed)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("cannot make device nodes here")
    os.chmod(device, 0o666)
    with pytest.raises(StoreError, match="is not a file"):
        open_store(device)
    assert mode(device) == 0o666


def test_a_symlinked_store_is_refused_and_its_target_untouched(
    tmp_path: Path, example: Bundle
) -> None:
    target, _ = saved_store(tmp_path, example)
    os.chmod(target, 0o644)
    before = digest(target)
    link = tmp_path / "link.sqlite3"
    link.symlink_to(target)
    result = support_plan("sessions", "--store", str(link))
    assert result.returncode == 1
    assert f"{link} is a symbolic link" in result.stderr
    assert f"--store {target}" in result.stderr  # what to type instead
    assert mode(target) == 0o644 and digest(target) == before


def test_a_fifo_is_refused_untouched_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "store.sqlite3"
    os.mkfifo(fifo, 0o666)
    os.chmod(fifo, 0o666)
    result = support_plan("sessions", "--store", str(fifo))
    assert result.returncode == 1 and "is not a file" in result.stderr
    assert mode(fifo) == 0o666


def test_a_read_only_store_is_listed_and_exported_but_never_changed(
    tmp_path: Path, example: Bundle
) -> None:
    path, reference = saved_store(tmp_path, example)
    os.chmod(path, 0o400)
    before = digest(path)
    listed = support_plan("sessions", "--store", str(path))
    assert listed.returncode == 0 and reference in listed.stdout
    assert f"{path} is read-only" in listed.stderr and "damaged" not in listed.stderr
    exported = support_plan("export", reference, "--format", "txt", "--store", str(path))
    assert exported.returncode == 0 and "Ann" in exported.stdout
    saving = support_plan(
        "--plain", "--flow", "example", "--save", "--store", str(path), stdin="\nBob\n"
    )
    assert "read-only" in saving.stderr and "Traceback" not in saving.stderr
    assert mode(path) == 0o400 and digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.sqlite3"]  # no side files


def test_a_healthy_store_in_a_read_only_folder_is_read_only_not_damaged(
    tmp_path: Path, example: Bundle
) -> None:
    """A read-only bind mount in a mount namespace of its own (root may write anywhere
    else); nothing outside the test sees the mount."""
    if shutil.which("unshare") is None:
        pytest.skip("unshare is not installed")
    folder = tmp_path / "folder"
    folder.mkdir()
    path, reference = saved_store(folder, example)
    program = f"{sys.executable} -m assistant"
    script = (
        f"mount --bind -o ro {folder} {folder} || exit 77; "
        f"{program} sessions --store {path}; echo rc=$?; "
        f"{program} export {reference} --format txt --store {path}; echo rc=$?"
    )
    result = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    if result.returncode == 77 or "unshare failed" in result.stderr:
        pytest.skip("cannot make a read-only mount here")
    assert "Traceback" not in result.stderr and "damaged" not in result.stderr
    assert result.stdout.count("rc=0") == 2, result.stdout + result.stderr
    assert reference in result.stdout and "Ann" in result.stdout
    assert f"{path} is read-only" in result.stderr


def test_missing_folders_are_made_private_and_existing_ones_left_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    path = shared / "a" / "b" / "store.sqlite3"
    with open_store(path):
        pass
    assert mode(shared) == 0o755  # existing: left as it is
    assert mode(shared / "a") == mode(shared / "a" / "b") == 0o700
    assert mode(path) == 0o600


def test_a_file_made_in_an_open_folder_says_the_folder_was_left_alone(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    with open_store(shared / "store.sqlite3") as store:
        assert [n.message for n in store.notices] == [
            f"The folder {shared} was already there and other people on this computer can look inside it. It has been left as it is; the file of saved conversations in it is private to you."
        ]
    with open_store(shared / "store.sqlite3") as store:
        assert store.notices == []  # said once, when the file was made
    assert mode(shared) == 0o755


def test_an_empty_file_is_said_to_be_new(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch(mode=0o600)
    os.chmod(empty, 0o600)
    result = support_plan("sessions", "--store", str(empty))
    assert result.returncode == 0
    assert f"{empty} was an empty file, so it is being used as a new file" in result.stderr


def test_an_empty_file_others_can_read_is_not_used_and_not_changed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    os.chmod(empty, 0o644)
    with pytest.raises(StoreError, match="could be read by other people"):
        open_store(empty)
    assert mode(empty) == 0o644 and empty.stat().st_size == 0


def test_an_empty_private_file_of_another_account_is_named_as_theirs(tmp_path: Path) -> None:
    # It was refused (rightly) as one that "could be read by other people", which it
    # could not: it is 0600, and belongs to someone else.
    empty = tmp_path / "theirs.sqlite3"
    empty.touch()
    os.chmod(empty, 0o600)
    os.chown(empty, 65534, 65534)  # nobody
    with pytest.raises(StoreError) as refused:
        open_store(empty)
    said = refused.value.message
    assert "belongs to another account" in said and "could be read by other people" not in said
    assert "--store PATH" in said
    info = empty.stat()
    assert (stat.S_IMODE(info.st_mode), info.st_uid, info.st_size) == (0o600, 65534, 0)


def test_a_store_of_ours_left_open_to_others_is_made_private(
    tmp_path: Path, example: Bundle
) -> None:
    path, _ = saved_store(tmp_path, example)
    os.chmod(path, 0o644)
    with open_store(path):
        pass
    assert mode(path) == 0o600


def test_a_relative_store_path_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "sessions", "--store", "here/store.sqlite3"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"No conversations are saved in {tmp_path}/here/store.sqlite3." in result.stdout
