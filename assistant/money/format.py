"""Showing cost results to people: Babel-formatted money, a readable table, and JSON.

Results hold message ids and Decimals; this is where they become text, in the person's
locale and language. Money is always pounds (GBP) whatever the locale, because the
figures are English law. ``translate`` is any gettext-like function; English by default.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers
from babel.numbers import format_currency, format_decimal, format_percent

from assistant.i18n.cldr import babel_locale
from assistant.money import messages as m
from assistant.money.model import (
    CostResult,
    EmployeeCost,
    FigureUse,
    Msg,
    Param,
    Percent,
    Quantity,
    Term,
)
from assistant.money.ratecheck import RateCheck
from assistant.values import InvalidAnswer

Translate = Callable[[str], str]
WIDTH = 88


def _english(msgid: str) -> str:
    return msgid


def resolve_locale(lang: str | None) -> Locale:
    """A Babel locale for a language code; a bare language gets British conventions
    where CLDR has them ("en" -> en_GB), since the money and dates are British."""
    code = (lang or "en").strip().replace("-", "_")
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise InvalidAnswer(m.CLI_BAD_LANG) from None
    if locale.territory is None and f"{locale.language}_GB" in locale_identifiers():
        return babel_locale(f"{locale.language}_GB")
    return babel_locale(str(locale))


class Formatter:
    """Turns money, parameters and messages into text for one locale and language."""

    def __init__(self, locale: Locale | str = "en_GB", translate: Translate = _english) -> None:
        self.locale = locale if isinstance(locale, Locale) else babel_locale(locale)
        self.translate = translate

    def money(self, amount: Decimal) -> str:
        """Pounds and pence in the locale's style, for example £1,234.56 (the pattern's two
        decimals are the pound's: see :mod:`assistant.i18n.cldr`)."""
        return format_currency(amount, "GBP", locale=self.locale, currency_digits=False)

    def param(self, value: Param) -> str:
        """One message parameter as text; a bare Decimal is money."""
        if isinstance(value, Decimal):
            return self.money(value)
        if isinstance(value, Percent):
            return format_percent(value.value, "#,##0.##%", locale=self.locale)
        if isinstance(value, Quantity):
            return format_decimal(value.value, locale=self.locale)
        if isinstance(value, Term):
            return self.translate(value.msgid)
        if isinstance(value, date):
            from babel.dates import format_date  # rarely needed: a large module

            return format_date(value, "long", locale=self.locale)
        return str(value)

    def text(self, msg: Msg) -> str:
        """A message translated, with its parameters formatted and put in place."""
        params = {key: self.param(value) for key, value in msg.params.items()}
        return self.translate(msg.msgid).format(**params)


def render_text(
    result: CostResult, check: RateCheck | None = None, fmt: Formatter | None = None
) -> str:
    """The human-readable report: an aligned table, then warnings and assumptions."""
    f = fmt or Formatter()
    out = [f.translate(m.HEADING).format(tax_year=result.tax_year), ""]
    out += _table(result, f)
    out += _bullets(f.translate(m.WARNINGS), [f.text(w) for w in result.warnings])
    if check is not None:
        out += _render_check(check, f)
    out += _bullets(f.translate(m.ASSUMPTIONS), [f.text(a) for a in result.assumptions])
    return "\n".join(out).rstrip() + "\n"


