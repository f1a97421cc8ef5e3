"""Dated, sourced rate figures: loading, checking and choosing the right year.

Figures live in ``rates/YYYY-YY.yaml`` (one file per tax year), never in code, so a new
tax year is a data change. Files are read with a safe YAML loader and checked strictly:
any mistake is reported as ``file:line`` with what to do about it, because a wrong figure
here silently becomes a wrong bill for somebody.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from assistant.money.ages import AGE_FIGURES, MAX_AGE, WAGE_AGE_FIGURES, AgeLimits, age_problem
from assistant.money.rates_yaml import Lined, RatesError, check_keys, date_field, read_mapping
from assistant.values import N_, InvalidAnswer

__all__ = [
    "RATES_DIR",
    "OPTIONAL_FIGURES",
    "REQUIRED_FIGURES",
    "UNITS",
    "Citation",
    "Figure",
    "RateYear",
    "RatesError",
    "Selection",
    "age_limits",
    "canonical_label",
    "current_age_limits",
    "load_all",
    "load_citations",
    "load_year",
    "select_years",
]

#: Where the shipped rate files live.
RATES_DIR = Path(__file__).parent / "rates"

#: Every figure the calculator needs; each year file must have all of them and no others.
REQUIRED_FIGURES = (
    "national_living_wage",
    "nmw_18_20",
    "nmw_16_17",
    "nmw_apprentice",
    "employer_ni_rate",
    "ni_secondary_threshold_week",
    "ni_upper_secondary_threshold_year",
    "ni_lower_earnings_limit_week",
    "employment_allowance_year",
    "ae_trigger_week",
    "ae_qualifying_earnings_lower_week",
    "ae_qualifying_earnings_upper_week",
    "ae_employer_rate",
    "holiday_irregular_hours_rate",
    "statutory_holiday_weeks",
    "default_insurance_year",
    "default_payroll_year",
    "default_contingency_rate",
    "ssp_weekly_rate",
    "ssp_earnings_fraction",
    "ssp_lower_earnings_limit_week",
    "ssp_waiting_days",
    "default_sick_days_year",
    "default_working_days_week",
    "family_pay_reclaim_rate",
    "small_employers_relief_rate",
    "small_employers_relief_ni_limit_year",
    *AGE_FIGURES,
)
#: Figures a year file may have; the calculator says so when one it needs is missing.
OPTIONAL_FIGURES = ("accommodation_offset_day",)
UNITS = (
    "pounds_per_hour",
    "pounds_per_day",
    "pounds_per_week",
    "pounds_per_year",
    "fraction",
    "days",
    "weeks",
    "years",
)
#: Fractions that may be above 1 (Small Employers' Relief pays back more than was paid).
_OVER_ONE = frozenset({"small_employers_relief_rate"})
_FIGURE_KEYS = ("value", "unit", "effective", "source", "confirmed")
_TOP_KEYS = ("tax_year", "tax_year_starts", "wage_year_starts", "figures")
_LABEL_RE = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
_FILE_RE = re.compile(r"^\d{4}-\d{2}\.yaml$")


@dataclass(frozen=True)
class Figure:
    """One figure with its provenance; ``line`` points into ``path`` for error messages."""

    name: str
    value: Decimal
    unit: str
    effective: date
    source: str
    confirmed: bool
    line: int


@dataclass(frozen=True)
class RateYear:
    """All the figures for one tax year, as read from one file."""

    label: str
    tax_year_starts: date
    wage_year_starts: date
    figures: Mapping[str, Figure]
    path: Path

    def covers_tax_date(self, on: date) -> bool:
        """Whether ``on`` falls inside this tax year."""
        return self.tax_year_starts <= on < _next_year(self.tax_year_starts)

    def covers_wage_date(self, on: date) -> bool:
        """Whether ``on`` falls inside this file's minimum wage year (from 1 April)."""
        return self.wage_year_starts <= on < _next_year(self.wage_year_starts)


def _next_year(day: date) -> date:
    return day.replace(year=day.year + 1)


def canonical_label(text: str) -> str:
    """Turn "2026-27", "2026/27" or "2026-2027" into "2026/27", or refuse kindly."""
    match = _LABEL_RE.match(text.strip())
    if match is None or int(match.group(2)[-2:]) != (int(match.group(1)) + 1) % 100:
        raise InvalidAnswer(N_("Please type a tax year like 2026-27."))
    return f"{match.group(1)}/{match.group(2)[-2:]}"


