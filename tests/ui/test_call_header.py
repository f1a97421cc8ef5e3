"""The call, not the form: the adviser's header has a call timer and never cuts words off
at 80 columns, however long the progress line and the case reference."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.geometry import Region
from ui_helpers import SIZE

from assistant.flow.loading import load_bundle
from assistant.ui.app import AssistantApp
from assistant.ui.conversation import ConversationScreen

ENGLAND = Path(__file__).parents[2] / "flows" / "england"
LONG_CASE = "HELPLINE-NORTH-2026-000123456"


def shown(widget) -> str:
    """What a widget shows on the terminal, its lines joined with spaces."""
    region = Region(0, 0, *widget.outer_size)
    return " ".join(" ".join(strip.text.split()) for strip in widget.render_lines(region))


async def test_the_timer_counts_the_call(make_app, monkeypatch: pytest.MonkeyPatch) -> None:
    app = make_app("adviser_call")
    now = [1000.0]
    monkeypatch.setattr(ConversationScreen, "call_clock", staticmethod(lambda: now[0]))
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert shown(screen.query_one("#call-timer")) == "Call 00:00"
        now[0] += 125
        screen.tick()
        await pilot.pause()
        assert shown(screen.query_one("#call-timer")) == "Call 02:05"
        now[0] += 3600
        screen.tick()
        await pilot.pause()
        assert shown(screen.query_one("#call-timer")) == "Call 1:02:05"  # room made, not cut


async def test_the_header_never_cuts_words_off_at_80_columns(clock: Callable[[], str]) -> None:
    england = load_bundle(ENGLAND)
    app = AssistantApp(england, "cy", "adviser_call", case_reference=LONG_CASE, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(60):  # on through the conversation, checking the header each step
            screen = app.screen
            for selector in ("#progress", "#case", "#call-timer"):
                widget = screen.query_one(selector)
                text = "".join(str(widget.render()).split())
                # Every character is on screen (a long word may wrap, never be cut off).
                assert "".join(shown(widget).split()) == text, f"{selector}: {shown(widget)!r}"
                assert widget.region.right <= 80
            if app.session.ended:
                break
            await pilot.press("enter")
        assert LONG_CASE in "".join(shown(app.screen.query_one("#case")).split())
        assert app.session.current != "getting_started.hello"  # it did go on