def render_sentences(
    result: CostResult, check: RateCheck | None = None, fmt: Formatter | None = None
) -> list[str]:
    """The same report as :func:`render_text`, for a screen reader: every row of the table
    a sentence ("Basic pay: £260.00 a week, £13,520.00 a year."), one line each, with no
    columns, rules, bullets or blank lines to be read out."""
    f = fmt or Formatter()
    row = f.translate(m.SPOKEN_ROW)
    out = [f.translate(m.HEADING).format(tax_year=result.tax_year) + "."]
    for line in result.lines:
        out.append(
            row.format(
                label=f.translate(line.label),
                weekly=f.money(line.weekly),
                yearly=f.money(line.yearly),
            )
        )
    out.append(
        row.format(
            label=f.translate(m.TOTAL),
            weekly=f.money(result.total_weekly),
            yearly=f.money(result.total_yearly),
        )
    )
    out.append(
        f.translate(m.SPOKEN_AMOUNT).format(
            label=f.translate(m.PER_HOUR), amount=f.money(result.per_hour)
        )
    )
    for said in (
        Msg(m.NI_BEFORE_ALLOWANCE, {"amount": result.ni_before_allowance_weekly}),
        Msg(m.ALLOWANCE_USED, {"amount": result.allowance_used_yearly}),
    ):
        out.append(f.text(said) + ".")
    out += _spoken_list(f.translate(m.WARNINGS), [f.text(w) for w in result.warnings])
    if check is not None:
        out += _spoken_list(f.translate(m.OFFER_HEADING), [f.text(s) for s in check.summary])
        out += _spoken_list(f.translate(m.CASE_HEADING), case_points(check, f))
        if check.request_paragraph is not None:
            out += [f.translate(m.REQUEST_HEADING) + ":", f.text(check.request_paragraph)]
            out += [f"({note})" for note in request_notes(check, f)]
    out += _spoken_list(f.translate(m.ASSUMPTIONS), [f.text(a) for a in result.assumptions])
    return out


def _spoken_list(heading: str, items: list[str]) -> list[str]:
    return [f"{heading}:", *items] if items else []


def _table(result: CostResult, f: Formatter) -> list[str]:
    rows = [
        (f.translate(line.label), f.money(line.weekly), f.money(line.yearly))
        for line in result.lines
    ]
    rows.append((f.translate(m.TOTAL), f.money(result.total_weekly), f.money(result.total_yearly)))
    rows.append((f.translate(m.PER_HOUR), f.money(result.per_hour), ""))
    head = ("", f.translate(m.WEEKLY), f.translate(m.YEARLY))
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(3)]
    lines = [_row(head, widths)] + [_row(row, widths) for row in rows]
    lines.insert(len(lines) - 2, "-" * len(lines[0]))
    ni = f.text(Msg(m.NI_BEFORE_ALLOWANCE, {"amount": result.ni_before_allowance_weekly}))
    used = f.text(Msg(m.ALLOWANCE_USED, {"amount": result.allowance_used_yearly}))
    return [*lines, "", ni, used]


def _row(cells: tuple[str, str, str], widths: list[int]) -> str:
    label, week, year = cells
    return f"{label.ljust(widths[0])}  {week.rjust(widths[1])}  {year.rjust(widths[2])}".rstrip()


def _bullets(heading: str, items: list[str]) -> list[str]:
    if not items:
        return []
    body = [textwrap.fill(i, WIDTH, initial_indent="- ", subsequent_indent="  ") for i in items]
    return ["", heading, *body]


def case_points(check: RateCheck, f: Formatter) -> list[str]:
    """The case for a review as sentences; a point on unconfirmed law says so."""
    points = []
    for point in check.case:
        text = f.text(point.message)
        if not point.confirmed and point.citation is not None:
            text += " " + f.text(
                Msg(m.CITATION_UNCONFIRMED, {"reference": point.citation.reference})
            )
        points.append(text)
    return points


def request_notes(check: RateCheck, f: Formatter) -> list[str]:
    """Warnings for the paragraph to send: each unconfirmed source it quotes."""
    return [
        f.text(Msg(m.CITATION_UNCONFIRMED, {"reference": cite.reference}))
        for cite in check.request_citations
        if not cite.confirmed
    ]


def _render_check(check: RateCheck, f: Formatter) -> list[str]:
    out = ["", f.translate(m.OFFER_HEADING)]
    out += [textwrap.fill(f.text(s), WIDTH) for s in check.summary]
    out += _bullets(f.translate(m.CASE_HEADING), case_points(check, f))
    if check.request_paragraph is not None:
        out += ["", f.translate(m.REQUEST_HEADING)]
        out.append(
            textwrap.fill(
                f.text(check.request_paragraph), WIDTH, initial_indent="  ", subsequent_indent="  "
            )
        )
        for note in request_notes(check, f):
            out.append(
                textwrap.fill(note, WIDTH, initial_indent="  (", subsequent_indent="  ") + ")"
            )
    return out