def load_year(path: Path) -> RateYear:
    """Read and check one year file; raises :class:`RatesError` naming file:line and the fix."""
    data = read_mapping(path, "tax_year")
    check_keys(path, data, _TOP_KEYS, "top-level key")
    label = _check_label(path, data)
    starts = date_field(path, data, "tax_year_starts")
    wage_starts = date_field(path, data, "wage_year_starts")
    if f"{starts.year}/{(starts.year + 1) % 100:02d}" != label:
        line = data.key_lines["tax_year_starts"]
        raise RatesError(path, line, f"tax_year_starts does not fall in {label}.", "fix the date.")
    figures = _figures(path, data["figures"], data.key_lines["figures"], starts)
    year = RateYear(label, starts, wage_starts, MappingProxyType(figures), path)
    age_limits(year, year)  # the age limits must fit the age bands
    return year


def _check_label(path: Path, data: Lined) -> str:
    line = data.key_lines["tax_year"]
    try:
        label = canonical_label(str(data["tax_year"]))
    except InvalidAnswer:
        raise RatesError(path, line, 'tax_year is not like "2026/27".', "quote it.") from None
    if _FILE_RE.match(path.name) and path.stem.replace("-", "/") != label:
        fix = f"rename the file to {label.replace('/', '-')}.yaml or fix tax_year."
        raise RatesError(path, line, f"tax_year {label} does not match the file name.", fix)
    return label


def _figures(path: Path, raw: Any, line: int, starts: date) -> dict[str, Figure]:
    if not isinstance(raw, Lined):
        raise RatesError(path, line, "'figures' is not a mapping.", "indent figures under it.")
    for name in raw:
        if name not in REQUIRED_FIGURES and name not in OPTIONAL_FIGURES:
            fix = "correct the spelling, or teach assistant/money/rates_data.py the new figure."
            raise RatesError(path, raw.key_lines[name], f"unknown figure '{name}'.", fix)
    for name in REQUIRED_FIGURES:
        if name not in raw:
            fix = f"add '{name}:' with value, unit, effective, source and confirmed."
            raise RatesError(path, raw.line, f"figure '{name}' is missing.", fix)
    return {name: _figure(path, name, raw[name], raw.key_lines[name], starts) for name in raw}


def _figure(path: Path, name: str, raw: Any, line: int, starts: date) -> Figure:
    if not isinstance(raw, Lined):
        raise RatesError(path, line, f"'{name}' is not a mapping.", "give it value, unit, etc.")
    check_keys(path, raw, _FIGURE_KEYS, f"key in '{name}'")
    lines = raw.key_lines
    value = _decimal(path, raw["value"], lines["value"])
    unit = raw["unit"]
    if unit not in UNITS:
        raise RatesError(path, lines["unit"], f"unknown unit '{unit}'.", f"use one of {UNITS}.")
    if unit == "fraction" and value > 1 and name not in _OVER_ONE:
        raise RatesError(path, lines["value"], "a fraction is above 1.", 'write 15% as "0.15".')
    _check_age_unit(path, name, unit, value, lines)
    effective = date_field(path, raw, "effective")
    if effective >= _next_year(starts):
        raise RatesError(path, lines["effective"], "effective is after this tax year.", "fix it.")
    source = raw["source"]
    if not isinstance(source, str) or not source.strip():
        raise RatesError(path, lines["source"], "source is empty.", "say where the figure is from.")
    confirmed = raw["confirmed"]
    if not isinstance(confirmed, bool):
        raise RatesError(
            path, lines["confirmed"], "confirmed is not true/false.", "use true/false."
        )
    return Figure(name, value, unit, effective, source, confirmed, line)


def _check_age_unit(
    path: Path, name: str, unit: str, value: Decimal, lines: dict[str, int]
) -> None:
    """Age limits, and only they, are in years: whole years a PA could be."""
    if (unit == "years") != (name in AGE_FIGURES):
        kind = "an age limit, so its unit is years" if unit != "years" else "not an age limit"
        raise RatesError(path, lines["unit"], f"'{name}' is {kind}.", "correct the unit.")
    if unit == "years" and (value != value.to_integral_value() or not 0 < value < MAX_AGE):
        problem = f"an age limit must be whole years from 1 to {MAX_AGE - 1}."
        raise RatesError(path, lines["value"], problem, 'write it like value: "21".')


def _decimal(path: Path, raw: Any, line: int) -> Decimal:
    fix = 'write it as a quoted decimal, for example value: "12.71".'
    if not isinstance(raw, str):
        raise RatesError(path, line, "value is not quoted, so it could be read inexactly.", fix)
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise RatesError(path, line, "value is not a number.", fix) from None
    if not value.is_finite() or value < 0:
        raise RatesError(path, line, "value is negative or not finite.", fix)
    return value


