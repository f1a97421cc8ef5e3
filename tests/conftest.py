"""Shared fixtures: the example bundle and a fixed clock, so logs are deterministic."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

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
