"""The functions flow authors may call in ``when:`` conditions, and the values they work on.

Conditions are written by people who are not programmers and are treated as untrusted
input, so they can only call functions listed in :data:`FUNCTIONS`. Domain code adds more
with :func:`register`; :data:`FUNCTIONS` imports its providers (:mod:`assistant.rules`)
the first time it is read (see :mod:`assistant.flow.registry`). Every function must be *total*: whatever values it is given
(including :data:`MISSING` for a question not yet answered, and the special answers
"I don't know" and "I'd rather not say"), it returns a value and never raises. A function
that raises anyway is treated as giving no value (``MISSING``), so a bug in one function
cannot crash a conversation, but it is logged (without the person's answers).

This module also holds the small value model the condition language shares with the
functions: :data:`Operand`, :func:`normalise`, :func:`is_number` and :func:`same_value`.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, TypeAlias, TypeGuard

from assistant.flow.registry import Registry
from assistant.values import Special

logger = logging.getLogger(__name__)


class Missing(enum.Enum):
    """The type of :data:`MISSING`: a value for "no answer here", distinct from ``None``."""

    MISSING = "missing"

    def __repr__(self) -> str:
        return "MISSING"


#: What a name with no answer (or an arithmetic step with no sensible result) evaluates to.
MISSING: Final = Missing.MISSING

#: One fixed value: a choice id or text, yes/no, a whole number, or an amount of money.
Scalar: TypeAlias = str | bool | int | Decimal
#: Anything a condition computes with: an answer, a list of fixed values, or MISSING.
Operand: TypeAlias = Scalar | tuple[Scalar, ...] | Special | Missing

_SCALAR_TYPES: Final = (str, bool, int, Decimal)


def is_scalar(value: object) -> TypeGuard[Scalar]:
    """True for exactly str, bool, int or a finite Decimal (subclasses could override ==)."""
    if type(value) is Decimal:
        return value.is_finite()
    return type(value) in _SCALAR_TYPES


def normalise(value: object) -> Operand:
    """Make any value safe to compute with: anything that is not a proper answer is MISSING.

    This is why evaluation is total even when the caller hands over something odd (a float,
    ``None``, a NaN amount): such values simply count as "no answer".
    """
    if value is MISSING or value is Special.UNKNOWN or value is Special.DECLINED:
        return value
    if is_scalar(value):
        return value
    if type(value) is tuple and all(is_scalar(item) for item in value):
        return value
    return MISSING


def is_absent(value: Operand) -> bool:
    """True for MISSING and the special answers, which never compare equal to anything."""
    return value is MISSING or isinstance(value, Special)


def is_number(value: object) -> TypeGuard[int | Decimal]:
    """True for whole numbers and money. Yes/no answers are not numbers, although bool is an int."""
    return type(value) is int or type(value) is Decimal


def comparable(left: Operand, right: Operand) -> bool:
    """True when the two values are of kinds that can be compared with == and !=."""
    if is_number(left) and is_number(right):
        return True
    kinds = (type(left), type(right))
    return kinds in ((str, str), (bool, bool), (tuple, tuple))


def same_value(left: Operand, right: Operand) -> bool:
    """Equality as flow authors expect it: 3 == 3.00, and lists equal whatever their order."""
    if not comparable(left, right):
        return False
    if isinstance(left, tuple) and isinstance(right, tuple):
        return all(any(same_value(a, b) for b in right) for a in left) and all(
            any(same_value(b, a) for a in left) for b in right
        )
    return left == right


@dataclass(frozen=True)
class FunctionSpec:
    """A function flow authors may call, with how many values it takes and what it does.

    ``max_args`` is None for functions that take any number of values (at least
    ``min_args``). ``doc`` is one line in plain English, shown to flow authors.
    """

    name: str
    min_args: int
    max_args: int | None
    func: Callable[..., object]
    doc: str

    def arity_text(self) -> str:
        """How many values the function takes, in words, for error messages."""
        if self.max_args is None:
            return f"at least {self.min_args} value{'s' if self.min_args != 1 else ''}"
        if self.min_args == self.max_args:
            return f"exactly {self.min_args} value{'s' if self.min_args != 1 else ''}"
        return f"from {self.min_args} to {self.max_args} values"

    def call(self, args: list[Operand]) -> Operand:
        """Call the function, turning a failure or an odd result into MISSING."""
        try:
            result = self.func(*args)
        except Exception as exc:  # domain functions must be total; never crash a conversation
            logger.warning("condition function %s failed with %s", self.name, type(exc).__name__)
            return MISSING
        return normalise(result)


#: Every function conditions may call, by name; the England rules are added when first read.
FUNCTIONS: Registry[FunctionSpec] = Registry("condition function", providers=("assistant.rules",))


def register(
    name: str,
    *,
    arity: int | tuple[int, int | None] = 1,
    doc: str,
    registry: Registry[FunctionSpec] | None = None,
) -> Callable[[Callable[..., object]], Callable[..., object]]:
    """Add a function to the registry that conditions may call (a decorator).

    ``arity`` is a number of values, or ``(minimum, maximum)`` with maximum None for "any
    number". Names must be plain lower-case identifiers, so they can never reach anything
    outside the registry, and registering a name twice is a programming error (ValueError,
    when the function is given).
    """
    low, high = (arity, arity) if isinstance(arity, int) else arity
    target = FUNCTIONS if registry is None else registry
    if not name.isidentifier() or name.startswith("_") or name != name.lower():
        raise ValueError(f"condition function name {name!r} must be a lower-case identifier")

    def decorator(func: Callable[..., object]) -> Callable[..., object]:
        target.add(name, FunctionSpec(name, low, high, func, doc))
        return func

    return decorator


@register(
    "answered", doc="True when the question has a real answer (not skipped, unknown or declined)."
)
def _answered(value: Operand) -> bool:
    return not is_absent(value)


@register("is_unknown", doc='True when the person answered "I don\'t know".')
def _is_unknown(value: Operand) -> bool:
    return value is Special.UNKNOWN


@register("is_declined", doc='True when the person answered "I\'d rather not say".')
def _is_declined(value: Operand) -> bool:
    return value is Special.DECLINED


@register("count", doc="How many options were chosen in a multiple-choice answer (0 if none).")
def _count(value: Operand) -> Operand:
    if isinstance(value, tuple):
        return len(value)
    return 0 if is_absent(value) else MISSING


@register("count_true", arity=(1, None), doc="How many of the tests given are true.")
def _count_true(*values: Operand) -> int:
    return sum(1 for value in values if value is True)


@register("len", doc="How many options are in a list, or characters in a piece of text.")
def _length(value: Operand) -> Operand:
    if isinstance(value, tuple | str):
        return len(value)
    return MISSING


def _numbers(values: tuple[Operand, ...]) -> list[int | Decimal] | None:
    """The numbers to pick from: the values given, or the items of a single list."""
    if len(values) == 1 and isinstance(values[0], tuple):
        values = values[0]
    numbers = [value for value in values if is_number(value)]
    if not numbers or len(numbers) != len(values):
        return None
    return numbers


@register("min", arity=(1, None), doc="The smallest of some numbers or amounts.")
def _smallest(*values: Operand) -> Operand:
    numbers = _numbers(values)
    return MISSING if numbers is None else min(numbers)


@register("max", arity=(1, None), doc="The largest of some numbers or amounts.")
def _largest(*values: Operand) -> Operand:
    numbers = _numbers(values)
    return MISSING if numbers is None else max(numbers)


@register("abs", doc="A number or amount without its minus sign.")
def _absolute(value: Operand) -> Operand:
    if type(value) is int:
        return abs(value)
    if isinstance(value, Decimal):
        return value.copy_abs()
    return MISSING


@register("contains", arity=2, doc="True when a multiple-choice answer includes the given option.")
def _contains(choices: Operand, value: Operand) -> bool:
    if not isinstance(choices, tuple) or is_absent(value) or isinstance(value, tuple):
        return False
    return any(same_value(item, value) for item in choices)
