"""Every golden conversation replays through the engine, and differences are explained.

A golden conversation pins the path (``state``) and, where chosen, the wording (``id``,
``text``); these tests prove both kinds of check can fail, and that the failure reads as
a diff pointing at file:line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.transcript.golden import find_goldens
from assistant.transcript.replay import bundle_loader, replay_file

ROOT = Path(__file__).resolve().parents[2]
GOLDENS = find_goldens([ROOT / "transcripts"])


def test_there_are_goldens_for_every_persona() -> None:
    england = [g for g in GOLDENS if "bundle: england" in g.read_text(encoding="utf-8")]
    assert len(england) >= 12


@pytest.mark.parametrize("path", GOLDENS, ids=[p.stem for p in GOLDENS])
def test_golden_conversation_replays(path: Path) -> None:
    result = replay_file(path, bundle_loader(ROOT / "flows"), path.name)
    assert result.passed, result.report()


@pytest.fixture
def edited_flows(tmp_path: Path) -> Path:
    """A copy of the example bundle in which one pinned question has new wording."""
    folder = tmp_path / "flows"
    shutil.copytree(ROOT / "flows" / "example", folder / "example")
    module = folder / "example" / "welcome.yaml"
    text = module.read_text(encoding="utf-8")
    assert '"Who is answering, {name}?"' in text
    module.write_text(text.replace("Who is answering, {name}?", "Who is filling this in, {name}?"))
    return folder


def test_changed_question_text_fails_with_a_clear_diff(edited_flows: Path) -> None:
    golden = ROOT / "transcripts" / "example_ann.yaml"
    result = replay_file(golden, bundle_loader(edited_flows), "example_ann.yaml")
    report = result.report()
    assert not result.passed
    assert report.startswith("FAIL example_ann.yaml")
    line = next(
        n for n, text in enumerate(golden.read_text().splitlines(), 1) if "answer: Ann" in text
    )
    assert (
        f"example_ann.yaml:{line}: turn 3 (answer 'Ann'): the English wording (id) changed"
        in report
    )
    assert "    - Who is answering, {name}?" in report
    assert "    + Who is filling this in, {name}?" in report
    assert "    - Who is answering, Ann?" in report  # the rendered text check fails too
    assert "the step reached" not in report  # wording changes do not change the path


def test_a_different_path_stops_the_replay_at_the_first_wrong_step(tmp_path: Path) -> None:
    golden = (ROOT / "transcripts" / "example_ann.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "wrong_step.yaml"
    broken.write_text(golden.replace("state: needs.carer_right\n", "state: needs.hours\n", 1))
    report = replay_file(broken, bundle_loader(ROOT / "flows"), "wrong_step.yaml").report()
    assert "the step reached differs" in report
    assert "    (- expected, + actual)\n    - needs.hours\n    + needs.carer_right" in report
    assert "replay stopped here" in report


def test_an_unexpected_refusal_is_a_failure(tmp_path: Path) -> None:
    golden = (ROOT / "transcripts" / "example_ann.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "refused.yaml"
    broken.write_text(golden.replace("  - answer: 82\n", "  - answer: 300\n", 1))
    report = replay_file(broken, bundle_loader(ROOT / "flows"), "refused.yaml").report()
    assert "turn 8 (answer 300): the answer was refused" in report
    assert "Please type a whole number from 18 to 120." in report


def test_outcome_differences_name_what_is_missing(tmp_path: Path) -> None:
    golden = (ROOT / "transcripts" / "example_ann.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "outcome.yaml"
    broken.write_text(
        golden.replace(
            "rights: [assessment_right, carer_right]", "rights: [assessment_right, advocate]"
        )
    )
    report = replay_file(broken, bundle_loader(ROOT / "flows"), "outcome.yaml").report()
    assert "the rights listed differ (missing ['advocate']; unexpected ['carer_right'])" in report


def test_cost_lines_are_compared_exactly(tmp_path: Path) -> None:
    golden = (ROOT / "transcripts" / "section3_discharge.yaml").read_text(encoding="utf-8")
    assert "basic: '260.00'" in golden
    broken = tmp_path / "costs.yaml"
    broken.write_text(golden.replace("basic: '260.00'", "basic: '261.00'"))
    report = replay_file(broken, bundle_loader(ROOT / "flows"), "costs.yaml").report()
    assert "the cost lines (weekly) differ" in report
