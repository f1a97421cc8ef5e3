"""The true weekly, yearly and hourly cost of employing one or more personal assistants.

Pure Decimal arithmetic. Each line is rounded to the penny (half up) and the rounded
lines are summed, the convention the worked examples in the fact brief are pinned to,
so a person checking the sums by hand gets the same pennies. Every figure comes from a
dated rates file and is recorded in the result, so unconfirmed ones can be flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from assistant.money import messages as m
from assistant.money.ages import RATE_FROM_AGE
from assistant.money.model import (
    AgeBand,
    CostLine,
    CostResult,
    Employee,
    EmployeeCost,
    HolidayMethod,
    Percent,
    Quantity,
    Term,
    pence,
)
from assistant.money.rates_data import RateYear, Selection, select_years
from assistant.money.statutory import (
    SickPayRules,
    accommodation_weekly,
    money_rate_needed,
    statutory_sick_pay,
)
from assistant.money.workings import ASSUMPTION_ORDER, Figures, Notes
from assistant.values import N_, InvalidAnswer

WEEKS_IN_YEAR = Decimal(52)
#: Example figures whose assumption text already says "an example figure: use your own";
#: they are still marked unconfirmed in ``CostResult.figures``, but not warned about twice.
_EXAMPLE_FIGURES = frozenset(
    {
        "default_insurance_year",
        "default_payroll_year",
        "default_contingency_rate",
        "default_sick_days_year",
        "default_working_days_week",
    }
)
_ZERO = Decimal(0)


@dataclass(frozen=True)
class Options:
    """The employer-level choices; None means "use the example figure from the rates file"."""

    insurance_yearly: Decimal | None = None
    payroll_yearly: Decimal | None = None
    contingency: Decimal | None = None
    cover_yearly: Decimal = _ZERO
    employment_allowance: bool = True
    holiday: HolidayMethod = HolidayMethod.IRREGULAR_HOURS
    sick_days: Decimal | None = None


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
    sick_days: Decimal | None = None,
    rates: tuple[RateYear, ...] | None = None,
) -> CostResult:
    """Work out what employing these PAs really costs, per week, per hour and per year.

    ``on`` (default: today) picks the tax year and minimum wage year; ``year`` ("2026-27")
    overrides it. Insurance, payroll and contingency default to the example figures in
    the rates file and are then listed as assumptions. ``contingency`` is a fraction of
    pay (0.05 for 5%); the Statutory Sick Pay line, for ``sick_days`` of sickness a year
    (default: the example in the rates file), replaces the part of it that sick pay takes.
    The Employment Allowance is applied once for the employer.
    Raises :class:`InvalidAnswer` for impossible input, such as a negative fee.
    Long on purpose: most of it is the keyword arguments (the public API) and this text.
    """
    staff = (employees,) if isinstance(employees, Employee) else tuple(employees)
    opts = Options(
        insurance_yearly,
        payroll_yearly,
        contingency,
        cover_yearly,
        employment_allowance,
        holiday,
        sick_days,
    )
    _check_options(staff, opts)
    day = date.today() if on is None else on
    figs = Figures(select_years(day, year, years=rates))
    notes = Notes()
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
        tuple(sorted(notes.assumptions, key=lambda a: ASSUMPTION_ORDER.index(a.msgid))),
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
    if opts.sick_days is not None and not _ZERO <= opts.sick_days <= 365:
        raise InvalidAnswer(N_("Please type the sick days a year as a number from 0 to 365."))
    if opts.contingency is not None and not _ZERO <= opts.contingency <= 1:
        raise InvalidAnswer(
            N_("Please type the contingency as a percentage from 0% to 100%, for example 5%.")
        )


def _note_year(sel: Selection, notes: Notes) -> None:
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


def _employee(n: int, emp: Employee, figs: Figures, opts: Options, notes: Notes) -> EmployeeCost:
    band = emp.age_band or AgeBand.AGE_25_TO_SPA
    if emp.age_band is None:
        notes.assume(m.AGE_UNKNOWN, number=n)
    basic = pence(emp.hourly_rate * emp.hours_weekly)
    holiday = pence(basic * _holiday_rate(figs, opts.holiday))
    pay = basic + holiday
    ni = pence(_ni_before_allowance(n, pay, band, emp.apprentice, figs, notes))
    pension = pence(_pension(n, pay, band, figs, notes))
    sick = pence(_sick_pay(n, pay, figs, opts, notes))
    # The sick pay line takes the place of the part of the contingency it covers.
    contingency = max(_ZERO, pence(pay * _contingency_rate(opts, figs)) - sick)
    minimum = _minimum_wage_check(n, emp, band, figs, notes)
    return EmployeeCost(n, emp, basic, holiday, ni, pension, contingency, minimum, sick)


def _sick_pay(n: int, pay: Decimal, figs: Figures, opts: Options, notes: Notes) -> Decimal:
    """Expected Statutory Sick Pay a week (over 52) for the sickness planned for."""
    days = figs.tax("default_sick_days_year") if opts.sick_days is None else opts.sick_days
    rules = SickPayRules(
        figs.tax("ssp_weekly_rate"),
        figs.tax("ssp_earnings_fraction"),
        figs.tax("ssp_lower_earnings_limit_week"),
        figs.tax("ssp_waiting_days"),
        days,
        figs.tax("default_working_days_week"),
    )
    sick = statutory_sick_pay(pay, rules)
    if not sick.due:
        notes.assume(m.SICK_PAY_NONE, number=n, limit=rules.lower_earnings_limit)
        return _ZERO
    common = {"number": n, "rate": pence(sick.weekly_rate), "flat": rules.weekly_rate}
    if rules.waiting_days > 0:
        notes.assume(m.SICK_PAY_WAITING, **common, waiting=Quantity(rules.waiting_days))
    else:
        notes.assume(m.SICK_PAY, **common, fraction=Percent(rules.earnings_fraction))
    return sick.weekly


def _holiday_rate(figs: Figures, method: HolidayMethod) -> Decimal:
    """12.07% of hours for irregular hours; for 5.6 weeks, the leave that goes with each
    week of support when cover keeps support going all 52 weeks: 5.6 / (52 - 5.6)."""
    if method is HolidayMethod.IRREGULAR_HOURS:
        return figs.tax("holiday_irregular_hours_rate")
    weeks = figs.tax("statutory_holiday_weeks")
    return weeks / (WEEKS_IN_YEAR - weeks)


def _ni_before_allowance(
    n: int, pay: Decimal, band: AgeBand, apprentice: bool, figs: Figures, notes: Notes
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


def _pension(n: int, pay: Decimal, band: AgeBand, figs: Figures, notes: Notes) -> Decimal:
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


def _contingency_rate(opts: Options, figs: Figures) -> Decimal:
    if opts.contingency is not None:
        return opts.contingency
    return figs.tax("default_contingency_rate")


def _minimum_wage_check(
    n: int, emp: Employee, band: AgeBand, figs: Figures, notes: Notes
) -> Decimal:
    """Warn when the hourly rate is below the legal minimum for the PA's age."""
    age_rate = band.minimum_wage_rate(figs.age_limits)
    figs.ages(RATE_FROM_AGE[age_rate])
    name = "nmw_apprentice" if emp.apprentice else age_rate
    minimum = figs.wage(name)
    if emp.apprentice:
        notes.assume(m.APPRENTICE, number=n)
    needed = _live_in(n, emp, minimum, figs, notes)
    if emp.hourly_rate < needed:
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


