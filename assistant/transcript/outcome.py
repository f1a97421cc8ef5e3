"""Compare a golden conversation's ``outcome`` with the plan the session produces.

The outcome is what the person takes away: the eligibility indication, the rights
listed, the budget options recommended and the PA cost lines. It is read from the plan
itself (:attr:`Plan.facts`), so a golden conversation checks the document, not a copy of
the rules.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.plan.build import build_plan
from assistant.plan.model import Costs, Plan
from assistant.transcript.failures import Failure
from assistant.transcript.golden import Golden


def compare_outcome(golden: Golden, session: Session, t: Translator) -> list[Failure]:
    """Every difference between ``golden.outcome`` and the session's plan."""
    outcome, line = golden.outcome, golden.outcome_line
    if not outcome:
        return []
    plan = build_plan(session, t, today=golden.date, adviser=True)
    indication = outcome.get("indication")
    scalars = {
        "state": ("the conversation ended at a different step", session.current),
        "indication": ("the eligibility indication differs", plan.facts.indication),
        "notes": ("the number of adviser notes differs", len(plan.notes or ())),
    }
    expected = dict(outcome) | ({"indication": None} if indication == "none" else {})
    failures = [
        Failure(line, "outcome", what, expected[key], actual)
        for key, (what, actual) in scalars.items()
        if key in expected and expected[key] != actual
    ]
    lists = {
        "rights": list(plan.facts.rights),
        "options": list(plan.facts.options),
        "sections": [s.id for s in plan.sections],
    }
    for key, actual_list in lists.items():
        if key in outcome:
            failures += _compare_list(line, key, [str(v) for v in outcome[key]], actual_list)
    if "costs" in outcome:
        failures += _compare_costs(line, outcome["costs"], plan.facts.costs)
    return failures


def _compare_list(line: int, key: str, expected: list[str], actual: list[str]) -> list[Failure]:
    if expected == actual:
        return []
    missing = [v for v in expected if v not in actual]
    extra = [v for v in actual if v not in expected]
    parts = [f"missing {missing}" if missing else "", f"unexpected {extra}" if extra else ""]
    detail = "; ".join(p for p in parts if p) or "same items, different order"
    return [Failure(line, "outcome", f"the {key} listed differ ({detail})", expected, actual)]


def _compare_costs(line: int, expected: Any, actual: Costs | None) -> list[Failure]:
    if expected in (None, "none"):
        if actual is None:
            return []
        return [
            Failure(
                line,
                "outcome",
                "a cost table was made, but none was expected",
                "none",
                actual.lines,
            )
        ]
    if actual is None:
        return [Failure(line, "outcome", "no cost table was made", expected, "none")]
    failures: list[Failure] = []
    lines = {k: _pounds(v) for k, v in dict(expected.get("lines", {})).items()}
    if "lines" in expected and lines != actual.lines:
        failures.append(
            Failure(line, "outcome", "the cost lines (weekly) differ", lines, actual.lines)
        )
    for key in ("total_weekly", "per_hour", "shortfall_weekly", "tax_year"):
        if key in expected:
            want = expected[key] if key == "tax_year" else _pounds(expected[key])
            got = getattr(actual, key)
            if want != got:
                failures.append(Failure(line, "outcome", f"the cost {key} differs", want, got))
    return failures


def _pounds(value: Any) -> str | None:
    """An amount from YAML ("260.00", 260, 260.0) as the plan writes it: "260.00"."""
    if value is None:
        return None
    try:
        return f"{Decimal(str(value)):.2f}"
    except InvalidOperation:
        return str(value)


def plan_for(golden: Golden, session: Session, t: Translator, *, adviser: bool = False) -> Plan:
    """The plan a golden conversation produces (used to read plans persona by persona)."""
    return build_plan(session, t, today=golden.date, adviser=adviser)
