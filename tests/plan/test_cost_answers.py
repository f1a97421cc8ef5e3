"""The plan's cost table and the conversation's cost check read the answers one way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.engine.session import Session
from assistant.flow import model
from assistant.flow.loading import load_bundle
from assistant.i18n import Translator
from assistant.money import AgeBand
from assistant.money import answers as a
from assistant.money.report import compute
from assistant.plan import costs
from assistant.plan.parts import Reader
from assistant.values import Value

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 11, 22)
PERSONAS = sorted(p.stem for p in (ROOT / "transcripts").glob("*.yaml"))


def _age_choices() -> list[str]:
    step = load_bundle(ROOT / "flows" / "england").steps[a.AGE].step
    assert isinstance(step, model.Ask)
    return [c.value for c in step.choices]


@pytest.mark.parametrize("name", PERSONAS)
def test_the_plan_and_the_conversation_cost_the_same_pa(
    name: str, persona: Callable[[str], Session]
) -> None:
    session = persona(name)
    in_plan = costs.cost_check(Reader(session, Translator()), DAY)
    in_conversation = compute(session._conv.env, DAY)  # noqa: SLF001 - what the say step sees
    if in_plan is None:
        assert in_conversation.result is None
        return
    assert in_conversation.result == in_plan[0]
    assert in_conversation.check == in_plan[1]


def test_every_age_answer_in_the_flow_has_a_band() -> None:
    assert sorted(_age_choices()) == sorted(a.AGE_BANDS)


@pytest.mark.parametrize("age", [*_age_choices(), None, "something else"])
@pytest.mark.parametrize("apprentice", [True, False])
def test_each_age_answer_costs_the_same_both_ways(age: str | None, apprentice: bool) -> None:
    answers: dict[str, Value] = {a.RATE: Decimal("13"), a.HOURS: 30, a.APPRENTICE: apprentice}
    if age is not None:
        answers[a.AGE] = age
    pa = a.employee(answers)
    assert pa is not None and pa.age_band is a.AGE_BANDS.get(str(age))
    checked = a.cost_check(answers, DAY)
    assert checked is not None and compute(answers, DAY).result == checked[0]


def test_22_to_state_pension_age_is_costed_without_the_apprentice_relief() -> None:
    base: dict[str, Value] = {a.RATE: Decimal("13"), a.HOURS: 40, a.APPRENTICE: True}
    answered = a.cost_check({**base, a.AGE: "age_22_to_spa"}, DAY)
    assert answered is not None and answered[0].employees[0].employee.age_band is (
        AgeBand.AGE_25_TO_SPA
    )
    assert answered[0].ni_before_allowance_weekly > 0  # never understated by the relief


#: An age the command line can be given for each band the flow's answers cost.
CLI_AGES = {
    AgeBand.AGE_16_17: ["--age", "17"],
    AgeBand.AGE_18_20: ["--age", "19"],
    AgeBand.AGE_21: ["--age", "21"],
    AgeBand.AGE_25_TO_SPA: ["--age", "30"],
    AgeBand.STATE_PENSION_AGE_OR_OVER: ["--over-state-pension-age"],
}


@pytest.mark.parametrize("name", PERSONAS)
def test_support_plan_cost_agrees_with_the_plans_cost_table(
    name: str, persona: Callable[[str], Session], capsys: pytest.CaptureFixture[str]
) -> None:
    """The command line and the plan give the same lines, sick pay and contingency included."""
    import argparse
    import json

    from assistant.money import cli

    found = costs.cost_check(Reader(persona(name), Translator()), DAY)
    if found is None:
        return
    result, check = found
    pa = result.employees[0].employee
    argv = ["cost", "--hourly-rate", str(pa.hourly_rate), "--hours", str(pa.hours_weekly)]
    argv += ["--date", DAY.isoformat(), "--json"]
    argv += CLI_AGES[pa.age_band] if pa.age_band is not None else []
    argv += ["--apprentice"] if pa.apprentice else []
    if check is not None:
        argv += ["--offered-rate", str(check.offered_hourly)]
    parser = argparse.ArgumentParser(prog="support-plan")
    cli.add_parser(parser.add_subparsers(dest="command"))
    assert cli.run(parser.parse_args(argv)) == 0
    data = json.loads(capsys.readouterr().out)
    facts = costs.cost_facts(result, check)
    assert {line["id"]: line["weekly"] for line in data["lines"]} == facts.lines
    assert "sick_pay" in facts.lines
    assert data["total"]["weekly"] == facts.total_weekly
    if check is not None:
        assert data["rate_check"]["shortfall_weekly"] == facts.shortfall_weekly
