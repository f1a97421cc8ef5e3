"""An *indication* of whether needs meet the national eligibility criteria for adults.

The Care and Support (Eligibility Criteria) Regulations 2015, regulation 2, set three
conditions that must all be met: needs come from an impairment or illness (C1); because of
them the adult is unable to achieve two or more of ten outcomes (C2); and as a result there
is, or is likely to be, a significant impact on wellbeing (C3). "Unable to achieve" has four
meanings (regulation 2(3)): needing help (including prompting), significant pain, distress
or anxiety, risk to anyone's health or safety, or taking significantly longer than normal.

This module turns a person's answers into "likely", "might" or "unlikely", with reasons.
It never decides anything: only the council decides, after an assessment. It is pure and
total, so the flow's conditions and the tests can call it with any answers at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.values import N_, Special

#: The ten outcomes of regulation 2(2)(a)-(j), as the ids of the day_to_day questions.
OUTCOMES: tuple[str, ...] = (
    "nutrition",
    "hygiene",
    "toilet",
    "dressing",
    "home_safety",
    "home_upkeep",
    "relationships",
    "work",
    "community",
    "child_care",
)

#: The four ways of being "unable to achieve" an outcome (regulation 2(3)(a)-(d)).
WAYS: tuple[str, ...] = ("help", "pain", "risk", "slow")

#: The struggle answer that means "it varies from day to day" (regulation 2(4)).
VARIES = "some_days"

Status = Literal["met", "unclear", "not_met"]
Indication = Literal["likely", "might", "unlikely"]

#: Message ids for the reasons, one per condition and status (English source strings).
REASONS: dict[tuple[str, Status], str] = {
    ("c1", "met"): N_(
        "Your difficulties come from an illness, a disability or a health condition."
    ),
    ("c1", "unclear"): N_(
        "We are not sure your difficulties come from an illness or a health condition."
    ),
    ("c1", "not_met"): N_(
        "You told us your difficulties do not come from an illness or a health condition."
    ),
    ("c2", "met"): N_("You struggle with two or more everyday things, in one of the four ways."),
    ("c2", "unclear"): N_(
        "You may struggle with two or more everyday things, but some answers were not sure."
    ),
    ("c2", "not_met"): N_("You told us about fewer than two everyday things you struggle with."),
    ("c3", "met"): N_("You told us this has a big effect on your wellbeing."),
    ("c3", "unclear"): N_("We are not sure how big the effect on your wellbeing is."),
    ("c3", "not_met"): N_("You told us this does not affect your wellbeing much."),
}
FLUCTUATING_REASON = N_(
    "Some of your needs come and go. The council must look at a long enough time to see them all."
)


def impairment_status(answer: object) -> Status:
    """Condition 1 from the answer to "do your difficulties come from a condition?"."""
    if answer == "yes":
        return "met"
    if answer == "no":
        return "not_met"
    return "unclear"


def impact_status(answer: object) -> Status:
    """Condition 3 from the answer to "how much does this affect your wellbeing?"."""
    if answer == "big":
        return "met"
    if answer == "little":
        return "not_met"
    return "unclear"


def outcome_status(ways: object) -> Status:
    """One outcome: met if any of the four ways was chosen, unclear if the person wasn't sure.

    ``ways`` is the multiple-choice answer (a tuple of value ids). "I don't know" and "I'd
    rather not say" leave the outcome unclear; no answer (not asked) means no difficulty.
    """
    if isinstance(ways, tuple) and any(way in WAYS for way in ways):
        return "met"
    if isinstance(ways, Special):
        return "unclear"
    return "not_met"


def outcomes_status(all_ways: Sequence[object]) -> Status:
    """Condition 2: two or more outcomes met; unclear if the unsure ones could make two."""
    statuses = [outcome_status(ways) for ways in all_ways]
    met = statuses.count("met")
    if met >= 2:
        return "met"
    if met + statuses.count("unclear") >= 2:
        return "unclear"
    return "not_met"


def combine(statuses: Sequence[Status]) -> Indication:
    """All conditions must be met: any not met gives "unlikely", any unclear gives "might"."""
    if "not_met" in statuses:
        return "unlikely"
    if "unclear" in statuses:
        return "might"
    return "likely"


@dataclass(frozen=True)
class EligibilityResult:
    """The indication with everything needed to explain it in the person's terms."""

    indication: Indication
    conditions: dict[str, Status]
    outcomes_met: tuple[str, ...]
    outcomes_unclear: tuple[str, ...]
    fluctuating: tuple[str, ...]
    reasons: tuple[str, ...]


def assess(
    impairment: object,
    impact: object,
    ways: Mapping[str, object],
    struggles: Mapping[str, object] | None = None,
) -> EligibilityResult:
    """The indication and its reasons. ``ways``/``struggles`` are keyed by outcome id."""
    struggles = struggles or {}
    per_outcome = {name: outcome_status(ways.get(name)) for name in OUTCOMES}
    conditions: dict[str, Status] = {
        "c1": impairment_status(impairment),
        "c2": outcomes_status([ways.get(name) for name in OUTCOMES]),
        "c3": impact_status(impact),
    }
    fluctuating = tuple(
        name
        for name in OUTCOMES
        if struggles.get(name) == VARIES and per_outcome[name] != "not_met"
    )
    reasons = tuple(REASONS[(key, status)] for key, status in conditions.items())
    return EligibilityResult(
        indication=combine(list(conditions.values())),
        conditions=conditions,
        outcomes_met=tuple(n for n in OUTCOMES if per_outcome[n] == "met"),
        outcomes_unclear=tuple(n for n in OUTCOMES if per_outcome[n] == "unclear"),
        fluctuating=fluctuating,
        reasons=reasons + ((FLUCTUATING_REASON,) if fluctuating else ()),
    )


def indication(impairment: object, impact: object, *all_ways: object) -> Indication:
    """The indication from the answers in the order the flow passes them (a to j)."""
    return assess(impairment, impact, dict(zip(OUTCOMES, all_ways, strict=False))).indication


def from_answers(answers: Mapping[str, object], module: str = "day_to_day") -> EligibilityResult:
    """The indication from a whole set of answers keyed ``module.step`` (for the plan)."""

    def get(step: str) -> object:
        return answers.get(f"{module}.{step}")

    return assess(
        get("impairment"),
        get("wellbeing_impact"),
        {name: get(f"{name}_how") for name in OUTCOMES},
        {name: get(name) for name in OUTCOMES},
    )
