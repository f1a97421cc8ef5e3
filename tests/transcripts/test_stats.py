"""``support-plan stats`` counts what a person is shown, screen by screen.

The example golden (``transcripts/example_ann.yaml``) was counted by hand from its turns:
a back, a refused answer, a break and an edit each change what "a screen" is.
"""

from __future__ import annotations

from pathlib import Path

from support_plan_cli import support_plan

from assistant.transcript.golden import load_golden
from assistant.transcript.replay import bundle_loader
from assistant.transcript.stats import Budgets, JourneyStats, Screen, measure, over_budget

ROOT = Path(__file__).resolve().parents[2]
LOAD = bundle_loader(ROOT / "flows")

#: Ann's screens, read off her golden: the back shows answering_for again, the refused age
#: is no new screen, the break and resume are not either, the edit shows the name question
#: and then the step she had reached (hours), not the steps in between; the end is not a screen.
ANN = [
    "welcome.hello",
    "welcome.name",
    "welcome.answering_for",
    "welcome.age",
    "welcome.answering_for",
    "welcome.age",
    "welcome.assessment_right",
    "needs.tasks",
    "needs.has_carer",
    "needs.carer_right",
    "needs.hours",
    "welcome.name",
    "needs.hours",
    "needs.rate",
]


def test_each_screen_the_person_met_is_counted_once() -> None:
    stats = measure(load_golden(ROOT / "transcripts" / "example_ann.yaml"), LOAD)
    assert [s.step for s in stats.shown] == ANN
    assert (stats.screens, stats.questions, stats.information) == (14, 11, 3)
    assert stats.longest_run == 1
    assert not stats.adviser


def test_words_are_the_words_to_read_and_the_rest_is_counted_apart() -> None:
    stats = measure(load_golden(ROOT / "transcripts" / "example_ann.yaml"), LOAD)
    tasks = next(s for s in stats.shown if s.step == "needs.tasks")
    # "Which of these are hard for you?"; then the labels Washing, Making meals, Shopping.
    assert (tasks.words, tasks.extra) == (7, 1 + 2 + 1)
    rate = next(s for s in stats.shown if s.step == "needs.rate")
    # A sensitive question shows "why we ask" beside it: 9 words besides the question's 9.
    assert (rate.words, rate.extra) == (9, 9)
    assert stats.words == sum(s.words for s in stats.shown)
    assert stats.all_words == stats.words + sum(s.extra for s in stats.shown)
    assert stats.minutes == stats.all_words / 150 + stats.questions * 15 / 60


def test_an_adviser_led_call_is_marked() -> None:
    stats = measure(load_golden(ROOT / "transcripts" / "adviser_call.yaml"), LOAD)
    assert stats.adviser


def _row(name: str, kinds: str, words: int = 10, adviser: bool = False) -> JourneyStats:
    shown = [Screen(f"m.s{i}", "say" if k == "i" else "ask", words) for i, k in enumerate(kinds)]
    return JourneyStats(name, "england", adviser, shown)


def test_the_longest_run_of_information_screens() -> None:
    assert _row("a", "iqiiiqiiq").longest_run == 3
    assert _row("a", "qqq").longest_run == 0


def test_budgets_report_each_one_broken() -> None:
    budgets = Budgets(median_screens=4, most_screens=5, longest_information_run=2, median_words=45)
    within = [_row("a", "qiq", 10), _row("b", "qiqq", 10)]
    assert over_budget(within, budgets) == []
    broken = over_budget([_row("a", "qiiiqq", 10), _row("b", "qqqqqq", 10)], budgets)
    assert broken == [
        "median screens 6 > 4",
        "median words 60 > 45",
        "a: 6 screens > 5",
        "a: 3 information screens in a row > 2",
        "b: 6 screens > 5",
    ]
    adviser = _row("c", "qqqqq", adviser=True)
    assert over_budget([adviser], Budgets(adviser_screens=4)) == ["c: 5 screens > 4"]


def test_the_command_prints_a_row_per_conversation_and_the_medians() -> None:
    result = support_plan("stats", "flows/example", "--transcripts", "transcripts/")
    assert result.returncode == 0, result.stderr
    assert "| example_ann | 14 | 11 | 3 | 1 |" in result.stdout
    assert "| **median** | 14 | 11 | 3 | 1 |" in result.stdout
    assert "| words | with choices | minutes |" in result.stdout
    assert "All budgets hold." in result.stdout


def test_the_command_fails_with_check_only_when_a_budget_is_broken(tmp_path: Path) -> None:
    ok = support_plan("stats", "example", "--check")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    missing = support_plan("stats", str(tmp_path))
    assert missing.returncode == 2
    assert "no flow bundle" in missing.stderr


def test_a_follow_up_on_its_partners_screen_is_a_question_but_no_screen() -> None:
    stats = measure(load_golden(ROOT / "transcripts" / "adviser_call.yaml"), LOAD)
    follow_ups = [s for s in stats.shown if s.continues]
    # The adviser call answers four hard needs, each asking what would help on its screen.
    assert [s.step for s in follow_ups] == [
        "day_to_day.hygiene_help",
        "day_to_day.dressing_help",
        "day_to_day.home_upkeep_help",
        "day_to_day.community_help",
    ]
    assert all(s.kind == "ask" for s in follow_ups)
    assert stats.questions == sum(s.kind == "ask" for s in stats.shown)
    assert stats.screens == stats.questions + stats.information - len(follow_ups)
    paired = JourneyStats(
        "p", "england", False, [Screen("m.a", "ask", 5), Screen("m.b", "ask", 5, 0, True)]
    )
    assert (paired.screens, paired.questions) == (1, 2)