def _live_in(n: int, emp: Employee, minimum: Decimal, figs: Figures, notes: Notes) -> Decimal:
    """The hourly rate in money that meets the minimum wage, counting a live-in PA's
    accommodation up to the offset; without a live-in PA, the minimum itself."""
    if emp.live_in_days == 0:
        return minimum
    offset = figs.optional_wage("accommodation_offset_day")
    if offset is None:
        notes.warn(m.ACCOMMODATION_MISSING, wage_year=figs.selection.wage.label)
        return minimum
    weekly = accommodation_weekly(offset, emp.live_in_days)
    needed = pence(money_rate_needed(minimum, emp.hours_weekly, weekly))
    notes.assume(
        m.ACCOMMODATION,
        number=n,
        offset=offset,
        days=Quantity(Decimal(emp.live_in_days)),
        weekly=weekly,
        needed=needed,
    )
    return needed


def _employer_ni(
    gross_weekly: Decimal, figs: Figures, opts: Options, notes: Notes
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
    figs: Figures,
    opts: Options,
    notes: Notes,
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
    _note_family_pay(figs, notes)
    days = opts.sick_days
    if days is None:
        notes.assume(m.SICK_DAYS_DEFAULT, days=Quantity(figs.tax("default_sick_days_year")))
    else:
        notes.assume(m.SICK_DAYS_GIVEN, days=Quantity(days))
    weekly = {
        "basic": total("basic"),
        "holiday": total("holiday"),
        "employer_ni": ni_net,
        "pension": total("pension"),
        "sick_pay": total("sick_pay"),
        "insurance": pence(insurance / WEEKS_IN_YEAR),
        "payroll": pence(payroll / WEEKS_IN_YEAR),
        "contingency": total("contingency"),
        "cover": pence(opts.cover_yearly / WEEKS_IN_YEAR),
    }
    return tuple(CostLine(key, m.LINE_LABELS[key], value) for key, value in weekly.items())


def _yearly_input(given: Decimal | None, default_name: str, figs: Figures) -> Decimal:
    return given if given is not None else figs.tax(default_name)


def _note_holiday(figs: Figures, opts: Options, notes: Notes) -> None:
    if opts.holiday is HolidayMethod.IRREGULAR_HOURS:
        notes.assume(m.HOLIDAY_IRREGULAR, rate=Percent(figs.tax("holiday_irregular_hours_rate")))
    else:
        notes.assume(m.HOLIDAY_WEEKS, weeks=Quantity(figs.tax("statutory_holiday_weeks")))
    if opts.cover_yearly > 0:
        notes.assume(m.COVER_GIVEN, amount=opts.cover_yearly)
    else:
        notes.assume(m.COVER_SAME_RATE)


def _note_family_pay(figs: Figures, notes: Notes) -> None:
    """Where the contingency names maternity and paternity pay: most of it is paid back."""
    notes.assume(
        m.FAMILY_PAY,
        reclaim=Percent(figs.tax("family_pay_reclaim_rate")),
        relief=Percent(figs.tax("small_employers_relief_rate")),
        limit=figs.tax("small_employers_relief_ni_limit_year"),
    )


def _note_general(costs: tuple[EmployeeCost, ...], figs: Figures, notes: Notes) -> None:
    limit = figs.tax("ni_lower_earnings_limit_week")
    if any(c.pay >= limit for c in costs):
        notes.assume(m.PAYE, limit=limit)
    notes.assume(m.EMPLOYEE_DEDUCTIONS)
    notes.assume(m.PAYROLL_VARIES)
