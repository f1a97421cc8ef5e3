"""The calculator's workings: the figures it reads and the notes it makes while it sums.

:class:`Figures` reads each figure from the chosen rate years and remembers every one used,
so a result can list its sources and flag the unconfirmed ones. :class:`Notes` collects
assumptions and warnings; :data:`ASSUMPTION_ORDER` is the order people read them in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assistant.money import messages as m
from assistant.money.ages import WAGE_AGE_FIGURES, AgeLimits
from assistant.money.model import FigureUse, Msg, as_params
from assistant.money.rates_data import RateYear, Selection


class Figures:
    """Reads figures from the chosen years and remembers each one used."""

    def __init__(self, selection: Selection) -> None:
        self.selection = selection
        self.age_limits = selection.age_limits()
        self.used: dict[tuple[str, str], FigureUse] = {}

    def tax(self, name: str) -> Decimal:
        """A tax-year figure (NI, pension, holiday, defaults)."""
        return self._use(self.selection.tax, name)

    def wage(self, name: str) -> Decimal:
        """A minimum wage rate, from the wage year (which starts on 1 April)."""
        return self._use(self.selection.wage, name)

    def ages(self, *names: str) -> AgeLimits:
        """The year's age limits, noting the named ones as used: minimum wage ages come
        from the wage year, NI and pension ages from the tax year."""
        for name in names:
            self._use(self.selection.wage if name in WAGE_AGE_FIGURES else self.selection.tax, name)
        return self.age_limits

    def optional_wage(self, name: str) -> Decimal | None:
        """A minimum-wage figure a year file may leave out (e.g. the accommodation offset)."""
        return self.wage(name) if name in self.selection.wage.figures else None

    def wage_effective(self, name: str) -> date:
        """When a minimum wage rate took effect, for the warning text."""
        return self.selection.wage.figures[name].effective

    def _use(self, year: RateYear, name: str) -> Decimal:
        fig = year.figures[name]
        use = FigureUse(
            name, fig.value, fig.unit, year.label, fig.effective, fig.source, fig.confirmed
        )
        self.used.setdefault((year.label, name), use)
        return fig.value


#: The order assumptions are listed in, whatever order the sums needed them.
ASSUMPTION_ORDER = (
    m.YEAR_CHOSEN,
    m.YEAR_FROM_DATE,
    m.SPREAD,
    m.AGE_UNKNOWN,
    m.APPRENTICE,
    m.ACCOMMODATION,
    m.HOLIDAY_IRREGULAR,
    m.HOLIDAY_WEEKS,
    m.COVER_SAME_RATE,
    m.COVER_GIVEN,
    m.NI_RULE,
    m.NI_RELIEF,
    m.EA_CLAIMED,
    m.EA_NOT_CLAIMED,
    m.PENSION_DUE,
    m.PENSION_LOW_PAY,
    m.PENSION_AGE,
    m.SICK_PAY,
    m.SICK_PAY_WAITING,
    m.SICK_PAY_NONE,
    m.SICK_DAYS_GIVEN,
    m.SICK_DAYS_DEFAULT,
    m.INSURANCE_GIVEN,
    m.INSURANCE_DEFAULT,
    m.PAYROLL_GIVEN,
    m.PAYROLL_DEFAULT,
    m.CONTINGENCY_GIVEN,
    m.CONTINGENCY_DEFAULT,
    m.FAMILY_PAY,
    m.PAYE,
    m.EMPLOYEE_DEDUCTIONS,
    m.PAYROLL_VARIES,
)


@dataclass
class Notes:
    """Assumptions and warnings collected while calculating, in the order they arose."""

    assumptions: list[Msg] = field(default_factory=list)
    warnings: list[Msg] = field(default_factory=list)

    def assume(self, msgid: str, **params: object) -> None:
        self.assumptions.append(Msg(msgid, as_params(**params)))

    def warn(self, msgid: str, **params: object) -> None:
        self.warnings.append(Msg(msgid, as_params(**params)))
