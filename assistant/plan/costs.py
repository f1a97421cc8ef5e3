"""The PA cost table in the plan, from the cost-check answers and the money calculator.

The figures come only from :mod:`assistant.money` (dated rate files with sources); this
module maps the flow's answers onto the calculator's inputs and words the result. The
table appears only when the person gave both an hourly rate and hours: we never guess
a wage. An unknown age means the calculator's costliest adult case, and says so.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from assistant.engine.values import N_, InvalidAnswer, Value
from assistant.money import AgeBand, Employee, calculate, check_offered_rate
from assistant.money import messages as m
from assistant.money.format import Formatter, case_points, pounds, request_notes
from assistant.money.model import CostLine, CostResult
from assistant.money.ratecheck import RateCheck
from assistant.plan.model import CostRow, Costs, CostTable
from assistant.plan.parts import Reader

MODULE = "employing_pa"
#: The flow's answers for PA age, as the calculator's age bands. "22 up to State Pension
#: age" is taken as 25 and over: without the apprentice relief, so the cost is not understated.
AGE_BANDS: dict[str, AgeBand] = {
    "age_16_17": AgeBand.AGE_16_17,
    "age_18_20": AgeBand.AGE_18_20,
    "age_21": AgeBand.AGE_21,
    "age_22_to_spa": AgeBand.AGE_25_TO_SPA,
    "over_spa": AgeBand.STATE_PENSION_AGE_OR_OVER,
}


def _answer(reader: Reader, step: str) -> Value | None:
    return reader.answers.get(f"{MODULE}.{step}")


def employee(reader: Reader) -> Employee | None:
    """The PA described in the answers, or None without both a rate and hours."""
    rate, hours = _answer(reader, "pa_rate"), _answer(reader, "pa_hours")
    if not isinstance(rate, Decimal) or isinstance(hours, bool) or not isinstance(hours, int):
        return None
    age = _answer(reader, "pa_age")
    try:
        return Employee(
            rate,
            Decimal(hours),
            AGE_BANDS.get(age) if isinstance(age, str) else None,
            _answer(reader, "pa_apprentice") is True,
        )
    except InvalidAnswer:  # e.g. 0 hours or £0 an hour: there is nothing to cost
        return None


def cost_check(reader: Reader, today: dt.date) -> tuple[CostResult, RateCheck | None] | None:
    """The calculator's result for the PA in the answers, with the offer checked if given."""
    pa = employee(reader)
    if pa is None:
        return None
    result = calculate(pa, on=today)
    offered = _answer(reader, "offered_rate")
    if isinstance(offered, Decimal) and offered > 0:
        return result, check_offered_rate(result, offered_hourly=offered)
    return result, None


def cost_facts(result: CostResult, check: RateCheck | None) -> Costs:
    """The result as exact decimal strings, for JSON and the golden conversations."""
    return Costs(
        tax_year=result.tax_year,
        lines={line.id: pounds(line.weekly) for line in result.lines},
        total_weekly=pounds(result.total_weekly),
        total_yearly=pounds(result.total_yearly),
        per_hour=pounds(result.per_hour),
        offered_weekly=pounds(check.offered_weekly) if check else None,
        shortfall_weekly=pounds(check.shortfall_weekly) if check else None,
        shortfall_yearly=pounds(check.shortfall_yearly) if check else None,
    )


def cost_table(reader: Reader, result: CostResult, check: RateCheck | None) -> CostTable:
    """The cost table as the person reads it: lines, totals, warnings and assumptions."""
    f = Formatter(reader.t.locale, reader.t.gettext)
    total = CostLine("total", m.TOTAL, result.total_weekly)
    return CostTable(
        heading=f.translate(m.HEADING).format(tax_year=result.tax_year),
        rows=tuple(_row(line, f) for line in result.lines),
        total=_row(total, f),
        per_hour=pounds(result.per_hour),
        per_hour_text=f.money(result.per_hour),
        tax_year=result.tax_year,
        warnings=tuple(f.text(w) for w in result.warnings),
        assumptions=tuple(f.text(a) for a in result.assumptions),
        **_offer(check, f),
    )


def _row(line: CostLine, f: Formatter) -> CostRow:
    return CostRow(
        line.id,
        f.translate(line.label),
        pounds(line.weekly),
        pounds(line.yearly),
        f.money(line.weekly),
        f.money(line.yearly),
    )


def _offer(check: RateCheck | None, f: Formatter) -> dict[str, Any]:
    """The rate check's parts: what the offer means, the case for a review, the paragraph."""
    if check is None:
        return {}
    paragraph = check.request_paragraph
    return {
        "rate_check": tuple(f.text(s) for s in check.summary),
        "review_case": tuple(case_points(check, f)),
        "request": f.text(paragraph) if paragraph is not None else "",
        "request_notes": tuple(request_notes(check, f)) if paragraph is not None else (),
    }


#: Said in the plan when the cost check was skipped or incomplete.
NO_COSTS = N_(
    "There is no cost table, because the hourly rate or the hours were not given. You can work it out any time with: support-plan cost"
)