def pounds(amount: Decimal) -> str:
    """Money for JSON: a decimal string in pounds and pence, such as "316.47"."""
    return f"{amount:.2f}"


def _json_param(value: Param) -> Any:
    if isinstance(value, Decimal):
        return pounds(value)
    if isinstance(value, Percent | Quantity):
        return str(value.value)
    if isinstance(value, Term):
        return value.msgid
    if isinstance(value, date):
        return value.isoformat()
    return value


def _json_msg(msg: Msg, f: Formatter) -> dict[str, Any]:
    params = {key: _json_param(value) for key, value in msg.params.items()}
    return {"id": msg.msgid, "params": params, "text": f.text(msg)}


def to_json(
    result: CostResult, check: RateCheck | None = None, fmt: Formatter | None = None
) -> dict[str, Any]:
    """The whole result as plain JSON data; every amount is a string in pounds and pence."""
    f = fmt or Formatter()
    data: dict[str, Any] = {
        "tax_year": result.tax_year,
        "wage_year": result.wage_year,
        "calculated_on": result.calculated_on.isoformat(),
        "hours_weekly": str(result.hours_weekly),
        "lines": [
            {"id": ln.id, "weekly": pounds(ln.weekly), "yearly": pounds(ln.yearly)}
            for ln in result.lines
        ],
        "total": {
            "weekly": pounds(result.total_weekly),
            "yearly": pounds(result.total_yearly),
            "per_hour": pounds(result.per_hour),
        },
        "employer_ni_before_allowance_weekly": pounds(result.ni_before_allowance_weekly),
        "employment_allowance_used_yearly": pounds(result.allowance_used_yearly),
        "employees": [_json_employee(e) for e in result.employees],
        "warnings": [_json_msg(w, f) for w in result.warnings],
        "assumptions": [_json_msg(a, f) for a in result.assumptions],
        "figures": [_json_figure(use) for use in result.figures],
    }
    if check is not None:
        data["rate_check"] = _json_check(check, f)
    return data


def _json_employee(cost: EmployeeCost) -> dict[str, Any]:
    emp = cost.employee
    return {
        "number": cost.number,
        "hourly_rate": pounds(emp.hourly_rate),
        "hours_weekly": str(emp.hours_weekly),
        "age_band": emp.age_band.value if emp.age_band is not None else None,
        "apprentice": emp.apprentice,
        "basic_weekly": pounds(cost.basic),
        "holiday_weekly": pounds(cost.holiday),
        "employer_ni_before_allowance_weekly": pounds(cost.ni_before_allowance),
        "pension_weekly": pounds(cost.pension),
        "sick_pay_weekly": pounds(cost.sick_pay),
        "contingency_weekly": pounds(cost.contingency),
        "live_in_days": emp.live_in_days,
        "minimum_hourly": pounds(cost.minimum_hourly),
    }


def _json_figure(use: FigureUse) -> dict[str, Any]:
    return {
        "name": use.name,
        "tax_year": use.tax_year,
        "value": str(use.value),
        "unit": use.unit,
        "effective": use.effective.isoformat(),
        "source": use.source,
        "confirmed": use.confirmed,
    }


def _json_check(check: RateCheck, f: Formatter) -> dict[str, Any]:
    paragraph = check.request_paragraph
    return {
        "offered_weekly": pounds(check.offered_weekly),
        "offered_hourly": pounds(check.offered_hourly),
        "cost_weekly": pounds(check.cost_weekly),
        "cost_hourly": pounds(check.cost_hourly),
        "shortfall_weekly": pounds(check.shortfall_weekly),
        "shortfall_yearly": pounds(check.shortfall_yearly),
        "spare_weekly": pounds(check.spare_weekly),
        "summary": [_json_msg(s, f) for s in check.summary],
        "case_for_review": [
            {
                **_json_msg(p.message, f),
                "citation": p.citation.reference if p.citation else None,
                "confirmed": p.confirmed,
            }
            for p in check.case
        ],
        "request_paragraph": _json_msg(paragraph, f) if paragraph else None,
        "request_citations": [
            {"citation": c.reference, "confirmed": c.confirmed} for c in check.request_citations
        ],
    }
