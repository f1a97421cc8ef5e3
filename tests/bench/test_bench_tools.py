"""The benchmark suite's own tools give true answers (the timings themselves are in make bench)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.engine.outputs import AnswerRejected, Notice
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.flow.loading import load_bundle, read_bundle

from . import autopilot
from .flowgen import write_bundle
from .harness import MISS, PASS, Result, Stats, compare, markdown_table
from .pty_run import screen_text

ENGLAND = Path(__file__).resolve().parents[2] / "flows" / "england"


def test_stats_use_the_nearest_rank_for_p99() -> None:
    stats = Stats.of([float(n) for n in range(1, 201)])
    assert (stats.minimum, stats.median, stats.maximum, stats.p99) == (1, 100.5, 200, 198)
    assert Stats.of([3.0]).p99 == 3.0


def test_a_comparison_is_the_ratio_of_the_medians() -> None:
    result = Result(1, "a vs b", "≤ 1.15×", "×")
    ratio = compare(result, {"a": [0.2, 0.3, 0.4], "b": [0.1, 0.2, 0.2]})
    assert ratio == pytest.approx(1.5)
    assert result.stats is not None and result.stats.maximum == pytest.approx(2.0)
    assert "**1.50×** (300 / 200 ms)" in markdown_table([result.judge(ratio <= 1.15)])


def test_the_table_marks_each_budget_and_shows_p99_only_where_asked() -> None:
    fast = Result(3, "keys", "median ≤ 16 ms, p99 ≤ 50 ms", "ms", PASS, Stats.of([1.0, 2.0]), 1.5)
    slow = Result(4, "engine", "median ≤ 100 µs", "µs", MISS, Stats.of([150.0, 170.0]), 160.0)
    missing = Result(5, "goldens", "≥ 5,000 answers/s", "answers/s").skip("none yet")
    lines = markdown_table([fast, slow, missing]).splitlines()
    assert lines[2].endswith("| 2.00 ms | PASS |")
    assert lines[3].endswith("| – | MISS |")
    assert lines[4].endswith("| – | – | – | – | NOT MEASURED |")


@pytest.mark.parametrize("pick", ["first", "varied:3"])
def test_the_autopilot_gets_through_the_england_flow(pick: str) -> None:
    bundle = load_bundle(ENGLAND)
    session = Session(bundle)
    view = autopilot.shown(session.start())
    steps = 0
    while view is not None:
        outputs = session.answer(autopilot.engine_answer(view, pick))
        assert not any(isinstance(o, AnswerRejected | Notice) for o in outputs), view.step
        assert autopilot.keys(view, pick)[-1] == autopilot.ENTER
        view = autopilot.shown(outputs)
        steps += 1
    assert session.ended and steps > 5


def test_a_screen_with_a_follow_up_gets_the_keys_of_both_questions() -> None:
    session = Session(load_bundle(ENGLAND))
    view = autopilot.shown(session.start())
    while view is not None and view.follow_up is None:  # "varied:9" says how, so is asked how
        view = autopilot.shown(session.answer(autopilot.engine_answer(view, "varied:9")))
    assert view is not None and view.follow_up is not None, "no paired screen in England"
    both = autopilot.screen_keys(view)
    alone = autopilot.keys(view)
    assert both[: len(alone)] == alone
    assert both[len(alone) :] == autopilot.keys(view.follow_up)
    assert both.count(autopilot.ENTER) == 2


def test_the_generated_flow_is_valid_and_as_big_as_asked(tmp_path: Path) -> None:
    root = write_bundle(tmp_path / "generated", steps=400, modules=2)
    bundle, problems = read_bundle(root)
    assert problems == []
    assert isinstance(bundle, Bundle) and len(bundle.steps) >= 400
    session = Session(bundle)
    view = autopilot.shown(session.start())
    while view is not None:
        view = autopilot.shown(session.answer(autopilot.engine_answer(view)))
    assert session.ended


def test_screen_text_ignores_escapes_and_spacing() -> None:
    raw = b"\x1b[?1049h\x1b[2;5HWho is\x1b[38;2;1;2;3m completing\x1b]0;title\x07 this?"
    assert screen_text(raw) == b"Whoiscompletingthis?"


def test_memory_growth_leaves_out_the_first_section_and_is_per_100_steps() -> None:
    from .bench_app import growth_per_100_steps

    keys = ["intro.a", "intro.b", "intro.c", "main.a", "main.b", "main.c", "end.x"]
    flat_after_intro = [1000, 9000, 20000, 30720, 30720, 30720, 30720]
    assert growth_per_100_steps({"step_keys": keys, "rss_steps_kib": flat_after_intro}) == 0
    rising = [1000, 1000, 1000, 10240, 11264, 12288, 13312]  # 1 MiB a step after the intro
    assert growth_per_100_steps({"step_keys": keys, "rss_steps_kib": rising}) == pytest.approx(100)


def test_a_callgrind_count_is_read_from_its_summary_line() -> None:
    from .count_start import instructions

    assert instructions("events: Ir\nsummary: 996426548\ntotals: 996426548\n") == 996426548
    assert instructions("totals: 12\n") == 12
    with pytest.raises(ValueError, match="summary"):
        instructions("events: Ir\n")  # valgrind was stopped before it wrote its counts
