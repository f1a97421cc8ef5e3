"""Table-driven tests of the budget management suggestions (CSSG chapter 11)."""

from __future__ import annotations

import pytest

from assistant.flow.functions import FUNCTIONS, MISSING
from assistant.rules import options
from assistant.values import Special


@pytest.mark.parametrize(
    ("control", "manage", "decisions", "authority", "employ", "has", "expected"),
    [
        # Wants control and can manage: a direct payment.
        ("a_lot", "self", "yes", MISSING, "no", MISSING, ("direct_payment",)),
        # Wants control, someone can help: a direct payment or a managed account.
        ("a_lot", "someone", "yes", MISSING, "no", MISSING, ("direct_payment", "third_party")),
        # Wants control but cannot manage: managed account or individual service fund.
        ("a_lot", "no", "yes", MISSING, "no", MISSING, ("third_party", "isf")),
        # Some control and can manage: a mix, with the managed account if someone helps.
        ("some", "self", "yes", MISSING, "no", MISSING, ("mix",)),
        ("some", "someone", "yes", MISSING, "no", MISSING, ("third_party", "mix")),
        ("some", "no", "yes", MISSING, "no", MISSING, ("third_party", "isf")),
        # Would rather the council arranged it.
        ("not_much", "self", "yes", MISSING, "no", MISSING, ("council_managed",)),
        # Wants to employ someone they know and can manage: a direct payment.
        (
            "not_much",
            "self",
            "yes",
            MISSING,
            "other_known",
            MISSING,
            ("direct_payment", "council_managed"),
        ),
        ("some", "no", "yes", MISSING, "family_household", MISSING, ("third_party", "isf")),
        # Lacks capacity, nobody authorised and nobody to manage: council-managed.
        ("a_lot", "self", "no", ("none",), "no", MISSING, ("council_managed",)),
        # Lacks capacity but an attorney can hold the payment: a direct payment.
        ("a_lot", "self", "no", ("lpa_money",), "no", MISSING, ("direct_payment",)),
        ("a_lot", "someone", "no", ("none",), "no", MISSING, ("direct_payment", "third_party")),
        # Already has a direct payment and can manage it.
        (Special.UNKNOWN, "self", "yes", MISSING, "no", ("direct_payment",), ("direct_payment",)),
        # Nothing to go on: every direct payment holder-to-be still hears the main two.
        (Special.UNKNOWN, Special.UNKNOWN, MISSING, MISSING, MISSING, MISSING, options.FALLBACK),
        (MISSING, MISSING, MISSING, MISSING, MISSING, MISSING, options.FALLBACK),
    ],
)
def test_recommend(
    control: object,
    manage: object,
    decisions: object,
    authority: object,
    employ: object,
    has: object,
    expected: tuple[str, ...],
) -> None:
    assert options.recommend(control, manage, decisions, authority, employ, has) == expected
    call = FUNCTIONS["budget_options"].call([control, manage, decisions, authority, employ, has])
    assert call == expected


def test_every_option_can_be_recommended() -> None:
    seen: set[str] = set()
    for control in ("a_lot", "some", "not_much"):
        for manage in ("self", "someone", "no"):
            seen.update(options.recommend(control, manage))
    assert seen == set(options.OPTIONS)


def test_from_answers() -> None:
    answers = {"managing_budget.control": "a_lot", "managing_budget.manage": "self"}
    assert options.from_answers(answers) == ("direct_payment",)
