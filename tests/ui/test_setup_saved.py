"""Who is completing is asked once: on the start screen. It is logged, answers the flow's own
question (which is then not asked again), and comes back on resume."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ui_helpers import SIZE

from assistant.engine.outputs import StepShown
from assistant.flow.loading import load_bundle
from assistant.ui.app import AssistantApp

ENGLAND = Path(__file__).parents[2] / "flows" / "england"


async def test_adviser_mode_answers_who_is_answering_once_and_survives_resume(
    clock: Callable[[], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUPPORT_PLAN_ADVISER", "Sam Adviser")
    england = load_bundle(ENGLAND)
    app = AssistantApp(england, "en_GB", "adviser_call", case_reference="CASE-9", clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.setup == {
            "mode": "adviser_call",
            "case": "CASE-9",
            "adviser": "Sam Adviser",
            "answered": {"getting_started.answering": "adviser"},
        }
        assert app.session.current == "getting_started.focus"  # the first question
        await pilot.press("1")  # care and support
        assert app.session.answers["getting_started.answering"] == "adviser"
        assert "getting_started.answering" in app.session.path  # answered, on the path
        shown = [e.step for e in app.session.events if e.kind == "shown"]
        assert "getting_started.answering" not in shown  # and never asked again
        view = app.session.view()
        assert isinstance(view, StepShown) and view.step != "getting_started.answering"
        events = list(app.session.events)
    resumed = AssistantApp(england, "en_GB", None, events=events, clock=clock)
    assert (resumed.mode, resumed.case_reference, resumed.skip_start) == (
        "adviser_call",
        "CASE-9",
        True,
    )
