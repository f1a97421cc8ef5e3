"""The true weekly, yearly and hourly cost of employing one or more personal assistants.

Pure Decimal arithmetic. Each line is rounded to the penny (half up) and the rounded
lines are summed, the convention the worked examples in the fact brief are pinned to,
so a person checking the sums by hand gets the same pennies. Every figure comes from a
dated rates file and is recorded in the result, so unconfirmed ones can be flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from assistant.money import messages as m
from assistant.money.ages import RATE_FROM_AGE, WAGE_AGE_FIGURES, AgeLimits
from assistant.money.model import (
    AgeBand,
    CostLine,
    CostResult,
    Employee,
    EmployeeCost,
    FigureUse,
    HolidayMethod,
    Msg,
    Percent,
    Quantity,
    Term,
    as_params,
    pence,
)
from assistant.money.rates_data import RateYear, Selection, select_years
from assistant.values import N_, InvalidAnswer

WEEKS_IN_YEAR = Decimal(52)
#: Example figures whose assumption text already says "an example figure: use your own";
#: they are still marked unconfirmed in ``CostResult.figures``, but not warned about twice.
_EXAMPLE_FIGURES = frozenset(
    {"default_insurance_year", "default_payroll_year", "default_contingency_rate"}
)
_ZERO = Decimal(0)


class _Figures:
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
_ASSUMPTION_ORDER = (
    m.YEAR_CHOSEN,
    m.YEAR_FROM_DATE,
    m.SPREAD,
    m.AGE_UNKNOWN,
    m.APPRENTICE,
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
    m.INSURANCE_GIVEN,
    m.INSURANCE_DEFAULT,
    m.PAYROLL_GIVEN,
    m.PAYROLL_DEFAULT,
    m.CONTINGENCY_GIVEN,
    m.CONTINGENCY_DEFAULT,
    m.PAYE,
    m.EMPLOYEE_DEDUCTIONS,
    m.PAYROLL_VARIES,
)


@dataclass
class _Notes:
    """Assumptions and warnings collected while calculating, in the order they arose."""

    assumptions: list[Msg] = field(default_factory=list)
    warnings: list[Msg] = field(default_factory=list)

    def assume(self, msgid: str, **params: object) -> None:
        self.assumptions.append(Msg(msgid, as_params(**params)))

    def warn(self, msgid: str, **params: object) -> None:
        self.warnings.append(Msg(msgid, as_params(**params)))


@dataclass(frozen=True)
class Options:
    """The employer-level choices; None means "use the example figure from the rates file"."""

    insurance_yearly: Decimal | None = None
    payroll_yearly: Decimal | None = None
    contingency: Decimal | None = None
    cover_yearly: Decimal = _ZERO
    employment_allowance: bool = True
    holiday: HolidayMethod = HolidayMethod.IRREGULAR_HOURS


def calculate(
    employees: Sequence[Employee] | Employee,
    *,
    on: date | None = None,
    year: str | None = None,
    insurance_yearly: Decimal | None = None,
    payroll_yearly: Decimal | None = None,
    contingency: Decimal | None = None,
    cover_yearly: Decimal = _ZERO,
    employment_allowance: bool = True,
    holiday: HolidayMethod = HolidayMethod.IRREGULAR_HOURS,
    rates: tuple[RateYear, ...] | None = None,
) -> CostResult:
    """Work out what employing these PAs really costs, per week, per hour and per year.

    ``on`` (default: today) picks the tax year and minimum wage year; ``year`` ("2026-27")
    overrides it. Insurance, payroll and contingency default to the example figures in
    the rates file and are then listed as assumptions. ``contingency`` is a fraction of
    pay (0.05 for 5%). The Employment Allowance is applied once for the employer.
    Raises :class:`InvalidAnswer` for impossible input, such as a negative fee.
    Long on purpose: most of it is the keyword arguments (the public API) and this text.
    """
    staff = (employees,) if isinstance(employees, Employee) else tuple(employees)
    opts = Options(
        insurance_yearly, payroll_yearly, contingency, cover_yearly, employment_allowance, holiday
    )
    _check_options(staff, opts)
    day = date.today() if on is None else on
    figs = _Figures(select_years(day, year, years=rates))
    notes = _Notes()
    _note_year(figs.selection, notes)
    costs = tuple(_employee(n, e, figs, opts, notes) for n, e in enumerate(staff, start=1))
    ni_gross = sum((c.ni_before_allowance for c in costs), _ZERO)
    ni_net, allowance_used = _employer_ni(ni_gross, figs, opts, notes)
    lines = _lines(costs, ni_net, figs, opts, notes)
    _note_general(costs, figs, notes)
    for use in figs.used.values():
        if not use.confirmed and use.name not in _EXAMPLE_FIGURES:
            notes.warn(m.UNCONFIRMED, figure=Term(m.FIGURE_NAMES[use.name]), source=use.source)
    sel = figs.selection
    return CostResult(
        sel.tax.label,
        sel.wage.label,
        day,
        costs,
        lines,
        ni_gross,
        allowance_used,
        tuple(sorted(notes.assumptions, key=lambda a: _ASSUMPTION_ORDER.index(a.msgid))),
        tuple(notes.warnings),
        tuple(figs.used.values()),
    )


def _check_options(staff: tuple[Employee, ...], opts: Options) -> None:
    if not staff:
        raise InvalidAnswer(N_("Please add at least one PA."))
    for amount in (opts.insurance_yearly, opts.payroll_yearly, opts.cover_yearly):
        if amount is not None and amount < 0:
            raise InvalidAnswer(
                N_("Please type an amount that is zero or more, for example 13.50.")
            )
    if opts.contingency is not None and not _ZERO <= opts.contingency <= 1:
        raise InvalidAnswer(
            N_("Please type the contingency as a percentage from 0% to 100%, for example 5%.")
        )


def _note_year(sel: Selection, notes: _Notes) -> None:
    if sel.chosen_by_caller:
        notes.assume(m.YEAR_CHOSEN, tax_year=sel.tax.label)
    else:
        notes.assume(
            m.YEAR_FROM_DATE,
            tax_year=sel.tax.label,
            tax_year_starts=sel.tax.tax_year_starts,
            wage_year=sel.wage.label,
            wage_year_starts=sel.wage.wage_year_starts,
        )
    if sel.missing_year is not None:
        notes.warn(m.YEAR_MISSING, wanted=sel.missing_year, tax_year=sel.tax.label)
    notes.assume(m.SPREAD)


def _employee(n: int, emp: Employee, figs: _Figures, opts: Options, notes: _Notes) -> EmployeeCost:
    band = emp.age_band or AgeBand.AGE_25_TO_SPA
    if emp.age_band is None:
        notes.assume(m.AGE_UNKNOWN, number=n)
    basic = pence(emp.hourly_rate * emp.hours_weekly)
    holiday = pence(basic * _holiday_rate(figs, opts.holiday))
    pay = basic + holiday
    ni = pence(_ni_before_allowance(n, pay, band, emp.apprentice, figs, notes))
    pension = pence(_pension(n, pay, band, figs, notes))
    rate = _contingency_rate(opts, figs)
    minimum = _minimum_wage_check(n, emp, band, figs, notes)
    return EmployeeCost(n, emp, basic, holiday, ni, pension, pence(pay * rate), minimum)


def _holiday_rate(figs: _Figures, method: HolidayMethod) -> Decimal:
    """12.07% of hours for irregular hours; for 5.6 weeks, the leave that goes with each
    week of support when cover keeps support going all 52 weeks: 5.6 / (52 - 5.6)."""
    if method is HolidayMethod.IRREGULAR_HOURS:
        return figs.tax("holiday_irregular_hours_rate")
    weeks = figs.tax("statutory_holiday_weeks")
    return weeks / (WEEKS_IN_YEAR - weeks)


def _ni_before_allowance(
    n: int, pay: Decimal, band: AgeBand, apprentice: bool, figs: _Figures, notes: _Notes
) -> Decimal:
    threshold = figs.tax("ni_secondary_threshold_week")
    relief_ages = ["employer_ni_relief_under_age"]
    if apprentice:
        relief_ages.append("apprentice_ni_relief_under_age")
    if band.employer_ni_relief(figs.ages(*relief_ages), apprentice=apprentice):
        upper_year = figs.tax("ni_upper_secondary_threshold_year")
        notes.assume(m.NI_RELIEF, number=n, threshold=upper_year)
        threshold = max(threshold, upper_year / WEEKS_IN_YEAR)
    return max(_ZERO, pay - threshold) * figs.tax("employer_ni_rate")


def _pension(n: int, pay: Decimal, band: AgeBand, figs: _Figures, notes: _Notes) -> Decimal:
    if not band.auto_enrolment(figs.ages("auto_enrolment_from_age")):
        notes.assume(m.PENSION_AGE, number=n)
        return _ZERO
    trigger = figs.tax("ae_trigger_week")
    lower = figs.tax("ae_qualifying_earnings_lower_week")
    if pay <= trigger:
        notes.assume(m.PENSION_LOW_PAY, number=n, trigger=trigger, lower=lower)
        return _ZERO
    upper = figs.tax("ae_qualifying_earnings_upper_week")
    rate = figs.tax("ae_employer_rate")
    notes.assume(
        m.PENSION_DUE, number=n, rate=Percent(rate), lower=lower, upper=upper, trigger=trigger
    )
    return rate * (min(pay, upper) - lower)


def _contingency_rate(opts: Options, figs: _Figures) -> Decimal:
    if opts.contingency is not None:
        return opts.contingency
    return figs.tax("default_contingency_rate")


def _minimum_wage_check(
    n: int, emp: Employee, band: AgeBand, figs: _Figures, notes: _Notes
) -> Decimal:
    """Warn when the hourly rate is below the legal minimum for the PA's age."""
    age_rate = band.minimum_wage_rate(figs.age_limits)
    figs.ages(RATE_FROM_AGE[age_rate])
    name = "nmw_apprentice" if emp.apprentice else age_rate
    minimum = figs.wage(name)
    if emp.apprentice:
        notes.assume(m.APPRENTICE, number=n)
    if emp.hourly_rate < minimum:
        notes.warn(
            m.BELOW_MINIMUM,
            number=n,
            rate=emp.hourly_rate,
            minimum=minimum,
            rate_name=Term(m.RATE_NAMES[name]),
            effective=figs.wage_effective(name),
        )
    elif emp.apprentice and emp.hourly_rate < figs.wage(age_rate):
        notes.warn(
            m.BELOW_AGE_RATE_APPRENTICE, number=n, rate=emp.hourly_rate, minimum=figs.wage(age_rate)
        )
    return minimum


