"""The shared vocabulary: answer values, parsing what people type, and encoding answers.

Every layer uses these (flows, rules, money, i18n, the engine, the plan), so they live on
the ground floor and import nothing of the assistant.

Each answer type has one parser. A parser either returns a typed value or raises
:class:`InvalidAnswer`, whose message is an untranslated message id with parameters,
so every front end can say, in the person's language, what was wrong and what to type.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any


def N_(message: str) -> str:
    """Mark a message for translation without translating it (the engine never translates)."""
    return message


class Special(Enum):
    """Answers that are not values: "I don't know" and "I'd rather not say"."""

    UNKNOWN = "unknown"
    DECLINED = "declined"


class Number(Decimal):
    """A number with a fraction, such as 10.5 hours: a Decimal that is never money.

    Only questions that take halves (``halves: true``) give one, and only for a half: a
    whole number of hours is still an int.
    """

    __slots__ = ()


#: A typed answer. Money is a Decimal in pounds with two decimal places; a :class:`Number`
#: is a Decimal too, but a count (hours), not money.
Value = str | bool | int | Decimal | tuple[str, ...] | Special

#: The largest amount of money any question accepts, whatever its own limit.
MONEY_CEILING = Decimal("10000000")


class InvalidAnswer(Exception):
    """An answer that could not be accepted; ``msgid`` says why and what to type instead.

    A plain class, not a dataclass: making a dataclass compiles its methods, a part of
    every start (this module is imported before the first screen).
    """

    def __init__(self, msgid: str, params: dict[str, Any] | None = None) -> None:
        super().__init__(msgid, params)
        self.msgid = msgid
        self.params: dict[str, Any] = {} if params is None else params

    def __repr__(self) -> str:
        return f"InvalidAnswer(msgid={self.msgid!r}, params={self.params!r})"

    def __str__(self) -> str:
        return self.msgid.format(**self.params)


#: A comma followed by one or two digits and nothing else is a decimal comma, not thousands.
_DECIMAL_COMMA = re.compile(r"^\d+,\d{1,2}$")
_MONEY_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$|^\.\d{1,2}$")


def parse_money(
    text: str, *, minimum: Decimal | None = None, maximum: Decimal | None = None
) -> Decimal:
    """Read an amount of money as people type it: "13", "£13", "13.50", "£1,234.56".

    Negative amounts, words and absurd amounts are refused with a message that says
    what to type instead. The result always has two decimal places.
    """
    cleaned = _money_text(text)
    if cleaned.startswith("-"):
        raise InvalidAnswer(N_("Please type an amount that is zero or more, for example 13.50."))
    if not cleaned or not _MONEY_RE.match(cleaned):
        raise InvalidAnswer(
            N_(
                "Please type an amount in pounds and pence using numbers, for example 13.50 or £1,234.56."
            )
        )
    try:
        amount = Decimal(cleaned.replace(",", "")).quantize(Decimal("0.01"))
    except InvalidOperation:  # pragma: no cover - the pattern above rules this out
        raise InvalidAnswer(
            N_("Please type an amount in pounds and pence, for example 13.50.")
        ) from None
    _check_money_range(amount, minimum, maximum)
    return amount


def _money_text(text: str) -> str:
    """The amount as typed, without spaces and "£", with a decimal point and in pounds."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if cleaned.startswith("£"):
        cleaned = cleaned[1:]
    if _DECIMAL_COMMA.match(cleaned):  # "13,50" as typed in Polish and much of Europe
        cleaned = cleaned.replace(",", ".")
    if cleaned.lower().endswith("p") and cleaned[:-1].isascii() and cleaned[:-1].isdigit():
        cleaned = str(Decimal(cleaned[:-1]) / 100)
    return cleaned


def _check_money_range(amount: Decimal, minimum: Decimal | None, maximum: Decimal | None) -> None:
    upper = MONEY_CEILING if maximum is None else min(maximum, MONEY_CEILING)
    if amount > upper:
        raise InvalidAnswer(
            N_("That amount looks too large. Please type an amount up to {maximum}."),
            {"maximum": upper},
        )
    if minimum is not None and amount < minimum:
        raise InvalidAnswer(
            N_("Please type an amount of at least {minimum}."), {"minimum": minimum}
        )


def option_number(text: str) -> int | None:
    """The number of an option as typed ("3"), or None: ASCII digits only, at most six.

    ``str.isdigit`` is true for "²", which ``int`` cannot read, so it is not used here.
    """
    text = text.strip()
    return int(text) if re.fullmatch(r"[0-9]{1,6}", text) else None


#: A whole number with its thousands grouped by commas: "1,000", "12,345,678".
_THOUSANDS = re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3})+")


