"""Which ways of managing a personal budget may suit a person (module 7 of the England flow).

The Care and Support Statutory Guidance, chapter 11, lets a personal budget be managed as a
direct payment, by the council, through an individual service fund, through a third-party
managed account, or as a mix. This module suggests which may fit, from four things: how
much control the person wants, whether they (or someone) could manage the money, their
capacity to decide, and whether they want to employ someone they know. It suggests; the
person chooses, and a direct payment must always be offered where the law allows.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.rules.rights import legal_authority

#: Every option, in the order the flow explains them.
OPTIONS: tuple[str, ...] = ("direct_payment", "third_party", "isf", "council_managed", "mix")

#: Shown when nothing else fits: everyone should hear about a direct payment.
FALLBACK: tuple[str, ...] = ("direct_payment", "council_managed")

_AUTHORITIES = frozenset({"lpa_health", "lpa_money", "deputy", "attorney"})

#: Answers to "would you like to pay someone you already know": yes, in any of its forms.
WANTS_TO_EMPLOY = frozenset({"partner", "family_household", "other_known"})

#: The people Direct Payments Regulations 2014 reg 3 covers: a spouse, civil partner or
#: live-in partner wherever they live, and a close relative in the same household.
FAMILY_RULE = frozenset({"partner", "family_household"})


def _has(answer: object, item: str) -> bool:
    return isinstance(answer, tuple) and item in answer


def recommend(
    control: object,
    manage: object,
    decisions: object = None,
    authority: object = None,
    employ_known: object = None,
    has: object = None,
) -> tuple[str, ...]:
    """The options that may suit, in :data:`OPTIONS` order; never empty.

    ``control``: a_lot / some / not_much; ``manage``: self / someone / no; ``decisions``:
    yes / with_help / sometimes / no; ``authority``: multi of lpa_health, lpa_money, deputy,
    none; ``employ_known``: partner / family_household / other_known / no; ``has``: what is
    in place.
    Anything else (unknown, declined, not asked) simply does not count towards a reason.
    """
    capable = manage in ("self", "someone")
    authorised = isinstance(authority, tuple) and any(a in _AUTHORITIES for a in authority)
    needs_authorised = decisions == "no" and not authorised and manage != "someone"
    employ = employ_known in WANTS_TO_EMPLOY
    wants_choice = control in ("a_lot", "some") or employ
    fits = {
        "direct_payment": (control == "a_lot" or employ or _has(has, "direct_payment"))
        and capable
        and not needs_authorised,
        "third_party": wants_choice and manage != "self",
        "isf": control in ("a_lot", "some") and manage not in ("self", "someone"),
        "council_managed": control == "not_much" or needs_authorised,
        "mix": control == "some" and capable and not needs_authorised,
    }
    chosen = tuple(option for option in OPTIONS if fits[option])
    return chosen or FALLBACK


def from_answers(answers: Mapping[str, object]) -> tuple[str, ...]:
    """The suggestions from a whole set of answers keyed ``module.step`` (for the plan)."""
    get = answers.get
    return recommend(
        get("managing_budget.control"),
        get("managing_budget.manage"),
        get("mental_health.decisions"),
        legal_authority(get("mental_health.authority"), get("getting_started.authority_to_act")),
        get("managing_budget.employ_known"),
        get("getting_started.has"),
    )
