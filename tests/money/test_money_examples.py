"""The worked examples A-E of the fact brief (§5), to the penny, and the calculator's rules."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from assistant.money import AgeBand, Employee, HolidayMethod, calculate
from assistant.money import messages as m
from assistant.values import InvalidAnswer

ON = date(2026, 11, 22)
#: Example figures: unconfirmed, and said to be examples in their own assumption, not warned.
EXAMPLE_FIGURES = {"default_sick_days_year", "default_working_days_week"}
D = Decimal
EXAMPLE: dict[str, Any] = {
    "insurance_yearly": D(100),
    "payroll_yearly": D(180),
    "contingency": D("0.05"),
}


def _pa(rate: str, hours: str = "20", age: int = 30, **kw: bool) -> Employee:
    return Employee(D(rate), D(hours), AgeBand.from_age(age), **kw)


# case, rate, hours, EA, basic, holiday, NI after EA, NI gross, pension, total, per hour, yearly
CASES = [
    (
        "A",
        "13.00",
        "20",
        True,
        "260.00",
        "31.38",
        "0.00",
        "29.31",
        "5.14",
        "316.47",
        "15.82",
        "16456.44",
    ),
    (
        "B",
        "12.71",
        "10",
        True,
        "127.10",
        "15.34",
        "0.00",
        "6.97",
        "0.00",
        "154.94",
        "15.49",
        "8056.88",
    ),
    (
        "C",
        "12.71",
        "20",
        True,
        "254.20",
        "30.68",
        "0.00",
        "28.33",
        "4.95",
        "309.45",
        "15.47",
        "16091.40",
    ),
    (
        "D",
        "12.21",
        "20",
        True,
        "244.20",
        "29.47",
        "0.00",
        "26.65",
        "4.61",
        "297.34",
        "14.87",
        "15461.68",
    ),
    (
        "E",
        "13.00",
        "20",
        False,
        "260.00",
        "31.38",
        "29.31",
        "29.31",
        "5.14",
        "345.78",
        "17.29",
        "17980.56",
    ),
]


@pytest.mark.parametrize(
    (
        "case",
        "rate",
        "hours",
        "ea",
        "basic",
        "holiday",
        "ni",
        "ni_gross",
        "pension",
        "total",
        "per_hour",
        "yearly",
    ),
    CASES,
)
def test_worked_examples_to_the_penny(
    case: str,
    rate: str,
    hours: str,
    ea: bool,
    basic: str,
    holiday: str,
    ni: str,
    ni_gross: str,
    pension: str,
    total: str,
    per_hour: str,
    yearly: str,
) -> None:
    result = calculate(_pa(rate, hours), on=ON, employment_allowance=ea, **EXAMPLE)
    weekly = {line.id: line.weekly for line in result.lines}
    assert weekly["basic"] == D(basic), case
    assert weekly["holiday"] == D(holiday), case
    assert weekly["employer_ni"] == D(ni), case
    assert result.ni_before_allowance_weekly == D(ni_gross), case
    assert weekly["pension"] == D(pension), case
    assert (weekly["insurance"], weekly["payroll"]) == (D("1.92"), D("3.46")), case
    # The sick pay line replaces the part of the 5% contingency it covers: together they
    # are the brief's contingency line, so its totals hold to the penny.
    assert weekly["sick_pay"] > 0, case
    assert weekly["contingency"] + weekly["sick_pay"] == (
        D("0.05") * (D(basic) + D(holiday))
    ).quantize(D("0.01"), "ROUND_HALF_UP")
    assert result.total_weekly == D(total), case
    assert result.per_hour == D(per_hour), case
    assert result.total_yearly == D(yearly), case


def test_example_a_uses_defaults_from_the_rates_file_and_says_so() -> None:
    result = calculate(_pa("13.00"), on=ON)
    assert result.total_weekly == D("316.47")
    ids = [a.msgid for a in result.assumptions]
    assert m.INSURANCE_DEFAULT in ids and m.PAYROLL_DEFAULT in ids and m.CONTINGENCY_DEFAULT in ids
    example = {f.name for f in result.unconfirmed}
    assert {"default_insurance_year", "default_payroll_year"} <= example


def test_every_line_is_whole_pennies_and_total_is_the_sum_of_rounded_lines() -> None:
    result = calculate(_pa("13.33", "17.25"), on=ON)
    for line in result.lines:
        assert line.weekly == line.weekly.quantize(D("0.01"))
    assert result.total_weekly == sum(line.weekly for line in result.lines)


def test_case_d_warns_that_the_wage_is_below_the_2026_national_living_wage() -> None:
    result = calculate(_pa("12.21"), on=ON, **EXAMPLE)
    below = [w for w in result.warnings if w.msgid == m.BELOW_MINIMUM]
    assert len(below) == 1
    assert below[0].params["minimum"] == D("12.71")
    assert below[0].params["effective"] == date(2026, 4, 1)


def test_no_wage_warning_at_exactly_the_minimum() -> None:
    result = calculate(_pa("12.71"), on=ON)
    assert not [w for w in result.warnings if w.msgid == m.BELOW_MINIMUM]


@pytest.mark.parametrize(
    ("age", "rate", "warned"),
    [
        (17, "8.00", False),
        (17, "7.99", True),
        (19, "10.85", False),
        (19, "10.84", True),
        (21, "12.70", True),
    ],
)
def test_minimum_wage_depends_on_age(age: int, rate: str, warned: bool) -> None:
    result = calculate(_pa(rate, age=age), on=ON)
    assert any(w.msgid == m.BELOW_MINIMUM for w in result.warnings) is warned


def test_apprentice_rate_is_allowed_with_a_softer_warning() -> None:
    result = calculate(_pa("8.00", age=23, apprentice=True), on=ON)
    ids = [w.msgid for w in result.warnings]
    assert m.BELOW_MINIMUM not in ids
    assert m.BELOW_AGE_RATE_APPRENTICE in ids


def test_under_21_pays_no_employer_ni_below_the_upper_secondary_threshold() -> None:
    result = calculate(_pa("13.00", "40", age=20), on=ON, employment_allowance=False)
    assert result.ni_before_allowance_weekly == 0
    assert result.line("employer_ni").weekly == 0
    # an adult on the same pay does pay it
    adult = calculate(_pa("13.00", "40", age=30), on=ON, employment_allowance=False)
    assert adult.line("employer_ni").weekly > 0


def test_under_21_pays_employer_ni_only_above_the_upper_secondary_threshold() -> None:
    # pay 1,000 + 120.70 holiday = 1,120.70; 50,270 / 52 = 966.7307...; (1120.70 - 966.73) x 15%
    result = calculate(_pa("25.00", "40", age=19), on=ON, employment_allowance=False)
    assert result.ni_before_allowance_weekly == D("23.10")


def test_apprentice_under_25_gets_the_ni_relief_but_not_at_25() -> None:
    young = calculate(_pa("13", "40", age=24, apprentice=True), on=ON, employment_allowance=False)
    older = calculate(_pa("13", "40", age=25, apprentice=True), on=ON, employment_allowance=False)
    assert young.line("employer_ni").weekly == 0
    assert older.line("employer_ni").weekly > 0


@pytest.mark.parametrize(
    ("band", "pension"),
    [
        (AgeBand.AGE_21, D(0)),
        (AgeBand.AGE_22_24, D("5.14")),
        (AgeBand.STATE_PENSION_AGE_OR_OVER, D(0)),
        (None, D("5.14")),
    ],
)
def test_pension_only_for_ages_22_to_state_pension_age(band: AgeBand | None, pension: D) -> None:
    result = calculate(Employee(D(13), D(20), band), on=ON)
    assert result.line("pension").weekly == pension


def test_pension_capped_at_the_qualifying_earnings_upper_limit() -> None:
    # pay 2,000 + 241.40 holiday is above 967, so 3% x (967 - 120) = 25.41
    result = calculate(_pa("50", "40"), on=ON)
    assert result.line("pension").weekly == D("25.41")


def test_employment_allowance_is_once_per_employer_not_per_pa() -> None:
    # Each PA: pay 2,241.40; NI (2,241.40 - 96) x 15% = 321.81/wk; 3 PAs = 965.43/wk
    staff = [_pa("50", "40") for _ in range(3)]
    result = calculate(staff, on=ON)
    assert result.ni_before_allowance_weekly == D("965.43")
    assert result.allowance_used_yearly == D("10500")
    assert result.line("employer_ni").weekly == D("763.51")  # (50,202.36 - 10,500) / 52


def test_two_pas_add_up_line_by_line() -> None:
    one = calculate(_pa("13.00"), on=ON, employment_allowance=False, **EXAMPLE)
    two = calculate([_pa("13.00"), _pa("13.00")], on=ON, employment_allowance=False, **EXAMPLE)
    for line_id in ("basic", "holiday", "employer_ni", "pension", "contingency"):
        assert two.line(line_id).weekly == 2 * one.line(line_id).weekly
    assert two.line("insurance").weekly == one.line("insurance").weekly
    assert two.hours_weekly == D(40)


def test_weeks_method_costs_5_6_weeks_leave_per_46_4_weeks_worked() -> None:
    result = calculate(_pa("13.00"), on=ON, holiday=HolidayMethod.WEEKS)
    assert result.line("holiday").weekly == D("31.38")  # 260 x 5.6 / 46.4 = 31.379...
    bigger = calculate(_pa("100.00", "40"), on=ON, holiday=HolidayMethod.WEEKS)
    assert bigger.line("holiday").weekly == D("482.76")  # 4,000 x 5.6 / 46.4 = 482.758...


def test_extra_cover_is_its_own_line() -> None:
    result = calculate(_pa("13.00"), on=ON, cover_yearly=D(520), **EXAMPLE)
    assert result.line("cover").weekly == D("10.00")
    assert result.total_weekly == D("326.47")


def test_2026_27_pension_bands_are_confirmed_so_only_the_relief_is_flagged() -> None:
    """facts.md §9.1 C9 confirms the weekly trigger and qualifying earnings for 2026/27; the
    only unconfirmed figures left are Small Employers' Relief and its limit ([S] M)."""
    result = calculate(_pa("13.00"), on=ON, **EXAMPLE)
    names = {f.name for f in result.unconfirmed} - EXAMPLE_FIGURES
    assert names == {"small_employers_relief_rate", "small_employers_relief_ni_limit_year"}
    flagged = [w for w in result.warnings if w.msgid == m.UNCONFIRMED]
    assert len(flagged) == 2


