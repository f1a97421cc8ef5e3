"""Age limits live in the rate files: they decide the age bands and the rules for each band,
a changed limit in a file changes the result, and an impossible one is refused with
file:line and the fix."""

from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.money import AgeBand, Employee, calculate
from assistant.money import messages as m
from assistant.money.ages import AGE_FIGURES, TAX_AGE_FIGURES, WAGE_AGE_FIGURES
from assistant.money.inputs import parse_age
from assistant.money.rates_data import (
    RATES_DIR,
    RatesError,
    load_all,
    load_year,
    select_years,
)
from assistant.values import InvalidAnswer

ON = date(2026, 11, 22)
D = Decimal
GOOD = (RATES_DIR / "2026-27.yaml").read_text(encoding="utf-8")


def _set_age(text: str, name: str, value: str) -> str:
    """The rate file text with one age limit's value changed."""
    changed, count = re.subn(rf'(  {name}:\n    value: )"\d+"', rf'\g<1>"{value}"', text, count=1)
    assert count == 1, name
    return changed


def _rates_copy(tmp_path: Path, **ages: str) -> Path:
    """A copy of the shipped rates folder with age limits changed in 2026/27."""
    folder = tmp_path / "rates"
    shutil.copytree(RATES_DIR, folder)
    path = folder / "2026-27.yaml"
    text = path.read_text(encoding="utf-8")
    for name, value in ages.items():
        text = _set_age(text, name, value)
    path.write_text(text, encoding="utf-8")
    return folder


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_the_age_limits_are_read_from_the_files_with_sources() -> None:
    for year in load_all():
        limits = select_years(year.tax_year_starts, year.label).age_limits()
        assert limits.as_values() == {n: int(year.figures[n].value) for n in AGE_FIGURES}
        for name in AGE_FIGURES:
            figure = year.figures[name]
            assert figure.unit == "years" and figure.source.strip()


def test_confirmed_flags_follow_the_fact_brief() -> None:
    years = {y.label: y for y in load_all()}
    # 2026/27: every age is marked [S] H in the brief (NMW bands, NI relief, enrolment)
    assert all(years["2026/27"].figures[n].confirmed for n in AGE_FIGURES)
    # 2025/26: the minimum wage bands are [S] H; the NI and pension ages are carried over
    assert all(years["2025/26"].figures[n].confirmed for n in WAGE_AGE_FIGURES)
    assert not any(years["2025/26"].figures[n].confirmed for n in TAX_AGE_FIGURES)


def test_the_english_wording_states_the_shipped_ages() -> None:
    """The messages say the ages in words; a changed limit must come with changed wording."""
    for year in load_all():
        ages = {n: str(int(v.value)) for n, v in year.figures.items() if n in AGE_FIGURES}
        assert f"under {ages['employer_ni_relief_under_age']}" in m.NI_RELIEF
        assert f"apprentice under {ages['apprentice_ni_relief_under_age']}" in m.NI_RELIEF
        assert f"they are {ages['auto_enrolment_from_age']} or over" in m.PENSION_DUE
        assert f"under {ages['auto_enrolment_from_age']}" in m.PENSION_AGE
        assert f"{ages['apprentice_ni_relief_under_age']} or over" in m.AGE_UNKNOWN
        assert (
            f"{ages['national_living_wage_from_age']} and over"
            in m.RATE_NAMES["national_living_wage"]
        )
        assert f"ages {ages['nmw_18_20_from_age']} to" in m.RATE_NAMES["nmw_18_20"]
        assert f"ages {ages['nmw_16_17_from_age']} and" in m.RATE_NAMES["nmw_16_17"]


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (16, AgeBand.AGE_16_17),
        (17, AgeBand.AGE_16_17),
        (18, AgeBand.AGE_18_20),
        (20, AgeBand.AGE_18_20),
        (21, AgeBand.AGE_21),
        (22, AgeBand.AGE_22_24),
        (24, AgeBand.AGE_22_24),
        (25, AgeBand.AGE_25_TO_SPA),
        (66, AgeBand.AGE_25_TO_SPA),
    ],
)
def test_bands_under_the_shipped_limits(age: int, band: AgeBand) -> None:
    assert AgeBand.from_age(age) is band
    assert AgeBand.from_age(age, limits=select_years(ON).age_limits()) is band


def test_a_different_limit_in_the_file_changes_the_band(tmp_path: Path) -> None:
    rates = load_all(_rates_copy(tmp_path, nmw_18_20_from_age="19"))
    limits = select_years(ON, years=rates).age_limits()
    assert AgeBand.from_age(18, limits=limits) is AgeBand.AGE_16_17
    assert AgeBand.from_age(18) is AgeBand.AGE_18_20  # the shipped files are untouched
    # so £9 an hour is above the minimum for an 18-year-old under that file, not under ours
    pa = Employee(D("9.00"), D(20), AgeBand.from_age(18, limits=limits))
    changed = calculate(pa, on=ON, rates=rates)
    shipped = calculate(Employee(D("9.00"), D(20), AgeBand.from_age(18)), on=ON)
    assert not any(w.msgid == m.BELOW_MINIMUM for w in changed.warnings)
    assert any(w.msgid == m.BELOW_MINIMUM for w in shipped.warnings)


def test_a_different_relief_age_changes_the_employer_ni(tmp_path: Path) -> None:
    rates = load_all(_rates_copy(tmp_path, employer_ni_relief_under_age="18"))
    pa = Employee(D("13.00"), D(40), AgeBand.AGE_18_20)
    changed = calculate(pa, on=ON, rates=rates, employment_allowance=False)
    shipped = calculate(pa, on=ON, employment_allowance=False)
    assert shipped.line("employer_ni").weekly == 0
    assert changed.line("employer_ni").weekly > 0
    young = Employee(D("13.00"), D(40), AgeBand.AGE_16_17)
    assert (
        calculate(young, on=ON, rates=rates, employment_allowance=False).ni_before_allowance_weekly
        == 0
    )


