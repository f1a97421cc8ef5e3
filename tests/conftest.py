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


#: A hard need, what would help with it (on the same screen), then another question.
PAIR_FLOW = """\
flow: main
title: Main
steps:
  - id: hard
    kind: ask
    type: multi
    text: "How is washing hard for you?"
    more: "The law counts four ways of finding something hard."
    with_next: true
    choices:
      - {value: help, label: "I need help"}
      - {value: pain, label: "It hurts"}
  - id: helps
    kind: ask
    type: multi
    text: "What would help with washing?"
    optional: true
    choices:
      - {value: visits, label: "Visits"}
      - {value: equipment, label: "Equipment"}
  - id: after
    kind: ask
    type: yesno
    text: "Do you go out?"
  - id: done
    kind: end
"""


def write_pair_flow(folder: Path) -> Path:
    """The flow above as a bundle in ``folder``."""
    (folder / "bundle.yaml").write_text("id: pair\ntitle: Pair\nmodules: [main]\n")
    (folder / "main.yaml").write_text(PAIR_FLOW)
    (folder / "sources.yaml").write_text("sources: {}\n")
    return folder


@pytest.fixture(scope="session")
def pair_flow(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """Two questions on one screen (``with_next``), then one more: tests/*/test_pairs.py."""
    return load_bundle(write_pair_flow(tmp_path_factory.mktemp("pair")))


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
