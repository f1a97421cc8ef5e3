"""Hours in halves (10.5) where a number question takes them (``halves: true``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assistant.engine.outputs import StepShown
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import translator_for
from assistant.money.answers import employee
from assistant.plain.render import hint
from assistant.transcript.golden import load_golden
from assistant.transcript.replay import apply
from assistant.values import InvalidAnswer, Number, decode, encode, parse_halves

ROOT = Path(__file__).parents[2]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("10", 10),
        ("10.5", Number("10.5")),
        ("10,5", Number("10.5")),
        ("10½", Number("10.5")),
        (" 10 ½ ", Number("10.5")),
        (".5", Number("0.5")),
        ("10.50", Number("10.5")),
        ("10.0", 10),
    ],
)
def test_whole_and_half_numbers_are_read_as_typed(typed: str, value: object) -> None:
    read = parse_halves(typed, minimum=0, maximum=168)
    assert read == value and type(read) is type(value)


@pytest.mark.parametrize("typed", ["10.25", "ten", "-1", "168.5", "1,000", ""])
def test_other_numbers_are_refused_saying_halves_are_fine(typed: str) -> None:
    with pytest.raises(InvalidAnswer) as caught:
        parse_halves(typed, minimum=0, maximum=168)
    assert "for example" in caught.value.msgid


def test_a_half_round_trips_through_the_log_and_is_never_money() -> None:
    assert encode(Number("10.5")) == {"number": "10.5"}
    assert decode(encode(Number("10.5"))) == Number("10.5")
    assert isinstance(decode({"number": "10.5"}), Number)
    assert type(decode(encode(Decimal("10.50")))) is Decimal  # money stays money
    for locale, shown in (("en_GB", "10.5"), ("pl", "10,5"), ("cy", "10.5")):
        assert translator_for(locale).value(Number("10.5")) == shown


def _at_hours(england: Bundle) -> Session:
    golden = load_golden(ROOT / "transcripts" / "section3_discharge.yaml")
    session = Session(england)
    session.start()
    for turn in golden.turns:
        if session.current == "employing_pa.pa_hours":
            return session
        if turn.action != "start":
            apply(session, turn)
    raise AssertionError("the golden never reached the hours question")


def test_the_pa_hours_question_takes_half_hours_and_costs_them(england: Bundle) -> None:
    session = _at_hours(england)
    [shown] = session.show()
    assert isinstance(shown, StepShown) and shown.halves
    assert "Halves are fine, for example 10.5." in hint(shown, translator_for("en_GB"))
    [after] = session.answer("10.5")
    assert isinstance(after, StepShown) and after.step == "employing_pa.pa_age"
    pa = employee(session.answers)
    assert pa is not None and pa.hours_weekly == Decimal("10.5")
    [review] = [i for i in session.review() if i.step == "employing_pa.pa_hours"]
    assert translator_for("en_GB").value(review.shown_value()) == "10.5"  # not £10.50