def test_unconfirmed_figures_are_flagged_where_used() -> None:
    on = date(2025, 11, 1)  # 2025/26: the employer pension rate is carried over, unconfirmed
    result = calculate(_pa("13.00"), on=on, **EXAMPLE)
    flagged = {w.params["figure"] for w in result.warnings if w.msgid == m.UNCONFIRMED}
    names = {f.name for f in result.unconfirmed} - EXAMPLE_FIGURES
    assert "ae_employer_rate" in names and len(flagged) == len(names)
    # the weekly pension bands are confirmed for 2025/26 too (facts.md §9.1 C9)
    assert not {"ae_trigger_week", "ae_qualifying_earnings_lower_week"} & names
    # the pension rate is not used when no pension is due, so it is not flagged
    young = calculate(_pa("13.00", age=21), on=on, **EXAMPLE)
    assert "ae_employer_rate" not in {f.name for f in young.unconfirmed}


SICK = {"contingency": D("0.05"), "insurance_yearly": D(100), "payroll_yearly": D(180)}


@pytest.mark.parametrize(
    ("rate", "hours", "ssp_week", "line"),
    [
        ("13.00", "20", "123.25", "2.37"),  # 80% of 291.38 is more than £123.25: the flat rate
        ("12.71", "10", "113.95", "2.19"),  # 80% of 142.44 = 113.95 is less: 80% of earnings
        ("12.71", "4", "45.58", "0.88"),  # no lower earnings limit from 6 April 2026
    ],
)
def test_statutory_sick_pay_is_the_lower_of_the_rate_or_80_percent_from_day_one(
    rate: str, hours: str, ssp_week: str, line: str
) -> None:
    result = calculate(_pa(rate, hours), on=ON, **SICK)
    assert result.line("sick_pay").weekly == D(line)  # 5 days: one week's SSP over 52 weeks
    said = [a for a in result.assumptions if a.msgid == m.SICK_PAY]
    assert len(said) == 1 and said[0].params["rate"] == D(ssp_week)
    assert m.SICK_DAYS_DEFAULT in [a.msgid for a in result.assumptions]


