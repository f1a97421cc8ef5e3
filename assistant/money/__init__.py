"""The true cost of employing a personal assistant (PA), and the direct-payment rate check.

Pure code (no Textual, no Rich): Decimal sums over dated, sourced figures from
``rates/*.yaml``. Results carry message ids and parameters, never translated text.
See README.md in this folder for the defaults and assumptions.

Example::

    from datetime import date
    from decimal import Decimal
    from assistant.money import AgeBand, Employee, calculate, check_offered_rate

    result = calculate(Employee(Decimal("13"), Decimal("20"), AgeBand.from_age(30)),
                       on=date(2026, 11, 22))
    result.total_weekly          # Decimal('316.47')
    check = check_offered_rate(result, offered_hourly=Decimal("15"))
    check.shortfall_yearly       # Decimal('856.44')
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.money.calculator import calculate
    from assistant.money.model import (
        AgeBand,
        CostLine,
        CostResult,
        Employee,
        EmployeeCost,
        FigureUse,
        HolidayMethod,
        Msg,
        Percent,
        Quantity,
        Term,
    )
    from assistant.money.ratecheck import CasePoint, RateCheck, check_offered_rate
    from assistant.money.rates_data import RatesError, select_years

#: Where each name above lives. They are imported when first used (PEP 562), so that a flow
#: naming the cost check (:mod:`assistant.money.pa_cost`) does not load the calculator,
#: its rates and Babel: 18 ms of ``--plain``'s start and 1.3 MiB (issue 20).
_HOMES = {
    "calculate": "calculator",
    **dict.fromkeys(
        (
            "AgeBand",
            "CostLine",
            "CostResult",
            "Employee",
            "EmployeeCost",
            "FigureUse",
            "HolidayMethod",
            "Msg",
            "Percent",
            "Quantity",
            "Term",
        ),
        "model",
    ),
    **dict.fromkeys(("CasePoint", "RateCheck", "check_offered_rate"), "ratecheck"),
    **dict.fromkeys(("RatesError", "select_years"), "rates_data"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'assistant.money' has no attribute {name!r}")
    return getattr(importlib.import_module(f"assistant.money.{home}"), name)


__all__ = [
    "AgeBand",
    "CasePoint",
    "CostLine",
    "CostResult",
    "Employee",
    "EmployeeCost",
    "FigureUse",
    "HolidayMethod",
    "Msg",
    "Percent",
    "Quantity",
    "RateCheck",
    "RatesError",
    "Term",
    "calculate",
    "check_offered_rate",
    "select_years",
]
