"""Fixtures for the store tests: a quick key derivation, no stray environment, a store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.store import Store, crypto, open_store


@pytest.fixture(autouse=True)
def quick_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap scrypt costs for new stores in tests (the real costs are tested once)."""
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**12)


@pytest.fixture(autouse=True)
def no_env_store(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUPPORT_PLAN_STORE", raising=False)
    monkeypatch.delenv("SUPPORT_PLAN_PASSPHRASE", raising=False)


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return tmp_path / "private" / "conversations.sqlite3"


@pytest.fixture
def store(store_file: Path) -> Iterator[Store]:
    opened = open_store(store_file)
    yield opened
    opened.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, store_file: Path) -> str:
    """Where a store of each back-end lives: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(store_file)
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def any_store(store_location: str) -> Iterator[Store]:
    """The same contract, once per back-end (see ``store_location``)."""
    opened = open_store(store_location)
    yield opened
    opened.close()