def test_a_different_enrolment_age_changes_the_pension(tmp_path: Path) -> None:
    rates = load_all(_rates_copy(tmp_path, auto_enrolment_from_age="23"))
    limits = select_years(ON, years=rates).age_limits()
    assert AgeBand.from_age(22, limits=limits) is AgeBand.AGE_21
    pa = Employee(D("13.00"), D(20), AgeBand.from_age(22, limits=limits))
    assert calculate(pa, on=ON, rates=rates).line("pension").weekly == 0
    shipped = Employee(D("13.00"), D(20), AgeBand.from_age(22))
    assert calculate(shipped, on=ON).line("pension").weekly == D("5.14")


def test_the_youngest_age_comes_from_the_file(tmp_path: Path) -> None:
    rates = load_all(_rates_copy(tmp_path, nmw_16_17_from_age="17"))
    limits = select_years(ON, years=rates).age_limits()
    with pytest.raises(InvalidAnswer) as info:
        parse_age("16", limits=limits)
    assert info.value.params["minimum"] == 17
    assert parse_age("16") is AgeBand.AGE_16_17
    with pytest.raises(InvalidAnswer):
        AgeBand.from_age(16, limits=limits)


def test_the_age_limits_used_are_recorded_with_their_source() -> None:
    result = calculate(Employee(D("13.00"), D(20), AgeBand.AGE_18_20), on=ON)
    used = {f.name: f for f in result.figures}
    assert used["employer_ni_relief_under_age"].value == 21
    assert used["auto_enrolment_from_age"].unit == "years"
    assert "nmw_18_20_from_age" in used and used["nmw_18_20_from_age"].tax_year == "2026/27"
    assert "apprentice_ni_relief_under_age" not in used  # only asked about for apprentices


def test_carried_over_2025_26_ages_are_flagged_where_used() -> None:
    pa = Employee(D("13.00"), D(20), AgeBand.AGE_25_TO_SPA, apprentice=True)
    result = calculate(pa, on=date(2025, 11, 1))
    assert set(TAX_AGE_FIGURES) <= {f.name for f in result.unconfirmed}
    sources = [w.params["source"] for w in result.warnings if w.msgid == m.UNCONFIRMED]
    assert any("eligible jobholders are aged 22" in str(s) for s in sources)


def test_the_first_days_of_april_mix_the_wage_and_tax_years_ages(tmp_path: Path) -> None:
    # 1-5 April 2026: wage ages from 2026/27, NI and pension ages from 2025/26
    folder = _rates_copy(
        tmp_path,
        national_living_wage_from_age="23",
        employer_ni_relief_under_age="23",
        auto_enrolment_from_age="24",
    )
    rates = load_all(folder)  # each file fits the bands on its own...
    limits = select_years(date(2026, 4, 7), years=rates).age_limits()
    assert limits.national_living_wage_from == 23 and limits.auto_enrolment_from == 24
    with pytest.raises(RatesError) as info:  # ...but 2026/27 wages with 2025/26 pensions do not
        calculate(Employee(D(13), D(20)), on=date(2026, 4, 3), rates=rates)
    old = (folder / "2025-26.yaml").read_text(encoding="utf-8")
    line = _line_of(old, "  auto_enrolment_from_age:")
    assert str(info.value).startswith(f"{folder / '2025-26.yaml'}:{line}:")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "2026-27.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "value", "on_value_line", "words"),
    [
        ("national_living_wage_from_age", "21.5", True, "whole years"),
        ("nmw_16_17_from_age", "0", True, "whole years"),
        ("auto_enrolment_from_age", "150", True, "whole years"),
        ("national_living_wage_from_age", "17", False, "must be above nmw_18_20_from_age"),
        ("auto_enrolment_from_age", "21", False, "must be above national_living_wage_from_age"),
        ("apprentice_ni_relief_under_age", "22", False, "must be above auto_enrolment_from_age"),
        ("employer_ni_relief_under_age", "20", False, "not an age where a band starts"),
    ],
)
def test_impossible_limits_name_file_line_and_fix(
    tmp_path: Path, name: str, value: str, on_value_line: bool, words: str
) -> None:
    text = _set_age(GOOD, name, value)
    path = _write(tmp_path, text)
    with pytest.raises(RatesError) as info:
        load_year(path)
    message = str(info.value)
    line = _line_of(text, f"  {name}:\n") + on_value_line
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message and "Fix:" in message


def test_an_age_limit_must_be_in_years_and_only_ages_are(tmp_path: Path) -> None:
    text = GOOD.replace('    value: "22"\n    unit: years', '    value: "22"\n    unit: weeks')
    with pytest.raises(RatesError, match="is an age limit, so its unit is years"):
        load_year(_write(tmp_path, text))
    text = GOOD.replace("unit: weeks", "unit: years", 1)
    with pytest.raises(RatesError, match="'statutory_holiday_weeks' is not an age limit"):
        load_year(_write(tmp_path, text))


def test_a_missing_age_limit_is_named(tmp_path: Path) -> None:
    text = re.sub(r"  auto_enrolment_from_age:\n(    .*\n)+", "", GOOD)
    path = _write(tmp_path, text)
    with pytest.raises(RatesError, match="'auto_enrolment_from_age' is missing") as info:
        load_year(path)
    first_figure = _line_of(text, "  national_living_wage:\n")
    assert str(info.value).startswith(f"{path}:{first_figure}:")
    assert "Fix: add 'auto_enrolment_from_age:'" in str(info.value)
