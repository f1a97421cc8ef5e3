"""The England flow's cost-check answers, turned into the calculator's inputs.

Both the cost check shown in the conversation (:mod:`assistant.money.report`) and the
cost table in the plan (:mod:`assistant.plan.costs`) read the answers through here, so
the two can never disagree about what was costed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

from assistant.money import messages as m
from assistant.money.calculator import calculate
from assistant.money.model import AgeBand, CostResult, Employee, Msg

# The answers the cost check reads are named with the check, which flows name without this.
from assistant.money.pa_cost import AGE, APPRENTICE, HELD, HOURS, OFFERED, RATE
from assistant.money.ratecheck import RateCheck, check_offered_rate
from assistant.values import InvalidAnswer, Number, Value

#: The flow's age answers (``pa_age`` choices) as the calculator's age bands; which rules
#: apply to each band comes from the year's rate file. "22 up to State Pension age" is
#: costed as the 25-and-over band: without the employer NI relief for apprentices under 25,
#: so the cost is never understated. (``support-plan cost --age`` costs 22 to 24 exactly.)
#: An answer not listed here, or no answer, leaves the age unknown: the costliest adult case.
AGE_BANDS: Mapping[str, AgeBand] = MappingProxyType(
    {
        "age_16_17": AgeBand.AGE_16_17,
        "age_18_20": AgeBand.AGE_18_20,
        "age_21": AgeBand.AGE_21,
        "age_22_to_spa": AgeBand.AGE_25_TO_SPA,
        "over_spa": AgeBand.STATE_PENSION_AGE_OR_OVER,
    }
)


def employee(answers: Mapping[str, Value]) -> Employee | None:
    """The PA described in the answers, or None without a usable hourly rate and hours:
    we never guess a wage. Unknown or declined age and apprentice answers use the defaults."""
    rate, hours = answers.get(RATE), answers.get(HOURS)
    if not isinstance(rate, Decimal) or isinstance(hours, bool):
        return None
    if not isinstance(hours, int | Number):  # whole hours, or halves (10.5)
        return None
    age = answers.get(AGE)
    try:
        return Employee(
            rate,
            Decimal(hours),
            AGE_BANDS.get(age) if isinstance(age, str) else None,
            answers.get(APPRENTICE) is True,
        )
    except InvalidAnswer:  # e.g. 0 hours or £0 an hour: there is nothing to cost
        return None


def cost_check(
    answers: Mapping[str, Value], on: dt.date
) -> tuple[CostResult, RateCheck | None] | None:
    """The calculator's result for the PA in the answers, with the council's offered rate
    checked when one above £0 was given; None when there is too little to cost."""
    pa = employee(answers)
    if pa is None:
        return None
    result = calculate(pa, on=on)
    offered = answers.get(OFFERED)
    if isinstance(offered, Decimal) and offered > 0:  # "£0" is no offer, not a shortfall
        check = check_offered_rate(result, offered_hourly=offered)
        return result, check if holds_direct_payment(answers) else as_council_rate(check)
    return result, None


def holds_direct_payment(answers: Mapping[str, Value]) -> bool:
    """They said they have a direct payment already (not only that they may want one)."""
    held = answers.get(HELD)
    return isinstance(held, tuple) and "direct_payment" in held


def as_council_rate(check: RateCheck) -> RateCheck:
    """The check for someone with no direct payment: the rate they gave is the council's
    rate for a PA, not an offer made to them, so the summary says what it would come to."""
    worded = {m.RATE_SHORT: m.RATE_SHORT_IF, m.RATE_ENOUGH: m.RATE_ENOUGH_IF}
    summary = tuple(Msg(worded.get(s.msgid, s.msgid), s.params) for s in check.summary)
    return dataclasses.replace(check, summary=summary)