def parse_whole_number(text: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    """Read a whole number, allowing thousands separators, and check its range."""
    cleaned = text.strip().replace(" ", "")
    if _THOUSANDS.fullmatch(cleaned):  # "1,000"; but "1,5" (Polish for 1.5) is not 15
        cleaned = cleaned.replace(",", "")
    if not re.fullmatch(r"-?[0-9]{1,15}", cleaned):  # ASCII digits, and not absurdly long
        raise InvalidAnswer(
            _range_message(
                minimum, maximum, N_("Please type a whole number using digits, for example 3.")
            ),
            _range_params(minimum, maximum),
        )
    number = int(cleaned)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        raise InvalidAnswer(_range_message(minimum, maximum, ""), _range_params(minimum, maximum))
    return number


def _range_message(minimum: int | None, maximum: int | None, fallback: str) -> str:
    if minimum is not None and maximum is not None:
        return N_("Please type a whole number from {minimum} to {maximum}.")
    if minimum is not None:
        return N_("Please type a whole number of {minimum} or more.")
    if maximum is not None:
        return N_("Please type a whole number up to {maximum}.")
    return fallback


def _range_params(minimum: int | None, maximum: int | None) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if minimum is not None:
        params["minimum"] = minimum
    if maximum is not None:
        params["maximum"] = maximum
    return params


_HALVES = re.compile(r"([0-9]{1,15})(?:[.,]([0-9]{1,2}))?")


def parse_halves(
    text: str, *, minimum: int | None = None, maximum: int | None = None
) -> int | Number:
    """Read a number of whole or half units: "10", "10.5", "10,5", "10½", ".5".

    A whole number comes back as an int and a half as a :class:`Number`; other fractions
    (10.25) are refused with a message that says what to type instead.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00bd", ".5")
    cleaned = "0" + cleaned if cleaned.startswith((".", ",")) else cleaned
    match = _HALVES.fullmatch(cleaned)
    fraction = (match.group(2) or "").rstrip("0") if match else ""
    if match is None or fraction not in ("", "5"):
        raise InvalidAnswer(
            _halves_message(
                minimum, maximum, N_("Please type a number using digits, for example 3 or 3.5.")
            ),
            _range_params(minimum, maximum),
        )
    whole = int(match.group(1))
    value: int | Number = Number(f"{whole}.5") if fraction else whole
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise InvalidAnswer(_halves_message(minimum, maximum, ""), _range_params(minimum, maximum))
    return value


def _halves_message(minimum: int | None, maximum: int | None, fallback: str) -> str:
    if minimum is not None and maximum is not None:
        return N_(
            "Please type a number from {minimum} to {maximum}. Halves are fine, for example 10.5."
        )
    if minimum is not None:
        return N_("Please type a number of {minimum} or more. Halves are fine, for example 10.5.")
    if maximum is not None:
        return N_("Please type a number up to {maximum}. Halves are fine, for example 10.5.")
    return fallback


_YES = {"y", "yes", "yeah", "yep", "true", "ie", "tak", "t"}
_NO = {"n", "no", "nope", "false", "na", "nie"}


def parse_yes_no(text: str) -> bool:
    """Read yes or no. Accepts y/n, 1/2 (as the app numbers them) and the words in English,
    Welsh (ie/na) and Polish (tak/nie)."""
    word = text.strip().lower().rstrip(".!")
    if word in _YES or word == "1":  # the app shows "1. Yes" and "2. No"
        return True
    if word in _NO or word == "2":
        return False
    raise InvalidAnswer(N_("Please answer yes or no (you can type y or n, or 1 or 2)."))


def encode(value: Value) -> Any:
    """Turn an answer into plain JSON data for the event log."""
    if isinstance(value, Special):
        return {"special": value.value}
    if isinstance(value, Number):
        return {"number": str(value)}
    if isinstance(value, Decimal):
        return {"money": f"{value:.2f}"}
    if isinstance(value, tuple):
        return list(value)
    return value


def decode(data: Any) -> Value:
    """The inverse of :func:`encode`.

    A log can come from outside (``sessions import``, a damaged store), so data that
    :func:`encode` never writes (an unknown key, text that is not a number, NaN, or a
    number so large that printing it would take minutes) raises ValueError, never a crash;
    its message never repeats the data, which is an answer.
    """
    try:
        value = _decode(data)
    except (ArithmeticError, TypeError, ValueError):  # Decimal's InvalidOperation, Special
        value = None
    if isinstance(value, Decimal) and (not value.is_finite() or value.adjusted() > 15):
        value = None
    if value is None:
        raise ValueError("an answer in the log is not one this program writes")
    return value


def _decode(data: Any) -> Value | None:
    """:func:`decode`'s reading, or None for data of a shape it never writes."""
    if isinstance(data, dict):
        if "special" in data:
            return Special(data["special"])
        if "money" in data:
            return Decimal(data["money"])
        if "number" in data:
            return Number(data["number"])
        return None
    if isinstance(data, list):
        return tuple(str(item) for item in data)
    if isinstance(data, bool | int | str):
        return data
    return None


#: Control characters that must never reach a terminal: all but tab, newline and a
#: carriage return that ends a line (CSV's CRLF); and the explicit bidirectional
#: embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder the
#: text after them as it is shown (an answer could make the next words read backwards).
#: Right-to-left text itself needs none of them and is kept as it was.
_CONTROLS = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to print: each control character (and bidirectional override) made
    U+FFFD.

    Answers, case references and advisers' names are printed back, and some come from
    elsewhere (an imported conversation, a shared store): an escape sequence in one could
    clear the screen, retitle the window or hide words, and a bare carriage return could
    write over a line. What is readable is kept as it was.
    """
    return _CONTROLS.sub("\ufffd", text)
