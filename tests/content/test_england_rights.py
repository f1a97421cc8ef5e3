"""Table-driven tests: each right is triggered by the answers it depends on, and only then."""

from __future__ import annotations

import pytest

from assistant.flow.functions import FUNCTIONS, MISSING
from assistant.rules import rights
from assistant.values import Special

LIKELY = {
    "day_to_day.impairment": "yes",
    "day_to_day.wellbeing_impact": "big",
    "day_to_day.nutrition_how": ("help",),
    "day_to_day.hygiene_how": ("pain",),
}


@pytest.mark.parametrize(
    ("detained", "section", "expected"),
    [
        (True, "s3", True),
        (True, "s37", True),
        (True, "s45a", True),
        (True, "s47_48", True),
        (True, "other", False),
        (True, Special.UNKNOWN, False),
        (False, "s3", False),
        (Special.DECLINED, MISSING, False),
    ],
)
def test_aftercare(detained: object, section: object, expected: bool) -> None:
    assert rights.aftercare(detained, section) is expected
    assert FUNCTIONS["right_aftercare"].call([detained, section]) is expected


@pytest.mark.parametrize(
    ("difficulty", "person", "expected"),
    [
        (("understand",), False, True),
        (("remember",), Special.UNKNOWN, True),
        (("weigh",), MISSING, True),
        (("communicate",), False, True),
        (("understand", "communicate"), True, False),
        (("none",), False, False),
        (Special.DECLINED, False, False),
        (MISSING, MISSING, False),
    ],
)
def test_advocate(difficulty: object, person: object, expected: bool) -> None:
    assert rights.advocate(difficulty, person) is expected
    assert FUNCTIONS["right_advocate"].call([difficulty, person]) is expected


@pytest.mark.parametrize(
    ("indication", "has", "expected"),
    [
        ("likely", MISSING, True),
        ("might", ("none",), True),
        ("unlikely", ("plan",), True),
        ("unlikely", ("direct_payment",), True),
        ("unlikely", ("personal_budget",), True),
        ("unlikely", ("assessment",), False),
        ("unlikely", Special.UNKNOWN, False),
    ],
)
def test_planning_and_advice_are_opposites(indication: str, has: object, expected: bool) -> None:
    assert rights.planning(indication, has) is expected
    assert rights.advice_if_not_eligible(indication, has) is not expected


@pytest.mark.parametrize(
    ("decisions", "authority", "self_", "authorised"),
    [
        ("yes", MISSING, True, False),
        ("with_help", ("none",), True, False),
        ("sometimes", ("none",), True, True),
        ("no", ("none",), False, True),
        ("no", Special.UNKNOWN, False, True),
        (MISSING, ("lpa_money",), True, True),
        ("with_help", ("deputy",), True, True),
        ("with_help", ("lpa_health",), True, True),
    ],
)
def test_direct_payment_routes(
    decisions: object, authority: object, self_: bool, authorised: bool
) -> None:
    assert rights.can_ask_for_direct_payment(decisions) is self_
    assert rights.through_authorised_person(decisions, authority) is authorised
    assert rights.direct_payment("likely", MISSING, decisions) is self_
    assert rights.direct_payment("unlikely", MISSING, decisions) is False
    assert rights.authorised_person("likely", MISSING, decisions, authority) is authorised


@pytest.mark.parametrize(
    ("answers", "present", "absent"),
    [
        ({}, {"advice"}, {"plan", "carer_of_you", "advocate", "aftercare"}),
        (LIKELY, {"plan", "direct_payment"}, {"advice", "authorised_person"}),
        ({**LIKELY, "mental_health.decisions": "no"}, {"authorised_person"}, {"direct_payment"}),
        ({"carers.has_carer": True}, {"carer_of_you"}, {"own_carer_assessment"}),
        ({"carers.is_carer": True}, {"own_carer_assessment"}, {"carer_of_you"}),
        (
            {"mental_health.difficulty": ("weigh",), "mental_health.appropriate_person": False},
            {"advocate"},
            set(),
        ),
        ({"mental_health.detained": True, "mental_health.section": "s3"}, {"aftercare"}, set()),
        ({"day_to_day.feel_safe": "unsure"}, {"safeguarding"}, set()),
        ({"day_to_day.feel_safe": "yes"}, set(), {"safeguarding"}),
        ({"getting_started.prompt": ("hospital",)}, {"free_reablement"}, set()),
        ({"getting_started.prompt": ("money",)}, set(), {"free_reablement"}),
    ],
)
def test_applicable(answers: dict[str, object], present: set[str], absent: set[str]) -> None:
    found = set(rights.applicable(answers))
    assert set(rights.ALWAYS) <= found
    assert present <= found
    assert not (absent & found)
