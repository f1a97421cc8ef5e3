"""Rate files: the shipped ones load, bad ones are refused with file:line and a fix,
and the right year is chosen from the date (tax year from 6 April, wages from 1 April)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.money.rates_data import (
    OPTIONAL_FIGURES,
    RATES_DIR,
    REQUIRED_FIGURES,
    RatesError,
    canonical_label,
    load_all,
    load_citations,
    load_year,
    select_years,
)
from assistant.values import InvalidAnswer

GOOD = (RATES_DIR / "2026-27.yaml").read_text(encoding="utf-8")


def test_shipped_files_load_with_every_figure_sourced_and_dated() -> None:
    years = load_all()
    assert [y.label for y in years] == ["2025/26", "2026/27"]
    for year in years:
        assert set(REQUIRED_FIGURES) <= set(year.figures)
        assert set(year.figures) <= set(REQUIRED_FIGURES) | set(OPTIONAL_FIGURES)
        for fig in year.figures.values():
            assert fig.source.strip()
            assert fig.effective < year.tax_year_starts.replace(year=year.tax_year_starts.year + 1)


def test_fact_brief_headline_figures() -> None:
    y2026 = {y.label: y for y in load_all()}["2026/27"].figures
    assert str(y2026["national_living_wage"].value) == "12.71"
    assert str(y2026["employment_allowance_year"].value) == "10500"
    # facts.md §9.1 C9 confirms the weekly pension figures for both years
    assert y2026["ae_qualifying_earnings_lower_week"].confirmed is True
    assert y2026["ae_qualifying_earnings_upper_week"].confirmed is True
    # 2026/27 employment law (facts.md §9.3 E1, §9.1 C11, C13)
    assert str(y2026["ssp_weekly_rate"].value) == "123.25" and y2026["ssp_weekly_rate"].confirmed
    assert str(y2026["ssp_earnings_fraction"].value) == "0.80"
    assert str(y2026["ssp_waiting_days"].value) == "0"
    assert str(y2026["small_employers_relief_rate"].value) == "1.09"
    assert y2026["small_employers_relief_rate"].confirmed is False
    assert str(y2026["accommodation_offset_day"].value) == "11.10"
    assert y2026["accommodation_offset_day"].confirmed is False
    assert "accommodation_offset_day" not in {y.label: y for y in load_all()}["2025/26"].figures
    y2025 = {y.label: y for y in load_all()}["2025/26"].figures
    assert y2025["ae_trigger_week"].confirmed is True
    assert y2025["ni_upper_secondary_threshold_year"].confirmed is False  # carried over


def test_cssg_11_25_is_marked_unconfirmed() -> None:
    citations = load_citations()
    assert citations["cssg_11_25"].confirmed is False
    assert citations["cssg_11_24"].confirmed is True


def _write(tmp_path: Path, text: str, name: str = "2026-27.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "needle", "words"),
    [
        ('value: "12.71"', "value: 12.71", "value: 12.71", "quoted"),
        ('value: "10.85"', 'value: "ten"', 'value: "ten"', "not a number"),
        ('value: "0.15"', 'value: "15"', 'value: "15"', "fraction"),
        ("unit: pounds_per_week\n", "unit: pence\n", "unit: pence", "unknown unit"),
        ("effective: 2026-04-06\n", "effective: 2027-05-01\n", "effective: 2027-05-01", "after"),
        ("confirmed: true\n", "confirmed: yes please\n", "confirmed: yes please", "true/false"),
        ("  nmw_18_20:\n", "  nmw_18_2O:\n", "nmw_18_2O", "unknown figure"),
        ('tax_year: "2026/27"', 'tax_year: "2027/28"', 'tax_year: "2027/28"', "file name"),
        ("tax_year_starts: 2026-04-06", "tax_year_starts: soon", "tax_year_starts: soon", "date"),
        ("effective: 2026-04-06\n", "effective: 2026-02-30\n", "effective: 2026-02-30", "exist"),
    ],
)
def test_bad_files_name_file_line_and_fix(
    tmp_path: Path, old: str, new: str, needle: str, words: str
) -> None:
    text = GOOD.replace(old, new, 1)
    assert text != GOOD
    path = _write(tmp_path, text)
    with pytest.raises(RatesError) as info:
        load_year(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{_line_of(text, needle)}:"), message
    assert words in message
    assert "Fix:" in message


def test_missing_figure_is_named(tmp_path: Path) -> None:
    text = re.sub(r"  nmw_16_17:\n(    .*\n)+", "", GOOD)
    with pytest.raises(RatesError, match="'nmw_16_17' is missing"):
        load_year(_write(tmp_path, text))


def test_duplicate_key_is_refused_with_its_line(tmp_path: Path) -> None:
    text = GOOD.replace(
        "    unit: pounds_per_hour\n", "    unit: pounds_per_hour\n    unit: weeks\n", 1
    )
    path = _write(tmp_path, text)
    with pytest.raises(RatesError) as info:
        load_year(path)
    assert info.value.line == _line_of(text, "unit: weeks")


def test_yaml_tags_that_build_objects_are_refused(tmp_path: Path) -> None:
    text = GOOD.replace('value: "12.71"', "value: !!python/object/apply:os.system ['true']")
    with pytest.raises(RatesError):
        load_year(_write(tmp_path, text))


def test_citations_file_errors_name_the_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "checked_on: 2026-11-22\ncitations:\n  x:\n    reference: r\n    source: s\n"
        "    confirmed: maybe\n",
        "citations.yaml",
    )
    with pytest.raises(RatesError, match=r"citations.yaml:6:"):
        load_citations(path)


@pytest.mark.parametrize(
    ("text", "label"), [("2026-27", "2026/27"), ("2026/27", "2026/27"), ("2026-2027", "2026/27")]
)
def test_year_labels(text: str, label: str) -> None:
    assert canonical_label(text) == label


@pytest.mark.parametrize("text", ["2026-28", "26-27", "this year", ""])
def test_bad_year_labels_are_refused(text: str) -> None:
    with pytest.raises(InvalidAnswer):
        canonical_label(text)


APRIL_6 = date(2026, 4, 6)
APRIL_1 = date(2026, 4, 1)


@given(st.integers(min_value=1, max_value=360))
def test_tax_year_either_side_of_6_april_2026(days: int) -> None:
    before, after = APRIL_6 - timedelta(days=days), APRIL_6 + timedelta(days=days - 1)
    if before >= date(2025, 4, 6):
        assert select_years(before).tax.label == "2025/26"
    assert select_years(after).tax.label == "2026/27"


@given(st.integers(min_value=1, max_value=360))
def test_wage_year_either_side_of_1_april_2026(days: int) -> None:
    before, after = APRIL_1 - timedelta(days=days), APRIL_1 + timedelta(days=days - 1)
    if before >= date(2025, 4, 1):
        assert select_years(before).wage.label == "2025/26"
    assert select_years(after).wage.label == "2026/27"


@pytest.mark.parametrize("day", [1, 2, 3, 4, 5])
def test_first_days_of_april_mix_old_tax_year_and_new_wages(day: int) -> None:
    chosen = select_years(date(2026, 4, day))
    assert (chosen.tax.label, chosen.wage.label) == ("2025/26", "2026/27")
    assert chosen.missing_year is None


def test_exact_boundaries() -> None:
    assert select_years(date(2026, 4, 5)).tax.label == "2025/26"
    assert select_years(date(2026, 4, 6)).tax.label == "2026/27"
    assert select_years(date(2026, 3, 31)).wage.label == "2025/26"
    assert select_years(date(2026, 4, 1)).wage.label == "2026/27"


def test_citations_file_syntax_errors_name_their_line(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "checked_on: 2026-11-22\ncitations:\n  x: [unclosed\n", "citations.yaml"
    )
    with pytest.raises(RatesError) as info:
        load_citations(path)
    assert info.value.line > 1 and "not valid YAML" in str(info.value)
