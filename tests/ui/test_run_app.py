"""run_app: the start-up path from ``support-plan`` (without running the terminal app)."""

from __future__ import annotations

import argparse
from typing import Any

import pytest

import assistant.frontends
from assistant.flow.bundle import Bundle
from assistant.ui import app as app_module


def test_a_conversation_picked_on_the_start_screen_is_opened_by_its_reference(
    example: Bundle, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[argparse.Namespace] = []
    started: list[Any] = []

    def open_saving(args: argparse.Namespace, *_rest: Any) -> tuple[None, list[Any], None]:
        calls.append(args)
        return None, [], None

    def run(self: Any, *_args: Any, **_kwargs: Any) -> int:
        started.append(self)
        return 0

    monkeypatch.setattr(assistant.frontends, "open_saving", open_saving)
    monkeypatch.setattr(app_module.AssistantApp, "run", run)
    monkeypatch.setattr(app_module.AssistantApp, "freeze_long_lived", staticmethod(lambda: None))
    args = argparse.Namespace(adviser=False, store=None, save=True, reference=None)
    assert app_module.run_app(args, example, "en_GB") == 0
    [app] = started
    app.opener("QA9-T2W")  # what choosing it in the saved list does
    assert [c.reference for c in calls] == [None, "QA9-T2W"]
    assert calls[1].save is True  # the other options are kept
