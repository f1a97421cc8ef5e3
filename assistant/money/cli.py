"""``support-plan cost``: the PA cost calculator and rate check from the command line.

The lead's ``assistant/cli.py`` calls :func:`add_parser` to register the subcommand and
:func:`run` to carry it out. Options are read as text and parsed here with the same
parsers the conversation uses, so bad input gets the same kind message: one line on
stderr and exit code 2, never a usage dump or a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NoReturn, TypeVar

from assistant.cli import Parser
from assistant.i18n.shipped import LOCALES
from assistant.money import messages as m
from assistant.money.calculator import calculate
from assistant.money.format import Formatter, render_text, resolve_locale, to_json
from assistant.money.inputs import parse_age, parse_date, parse_fraction, parse_hours
from assistant.money.model import AgeBand, Employee, HolidayMethod, Msg
from assistant.money.ratecheck import check_offered_rate
from assistant.money.rates_data import RatesError, canonical_label, select_years
from assistant.values import InvalidAnswer, parse_money, parse_whole_number

PROG = "support-plan cost"
T = TypeVar("T")
#: Sanity limits on what people type, so a slip of the finger is caught, not costed.
MAX_HOURLY = Decimal("1000")
MAX_WEEKLY = Decimal("168000")
MAX_YEARLY = Decimal("1000000")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``cost`` on the main parser's subparsers."""
    parser = subparsers.add_parser("cost", help=m.CLI_HELP, description=m.CLI_HELP)
    for option, text in m.CLI_VALUE_OPTIONS.items():
        parser.add_argument(option, metavar="VALUE", help=_help(text))
    for option, text in m.CLI_FLAGS.items():
        parser.add_argument(option, action="store_true", help=_help(text))
    parser.add_argument(
        "--lang", default=argparse.SUPPRESS, metavar="CODE", help=_help(m.CLI_LANG_HELP)
    )
    if isinstance(parser, Parser):  # the assistant's parser words the line in the language
        parser.error_text = m.CLI_ARGUMENT
    else:
        parser.error = _argument_error  # type: ignore[method-assign]


def _help(text: str) -> str:
    """argparse treats % in help as a format character, so "5%" must be doubled."""
    return text.replace("%", "%%")


def _argument_error(message: str) -> NoReturn:
    """argparse's own complaints, as one line and exit code 2 (argparse would dump usage)."""
    sys.stderr.write(f"{PROG}: {m.CLI_ARGUMENT.format(problem=message)}\n")
    raise SystemExit(2)


@dataclass(frozen=True)
class _Request:
    """The command line, parsed and checked."""

    employee: Employee
    offered_hourly: Decimal | None
    offered_weekly: Decimal | None
    year: str | None
    on: date | None
    insurance: Decimal | None
    payroll: Decimal | None
    contingency: Decimal | None
    cover: Decimal
    holiday: HolidayMethod
    sick_days: Decimal | None


class _BadOption(Exception):
    def __init__(self, option: str | None, error: InvalidAnswer) -> None:
        super().__init__(option)
        self.option, self.error = option, error


def run(args: argparse.Namespace) -> int:
    """Carry out ``support-plan cost``. Returns 0, 2 for bad input, 1 for broken data.

    Long on purpose: one try block, so every refusal is reported the same way.
    """
    fmt = Formatter()
    try:
        fmt = _formatter(getattr(args, "lang", None))
        request = _read(args)
        result = calculate(
            request.employee,
            on=request.on,
            year=request.year,
            insurance_yearly=request.insurance,
            payroll_yearly=request.payroll,
            contingency=request.contingency,
            cover_yearly=request.cover,
            employment_allowance=not args.no_employment_allowance,
            holiday=request.holiday,
            sick_days=request.sick_days,
        )
        check = None
        if request.offered_hourly is not None or request.offered_weekly is not None:
            check = check_offered_rate(result, request.offered_hourly, request.offered_weekly)
    except _BadOption as bad:
        return _refuse(fmt, bad.error, bad.option)
    except InvalidAnswer as error:
        return _refuse(fmt, error, None)
    except RatesError as error:
        sys.stderr.write(f"{PROG}: {error}\n")
        return 1
    if args.json:
        sys.stdout.write(json.dumps(to_json(result, check, fmt), indent=2, ensure_ascii=False))
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(result, check, fmt))
    return 0


