"""run_app: the start-up path from ``support-plan`` (without running the terminal app)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assistant.engine.outputs import Msg
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.saving import Opened
from assistant.startup import StartOptions
from assistant.store import open_store
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


def test_a_conversation_picked_on_the_start_screen_is_opened_by_its_reference(
    example: Bundle, monkeypatch: pytest.MonkeyPatch, started: list[Any]
) -> None:
    calls: list[tuple[str, Bundle, str | None]] = []

    def resume_saving(reference: str, bundle: Bundle, _dialogue: Any, *, store: Any) -> Opened:
        calls.append((reference, bundle, store))
        return Opened()

    monkeypatch.setattr(launch, "resume_saving", resume_saving)
    monkeypatch.setattr(launch, "agree_to_saving", lambda *_args, **_kwargs: None)
    options = StartOptions(store="elsewhere.sqlite3", save=True)
    assert launch.run_app(options, translator_for("en_GB")) == 0
    [app] = started
    app.bundle = example  # as loading behind the start screen does
    app.opener("QA9-T2W")  # what choosing it in the saved list does
    assert calls == [("QA9-T2W", example, "elsewhere.sqlite3")]  # the options are kept


def test_a_new_conversation_is_saved_once_its_questions_have_loaded(
    example: Bundle, monkeypatch: pytest.MonkeyPatch, started: list[Any], tmp_path: Path
) -> None:
    """Consent comes first; the saved conversation is made behind the start screen."""
    store = open_store(tmp_path / "store.db")
    monkeypatch.setattr(launch, "agree_to_saving", lambda *_args, **_kwargs: store)
    monkeypatch.setattr(launch, "load_bundle_for", lambda _flow: example)
    assert launch.run_app(StartOptions(), translator_for("en_GB")) == 0
    [app] = started
    assert app._bundle is None and store.conversations() == []  # nothing loaded or written yet
    prepared = app.loader.prepare()  # what the loading thread does
    assert prepared.bundle is example
    assert [c.reference for c in store.conversations()] == [prepared.target.reference]
    assert prepared.on_event == prepared.target.record
    store.close()


def test_what_saving_says_while_the_app_runs_is_said_afterwards_in_order() -> None:
    said: list[str] = []

    class Terminal:
        def tell(self, msgid: str, event: str = "message", **params: Any) -> None:
            said.append(f"tell {msgid} {event} {params}")

        def problem(self, message: Msg, then: str | None = None) -> None:
            said.append(f"problem {message.id} {then}")

    held = launch.HeldMessages()
    held.tell("Saving as {reference}", "saving", reference="QA9-T2W")
    held.problem(Msg("It failed"), "No tries left.")
    assert said == []  # nothing reaches the terminal while the app has it
    held.say_to(Terminal())
    assert said == [
        "tell Saving as {reference} saving {'reference': 'QA9-T2W'}",
        "problem It failed No tries left.",
    ]
    held.say_to(Terminal())
    assert len(said) == 2  # said once only