def test_sick_days_can_be_given_and_the_contingency_never_goes_below_zero() -> None:
    ten = calculate(_pa("13.00"), on=ON, sick_days=D(10), **SICK)
    assert ten.line("sick_pay").weekly == D("4.74")  # 123.25 x 2 / 52
    assert ten.line("contingency").weekly == D("14.57") - D("4.74")
    assert m.SICK_DAYS_GIVEN in [a.msgid for a in ten.assumptions]
    none = calculate(_pa("13.00"), on=ON, sick_days=D(0), **SICK)
    assert none.line("sick_pay").weekly == 0 and none.line("contingency").weekly == D("14.57")
    no_contingency = calculate(_pa("13.00"), on=ON, contingency=D(0))
    assert no_contingency.line("sick_pay").weekly == D("2.37")
    assert no_contingency.line("contingency").weekly == 0


def test_2025_26_sick_pay_waited_three_days_and_needed_the_lower_earnings_limit() -> None:
    old = date(2025, 11, 1)
    result = calculate(_pa("12.21"), on=old, **SICK)
    assert result.line("sick_pay").weekly == D("0.91")  # 118.75 / 5 x 2 paid days / 52
    assert m.SICK_PAY_WAITING in [a.msgid for a in result.assumptions]
    low = calculate(_pa("12.21", "9"), on=old, **SICK)  # 123.09 a week: under £125
    assert low.line("sick_pay").weekly == 0
    assert m.SICK_PAY_NONE in [a.msgid for a in low.assumptions]


