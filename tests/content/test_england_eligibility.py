"""Table-driven tests of the eligibility indication (Eligibility Criteria Regulations reg 2)."""

from __future__ import annotations

import pytest

from assistant.flow.functions import FUNCTIONS, MISSING
from assistant.rules import eligibility as elig
from assistant.values import Special

NOTHING: dict[str, object] = {}


def ways(**chosen: object) -> dict[str, object]:
    """The 'how' answers: outcome id → tuple of ways (or a special answer)."""
    return dict(chosen)


@pytest.mark.parametrize(
    ("impairment", "impact", "outcomes", "expected"),
    [
        # Two outcomes, each in one of the four ways, with a big impact: likely.
        ("yes", "big", ways(nutrition=("help",), hygiene=("help",)), "likely"),
        ("yes", "big", ways(nutrition=("pain",), dressing=("pain",)), "likely"),
        ("yes", "big", ways(toilet=("risk",), home_safety=("risk",)), "likely"),
        ("yes", "big", ways(work=("slow",), community=("slow",)), "likely"),
        ("yes", "big", ways(relationships=("help", "pain"), child_care=("risk", "slow")), "likely"),
        ("yes", "big", ways(home_upkeep=("help",), community=("pain",), work=("none",)), "likely"),
        # Only one outcome: condition 2 is not met, whatever else is true.
        ("yes", "big", ways(nutrition=("help",)), "unlikely"),
        ("yes", "big", ways(nutrition=("help",), hygiene=("none",)), "unlikely"),
        ("yes", "big", NOTHING, "unlikely"),
        # One outcome plus one the person was unsure about: might.
        ("yes", "big", ways(nutrition=("help",), hygiene=Special.UNKNOWN), "might"),
        ("yes", "big", ways(nutrition=Special.DECLINED, hygiene=Special.UNKNOWN), "might"),
        # Condition 1.
        ("no", "big", ways(nutrition=("help",), hygiene=("help",)), "unlikely"),
        (Special.UNKNOWN, "big", ways(nutrition=("help",), hygiene=("help",)), "might"),
        (Special.DECLINED, "big", ways(nutrition=("help",), hygiene=("help",)), "might"),
        (MISSING, "big", ways(nutrition=("help",), hygiene=("help",)), "might"),
        # Condition 3.
        ("yes", "little", ways(nutrition=("help",), hygiene=("help",)), "unlikely"),
        ("yes", "some", ways(nutrition=("help",), hygiene=("help",)), "might"),
        ("yes", Special.UNKNOWN, ways(nutrition=("help",), hygiene=("help",)), "might"),
        # A condition not met beats one that is unclear.
        (Special.UNKNOWN, "little", ways(nutrition=("help",), hygiene=("help",)), "unlikely"),
    ],
)
def test_indication(
    impairment: object, impact: object, outcomes: dict[str, object], expected: str
) -> None:
    result = elig.assess(impairment, impact, outcomes)
    assert result.indication == expected
    ordered = [outcomes.get(name, MISSING) for name in elig.OUTCOMES]
    assert FUNCTIONS["eligibility"].call([impairment, impact, *ordered]) == expected


@pytest.mark.parametrize("way", elig.WAYS)
def test_each_of_the_four_ways_counts_on_its_own(way: str) -> None:
    assert elig.outcome_status((way,)) == "met"
    assert elig.outcome_status(("none",)) == "not_met"


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ((), "not_met"),
        (MISSING, "not_met"),
        (Special.UNKNOWN, "unclear"),
        (Special.DECLINED, "unclear"),
        ("help", "not_met"),
    ],
)
def test_outcome_status_of_odd_answers(answer: object, status: str) -> None:
    assert elig.outcome_status(answer) == status


def test_every_outcome_is_one_of_the_ten() -> None:
    assert len(elig.OUTCOMES) == 10
    for name in elig.OUTCOMES:
        result = elig.assess("yes", "big", {name: ("help",), "nutrition": ("help",)})
        expected = "unlikely" if name == "nutrition" else "likely"
        assert result.indication == expected, name


@pytest.mark.parametrize(
    ("struggles", "fluctuating"),
    [
        ({"nutrition": "some_days", "hygiene": "yes"}, ("nutrition",)),
        ({"nutrition": "some_days", "hygiene": "some_days"}, ("nutrition", "hygiene")),
        ({"nutrition": "yes", "hygiene": "yes"}, ()),
    ],
)
def test_fluctuating_needs_count_and_are_explained(
    struggles: dict[str, object], fluctuating: tuple[str, ...]
) -> None:
    result = elig.assess("yes", "big", {"nutrition": ("help",), "hygiene": ("pain",)}, struggles)
    assert result.indication == "likely"
    assert result.fluctuating == fluctuating
    assert (elig.FLUCTUATING_REASON in result.reasons) == bool(fluctuating)


def test_fluctuating_without_a_way_is_not_counted() -> None:
    result = elig.assess("yes", "big", {"nutrition": ("none",)}, {"nutrition": "some_days"})
    assert result.fluctuating == ()


def test_reasons_name_each_condition_in_plain_words() -> None:
    result = elig.assess("yes", "little", {"nutrition": ("help",), "hygiene": Special.UNKNOWN})
    assert result.conditions == {"c1": "met", "c2": "unclear", "c3": "not_met"}
    assert result.reasons == (
        elig.REASONS[("c1", "met")],
        elig.REASONS[("c2", "unclear")],
        elig.REASONS[("c3", "not_met")],
    )
    assert result.outcomes_met == ("nutrition",)
    assert result.outcomes_unclear == ("hygiene",)


def test_from_answers_reads_the_flow_keys() -> None:
    answers = {
        "day_to_day.impairment": "yes",
        "day_to_day.wellbeing_impact": "big",
        "day_to_day.nutrition": "some_days",
        "day_to_day.nutrition_how": ("help",),
        "day_to_day.community_how": ("risk",),
    }
    result = elig.from_answers(answers)
    assert result.indication == "likely"
    assert result.fluctuating == ("nutrition",)


@pytest.mark.parametrize("junk", [None, 3, ("x",), "maybe", Special.UNKNOWN])
def test_functions_are_total(junk: object) -> None:
    assert FUNCTIONS["eligibility"].call([junk] * 12) in ("likely", "might", "unlikely")
    assert FUNCTIONS["eligibility_outcomes"].call([junk] * 10) in ("met", "unclear", "not_met")
    assert FUNCTIONS["eligibility_impairment"].call([junk]) in ("met", "unclear", "not_met")
    assert FUNCTIONS["eligibility_impact"].call([junk]) in ("met", "unclear", "not_met")
