"""The PA cost check in the full-screen app: the shortfall is on screen at 80x24."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import SIZE, text_of

from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.transcript.golden import load_golden
from assistant.transcript.replay import apply
from assistant.ui.app import AssistantApp
from assistant.ui.widgets import Plain

ROOT = Path(__file__).parents[2]


def _events_to_the_cost_check(england: Bundle) -> list[object]:
    """The section 3 golden's answers, up to the cost check (£15.00 offered, 20 hours)."""
    golden = load_golden(ROOT / "transcripts" / "section3_discharge.yaml")
    session = Session(england)
    session.start({"mode": "self"})
    for turn in golden.turns:
        if turn.action != "start":
            apply(session, turn)
        if session.current == "employing_pa.cost_result":
            break
    assert session.current == "employing_pa.cost_result"
    return list(session.events)


async def test_the_shortfall_is_on_screen_with_the_table(england: Bundle, clock) -> None:
    app = AssistantApp(england, "en_GB", events=_events_to_the_cost_check(england), clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.session.current == "employing_pa.cost_result"
        summary = app.screen.query_one("#report-summary", Plain)
        assert "£16.47 a week short" in text_of(app, "#report-summary")
        # Visible without scrolling: inside the 24 rows, not hidden behind the side panel.
        assert summary.display and 0 < summary.region.y and summary.region.bottom <= SIZE[1]
        assert summary.region.width > 60  # the side panel gave way: not wrapped at 47 columns
        table = text_of(app, "#report")
        assert "Total cost to you as employer  £316.47" in table
        assert "Holiday pay" in table
        await pilot.press("enter")  # reading on moves to the next step, and the table goes
        assert app.session.current != "employing_pa.cost_result"
        assert not app.screen.query_one("#report").display
        assert not app.screen.query_one("#side").has_class("-report")
        assert app.screen.query_one("#side").display  # the side panel is back
