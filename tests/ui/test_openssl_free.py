"""An app process never loads OpenSSL (about 4 MiB resident each: issue 20, budget 9).

``assistant.ui`` imports asyncio and hashlib with ``ssl`` and ``_hashlib`` marked missing
(:mod:`assistant.ui.openssl_free`), and saving's references come from the system's random
source without ``secrets`` (which imports OpenSSL through ``hmac``). Each check is a
fresh interpreter: this test process has OpenSSL loaded long before.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assistant.ui.openssl_free import OPENSSL_MODULES, import_without_openssl

ROOT = Path(__file__).resolve().parents[2]

#: An app's start and first steps in a fresh interpreter (headless, saving to a store in
#: the folder given), then what it loaded: modules, and OpenSSL's libraries if any.
APP_RUN = """
import sys
import assistant.ui.launch  # first, as support-plan starts the app
import asyncio
from pathlib import Path
from assistant.flow.loading import load_bundle
from assistant.paths import bundle_path
from assistant.store import open_store
from assistant.store.recorder import ScreenRecorder
from assistant.ui.app import AssistantApp

store = open_store(Path(sys.argv[1]) / "answers.sqlite3")
reference = store.create(bundle="england", locale="en_GB", mode="self")
app = AssistantApp(load_bundle(bundle_path("england")), "en_GB", "self",
                   on_event=ScreenRecorder(store, reference))

async def first_steps():
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = len(store.events(reference))
        await pilot.press("enter")  # the first step's answer, saved
        await pilot.pause()
        print("saved:", before, len(store.events(reference)))

asyncio.run(first_steps())
maps = Path("/proc/self/maps").read_text() if Path("/proc/self/maps").exists() else ""
print("modules:", sorted(m for m in ("ssl", "_ssl", "_hashlib", "hmac", "secrets") if m in sys.modules))
print("libraries:", sorted({n for n in ("libcrypto", "libssl") if n in maps}))
import hashlib, ssl  # still there for whoever asks later
print("sha256:", hashlib.sha256(b"abc").hexdigest()[:16], ssl.OPENSSL_VERSION_NUMBER > 0)
"""


def test_the_app_runs_and_saves_without_loading_openssl(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", APP_RUN, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    said = dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)
    before, after = map(int, said["saved"].split())
    assert after > before  # the app took an answer and saved it
    assert said["modules"] == "[]"
    if Path("/proc/self/maps").exists():
        assert said["libraries"] == "[]"
    # Python's own SHA-256 (the flow cache's keys) gives the same digests as OpenSSL's,
    # and ssl can still be imported afterwards.
    assert said["sha256"] == "ba7816bf8f01cfea True"


def test_a_process_that_has_openssl_already_is_left_as_it_is() -> None:
    before = {name: sys.modules.get(name) for name in ("asyncio", "hashlib", *OPENSSL_MODULES)}
    assert import_without_openssl() is False  # pytest loaded them long ago
    assert {name: sys.modules.get(name) for name in before} == before
    assert all(sys.modules.get(name) is not None for name in OPENSSL_MODULES)


@pytest.mark.parametrize("loaded", ["asyncio", "ssl"])
def test_openssl_is_marked_missing_only_while_importing(loaded: str) -> None:
    """With either already loaded, nothing is marked; with neither, nothing stays marked."""
    check = (
        "import sys\n"
        f"import {loaded}\n"
        "from assistant.ui.openssl_free import import_without_openssl\n"
        "first = import_without_openssl()\n"
        "print(first, 'ssl' in sys.modules, sys.modules.get('_hashlib', 'absent') is None)"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True
    )
    # Importing assistant.ui.openssl_free imports assistant.ui, which made the first call:
    # the second finds asyncio loaded. ssl is loaded only if asyncio came first.
    assert done.stdout.split() == ["False", str(loaded in ("asyncio", "ssl")), "False"]
