"""The direct-payment rate check: shortfall, what it means, the case and the paragraph."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from assistant.money import AgeBand, Employee, calculate, check_offered_rate
from assistant.money import messages as m
from assistant.money.format import Formatter
from assistant.values import InvalidAnswer

D = Decimal
EXAMPLE_A = calculate(
    Employee(D("13"), D("20"), AgeBand.from_age(30)),
    on=date(2026, 11, 22),
    insurance_yearly=D(100),
    payroll_yearly=D(180),
    contingency=D("0.05"),
)


def test_hourly_offer_below_true_cost_gives_weekly_and_yearly_shortfall() -> None:
    check = check_offered_rate(EXAMPLE_A, offered_hourly=D("15"))
    assert check.offered_weekly == D("300.00")
    assert check.cost_weekly == D("316.47") and check.cost_hourly == D("15.82")
    assert check.shortfall_weekly == D("16.47")
    assert check.shortfall_yearly == D("856.44")
    assert check.is_short
    assert [s.msgid for s in check.summary] == [m.RATE_SHORT, m.RATE_SHORT_MEANING]


def test_weekly_offer_is_turned_into_an_hourly_rate() -> None:
    check = check_offered_rate(EXAMPLE_A, offered_weekly=D("250"))
    assert check.offered_hourly == D("12.50")
    assert check.shortfall_weekly == D("66.47")


def test_enough_offer_has_no_case_and_no_paragraph() -> None:
    check = check_offered_rate(EXAMPLE_A, offered_weekly=D("320"))
    assert not check.is_short
    assert check.spare_weekly == D("3.53")
    assert check.case == () and check.request_paragraph is None
    assert check.summary[0].msgid == m.RATE_ENOUGH


def test_exactly_the_true_cost_is_not_short() -> None:
    assert not check_offered_rate(EXAMPLE_A, offered_weekly=D("316.47")).is_short


def test_case_cites_the_guidance_and_flags_11_25_as_unconfirmed() -> None:
    check = check_offered_rate(EXAMPLE_A, offered_hourly=D("15"))
    cited = {p.citation.id: p.confirmed for p in check.case if p.citation is not None}
    assert cited["cssg_11_24"] is True
    assert cited["cssg_11_25"] is False
    assert cited["cssg_10_27"] is True
    assert check.case[-1].message.msgid == m.ADVICE
    assert [c.id for c in check.request_citations if not c.confirmed] == ["cssg_11_25"]


def test_ready_paragraph_carries_the_figures() -> None:
    check = check_offered_rate(EXAMPLE_A, offered_hourly=D("15"))
    assert check.request_paragraph is not None
    text = Formatter().text(check.request_paragraph)
    for figure in ("£300.00", "20 hours", "£316.47", "£15.82", "£16.47", "£856.44"):
        assert figure in text
    assert "11.24" in text and "11.25" in text


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"offered_hourly": D(15), "offered_weekly": D(300)},
        {"offered_hourly": D(0)},
        {"offered_weekly": D(-5)},
    ],
)
def test_offer_must_be_exactly_one_positive_amount(kwargs: dict[str, Decimal]) -> None:
    with pytest.raises(InvalidAnswer):
        check_offered_rate(EXAMPLE_A, **kwargs)  # type: ignore[arg-type]
