"""The PA cost check shown inside the conversation (``show: pa_cost`` on a say step).

Flows name it through :mod:`assistant.money.pa_cost`, which calls these functions (and so
imports this module) only when the check is worked out or shown.

It reads the answers from the England flow's ``employing_pa`` module, runs the same
calculator as ``support-plan cost``, and renders with the same formatter, so the three
ways in (conversation, command line, Python) always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.money.answers import cost_check
from assistant.money.format import Formatter, render_sentences, render_text, to_json
from assistant.money.model import CostResult, Msg
from assistant.money.ratecheck import RateCheck
from assistant.values import N_, Value

TRUE_COST = N_(
    "Employing your PA costs {weekly} a week ({hourly} an hour), once holiday pay, National"
    " Insurance, pension and the other costs are included."
)
NOT_ENOUGH = N_(
    "We need the hourly rate and the hours a week to work out the cost. You can go back and"
    " add them, or use 'support-plan cost' later."
)


@dataclass(frozen=True)
class PaCost:
    """The calculation, the rate check (when an offered rate was given), or None if too little was known."""

    result: CostResult | None
    check: RateCheck | None


def compute(answers: Mapping[str, Value], on: dt.date) -> PaCost:
    """Cost the PA from the answers, read as the plan reads them (:mod:`assistant.money.answers`)."""
    checked = cost_check(answers, on)
    return PaCost(None, None) if checked is None else PaCost(*checked)


def render_lines(data: PaCost, translate: Callable[[str], str], locale: str) -> list[str]:
    """The same table and notes as ``support-plan cost``, in the person's language."""
    if data.result is None:
        return [translate(NOT_ENOUGH)]
    return render_text(data.result, data.check, Formatter(locale, translate)).splitlines()


def render_summary(data: PaCost, translate: Callable[[str], str], locale: str) -> list[str]:
    """The result first: the council's offer against the true cost, or the true cost."""
    if data.result is None:
        return [translate(NOT_ENOUGH)]
    f = Formatter(locale, translate)
    if data.check is not None:
        return [f.text(sentence) for sentence in data.check.summary]
    total = Msg(
        TRUE_COST,
        {"weekly": data.result.total_weekly, "hourly": data.result.per_hour},
    )
    return [f.text(total)]


def render_spoken(data: PaCost, translate: Callable[[str], str], locale: str) -> list[str]:
    """The same as :func:`render_lines` as sentences to be read out, for a screen reader."""
    if data.result is None:
        return [translate(NOT_ENOUGH)]
    return render_sentences(data.result, data.check, Formatter(locale, translate))


def render_json(data: PaCost, translate: Callable[[str], str], locale: str) -> Any:
    """The structured result, as ``support-plan cost --json`` gives it."""
    if data.result is None:
        return {"message": translate(NOT_ENOUGH)}
    return to_json(data.result, data.check, Formatter(locale, translate))
