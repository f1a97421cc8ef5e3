"""What comparisons, sums and truth mean in conditions: total versions of Python's operators.

Python's own operators raise on mixed types (``"a" < 3``), make floats from division and
treat yes/no answers as numbers. Flow authors need none of that, so each operator here
accepts any values and gives the answer described in :mod:`assistant.flow.conditions`,
never an exception.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from assistant.flow.functions import (
    MISSING,
    Operand,
    comparable,
    is_absent,
    is_number,
    same_value,
)
from assistant.values import Special, Value

__all__ = ["arithmetic", "compare", "compare_chain", "is_number", "negate", "truth"]

#: A fixed context, so results never depend on what other code did to the thread's context.
#: Overflow and invalid operations raise, and are turned into MISSING below.
_CONTEXT = decimal.Context(
    prec=28,
    rounding=decimal.ROUND_HALF_EVEN,
    Emax=999_999,
    Emin=-999_999,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)

#: Whole-number results beyond about 10**300 are absurd for a conversation, and letting them
#: grow (x * x * x ...) would make evaluation slow. They become MISSING.
_MAX_WHOLE_BITS = 1000

_DECIMAL_OPS: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": _CONTEXT.add,
    "-": _CONTEXT.subtract,
    "*": _CONTEXT.multiply,
    "/": _CONTEXT.divide,
}


def truth(value: Operand) -> bool:
    """Truth as used by and/or/not: no answer and special answers are false."""
    if value is MISSING or isinstance(value, Special):
        return False
    return bool(value)


def negate(value: Operand) -> Operand:
    """Unary minus on a number or amount; MISSING for anything else."""
    if type(value) is int:
        return -value
    if isinstance(value, Decimal):
        return value.copy_negate()
    return MISSING


def arithmetic(symbol: str, left: Operand, right: Operand) -> Operand:
    """``+ - * /`` on whole numbers and money. Whole numbers stay whole except when divided."""
    if not (is_number(left) and is_number(right)):
        return MISSING
    if type(left) is int and type(right) is int and symbol != "/":
        whole = left + right if symbol == "+" else left - right if symbol == "-" else left * right
        return whole if whole.bit_length() <= _MAX_WHOLE_BITS else MISSING
    try:
        first, second = Decimal(left), Decimal(right)
        if symbol == "/" and second.is_zero():
            return MISSING
        return _DECIMAL_OPS[symbol](first, second)
    except (ArithmeticError, ValueError):  # overflow, or an int too long to convert
        return MISSING


def compare(symbol: str, left: Operand, right: Operand) -> bool:
    """One comparison. False whenever either side has no real answer or the kinds differ."""
    if is_absent(left) or is_absent(right):
        return False
    if symbol in ("in", "not in"):
        if not isinstance(right, tuple) or isinstance(left, tuple):
            return False
        found = any(same_value(left, item) for item in right)
        return found if symbol == "in" else not found
    if symbol in ("==", "!="):
        if not comparable(left, right):
            return False
        return same_value(left, right) == (symbol == "==")
    if not (is_number(left) and is_number(right)):
        return False
    if symbol == "<":
        return left < right
    if symbol == "<=":
        return left <= right
    if symbol == ">":
        return left > right
    return left >= right


def compare_chain(
    left: Operand,
    steps: Sequence[tuple[str, Callable[[Mapping[str, Value]], Operand]]],
    env: Mapping[str, Value],
) -> bool:
    """A chained comparison such as ``18 <= age < 65``: every link must hold."""
    for symbol, evaluate_right in steps:
        right = evaluate_right(env)
        if not compare(symbol, left, right):
            return False
        left = right
    return True
