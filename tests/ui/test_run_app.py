"""run_app: the start-up path from ``support-plan`` (without running the terminal app)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

import assistant.frontends
from assistant.flow.bundle import Bundle
from assistant.store import open_store, saving
from assistant.ui import app as app_module
from assistant.ui import launch


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The apps run_app would have run (they are not run)."""
    apps: list[Any] = []

    def run(self: Any, *_args: Any, **_kwargs: Any) -> int:
        apps.append(self)
        return 0

    monkeypatch.setattr(app_module.AssistantApp, "run", run)
    return apps


def _args(**options: Any) -> argparse.Namespace:
    defaults = {"adviser": False, "store": None, "save": True, "reference": None, "flow": None}
    return argparse.Namespace(**{**defaults, **options})


def test_a_conversation_picked_on_the_start_screen_is_opened_by_its_reference(
    example: Bundle, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    calls: list[tuple[argparse.Namespace, Bundle]] = []

    def open_saving(args: argparse.Namespace, bundle: Bundle, *_rest: Any) -> Any:
        calls.append((args, bundle))
        return None, [], None

    monkeypatch.setattr(assistant.frontends, "open_saving", open_saving)
    monkeypatch.setattr(saving, "agree_to_saving", lambda *_args: None)
    assert launch.run_app(_args(), "en_GB") == 0
    [app] = started
    app.bundle = example  # as loading behind the start screen does
    app.opener("QA9-T2W")  # what choosing it in the saved list does
    [(args, bundle)] = calls
    assert args.reference == "QA9-T2W"
    assert args.save is True  # the other options are kept
    assert bundle is example


def test_a_new_conversation_is_saved_once_its_questions_have_loaded(
    example: Bundle, monkeypatch: pytest.MonkeyPatch, started: list[Any], tmp_path: Path
) -> None:
    """Consent comes first; the saved conversation is made behind the start screen."""
    store = open_store(tmp_path / "store.db")
    monkeypatch.setattr(saving, "agree_to_saving", lambda *_args: store)
    monkeypatch.setattr(assistant.frontends, "load_bundle_for", lambda _flow: example)
    assert launch.run_app(_args(), "en_GB") == 0
    [app] = started
    assert app.bundle is None and store.conversations() == []  # nothing loaded or written yet
    prepared = app._prepare()  # what the loading thread does
    assert prepared.bundle is example
    assert [c.reference for c in store.conversations()] == [prepared.target.reference]
    store.close()