@cache
def load_all(directory: Path = RATES_DIR) -> tuple[RateYear, ...]:
    """Every year file in ``directory``, oldest first. Cached: the files ship with the code."""
    years = tuple(
        sorted(
            (load_year(p) for p in directory.glob("*.yaml") if _FILE_RE.match(p.name)),
            key=lambda y: y.tax_year_starts,
        )
    )
    if not years:
        raise RatesError(directory, 1, "there are no rate files here.", "add YYYY-YY.yaml files.")
    return years


@dataclass(frozen=True)
class Selection:
    """The files chosen for a calculation date: tax figures and minimum wage rates.

    They can differ: between 1 and 5 April the new minimum wage already applies while
    the old tax year is still running. ``missing_year`` names the year that was wanted
    when no file covers the date, so the result can warn that older figures were used.
    """

    tax: RateYear
    wage: RateYear
    chosen_by_caller: bool
    missing_year: str | None

    def age_limits(self) -> AgeLimits:
        """The age limits in use: minimum wage ages from the wage year, NI and pension
        ages from the tax year (between 1 and 5 April these are different files)."""
        return age_limits(self.wage, self.tax)


def age_limits(wage: RateYear, tax: RateYear) -> AgeLimits:
    """The age limits from these years, or :class:`RatesError` naming file:line and the fix
    when they do not fit the age bands (every file is checked alone as it is loaded)."""
    figures = {
        name: (wage if name in WAGE_AGE_FIGURES else tax).figures[name] for name in AGE_FIGURES
    }
    values = {name: int(fig.value) for name, fig in figures.items()}
    problem = age_problem(values)
    if problem is not None:
        name, text, fix = problem
        path = (wage if name in WAGE_AGE_FIGURES else tax).path
        raise RatesError(path, figures[name].line, text, fix)
    return AgeLimits.from_values(values)


def current_age_limits() -> AgeLimits:
    """The age limits for today, for callers that do not say which year they mean."""
    return select_years(date.today()).age_limits()


def select_years(
    on: date, year: str | None = None, *, years: tuple[RateYear, ...] | None = None
) -> Selection:
    """Choose the tax year from ``on`` (from 6 April) and wage rates (from 1 April).

    ``year`` ("2026-27") overrides both; an unknown year raises :class:`InvalidAnswer`
    listing the years there are.
    """
    available = load_all() if years is None else years
    if year is not None:
        label = canonical_label(year)
        for candidate in available:
            if candidate.label == label:
                return Selection(candidate, candidate, True, None)
        choices = ", ".join(y.label.replace("/", "-") for y in available)
        raise InvalidAnswer(
            N_("There are no rates for that tax year. Please choose one of: {years}."),
            {"years": choices},
        )
    tax = _latest(available, on, lambda y: y.tax_year_starts)
    wage = _latest(available, on, lambda y: y.wage_year_starts)
    missing = None
    if not tax.covers_tax_date(on):
        missing = _label_for(on, tax.tax_year_starts)
    elif not wage.covers_wage_date(on):
        missing = _label_for(on, wage.wage_year_starts)
    return Selection(tax, wage, False, missing)


def _latest(years: tuple[RateYear, ...], on: date, start: Any) -> RateYear:
    started = [y for y in years if start(y) <= on]
    return max(started, key=start) if started else min(years, key=start)


def _label_for(on: date, start: date) -> str:
    first = on.year if (on.month, on.day) >= (start.month, start.day) else on.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


@dataclass(frozen=True)
class Citation:
    """A piece of law or guidance the rate check relies on, and whether it is confirmed."""

    id: str
    reference: str
    source: str
    confirmed: bool
    checked_on: date


_CITATION_KEYS = ("reference", "source", "confirmed")


@cache
def load_citations(path: Path = RATES_DIR / "citations.yaml") -> Mapping[str, Citation]:
    """Read ``citations.yaml``; errors name file:line and the fix, as for rate files."""
    data = read_mapping(path, "checked_on")
    check_keys(path, data, ("checked_on", "citations"), "top-level key")
    checked_on = date_field(path, data, "checked_on")
    raw = data["citations"]
    if not isinstance(raw, Lined):
        raise RatesError(path, data.line, "'citations' is not a mapping.", "indent under it.")
    result = {}
    for cid, item in raw.items():
        line = raw.key_lines[cid]
        if not isinstance(item, Lined):
            raise RatesError(path, line, f"'{cid}' is not a mapping.", "give it reference etc.")
        check_keys(path, item, _CITATION_KEYS, f"key in '{cid}'")
        if not isinstance(item["confirmed"], bool):
            raise RatesError(
                path, item.key_lines["confirmed"], "not true/false.", "use true/false."
            )
        ref, src = str(item["reference"]), str(item["source"])
        result[cid] = Citation(cid, ref, src, item["confirmed"], checked_on)
    return MappingProxyType(result)
