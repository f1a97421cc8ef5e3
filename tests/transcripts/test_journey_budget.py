"""The journey's budgets (issue 13) hold over every England golden conversation.

A rise in screens, information screens in a row or words fails here, like a slower
benchmark: see ``support-plan stats`` for the numbers.
"""

from __future__ import annotations

from pathlib import Path

from assistant.transcript.golden import find_goldens, load_golden
from assistant.transcript.replay import bundle_loader
from assistant.transcript.stats import BUDGETS, measure_all, over_budget

ROOT = Path(__file__).resolve().parents[2]


def test_every_england_golden_keeps_within_the_journey_budgets() -> None:
    goldens = [load_golden(p) for p in find_goldens([ROOT / "transcripts"])]
    rows = measure_all(goldens, bundle_loader(ROOT / "flows"), "england")
    assert len(rows) >= 12
    assert over_budget(rows) == []


def test_an_adviser_led_call_is_measured_against_its_own_budget() -> None:
    golden = load_golden(ROOT / "transcripts" / "adviser_call.yaml")
    [row] = measure_all([golden], bundle_loader(ROOT / "flows"), "england")
    assert row.adviser and row.screens <= BUDGETS.adviser_screens
    assert row.information == 0  # every explanation is a line in the panel beside a question
