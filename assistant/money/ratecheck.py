"""Compare what the council offers for a direct payment with the true cost of a PA.

The National Audit Office found direct payment rates set too low to buy care, leaving
people paying top-ups. This module turns a cost result and an offer into the shortfall,
what it means, the case for a review (each point tied to a citation whose confirmed flag
comes from data), and a paragraph the person can send.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from assistant.money import messages as m
from assistant.money.model import CostResult, Msg, Quantity, as_params, pence
from assistant.money.rates_data import Citation, load_citations
from assistant.values import N_, InvalidAnswer

_ZERO = Decimal(0)

#: The points of the case for a review, in the order they are made.
CASE_ORDER = ("cssg_11_24", "cssg_11_25", "cssg_10_27", "care_act_s27", "nao_2016")
#: What the ready paragraph cites; front ends show any unconfirmed ones beside it.
PARAGRAPH_CITES = ("cssg_11_24", "cssg_11_25")


@dataclass(frozen=True)
class CasePoint:
    """One point of the case for a review. ``citation`` None means it rests on the figures."""

    message: Msg
    citation: Citation | None

    @property
    def confirmed(self) -> bool:
        """False when the law or guidance cited is not yet confirmed: show it as such."""
        return self.citation is None or self.citation.confirmed


@dataclass(frozen=True)
class RateCheck:
    """The offer against the true cost. Amounts are weekly unless named yearly."""

    offered_weekly: Decimal
    offered_hourly: Decimal
    cost_weekly: Decimal
    cost_hourly: Decimal
    shortfall_weekly: Decimal
    shortfall_yearly: Decimal
    spare_weekly: Decimal
    summary: tuple[Msg, ...]
    case: tuple[CasePoint, ...]
    request_paragraph: Msg | None
    request_citations: tuple[Citation, ...] = ()

    @property
    def is_short(self) -> bool:
        """True when the offer does not cover the true cost."""
        return self.shortfall_weekly > 0


def check_offered_rate(
    result: CostResult,
    offered_hourly: Decimal | None = None,
    offered_weekly: Decimal | None = None,
    *,
    citations: Mapping[str, Citation] | None = None,
) -> RateCheck:
    """Check a council's offer, given per hour or per week (exactly one), against ``result``.

    A per-hour offer is multiplied by the hours of support in ``result``. When the offer
    falls short, the check gives the shortfall a week and a year, what it may mean (a
    top-up), the case for a review and a ready paragraph for the request.
    """
    weekly, hourly = _offer(result.hours_weekly, offered_hourly, offered_weekly)
    cost = result.total_weekly
    short, spare = max(_ZERO, cost - weekly), max(_ZERO, weekly - cost)
    amounts = {
        "offered_weekly": weekly,
        "offered_hourly": hourly,
        "cost_weekly": cost,
        "cost_hourly": result.per_hour,
    }
    if short == 0:
        summary = (Msg(m.RATE_ENOUGH, as_params(**amounts, spare_weekly=spare)),)
        return RateCheck(
            weekly, hourly, cost, result.per_hour, short, _ZERO, spare, summary, (), None
        )
    found = load_citations() if citations is None else citations
    return _short(result, amounts, short, found)


def _short(
    result: CostResult,
    amounts: dict[str, Decimal],
    short: Decimal,
    citations: Mapping[str, Citation],
) -> RateCheck:
    """The check of an offer that falls ``short`` a week: the gap, the case for a review
    and the paragraph for the request, with their citations."""
    gap = {"shortfall_weekly": short, "shortfall_yearly": short * 52}
    summary = (Msg(m.RATE_SHORT, as_params(**amounts, **gap)), Msg(m.RATE_SHORT_MEANING))
    hours = Quantity(result.hours_weekly)
    paragraph = Msg(m.REQUEST_PARAGRAPH, as_params(**amounts, **gap, hours=hours))
    return RateCheck(
        amounts["offered_weekly"],
        amounts["offered_hourly"],
        amounts["cost_weekly"],
        result.per_hour,
        short,
        short * 52,
        _ZERO,
        summary,
        _case(citations),
        paragraph,
        tuple(citations[cid] for cid in PARAGRAPH_CITES),
    )


def _offer(
    hours: Decimal, hourly: Decimal | None, weekly: Decimal | None
) -> tuple[Decimal, Decimal]:
    """The offer as (weekly, hourly); a per-hour offer buys every hour of support."""
    if hourly is not None and weekly is None:
        _check_amount(hourly)
        return pence(hourly * hours), hourly
    if weekly is not None and hourly is None:
        _check_amount(weekly)
        return pence(weekly), pence(weekly / hours)
    raise InvalidAnswer(m.CLI_ONE_OFFER)


def _check_amount(amount: Decimal) -> None:
    if amount <= 0:
        raise InvalidAnswer(N_("Please type the council's offer as an amount more than £0."))


def _case(citations: Mapping[str, Citation]) -> tuple[CasePoint, ...]:
    """The case for a review: the guidance points, then why employer costs count."""
    missing = [cid for cid in CASE_ORDER if cid not in citations]
    if missing:
        raise KeyError(f"citations.yaml lacks {', '.join(missing)}: add them with a source.")
    points = [CasePoint(Msg(m.CASE_POINTS[cid]), citations[cid]) for cid in CASE_ORDER]
    # The employer-costs point rests on the figures and on paragraph 11.25's sufficiency test.
    points.insert(2, CasePoint(Msg(m.EMPLOYER_COSTS_POINT), citations["cssg_11_25"]))
    points.append(CasePoint(Msg(m.ADVICE), None))
    return tuple(points)
