"""The PA cost check as a flow names it (``show: pa_cost``): its name and the answers it reads.

Checking a flow only needs these, so they are registered here without the calculator,
its rates or Babel, which load the first time the check is worked out or shown
(:mod:`assistant.money.report`): 18 ms of ``--plain``'s start, and 1.3 MiB for a person
who never reaches the check (issue 20).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from assistant.flow.reports import ReportSpec, register_report

MODULE = "employing_pa"
RATE, HOURS, AGE = f"{MODULE}.pa_rate", f"{MODULE}.pa_hours", f"{MODULE}.pa_age"
APPRENTICE, OFFERED = f"{MODULE}.pa_apprentice", f"{MODULE}.offered_rate"
#: What the person already has: only a direct-payment holder is told what "the council offers".
HELD = "getting_started.has"
#: Every answer the cost check reads.
INPUTS = (RATE, HOURS, AGE, APPRENTICE, OFFERED, HELD)


def _when_used(name: str) -> Callable[..., Any]:
    """``assistant.money.report``'s function ``name``, imported on the first call."""

    def call(*args: Any) -> Any:
        report = importlib.import_module("assistant.money.report")
        return getattr(report, name)(*args)

    call.__name__ = call.__qualname__ = name
    return call


register_report(
    ReportSpec(
        name="pa_cost",
        doc="The true cost of employing a PA, and the check of the council's offered rate.",
        inputs=INPUTS,
        compute=_when_used("compute"),
        render_lines=_when_used("render_lines"),
        render_spoken=_when_used("render_spoken"),
        render_json=_when_used("render_json"),
        render_summary=_when_used("render_summary"),
    )
)
