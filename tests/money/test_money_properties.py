"""Properties that must hold for any PA: cost never falls as hours or rate rise, nothing
is ever negative, and the Employment Allowance never takes employer NI below zero."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from assistant.money import AgeBand, Employee, HolidayMethod, calculate, check_offered_rate
from assistant.money.model import CostResult

ON = date(2026, 11, 22)

rates = st.decimals(min_value="0.01", max_value="200", places=2)
hours = st.decimals(min_value="0.25", max_value="160", places=2)
steps = st.decimals(min_value="0.01", max_value="8", places=2)
bands = st.one_of(st.none(), st.sampled_from(AgeBand))
options = st.fixed_dictionaries(
    {
        "employment_allowance": st.booleans(),
        "holiday": st.sampled_from(HolidayMethod),
        "contingency": st.one_of(st.none(), st.decimals(min_value="0", max_value="1", places=3)),
        "insurance_yearly": st.one_of(
            st.none(), st.decimals(min_value="0", max_value="5000", places=2)
        ),
    }
)


@given(rates, hours, steps, bands, st.booleans(), options)
def test_cost_never_falls_as_hours_rise(
    rate: Decimal,
    h: Decimal,
    more: Decimal,
    band: AgeBand | None,
    apprentice: bool,
    opts: dict[str, object],
) -> None:
    low = calculate(Employee(rate, h, band, apprentice), on=ON, **opts)  # type: ignore[arg-type]
    high = calculate(Employee(rate, h + more, band, apprentice), on=ON, **opts)  # type: ignore[arg-type]
    assert high.total_weekly >= low.total_weekly
    for a, b in zip(low.lines, high.lines, strict=True):
        if a.id != "contingency":
            assert b.weekly >= a.weekly, a.id
    # The contingency is only the part the sick pay line does not already cover, so it may
    # give way by a penny as sick pay grows; what is set aside for both never falls.
    assert _set_aside(high) >= _set_aside(low)


def _set_aside(cost: CostResult) -> Decimal:
    weekly = {line.id: line.weekly for line in cost.lines}
    return weekly["contingency"] + weekly["sick_pay"]


@given(rates, hours, steps, bands, st.booleans(), options)
def test_cost_never_falls_as_the_rate_rises(
    rate: Decimal,
    h: Decimal,
    more: Decimal,
    band: AgeBand | None,
    apprentice: bool,
    opts: dict[str, object],
) -> None:
    low = calculate(Employee(rate, h, band, apprentice), on=ON, **opts)  # type: ignore[arg-type]
    high = calculate(Employee(rate + more, h, band, apprentice), on=ON, **opts)  # type: ignore[arg-type]
    assert high.total_weekly >= low.total_weekly


pas = st.builds(Employee, rates, hours, bands, st.booleans())


@given(st.lists(pas, min_size=1, max_size=5), options)
def test_nothing_is_ever_negative(staff: list[Employee], opts: dict[str, object]) -> None:
    result = calculate(staff, on=ON, **opts)  # type: ignore[arg-type]
    assert all(line.weekly >= 0 for line in result.lines)
    for cost in result.employees:
        assert min(cost.basic, cost.holiday, cost.ni_before_allowance, cost.pension) >= 0
        assert cost.contingency >= 0
    assert result.total_weekly > 0 and result.per_hour > 0
    assert result.allowance_used_yearly >= 0


@given(st.lists(pas, min_size=1, max_size=5))
def test_employment_allowance_never_takes_ni_below_zero(staff: list[Employee]) -> None:
    result = calculate(staff, on=ON, employment_allowance=True)
    ni = result.line("employer_ni").weekly
    assert 0 <= ni <= result.ni_before_allowance_weekly
    assert result.allowance_used_yearly <= Decimal("10500")
    assert result.allowance_used_yearly <= result.ni_before_allowance_weekly * 52
    without = calculate(staff, on=ON, employment_allowance=False)
    assert without.line("employer_ni").weekly == result.ni_before_allowance_weekly


@given(
    st.lists(pas, min_size=1, max_size=3), st.decimals(min_value="0.01", max_value="5000", places=2)
)
def test_rate_check_shortfall_and_spare_are_never_negative(
    staff: list[Employee], offered_weekly: Decimal
) -> None:
    result = calculate(staff, on=ON)
    check = check_offered_rate(result, offered_weekly=offered_weekly)
    assert check.shortfall_weekly >= 0 and check.spare_weekly >= 0
    assert check.shortfall_weekly - check.spare_weekly == result.total_weekly - offered_weekly
    assert check.shortfall_yearly == check.shortfall_weekly * 52
    assert (check.request_paragraph is not None) is check.is_short
