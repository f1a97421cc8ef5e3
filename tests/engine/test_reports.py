"""A say step can show a calculation; the England flow shows the PA cost check with it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from assistant.engine.graph import graph_for
from assistant.engine.outputs import StepShown
from assistant.engine.session import Session
from assistant.flow.loading import load_bundle
from assistant.i18n import Translator
from assistant.plain.render import describe

ENGLAND = Path(__file__).parents[2] / "flows" / "england"


def at_cost_result(answers: dict[str, object]) -> StepShown:
    bundle = load_bundle(ENGLAND)
    session = Session(bundle)
    session.start()
    session._conv.env.update(answers)  # noqa: SLF001 - place the session at the step directly
    graph_for(bundle).machine.set_state("employing_pa.cost_result", model=session._conv)  # noqa: SLF001
    view = session.view()
    assert isinstance(view, StepShown)
    return view


def test_cost_check_uses_the_answers_on_the_path() -> None:
    view = at_cost_result(
        {
            "employing_pa.pa_rate": Decimal("13"),
            "employing_pa.pa_hours": 20,
            "employing_pa.pa_age": "age_22_to_spa",
            "employing_pa.offered_rate": Decimal("15"),
        }
    )
    assert view.report is not None and view.report.name == "pa_cost"
    assert view.report.data.result.total_weekly == Decimal("316.47")  # facts.md §5.2 example A
    assert view.report.data.check.shortfall_weekly == Decimal("16.47")
    lines = describe(view, load_bundle(ENGLAND), Translator())["report"]["lines"]
    assert any("£316.47" in line for line in lines)


def test_cost_check_without_rate_or_hours_says_what_is_needed() -> None:
    view = at_cost_result({"employing_pa.pa_rate": Decimal("13")})
    lines = describe(view, load_bundle(ENGLAND), Translator())["report"]["lines"]
    assert lines and "hourly rate and the hours a week" in lines[0]


def test_a_zero_offer_is_no_offer_rather_than_a_crash() -> None:
    view = at_cost_result(
        {
            "employing_pa.pa_rate": Decimal("13"),
            "employing_pa.pa_hours": 20,
            "employing_pa.offered_rate": Decimal("0.00"),
        }
    )
    assert view.report.data.result is not None
    assert view.report.data.check is None


def test_invalid_answer_can_travel_through_context_managers() -> None:
    import contextlib

    import pytest

    from assistant.values import InvalidAnswer, parse_money

    with pytest.raises(InvalidAnswer), contextlib.suppress(KeyError):
        parse_money("lots")
