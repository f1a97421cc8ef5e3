"""Formatting: Babel money in pounds for any locale, the table, and the JSON shape."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

from assistant.money import AgeBand, Employee, calculate, check_offered_rate
from assistant.money import messages as m
from assistant.money.format import Formatter, render_text, resolve_locale, to_json
from assistant.money.inputs import parse_age, parse_date, parse_fraction, parse_hours
from assistant.values import InvalidAnswer

D = Decimal
RESULT = calculate(Employee(D("13"), D("20"), AgeBand.from_age(30)), on=date(2026, 11, 22))


def test_money_is_always_pounds_whatever_the_locale() -> None:
    assert Formatter("en_GB").money(D("16456.44")) == "£16,456.44"
    polish = Formatter(resolve_locale("pl")).money(D("12.5"))
    assert "GBP" in polish and "12,50" in polish  # Polish style, still pounds
    assert "£" in Formatter(resolve_locale("cy")).money(D("12.5"))


def test_bare_english_gets_british_dates() -> None:
    assert str(resolve_locale("en")) == "en_GB"
    with pytest.raises(InvalidAnswer):
        resolve_locale("xx-nonsense")


def test_table_lines_up_and_shows_total_and_per_hour() -> None:
    text = render_text(RESULT)
    rows = [line for line in text.splitlines() if "£" in line][:10]  # 9 lines and the total
    assert len({len(row) for row in rows}) == 1, "amount columns are right-aligned"
    assert "£316.47" in text and "£16,456.44" in text and "£15.82" in text
    assert m.ASSUMPTIONS in text and m.WARNINGS in text  # Small Employers' Relief: unconfirmed


def test_translate_is_used_for_labels_and_messages() -> None:
    marked = render_text(RESULT, fmt=Formatter(translate=lambda msgid: "~" + msgid))
    assert "~Basic pay" in marked and "~What this is based on" in marked
    assert "~Figures for tax year 2026/27" in marked


def test_json_amounts_are_pound_strings_and_messages_are_ids() -> None:
    check = check_offered_rate(RESULT, offered_hourly=D("15"))
    data = to_json(RESULT, check)
    assert data["total"] == {"weekly": "316.47", "yearly": "16456.44", "per_hour": "15.82"}
    assert {line["id"]: line["weekly"] for line in data["lines"]}["holiday"] == "31.38"
    assert data["rate_check"]["shortfall_yearly"] == "856.44"
    first = data["assumptions"][0]
    assert first["id"] == m.YEAR_FROM_DATE and first["params"]["tax_year_starts"] == "2026-04-06"
    assert all(isinstance(f["confirmed"], bool) for f in data["figures"])


@pytest.mark.parametrize(
    ("text", "hours"), [("20", "20"), ("17.5", "17.5"), ("168", "168"), ("12 hours", "12")]
)
def test_hours_parse(text: str, hours: str) -> None:
    assert parse_hours(text) == D(hours)


@pytest.mark.parametrize("text", ["169", "168.01", "0", "-3", "twenty", "", "1e2"])
def test_impossible_hours_are_refused(text: str) -> None:
    with pytest.raises(InvalidAnswer) as info:
        parse_hours(text)
    assert "168" in str(info.value)


@pytest.mark.parametrize(
    ("text", "value"), [("5%", "0.05"), ("0.05", "0.05"), ("0", "0"), ("12.5 %", "0.125")]
)
def test_fraction_parse(text: str, value: str) -> None:
    assert parse_fraction(text) == D(value)


@pytest.mark.parametrize("text", ["5", "150%", "-1%", "five"])
def test_bad_fractions_are_refused(text: str) -> None:
    with pytest.raises(InvalidAnswer):
        parse_fraction(text)


def test_age_and_date_parse() -> None:
    assert parse_age("30") is AgeBand.AGE_25_TO_SPA
    assert parse_age("67", over_state_pension_age=True) is AgeBand.STATE_PENSION_AGE_OR_OVER
    assert parse_date("2026-04-06") == date(2026, 4, 6)
    for bad_age in ("15", "101", "thirty"):
        with pytest.raises(InvalidAnswer):
            parse_age(bad_age)
    with pytest.raises(InvalidAnswer):
        parse_date("6 April")


def test_money_package_never_imports_textual_or_rich() -> None:
    code = (
        "import sys, assistant.money, assistant.money.cli, assistant.money.format;"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('textual', 'rich')];"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
