"""Golden conversations replayed through the Textual app, key by key, with Pilot.

The engine replay (test_replay.py) covers every golden conversation; these cover the
wiring from keys to engine for three whole England conversations.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.transcript.golden import load_golden
from assistant.transcript.pilot import replay_in_app, unsupported
from assistant.transcript.replay import bundle_loader

ROOT = Path(__file__).resolve().parents[2]
IN_APP = ["older_widowed_arthritis", "council_manages", "dp_rate_too_low"]
ui = pytest.importorskip("assistant.ui.app")
events = pytest.importorskip("textual.events")


@pytest.mark.timeout(600)  # about 60 s each on 2 cores: some 150 steps, each drawn in full
@pytest.mark.parametrize("name", IN_APP)
async def test_golden_conversation_replays_in_the_app(name: str) -> None:
    golden = load_golden(ROOT / "transcripts" / f"{name}.yaml", f"{name}.yaml")
    assert unsupported(golden) == []
    bundle = bundle_loader(ROOT / "flows")(golden.bundle)
    app = ui.AssistantApp(bundle, golden.locale, "self")
    async with app.run_test(size=(100, 40)) as pilot:

        async def paste(text: str) -> None:
            """Long answers arrive as one paste (each key is pressed in the UI's own tests)."""
            assert app.focused is not None
            app.focused.post_message(events.Paste(text))
            await pilot.pause()

        await pilot.pause()
        result = await replay_in_app(golden, app, pilot, paste)
    assert result.passed, result.report()
