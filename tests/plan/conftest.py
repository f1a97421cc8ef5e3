"""Plans for every golden conversation, built once: the personas' plans are the fixtures."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from printing import chromium

from assistant.engine.session import Session
from assistant.transcript.golden import load_golden
from assistant.transcript.replay import apply, bundle_loader

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 22)
LOAD = bundle_loader(ROOT / "flows")


@cache
def _persona(name: str) -> Session:
    """The session a golden conversation ends with (shared: do not change it in a test)."""
    golden = load_golden(ROOT / "transcripts" / f"{name}.yaml")
    session = Session(LOAD(golden.bundle))
    session.start()
    for turn in golden.turns:
        if turn.action != "start":
            apply(session, turn)
    return session


@pytest.fixture(scope="session")
def persona() -> Callable[[str], Session]:
    """The session a golden conversation ends with, by file name (shared: do not change it)."""
    return _persona


@pytest.fixture(scope="module")
def browser() -> str:
    """Debian's Chromium, to print and measure plans with. Missing, the test is skipped on
    a developer's machine and fails in CI (CI=true), so it never passes silently."""
    found = chromium()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing: .ci/run installs Debian's chromium")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    return found
