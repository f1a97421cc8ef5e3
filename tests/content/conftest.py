"""Fixtures for the England content tests: the loaded bundle and a scripted walker."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from assistant.engine.session import Session
from assistant.flow import model
from assistant.flow.bundle import Bundle
from assistant.values import Special

#: A scripted walk: answers by ``module.step``; unscripted questions get a default.
Walk = Callable[[Mapping[str, object]], tuple[list[str], dict[str, object]]]


def _default(step: model.Ask) -> object:
    """What a person who skips through says: "I don't know" where offered, else the first option."""
    if step.allow_unknown:
        return Special.UNKNOWN
    if step.optional:
        return ""
    if step.type in ("choice", "multi"):
        first = step.choices[0].value
        return (first,) if step.type == "multi" else first
    if step.type == "yesno":
        return False
    if step.type in ("number", "money"):
        return "0"
    return "Some words"


@pytest.fixture(scope="session")
def walk(england: Bundle) -> Walk:
    """Walk the England flow with scripted answers; return the path and the final answers."""

    def run(script: Mapping[str, object]) -> tuple[list[str], dict[str, object]]:
        session = Session(england, clock=lambda: "2026-11-22T10:00:00+00:00")
        session.start()
        for _ in range(1000):
            key = session.current
            if session.ended:
                # The engine's path also has the explanations shown with a question (or
                # beside it, on a call), which are passed without a screen of their own.
                return list(session.path), dict(session.answers)
            step = england.steps[key].step
            raw = script[key] if key in script else None
            if isinstance(step, model.Ask) and key not in script:
                raw = _default(step)
            outputs = session.answer(raw)  # type: ignore[arg-type]
            assert session.current != key or session.ended, f"stuck at {key}: {outputs}"
        raise AssertionError("walk did not end")

    return run
