"""Statutory payments in a PA's cost: sick pay, and the accommodation offset for a live-in PA.

Pure Decimal arithmetic on figures the calculator reads from the year's rate file; the
calculator records which figures were used and words the assumptions. Kept apart from
:mod:`assistant.money.calculator` so each rule can be read, and tested, on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

_ZERO = Decimal(0)
WEEKS_IN_YEAR = Decimal(52)


@dataclass(frozen=True)
class SickPayRules:
    """The year's Statutory Sick Pay rules, and the sickness the cost is planned for."""

    weekly_rate: Decimal
    earnings_fraction: Decimal
    lower_earnings_limit: Decimal
    waiting_days: Decimal
    sick_days: Decimal
    working_days: Decimal


@dataclass(frozen=True)
class SickPay:
    """Expected Statutory Sick Pay for one PA: ``weekly_rate`` while off sick (0 when they
    earn too little under the year's rules), the days it is paid for, and the year's total
    spread over 52 weeks (``weekly``, not yet rounded)."""

    weekly_rate: Decimal
    paid_days: Decimal
    weekly: Decimal

    @property
    def due(self) -> bool:
        """Whether the PA earns enough to be paid Statutory Sick Pay at all."""
        return self.weekly_rate > 0


def statutory_sick_pay(pay: Decimal, rules: SickPayRules) -> SickPay:
    """SSP for a PA earning ``pay`` a week on average, over the sickness planned for.

    The weekly rate is the lower of the flat rate or the share of average weekly earnings
    (from 6 April 2026: 80%, from the first day, for every employee). Before then, the flat
    rate was paid only above the Lower Earnings Limit, after three waiting days. SSP is paid
    per qualifying day (the days the PA usually works); the planned days are one spell.
    """
    if pay < rules.lower_earnings_limit or rules.working_days <= 0:
        return SickPay(_ZERO, _ZERO, _ZERO)
    rate = min(rules.weekly_rate, rules.earnings_fraction * pay)
    paid_days = max(_ZERO, rules.sick_days - rules.waiting_days)
    yearly = rate / rules.working_days * paid_days
    return SickPay(rate, paid_days, yearly / WEEKS_IN_YEAR)


def accommodation_weekly(offset_day: Decimal, days: int) -> Decimal:
    """The most accommodation can count towards the minimum wage in a week."""
    return offset_day * days


def money_rate_needed(minimum: Decimal, hours: Decimal, accommodation: Decimal) -> Decimal:
    """The hourly rate in money that, with accommodation counted, meets the minimum wage."""
    return max(_ZERO, minimum - accommodation / hours)
