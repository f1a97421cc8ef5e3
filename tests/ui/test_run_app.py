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

    monkeypatch.setattr("assistant.saving.resume_saving", resume_saving)  # loaded when used
    options = StartOptions(store="elsewhere.sqlite3", save=True)
    assert launch.run_app(options, translator_for("en_GB")) == 0
    [app] = started
    app.bundle = example  # as loading behind the start screen does
    app.opener("QA9-T2W")  # what choosing it in the saved list does
    assert calls == [("QA9-T2W", example, "elsewhere.sqlite3")]  # the options are kept


def test_nothing_is_asked_on_the_terminal_before_the_app(
    example: Bundle, monkeypatch: pytest.MonkeyPatch, started: list[Any], tmp_path: Path
) -> None:
    """Consent is the start screen's to ask; the loading thread only loads the questions."""

    real_terminal = launch._terminal

    def after_the_app(*args: Any) -> Any:
        assert started, "the terminal was used before the app appeared"
        return real_terminal(*args)  # afterwards: what saving said is said again

    monkeypatch.setattr(launch, "_terminal", after_the_app)
    monkeypatch.setattr(launch, "load_bundle_for", lambda _flow: example)
    store = tmp_path / "store.db"
    assert launch.run_app(StartOptions(store=str(store)), translator_for("cy")) == 0
    [app] = started
    assert app.saving is not None and app.saving.choice is None  # asked on the start screen
    prepared = app.loader.prepare()  # what the loading thread does
    assert prepared.bundle is example and prepared.target is None
    assert not store.exists()  # nothing stored before consent


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