def _formatter(lang: str | None) -> Formatter:
    """Money and dates in the style of ``--lang`` and, for a language we ship (Welsh,
    Polish), its words too: ``--lang pl`` gave Polish numbers inside English sentences.
    Other locales (``--lang de``) keep English words, the only ones we have."""
    locale = resolve_locale(lang)
    if locale.language not in {code.split("_")[0] for code in LOCALES}:
        return Formatter(locale)
    from assistant.cli_i18n import translator  # only a shipped language needs a catalog

    return Formatter(locale, translator(locale.language).gettext)


def _refuse(fmt: Formatter, error: InvalidAnswer, option: str | None) -> int:
    text = fmt.text(Msg(error.msgid, error.params))
    if option is not None:
        text = fmt.translate(m.CLI_BAD_OPTION).format(option=option, problem=text)
    sys.stderr.write(f"{PROG}: {' '.join(text.split())}\n")
    return 2


def _read(args: argparse.Namespace) -> _Request:
    """Parse every option, naming the option in any complaint."""
    for option, example in (("--hourly-rate", "13.50"), ("--hours", "20")):
        if getattr(args, _dest(option)) is None:
            raise InvalidAnswer(m.CLI_NEEDS, {"option": option, "example": f"{option} {example}"})
    if args.offered_rate is not None and args.offered_weekly is not None:
        raise InvalidAnswer(m.CLI_ONE_OFFER)
    return _Request(
        _employee(args),
        _money(args, "--offered-rate", MAX_HOURLY),
        _money(args, "--offered-weekly", MAX_WEEKLY),
        _parsed("--year", lambda: _optional(args.year, canonical_label)),
        _parsed("--date", lambda: _optional(args.date, parse_date)),
        _money(args, "--insurance-yearly", MAX_YEARLY, zero_ok=True),
        _money(args, "--payroll-yearly", MAX_YEARLY, zero_ok=True),
        _parsed("--contingency", lambda: _optional(args.contingency, parse_fraction)),
        _money(args, "--cover-yearly", MAX_YEARLY, zero_ok=True) or Decimal(0),
        _parsed("--holiday", lambda: _holiday(args.holiday)),
        _parsed(
            "--sick-days",
            lambda: _optional(
                args.sick_days, lambda t: Decimal(parse_whole_number(t, minimum=0, maximum=365))
            ),
        ),
    )


def _dest(option: str) -> str:
    return option.removeprefix("--").replace("-", "_")


def _parsed(option: str, parse: Callable[[], T]) -> T:
    """Run one parser, so a complaint names the option it is about."""
    try:
        return parse()
    except InvalidAnswer as error:
        raise _BadOption(option, error) from None


def _optional(text: str | None, parse: Callable[[str], T]) -> T | None:
    return None if text is None else parse(text)


def _money(
    args: argparse.Namespace, option: str, maximum: Decimal, *, zero_ok: bool = False
) -> Decimal | None:
    minimum = Decimal("0") if zero_ok else Decimal("0.01")
    text: str | None = getattr(args, _dest(option))
    return _parsed(
        option,
        lambda: _optional(text, lambda t: parse_money(t, minimum=minimum, maximum=maximum)),
    )


def _employee(args: argparse.Namespace) -> Employee:
    rate = _money(args, "--hourly-rate", MAX_HOURLY)
    hours = _parsed("--hours", lambda: parse_hours(args.hours))
    band = _band(args)
    if rate is None:  # pragma: no cover - _read checks it was given
        raise InvalidAnswer(m.CLI_NEEDS, {"option": "--hourly-rate", "example": "13.50"})
    live_in = _parsed(
        "--live-in-days",
        lambda: _optional(args.live_in_days, lambda t: parse_whole_number(t, minimum=0, maximum=7)),
    )
    return Employee(rate, hours, band, args.apprentice, live_in or 0)


def _band(args: argparse.Namespace) -> AgeBand | None:
    """The age band under the age limits of the year being costed (from --year or --date)."""
    over = bool(args.over_state_pension_age)
    if args.age is None:
        return AgeBand.STATE_PENSION_AGE_OR_OVER if over else None
    year = _parsed("--year", lambda: _optional(args.year, canonical_label))
    on = _parsed("--date", lambda: _optional(args.date, parse_date))
    limits = select_years(on or date.today(), year).age_limits()
    return _parsed("--age", lambda: parse_age(args.age, over_state_pension_age=over, limits=limits))


def _holiday(text: str | None) -> HolidayMethod:
    if text is None:
        return HolidayMethod.IRREGULAR_HOURS
    for method in HolidayMethod:
        if text.strip().lower() == method.value:
            return method
    raise InvalidAnswer(m.CLI_BAD_HOLIDAY)
