"""The safe condition language used by ``when:`` on branch cases.

Flows are written by people who are not programmers and are treated as untrusted input,
so a condition is never evaluated by Python. It is parsed with ``ast.parse(mode="eval")``
and every node is checked against a whitelist and turned into small closures that only
know how to compare, add and call registry functions. Nothing in a condition can reach
Python's builtins, attributes, imports or files.

The language
------------
- Fixed values: whole numbers ``18``, amounts ``13.50`` (read exactly, as money, never as
  a float), text ``'carer'``, ``true``/``false`` (or ``True``/``False``), and lists of
  fixed values ``['a', 'b']`` (mostly for ``in``).
- Answers: a step id ``age``, or ``module.step`` for a step in another module (exactly
  one dot). Unknown names are errors when the flow is loaded.
- Comparisons ``== != < <= > >= in`` and ``not in``, chained as in ``18 <= age < 65``;
  ``and``, ``or``, ``not``; ``+ - * /`` and minus on numbers and money; calls of
  functions from :data:`assistant.flow.functions.FUNCTIONS`, such as ``answered(age)``.
- Only plain ASCII characters and no backslashes: answer names and choice values are
  ids such as ``own_home``, never the translated labels people see.
- Limits: at most 500 characters, 100 parts and 20 levels of nesting.

What conditions mean
--------------------
- An unanswered question is MISSING. "I don't know" and "I'd rather not say" are special
  answers. Any comparison involving MISSING or a special answer is false, *including*
  ``!=``. So ``not (x == 3)`` is true when x is unanswered, but ``x != 3`` is false. Use
  ``answered(x)``, ``is_unknown(x)`` and ``is_declined(x)`` to test for them.
- Comparing values of different kinds (text with a number, yes/no with a number) is false,
  including ``!=``. Whole numbers and money compare by value: ``3 == 3.00``. Only numbers
  can be ordered with ``< <= > >=``. Two lists are equal when they hold the same items in
  any order.
- ``x in [...]`` / ``x in choices`` test membership in a list or multiple-choice answer.
  ``x not in ...`` is true when x is a real answer and no item equals it. Both are false
  when x is MISSING or special, or the right side is not a list or multiple-choice answer.
- Arithmetic works on whole numbers and money only. A whole number mixed with money, or
  any division, gives money (an exact decimal). Anything else (MISSING, a special answer,
  text, yes/no, division by zero, absurdly large results) gives MISSING.
- ``and``/``or``/``not`` and the final result use truth: MISSING and special answers are
  false, a yes/no answer is itself, zero, empty text and an empty list are false.
- Functions receive the values as they are (MISSING included) and must never raise.
- Evaluation is total: :meth:`Condition.evaluate` returns a bool for any answers at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from assistant.flow import operations as ops
from assistant.flow.condition_compiler import MAX_DEPTH, MAX_NODES, Compiler, Env, Eval
from assistant.flow.condition_source import MAX_SOURCE_CHARS, ConditionError, check_length
from assistant.flow.functions import FUNCTIONS, MISSING, FunctionSpec, Operand

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_SOURCE_CHARS",
    "MISSING",
    "Condition",
    "ConditionError",
    "compile_condition",
]


def _always_false(env: Env) -> Operand:
    return False


@dataclass(frozen=True)
class Condition:
    """A compiled condition: call :meth:`evaluate` with the answers so far.

    A Condition is also a plain callable taking the answers, and ``str()`` gives its source,
    so it can be handed to transitions as a condition object (never as a dotted-path string,
    which transitions would import) and shows up readably in diagrams.
    """

    source: str
    names: frozenset[str]
    functions: frozenset[str]
    _root: Eval = field(default=_always_false, repr=False, compare=False)

    def evaluate(self, env: Env) -> bool:
        """True when the condition holds for these answers. Never raises, for any answers."""
        return ops.truth(self._root(env))

    def __call__(self, env: Env) -> bool:
        return self.evaluate(env)

    def __str__(self) -> str:
        return self.source


def compile_condition(
    source: str,
    *,
    is_known_name: Callable[[str], bool],
    functions: Mapping[str, FunctionSpec] | None = None,
    known_names: Iterable[str] = (),
) -> Condition:
    """Check a condition written by a flow author and compile it, or raise ConditionError.

    ``is_known_name`` says whether an answer name (``age`` or ``module.step``) exists;
    ``known_names`` is only used to suggest a correction for a misspelt name.
    ``functions`` defaults to the shared registry, read at the time of the call.
    """
    check_length(source)
    registry = FUNCTIONS if functions is None else functions
    compiler = Compiler(source, is_known_name, registry, known_names)
    root = compiler.compile_source()
    return Condition(source, frozenset(compiler.names), frozenset(compiler.called), root)
