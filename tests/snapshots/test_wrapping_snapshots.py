"""How the words wrap at 60, 80 and 120 columns (issue 18): one column under 80, the side
panel growing with the terminal, long options wrapped under their own text, nothing cut.

The screen is England's "What made you look for help now?", whose options are long, with
"why we ask" beside it (or under it, at 60 columns). (Who is answering is asked on the
start screen, so the app does not ask it again.) Update deliberately with
``pytest tests/snapshots --snapshot-update`` and look at the report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from assistant.flow.bundle import Bundle
from assistant.ui.app import AssistantApp


async def to_what_made_you_look(pilot: Pilot[Any]) -> None:
    session = pilot.app.session  # type: ignore[attr-defined]
    while session.current != "getting_started.where":
        await pilot.press("enter")
    await pilot.press("1")  # England
    assert session.current == "getting_started.prompt"


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)], ids=["60x20", "80x24", "120x40"])
def test_words_wrap_at_each_width(
    snap_compare: Any, england: Bundle, clock: Callable[[], str], size: tuple[int, int]
) -> None:
    app = AssistantApp(england, "en_GB", "self", clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=to_what_made_you_look)
