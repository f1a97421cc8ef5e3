"""Plain data types shared by the PA cost calculator, the rate check and the front ends.

They hold Decimals and message ids, never translated text or formatted money, so the
same result can be shown as a table, as JSON, or inside the conversation in any language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from assistant.money.ages import AgeLimits
from assistant.money.rates_data import current_age_limits
from assistant.values import N_, InvalidAnswer

#: The most hours there are in a week; more from one PA is not possible.
HOURS_IN_WEEK = Decimal("168")


@dataclass(frozen=True)
class Percent:
    """A fraction to be shown as a percentage (0.1207 shows as 12.07%)."""

    value: Decimal


@dataclass(frozen=True)
class Quantity:
    """A plain number that is not money, such as hours or weeks."""

    value: Decimal


@dataclass(frozen=True)
class Term:
    """A parameter that is itself a message id, translated before it is put in place."""

    msgid: str


#: What a message parameter may be. A bare Decimal is always an amount in pounds.
Param = Decimal | Percent | Quantity | Term | date | int | str


@dataclass(frozen=True)
class Msg:
    """An untranslated message id (English source text) with its parameters."""

    msgid: str
    params: Mapping[str, Param] = field(default_factory=lambda: MappingProxyType({}))


class AgeBand(Enum):
    """The age groups that change a PA's minimum wage, employer NI and pension duties.

    The bands are a stable set of names (kept in answers and shown in JSON). Where each
    band starts, and which rules apply to it, come from the age limits in the year's rate
    file (:class:`~assistant.money.ages.AgeLimits`), so a change in the law is a data
    change. The names and the English wording say today's ages (16, 18, 21, 22, 25).
    """

    AGE_16_17 = "16-17"
    AGE_18_20 = "18-20"
    AGE_21 = "21"
    AGE_22_24 = "22-24"
    AGE_25_TO_SPA = "25-to-state-pension-age"
    STATE_PENSION_AGE_OR_OVER = "state-pension-age-or-over"

    @classmethod
    def from_age(
        cls, age: int, *, over_state_pension_age: bool = False, limits: AgeLimits | None = None
    ) -> AgeBand:
        """Band for an age in years under ``limits`` (default: today's rate file).

        State Pension age is asked, not guessed from the age. Pass the limits of the year
        being costed (``select_years(...).age_limits()``) when it is not the current one.
        """
        limits = current_age_limits() if limits is None else limits
        if age < limits.nmw_16_17_from:
            raise InvalidAnswer(N_("A PA must be at least 16. Please type an age of 16 or more."))
        if over_state_pension_age:
            return cls.STATE_PENSION_AGE_OR_OVER
        started = [band for band, start in _band_starts(limits) if age >= start]
        return started[-1]

    def employer_ni_relief(self, limits: AgeLimits, *, apprentice: bool) -> bool:
        """Whether employer NI is 0% up to the upper secondary threshold: the whole band is
        under the relief age (under 21, or under 25 for apprentices, in 2026/27)."""
        end = self._end(limits)
        if end is None:
            return False
        under = limits.apprentice_ni_relief_under if apprentice else 0
        return end <= max(limits.employer_ni_relief_under, under)

    def auto_enrolment(self, limits: AgeLimits) -> bool:
        """Whether the band is of automatic enrolment age (22 up to State Pension age in
        2026/27); whether pay is high enough is a separate test."""
        start = self._start(limits)
        return start is not None and start >= limits.auto_enrolment_from

    def minimum_wage_rate(self, limits: AgeLimits) -> str:
        """The name of the age-related minimum wage rate for the band, in the rate files."""
        start = self._start(limits)
        if start is None or start >= limits.national_living_wage_from:
            return "national_living_wage"
        return "nmw_18_20" if start >= limits.nmw_18_20_from else "nmw_16_17"

    def _start(self, limits: AgeLimits) -> int | None:
        """First age in the band; None over State Pension age, which is asked, not an age."""
        return dict(_band_starts(limits)).get(self)

    def _end(self, limits: AgeLimits) -> int | None:
        """First age past the band; None when the band runs to State Pension age or beyond."""
        for (band, _), (_, next_start) in pairwise(_band_starts(limits)):
            if band is self:
                return next_start
        return None


def _band_starts(limits: AgeLimits) -> tuple[tuple[AgeBand, int], ...]:
    """Each working-age band with the age it starts at, youngest first."""
    bands = (
        AgeBand.AGE_16_17,
        AgeBand.AGE_18_20,
        AgeBand.AGE_21,
        AgeBand.AGE_22_24,
        AgeBand.AGE_25_TO_SPA,
    )
    return tuple(zip(bands, limits.band_starts, strict=True))


class HolidayMethod(Enum):
    """How holiday is costed: 12.07% of hours for irregular hours, or 5.6 weeks a year."""

    IRREGULAR_HOURS = "irregular-hours"
    WEEKS = "5.6-weeks"


@dataclass(frozen=True)
class Employee:
    """One PA. ``age_band`` None means "not known": the costliest adult case is assumed.

    ``live_in_days`` is how many days a week the PA lives in accommodation the employer
    provides (0 to 7); it counts towards the minimum wage through the accommodation offset.
    """

    hourly_rate: Decimal
    hours_weekly: Decimal
    age_band: AgeBand | None = None
    apprentice: bool = False
    live_in_days: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.live_in_days <= 7:
            raise InvalidAnswer(N_("Please type the days a week the PA lives in, from 0 to 7."))
        if not Decimal(0) < self.hours_weekly <= HOURS_IN_WEEK:
            raise InvalidAnswer(
                N_("Please type the hours a week as a number more than 0 and up to {maximum}."),
                {"maximum": int(HOURS_IN_WEEK)},
            )
        if self.hourly_rate <= 0:
            raise InvalidAnswer(
                N_("Please type an hourly rate of more than £0, for example 13.50.")
            )


@dataclass(frozen=True)
class FigureUse:
    """A figure from a rates file that a result relied on, with its provenance."""

    name: str
    value: Decimal
    unit: str
    tax_year: str
    effective: date
    source: str
    confirmed: bool


@dataclass(frozen=True)
class CostLine:
    """One line of the employer's cost, rounded to the penny; ``yearly`` is 52 weeks."""

    id: str
    label: str
    weekly: Decimal

    @property
    def yearly(self) -> Decimal:
        """The weekly line over 52 weeks (exact, because the weekly line is in pennies)."""
        return self.weekly * 52


@dataclass(frozen=True)
class EmployeeCost:
    """The per-PA lines behind the employer totals, each rounded to the penny."""

    number: int
    employee: Employee
    basic: Decimal
    holiday: Decimal
    ni_before_allowance: Decimal
    pension: Decimal
    contingency: Decimal
    minimum_hourly: Decimal
    sick_pay: Decimal = Decimal(0)

    @property
    def pay(self) -> Decimal:
        """Average weekly gross earnings (basic + holiday), used for NI and pension."""
        return self.basic + self.holiday


@dataclass(frozen=True)
class CostResult:
    """Everything the calculator worked out, with the assumptions and warnings behind it."""

    tax_year: str
    wage_year: str
    calculated_on: date
    employees: tuple[EmployeeCost, ...]
    lines: tuple[CostLine, ...]
    ni_before_allowance_weekly: Decimal
    allowance_used_yearly: Decimal
    assumptions: tuple[Msg, ...]
    warnings: tuple[Msg, ...]
    figures: tuple[FigureUse, ...]

    @property
    def hours_weekly(self) -> Decimal:
        """Hours of support a week, across all PAs."""
        return sum((e.employee.hours_weekly for e in self.employees), Decimal(0))

    @property
    def total_weekly(self) -> Decimal:
        """The sum of the rounded weekly lines."""
        return sum((line.weekly for line in self.lines), Decimal(0))

    @property
    def total_yearly(self) -> Decimal:
        """The weekly total over 52 weeks."""
        return self.total_weekly * 52

    @property
    def per_hour(self) -> Decimal:
        """True cost per hour of support, rounded half up to the penny."""
        return pence(self.total_weekly / self.hours_weekly)

    @property
    def unconfirmed(self) -> tuple[FigureUse, ...]:
        """Figures used that are not yet confirmed; front ends must show these."""
        return tuple(f for f in self.figures if not f.confirmed)

    def line(self, line_id: str) -> CostLine:
        """The line with this id (``basic``, ``holiday``, ``employer_ni`` ...)."""
        for line in self.lines:
            if line.id == line_id:
                return line
        raise KeyError(line_id)


def pence(amount: Decimal) -> Decimal:
    """Round to the penny, half up: the convention the worked examples are pinned to."""
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def as_params(**params: Any) -> Mapping[str, Param]:
    """Freeze message parameters so results stay immutable."""
    return MappingProxyType(dict(params))
