"""Crash safety: SIGKILL the plain front end at random moments, resume, and lose nothing.

The default run makes 30 kills; ``KILLS=200 pytest tests/store/test_store_kill.py`` makes
the full count that the issue asks for. The harness itself is in store_kill_harness.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from store_kill_harness import run_kills

KILLS = int(os.environ.get("KILLS", "30"))


@pytest.mark.timeout(max(120, KILLS * 6))
def test_no_acknowledged_answer_is_lost_when_killed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = run_kills(KILLS, tmp_path / "kill.sqlite3", seed=KILLS)
    with capsys.disabled():
        print(f"\n[kill test] {report.line()}")
    assert report.failures == []
    assert report.kills == KILLS
    assert report.answers_checked > KILLS  # kills landed mid-conversation, not only at start
    assert report.shown_checked > 0  # and resuming showed the answers on screen


def test_textual_front_end_under_a_pty() -> None:
    if not (Path(__file__).parents[2] / "assistant" / "ui" / "app.py").exists():
        pytest.skip("assistant/ui/app.py is not built yet; the pty kill test waits for it")
    pytest.skip("the Textual kill harness is not written yet (see issue 7)")