def test_small_employers_relief_is_shown_with_family_pay_and_flagged() -> None:
    for on, relief in ((ON, "1.09"), (date(2025, 11, 1), "1.085")):
        result = calculate(_pa("13.00"), on=on, **SICK)
        family = [a for a in result.assumptions if a.msgid == m.FAMILY_PAY]
        assert len(family) == 1 and family[0].params["relief"].value == D(relief)
        assert family[0].params["reclaim"].value == D("0.92")
        flagged = {w.params["figure"].msgid for w in result.warnings if w.msgid == m.UNCONFIRMED}
        assert m.FIGURE_NAMES["small_employers_relief_rate"] in flagged
    assert "maternity and paternity" in m.CONTINGENCY_DEFAULT


def test_a_live_in_pa_s_accommodation_counts_towards_the_minimum_wage() -> None:
    # £11.10 a day x 7 = £77.70 a week over 40 hours is £1.94 an hour: £10.77 in money is enough.
    enough = calculate(
        Employee(D("10.80"), D("40"), AgeBand.from_age(30), live_in_days=7), on=ON, **SICK
    )
    assert not [w for w in enough.warnings if w.msgid == m.BELOW_MINIMUM]
    said = [a for a in enough.assumptions if a.msgid == m.ACCOMMODATION]
    assert said and said[0].params["needed"] == D("10.77")
    assert said[0].params["weekly"] == D("77.70")
    assert "accommodation_offset_day" in {f.name for f in enough.unconfirmed}  # [S] M
    short = calculate(Employee(D("10.80"), D("40"), AgeBand.from_age(30)), on=ON, **SICK)
    assert [w for w in short.warnings if w.msgid == m.BELOW_MINIMUM]
    assert enough.total_weekly == short.total_weekly  # the offset changes the minimum, not cost


def test_no_accommodation_offset_for_2025_26_is_said_not_guessed() -> None:
    pa = Employee(D("10.80"), D("40"), AgeBand.from_age(30), live_in_days=5)
    result = calculate(pa, on=date(2025, 11, 1), **SICK)
    assert [w for w in result.warnings if w.msgid == m.ACCOMMODATION_MISSING]
    assert [w for w in result.warnings if w.msgid == m.BELOW_MINIMUM]


def test_2025_26_figures_carried_over_are_flagged() -> None:
    result = calculate(_pa("13.00", "40", age=19), on=date(2025, 11, 1), **EXAMPLE)
    assert result.tax_year == "2025/26"
    assert "ni_upper_secondary_threshold_year" in {f.name for f in result.unconfirmed}


def test_a_date_beyond_the_data_warns_that_older_figures_are_used() -> None:
    result = calculate(_pa("13.00"), on=date(2027, 6, 1))
    missing = [w for w in result.warnings if w.msgid == m.YEAR_MISSING]
    assert missing and missing[0].params == {"wanted": "2027/28", "tax_year": "2026/27"}


def test_year_override_uses_that_file_for_everything() -> None:
    result = calculate(_pa("12.50"), on=date(2026, 11, 22), year="2025-26")
    assert (result.tax_year, result.wage_year) == ("2025/26", "2025/26")
    assert not any(w.msgid == m.BELOW_MINIMUM for w in result.warnings)  # 12.50 >= 12.21


@pytest.mark.parametrize(
    "kwargs",
    [
        {"insurance_yearly": D(-1)},
        {"payroll_yearly": D(-1)},
        {"contingency": D("1.5")},
        {"cover_yearly": D("-0.01")},
        {"year": "2019-20"},
        {"year": "next year"},
    ],
)
def test_impossible_options_are_refused_kindly(kwargs: dict[str, object]) -> None:
    with pytest.raises(InvalidAnswer):
        calculate(_pa("13.00"), on=ON, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("rate", "hours"), [("13", "168.01"), ("13", "0"), ("0", "10")])
def test_impossible_pas_are_refused(rate: str, hours: str) -> None:
    with pytest.raises(InvalidAnswer):
        Employee(D(rate), D(hours))


def test_no_pas_is_refused() -> None:
    with pytest.raises(InvalidAnswer):
        calculate([], on=ON)
