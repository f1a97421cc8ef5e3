"""The PA cost table in the plan, from the cost-check answers and the money calculator.

The figures come only from :mod:`assistant.money` (dated rate files with sources), and
the flow's answers become the calculator's inputs in :mod:`assistant.money.answers`, the
same mapping the conversation's cost check uses; this module words the result. The
table appears only when the person gave both an hourly rate and hours: we never guess
a wage. An unknown age means the calculator's costliest adult case, and says so.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assistant.money import answers
from assistant.money import messages as m
from assistant.money.format import Formatter, pounds, request_notes
from assistant.money.model import CostLine, CostResult, Msg
from assistant.money.ratecheck import RateCheck
from assistant.plan.model import CostRow, Costs, CostTable
from assistant.plan.parts import Reader, holds_direct_payment
from assistant.values import N_


def cost_check(reader: Reader, today: dt.date) -> tuple[CostResult, RateCheck | None] | None:
    """The calculator's result for the PA in the answers, with the offer checked if given.

    The answers are read exactly as the conversation's cost check reads them
    (:mod:`assistant.money.answers`), so the plan's table and the conversation agree.
    """
    return answers.cost_check(reader.answers, today)


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


def cost_table(
    reader: Reader, result: CostResult, check: RateCheck | None, *, assumptions: bool = True
) -> CostTable:
    """The cost table as the person reads it: lines, totals, warnings and assumptions, and
    with an offered rate, what it means, the case for a review and the paragraph to send.

    ``assumptions`` False leaves the assumptions out, and the warnings about figures not yet
    confirmed become one line saying so: the appendix gives both in full instead.
    """
    f = Formatter(reader.t.locale, reader.t.gettext)
    total = CostLine("total", m.TOTAL, result.total_weekly)
    paragraph = _request(reader, check)
    return CostTable(
        heading=f.translate(m.HEADING).format(tax_year=result.tax_year),
        rows=tuple(_row(line, f) for line in result.lines),
        total=_row(total, f),
        per_hour=pounds(result.per_hour),
        per_hour_text=f.money(result.per_hour),
        tax_year=result.tax_year,
        warnings=tuple(f.text(w) for w in result.warnings)
        if assumptions
        else ((reader.t.gettext(SEE_APPENDIX),) if result.warnings else ()),
        assumptions=tuple(cost_assumptions(reader, result)) if assumptions else (),
        rate_check=tuple(f.text(s) for s in check.summary) if check else (),
        review_case=tuple(_case_points(check, f, reader)) if check else (),
        request=f.text(paragraph) if paragraph is not None else "",
        request_notes=tuple(request_notes(check, f)) if check and paragraph is not None else (),
    )


def _request(reader: Reader, check: RateCheck | None) -> Msg | None:
    """The paragraph to send: about "my direct payment" only for someone who has one; for
    someone who does not yet, about the rate the council offers (same figures)."""
    paragraph = check.request_paragraph if check is not None else None
    if paragraph is None or holds_direct_payment(reader):
        return paragraph
    return Msg(REQUEST_OFFERED, paragraph.params)


REQUEST_OFFERED = N_(
    "I am asking you to look again at the direct payment rate you offer for a personal assistant. At {offered_weekly} a week for {hours} hours of support, it would not cover the cost. Employing a personal assistant for those hours costs {cost_weekly} a week ({cost_hourly} an hour) once holiday pay, employer National Insurance, pension, insurance, payroll and a contingency are included; a breakdown is attached. That leaves a shortfall of {shortfall_weekly} a week ({shortfall_yearly} a year), which I would otherwise have to pay myself. The statutory guidance says my personal budget must be enough to meet my eligible needs (paragraph 11.24). It also says the budget should reflect the cost of good local care, and that a direct payment should cover the costs of being an employer (paragraph 11.25). Please review the rate and tell me your decision and your reasons in writing."
)


def _case_points(check: RateCheck, f: Formatter, reader: Reader) -> list[str]:
    """The case for a review, each point that rests on unconfirmed guidance marked so.

    The point already names its paragraph, so the mark is short: "(not yet confirmed)".
    """
    marker = reader.t.gettext(N_("(not yet confirmed)"))
    return [
        f.text(point.message) + ("" if point.confirmed else f" {marker}") for point in check.case
    ]


def cost_assumptions(reader: Reader, result: CostResult) -> list[str]:
    """What the cost table is based on, as sentences in the reader's language: first the
    figures not yet confirmed, then the assumptions."""
    f = Formatter(reader.t.locale, reader.t.gettext)
    return [f.text(w) for w in result.warnings] + [f.text(a) for a in result.assumptions]


SEE_APPENDIX = N_(
    "Some figures in this table are not yet confirmed: the appendix says which, and what the table is based on."
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


#: Said in the plan when the cost check was skipped or incomplete.
NO_COSTS = N_(
    "There is no cost table, because the hourly rate or the hours were not given. You can work it out any time with: support-plan cost"
)


def money_text(reader: Reader, amount: Decimal) -> str:
    """An amount of money as written in the reader's language ("£350.00")."""
    return Formatter(reader.t.locale, reader.t.gettext).money(amount)
