"""Fixtures for the app's tests: the app over the example flow with a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from assistant.flow.bundle import Bundle
from assistant.ui.app import AssistantApp
from assistant.ui.modes import Mode


@pytest.fixture
def make_app(example: Bundle, clock: Callable[[], str]) -> Callable[..., AssistantApp]:
    """Build the app over the example flow with a fixed clock."""

    def build(mode: Mode | None = None, **kwargs: Any) -> AssistantApp:
        return AssistantApp(example, "en_GB", mode, clock=clock, **kwargs)

    return build
