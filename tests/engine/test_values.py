"""Money as people type it, in English and in Polish and Welsh habits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.values import InvalidAnswer, Special, decode, encode, parse_money


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("13", "13.00"),
        ("£13", "13.00"),
        ("13.50", "13.50"),
        ("£1,234.56", "1234.56"),
        ("13,50", "13.50"),
        ("12 345,67", "12345.67"),
        ("1,234", "1234.00"),
        ("50p", "0.50"),
    ],
)
def test_money_is_read_as_typed(typed: str, amount: str) -> None:
    assert parse_money(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["-5", "lots", "12.345", "1,23,4", "", "£", "10000001"])
def test_bad_money_is_refused_with_what_to_type(typed: str) -> None:
    with pytest.raises(InvalidAnswer) as caught:
        parse_money(typed)
    assert "for example" in caught.value.msgid or "up to" in caught.value.msgid


@pytest.mark.parametrize(
    "value", ["self", True, 42, Decimal("13.50"), ("a", "b"), Special.UNKNOWN, Special.DECLINED]
)
def test_answers_round_trip_through_the_log_encoding(value: object) -> None:
    assert decode(encode(value)) == value  # type: ignore[arg-type]


@pytest.mark.parametrize("typed", ["²", "٣", "1" * 5000, "-", "1.5"])
def test_strange_numbers_get_a_kind_message_not_a_crash(typed: str) -> None:
    from assistant.values import parse_whole_number

    with pytest.raises(InvalidAnswer):
        parse_whole_number(typed, minimum=0, maximum=10)


def test_option_numbers_are_ascii_digits_only() -> None:
    from assistant.values import option_number

    assert option_number(" 3 ") == 3
    assert option_number("²") is None
    assert option_number("1234567") is None


@pytest.mark.parametrize(
    "data",
    [
        {"special": "Mary Secret"},
        {"money": "Mary Secret"},
        {"number": "Mary Secret"},
        {"money": "NaN"},
        {"number": "-Infinity"},
        {"money": "1e999999999"},
        {"money": [1]},
        {"money": "abc"},
        {"money": "Infinity"},
        {"number": "sNaN"},
        {"money": None},
        {"Mary Secret": 1},
        None,
        1.5,
    ],
)
def test_a_log_answer_we_never_write_is_refused_without_repeating_it(data: object) -> None:
    """Logs can come from outside (sessions import): a bad one is a ValueError, never a
    crash, and the message never holds the answer."""
    with pytest.raises(ValueError, match="not one this program writes") as refused:
        decode(data)
    assert "Mary" not in str(refused.value)


@pytest.mark.parametrize("typed", ["1,5", "12,50", "1,0000", ",5"])
def test_a_comma_that_does_not_group_thousands_is_refused_not_dropped(typed: str) -> None:
    # "1,5" (one and a half, as typed in Polish) was read as 15.
    from assistant.values import parse_whole_number

    with pytest.raises(InvalidAnswer):
        parse_whole_number(typed, minimum=0, maximum=100_000)


@pytest.mark.parametrize(("typed", "number"), [("1,000", 1000), ("12,345", 12345), ("70", 70)])
def test_thousands_are_still_read_with_their_commas(typed: str, number: int) -> None:
    from assistant.values import parse_whole_number

    assert parse_whole_number(typed, minimum=0, maximum=100_000) == number
