"""The PA cost check shown inside the conversation (``show: pa_cost`` on a say step).

It reads the answers from the England flow's ``employing_pa`` module, runs the same
calculator as ``support-plan cost``, and renders with the same formatter, so the three
ways in (conversation, command line, Python) always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from assistant.engine.reports import ReportSpec, register_report
from assistant.engine.values import N_, Value
from assistant.money.calculator import calculate
from assistant.money.format import Formatter, render_text, to_json
from assistant.money.model import AgeBand, CostResult, Employee
from assistant.money.ratecheck import RateCheck, check_offered_rate

RATE, HOURS, AGE = "employing_pa.pa_rate", "employing_pa.pa_hours", "employing_pa.pa_age"
APPRENTICE, OFFERED = "employing_pa.pa_apprentice", "employing_pa.offered_rate"
AGE_BANDS: dict[str, tuple[int, bool]] = {
    "age_16_17": (16, False),
    "age_18_20": (18, False),
    "age_21": (21, False),
    "age_22_to_spa": (30, False),
    "over_spa": (67, True),
}
NOT_ENOUGH = N_(
    "We need the hourly rate and the hours a week to work out the cost. You can go back and"
    " add them, or use 'support-plan cost' later."
)


@dataclass(frozen=True)
class PaCost:
    """The calculation, the rate check (when an offered rate was given), or None if too little was known."""

    result: CostResult | None
    check: RateCheck | None


def compute(answers: Mapping[str, Value], on: dt.date) -> PaCost:
    """Cost the PA from the answers; unknown or declined answers fall back to the defaults."""
    rate, hours = answers.get(RATE), answers.get(HOURS)
    if not isinstance(rate, Decimal) or not isinstance(hours, int) or hours <= 0 or rate <= 0:
        return PaCost(None, None)
    band = answers.get(AGE)
    age = AGE_BANDS.get(band) if isinstance(band, str) else None
    employee = Employee(
        hourly_rate=rate,
        hours_weekly=Decimal(hours),
        age_band=AgeBand.from_age(age[0], over_state_pension_age=age[1]) if age else None,
        apprentice=answers.get(APPRENTICE) is True,
    )
    result = calculate([employee], on=on)
    offered = answers.get(OFFERED)
    if not isinstance(offered, Decimal) or offered <= 0:  # no offer, or "£0": nothing to compare
        return PaCost(result, None)
    return PaCost(result, check_offered_rate(result, offered_hourly=offered))


def render_lines(data: PaCost, translate: Callable[[str], str], locale: str) -> list[str]:
    """The same table and notes as ``support-plan cost``, in the person's language."""
    if data.result is None:
        return [translate(NOT_ENOUGH)]
    return render_text(data.result, data.check, Formatter(locale, translate)).splitlines()


def render_json(data: PaCost, translate: Callable[[str], str], locale: str) -> Any:
    """The structured result, as ``support-plan cost --json`` gives it."""
    if data.result is None:
        return {"message": translate(NOT_ENOUGH)}
    return to_json(data.result, data.check, Formatter(locale, translate))


register_report(
    ReportSpec(
        name="pa_cost",
        doc="The true cost of employing a PA, and the check of the council's offered rate.",
        inputs=(RATE, HOURS, AGE, APPRENTICE, OFFERED),
        compute=compute,
        render_lines=render_lines,
        render_json=render_json,
    )
)
