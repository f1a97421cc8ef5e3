"""Reading what people type for the cost calculator: hours, percentages, ages, dates.

Money itself is read by :func:`assistant.values.parse_money`. Each parser here
returns a typed value or raises :class:`InvalidAnswer` whose message says what to type
instead, so the command line and the conversation refuse bad input in the same words.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from assistant.money.ages import MAX_AGE, AgeLimits
from assistant.money.model import HOURS_IN_WEEK, AgeBand
from assistant.money.rates_data import current_age_limits
from assistant.values import N_, InvalidAnswer, parse_whole_number

_NUMBER_RE = re.compile(r"^(?:\d+(?:\.\d{1,2})?|\.\d{1,2})$")


def parse_hours(text: str) -> Decimal:
    """Hours a week, such as "20" or "17.5"; more than 168 a week is not possible."""
    cleaned = text.strip().lower().removesuffix("hours").removesuffix("hrs").strip()
    message = N_(
        "Please type the hours a week as a number more than 0 and up to {maximum}, "
        "for example 20 or 17.5."
    )
    params = {"maximum": int(HOURS_IN_WEEK)}
    if not _NUMBER_RE.match(cleaned):
        raise InvalidAnswer(message, params)
    hours = Decimal(cleaned)
    if not Decimal(0) < hours <= HOURS_IN_WEEK:
        raise InvalidAnswer(message, params)
    return hours


def parse_fraction(text: str) -> Decimal:
    """A share such as a contingency: "5%" or "0.05" both mean five per cent.

    A bare number above 1 is refused rather than guessed at, because "5" could mean
    5% or 500%.
    """
    cleaned = text.strip().replace(" ", "")
    message = N_("Please type a percentage such as 5% (or 0.05), from 0% to 100%.")
    percent = cleaned.endswith("%")
    number = cleaned.removesuffix("%")
    if not re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", number):
        raise InvalidAnswer(message)
    value = Decimal(number) / 100 if percent else Decimal(number)
    if value > 1:
        raise InvalidAnswer(message)
    return value


def parse_age(
    text: str, *, over_state_pension_age: bool = False, limits: AgeLimits | None = None
) -> AgeBand:
    """A PA's age in whole years, turned into the band that sets their pay and NI rules
    under ``limits`` (default: today's rate file), which also give the youngest age."""
    limits = current_age_limits() if limits is None else limits
    age = parse_whole_number(text, minimum=limits.nmw_16_17_from, maximum=MAX_AGE)
    return AgeBand.from_age(age, over_state_pension_age=over_state_pension_age, limits=limits)


def parse_date(text: str) -> date:
    """A calculation date written as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidAnswer(
            N_("Please type the date as YYYY-MM-DD, for example 2026-11-22.")
        ) from None
