"""Fixtures for the contact export and the funders' report: a private store file, quick
key derivation, and no stray environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.store import crypto


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_N", 2**12)
    for name in ("SUPPORT_PLAN_STORE", "SUPPORT_PLAN_PASSPHRASE", "SUPPORT_PLAN_ADVISER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TZ", "UTC")


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    return tmp_path / "private" / "conversations.sqlite3"
