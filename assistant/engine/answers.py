"""Check an answer against its question: one reader per answer type.

Front ends may pass what the person typed (a string) or an already-typed value (a choice
id from a list widget, ``True`` from a yes/no switch, :class:`Special` from a button).
Either way the same rules apply, and a refusal says what to type instead.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.flow import model
from assistant.values import (
    N_,
    InvalidAnswer,
    Number,
    Special,
    Value,
    option_number,
    parse_halves,
    parse_money,
    parse_whole_number,
    parse_yes_no,
)

#: Longest free-text answer accepted, so a stuck key cannot fill the store.
TEXT_LIMIT = 5000
Raw = Value | str | list[str] | None


#: Lone surrogates (undecodable bytes, or JSON escapes such as \ud800) cannot be saved
#: or printed as UTF-8; front ends replace them and say so, and this is the last guard.
_SURROGATES = re.compile("[\ud800-\udfff]")


def read_answer(step: model.Ask, raw: Raw) -> Value:
    """Turn ``raw`` into a valid answer for ``step`` or raise :class:`InvalidAnswer`."""
    if isinstance(raw, str):
        raw = _SURROGATES.sub("\ufffd", raw)
    elif isinstance(raw, list):
        raw = [_SURROGATES.sub("\ufffd", item) if isinstance(item, str) else item for item in raw]
    if isinstance(raw, Special):
        return _special(step, raw)
    if step.type == "choice":
        return _choice(step, raw)
    if step.type == "multi":
        return _multi(step, raw)
    if step.type == "yesno":
        return raw if isinstance(raw, bool) else parse_yes_no(_text(raw))
    if step.type == "number":
        return _number(step, raw)
    if step.type == "money":
        return _money(step, raw)
    return _free_text(step, raw)


def _special(step: model.Ask, raw: Special) -> Special:
    if raw is Special.UNKNOWN and not step.allow_unknown:
        raise InvalidAnswer(
            N_('This question needs an answer; "I don\'t know" is not offered here.')
        )
    if raw is Special.DECLINED and not step.allow_decline:
        raise InvalidAnswer(
            N_("This question needs an answer to go on. You can go back, or take a break.")
        )
    return raw


def _text(raw: Raw) -> str:
    if isinstance(raw, str):
        return raw
    if raw is None:
        return ""
    return str(raw)


def _choice(step: model.Ask, raw: Raw) -> str:
    text = _text(raw).strip()
    values = [c.value for c in step.choices]
    if text in values:
        return text
    number = option_number(text)
    if number is not None and 1 <= number <= len(values):
        return values[number - 1]
    for choice in step.choices:
        if choice.label.strip().lower() == text.lower():
            return choice.value
    raise InvalidAnswer(
        N_("Please choose one of the options by typing its number, from 1 to {count}."),
        {"count": len(values)},
    )


def _multi(step: model.Ask, raw: Raw) -> tuple[str, ...]:
    items = list(raw) if isinstance(raw, tuple | list) else re.split(r"[,\s]+", _text(raw).strip())
    items = [str(item).strip() for item in items if str(item).strip()]
    if not items:
        if step.optional:
            return ()
        raise InvalidAnswer(
            N_(
                "Please choose at least one option. Type their numbers with commas between, for example 1, 3."
            )
        )
    chosen: list[str] = []
    for position, item in enumerate(items, 1):
        try:
            value = _choice(step, item)
        except InvalidAnswer:
            # Which one, by its place: the refused text itself is never repeated.
            raise InvalidAnswer(
                N_(
                    "Choice {position} in your answer is not one of the options. Type numbers from 1 to {count}, for example 1, 3."
                ),
                {"position": position, "count": len(step.choices)},
            ) from None
        if value not in chosen:
            chosen.append(value)
    _alone_or_left_out(step, chosen)
    order = [c.value for c in step.choices]
    return tuple(sorted(chosen, key=order.index))


def _alone_or_left_out(step: model.Ask, chosen: list[str]) -> None:
    """Refuse an option that is an answer only on its own ("None of these") chosen with
    others, saying which by its number."""
    if len(chosen) < 2:
        return
    for number, choice in enumerate(step.choices, 1):
        if choice.alone and choice.value in chosen:
            raise InvalidAnswer(
                N_("Option {number} is an answer on its own: choose it alone, or leave it out."),
                {"number": number},
            )


def _number(step: model.Ask, raw: Raw) -> int | Number:
    if isinstance(raw, int | Decimal) and not isinstance(raw, bool):
        raw = str(raw)
    low = int(step.min) if step.min is not None else None
    high = int(step.max) if step.max is not None else None
    if step.halves:
        return parse_halves(_text(raw), minimum=low, maximum=high)
    return parse_whole_number(_text(raw), minimum=low, maximum=high)


def _money(step: model.Ask, raw: Raw) -> Decimal:
    if isinstance(raw, Decimal):
        raw = f"{raw:.2f}"
    low = Decimal(str(step.min)) if step.min is not None else None
    high = Decimal(str(step.max)) if step.max is not None else None
    return parse_money(_text(raw), minimum=low, maximum=high)


def _free_text(step: model.Ask, raw: Raw) -> str:
    text = _text(raw).strip()
    if not text and not step.optional:
        raise InvalidAnswer(
            N_("Please type an answer. If you would rather not, say so, or go back.")
        )
    if len(text) > TEXT_LIMIT:
        raise InvalidAnswer(
            N_("That answer is very long. Please keep it under {limit} characters."),
            {"limit": TEXT_LIMIT},
        )
    return text
