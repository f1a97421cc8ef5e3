"""Shared fixtures: the example bundle and a fixed clock, so logs are deterministic."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.flow.bundle import Bundle
from assistant.flow.loading import load_bundle

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def example() -> Bundle:
    """The small example conversation in flows/example."""
    return load_bundle(ROOT / "flows" / "example")


@pytest.fixture(scope="session")
def england() -> Bundle:
    """The shipped England conversation in flows/england."""
    return load_bundle(ROOT / "flows" / "england")


@pytest.fixture
def clock() -> Iterator[Callable[[], str]]:
    """A clock that ticks one second per call, from a fixed start."""
    ticks = itertools.count()
    yield lambda: f"2026-11-22T10:{next(ticks) // 60:02d}:{next(ticks) % 60:02d}+00:00"


# -- PostgreSQL -----------------------------------------------------------------------------
# One throwaway cluster for the whole run (tests/pgcluster.py), started the first time a
# test asks for it and stopped when the run ends, however it ended. In CI (CI=true) a
# machine without PostgreSQL fails these tests instead of skipping them.
_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    """The run's PostgreSQL cluster (socket in a temporary folder, no TCP)."""
    import os

    from pgcluster import Cluster, missing_reason

    reason = missing_reason()
    if reason is not None:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"CI must run the PostgreSQL tests, but {reason}")
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    cluster = Cluster().start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A new empty database in the run's cluster; organisation keys go under tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    for name in ("SUPPORT_PLAN_KEY", "SUPPORT_PLAN_KEY_FILE", "SUPPORT_PLAN_ORGANISATION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SUPPORT_PLAN_ADVISER", "test-adviser")
    return str(pg_cluster.create_database(f"t{next(_databases)}"))
