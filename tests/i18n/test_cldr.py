"""The lean CLDR data (assistant.i18n.cldr): true to Babel, and all the assistant formats with.

Formatting with the lean locale must give exactly what Babel gives with its full data, for
every shipped locale and every kind of value the assistant formats, without ever falling
back to the full data; and ``locales/cldr.json`` must be what the installed Babel says.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
from decimal import Decimal

import pytest
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st

from assistant.i18n import LOCALES, cldr, translator_for
from assistant.money.format import Formatter, resolve_locale
from assistant.money.model import Percent, Quantity
from assistant.paths import locales_dir

SHIPPED = sorted(LOCALES)
#: Amounts with every shape that formats differently: signs, rounding to the penny (half
#: to even), no pence, thousands (Polish groups only from five digits) and millions.
AMOUNTS = [
    Decimal(text)
    for text in (
        "0", "0.5", "0.005", "0.015", "0.025", "1", "-1", "9.99", "10.5", "12.345", "999",
        "1000", "1234.5", "-1234.567", "9999.995", "12345", "100000", "1234567.891",
        "-0.004", "1000000000",
    )
]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_misses() -> None:
    cldr.MISSES.clear()


def test_the_committed_data_is_what_the_installed_babel_says() -> None:
    committed = json.loads((locales_dir() / cldr.FILE).read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(cldr.extract(LOCALES))), (
        "locales/cldr.json is out of date: run 'make catalogs'"
    )


@pytest.mark.parametrize("code", SHIPPED)
def test_money_lists_and_dates_are_exactly_babels(code: str) -> None:
    t, full = translator_for(code), Locale.parse(code)
    for amount in AMOUNTS:
        assert t.money(amount) == format_currency(amount, "GBP", locale=full)
        assert t.value(amount) == format_currency(amount, "GBP", locale=full)
    for items in (["a", "b"], ["a", "b", "c"], ["un", "dau", "tri", "pedwar"]):
        for style in cldr.LIST_STYLES:
            expected = format_list(items, style=style, locale=full)  # type: ignore[arg-type]
            if code != "cy" or style != "standard":  # Welsh "a(c)" is chosen after Babel
                assert t.list(items, style) == expected
    for day in (dt.date(2026, 1, 1), dt.date(2026, 11, 22), dt.date(2027, 6, 30)):
        assert t.date(day) == format_date(day, "long", locale=full)
    assert cldr.MISSES == []


@given(pence=st.integers(min_value=-(10**12), max_value=10**12))
def test_any_amount_of_pounds_is_babels(pence: int) -> None:
    amount = Decimal(pence).scaleb(-3)  # a tenth of a penny too: rounding
    for code in SHIPPED:
        expected = format_currency(amount, "GBP", locale=Locale.parse(code))
        assert translator_for(code).money(amount) == expected
    assert cldr.MISSES == []


@pytest.mark.parametrize("code", SHIPPED)
def test_the_cost_reports_formats_are_babels(code: str) -> None:
    lean, full = Formatter(code), Locale.parse(code)
    for amount in AMOUNTS:
        assert lean.money(amount) == format_currency(amount, "GBP", locale=full)
        assert lean.param(Quantity(amount)) == format_decimal(amount, locale=full)
        expected = format_percent(amount / 100, "#,##0.##%", locale=full)
        assert lean.param(Percent(amount / 100)) == expected
    assert lean.param(dt.date(2026, 4, 6)) == format_date(dt.date(2026, 4, 6), "long", locale=full)
    assert cldr.MISSES == []


def test_a_language_not_shipped_still_formats_with_babels_full_data() -> None:
    german = resolve_locale("de")
    assert not isinstance(german, cldr.LeanLocale)
    assert Formatter(german).money(Decimal("1234.5")) == "1.234,50\xa0£"
    assert isinstance(resolve_locale("en"), cldr.LeanLocale)  # en_GB: shipped


def test_anything_else_asked_comes_from_the_full_data_and_is_noted() -> None:
    lean = cldr.babel_locale("pl")
    assert lean.territories["GB"] == Locale.parse("pl").territories["GB"]
    assert cldr.MISSES == [("pl", "territories")]


def test_babel_still_reads_a_locales_data_through_the_private_data_property() -> None:
    """Canary: LeanLocale overrides ``babel.Locale._data``, which every public property of a
    locale reads. If Babel renames it, the lean data is silently bypassed (and the memory
    comes back), so fail here instead."""
    assert isinstance(inspect.getattr_static(Locale, "_data"), property)
    for name in ("number_symbols", "currency_formats", "list_patterns", "date_formats", "months"):
        reader = inspect.getattr_static(Locale, name)
        assert "self._data[" in inspect.getsource(reader.fget), name
    lean = cldr.babel_locale("cy")
    assert lean.number_symbols["latn"]["decimal"] == "."
    assert cldr.MISSES == []