def _employer_ni(
    gross_weekly: Decimal, figs: _Figures, opts: Options, notes: _Notes
) -> tuple[Decimal, Decimal]:
    """Employer NI after the Employment Allowance, which is once per employer and can
    never take NI below zero. Returns (weekly NI to pay, allowance used in the year)."""
    rate = figs.tax("employer_ni_rate")
    notes.assume(m.NI_RULE, rate=Percent(rate), threshold=figs.tax("ni_secondary_threshold_week"))
    yearly = gross_weekly * WEEKS_IN_YEAR
    if not opts.employment_allowance:
        notes.assume(m.EA_NOT_CLAIMED)
        return gross_weekly, _ZERO
    allowance = figs.tax("employment_allowance_year")
    notes.assume(m.EA_CLAIMED, allowance=allowance)
    used = min(allowance, yearly)
    return pence((yearly - used) / WEEKS_IN_YEAR), used


def _lines(
    costs: tuple[EmployeeCost, ...],
    ni_net: Decimal,
    figs: _Figures,
    opts: Options,
    notes: _Notes,
) -> tuple[CostLine, ...]:
    def total(attr: str) -> Decimal:
        return sum((getattr(c, attr) for c in costs), _ZERO)

    insurance = _yearly_input(opts.insurance_yearly, "default_insurance_year", figs)
    payroll = _yearly_input(opts.payroll_yearly, "default_payroll_year", figs)
    _note_holiday(figs, opts, notes)
    given = opts.insurance_yearly is not None
    notes.assume(m.INSURANCE_GIVEN if given else m.INSURANCE_DEFAULT, amount=insurance)
    given = opts.payroll_yearly is not None
    notes.assume(m.PAYROLL_GIVEN if given else m.PAYROLL_DEFAULT, amount=payroll)
    rate = Percent(_contingency_rate(opts, figs))
    notes.assume(
        m.CONTINGENCY_GIVEN if opts.contingency is not None else m.CONTINGENCY_DEFAULT, rate=rate
    )
    weekly = {
        "basic": total("basic"),
        "holiday": total("holiday"),
        "employer_ni": ni_net,
        "pension": total("pension"),
        "insurance": pence(insurance / WEEKS_IN_YEAR),
        "payroll": pence(payroll / WEEKS_IN_YEAR),
        "contingency": total("contingency"),
        "cover": pence(opts.cover_yearly / WEEKS_IN_YEAR),
    }
    return tuple(CostLine(key, m.LINE_LABELS[key], value) for key, value in weekly.items())


def _yearly_input(given: Decimal | None, default_name: str, figs: _Figures) -> Decimal:
    return given if given is not None else figs.tax(default_name)


def _note_holiday(figs: _Figures, opts: Options, notes: _Notes) -> None:
    if opts.holiday is HolidayMethod.IRREGULAR_HOURS:
        notes.assume(m.HOLIDAY_IRREGULAR, rate=Percent(figs.tax("holiday_irregular_hours_rate")))
    else:
        notes.assume(m.HOLIDAY_WEEKS, weeks=Quantity(figs.tax("statutory_holiday_weeks")))
    if opts.cover_yearly > 0:
        notes.assume(m.COVER_GIVEN, amount=opts.cover_yearly)
    else:
        notes.assume(m.COVER_SAME_RATE)


def _note_general(costs: tuple[EmployeeCost, ...], figs: _Figures, notes: _Notes) -> None:
    limit = figs.tax("ni_lower_earnings_limit_week")
    if any(c.pay >= limit for c in costs):
        notes.assume(m.PAYE, limit=limit)
    notes.assume(m.EMPLOYEE_DEDUCTIONS)
    notes.assume(m.PAYROLL_VARIES)
