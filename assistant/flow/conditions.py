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

import ast
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.engine.values import Value
from assistant.flow import operations as ops
from assistant.flow.condition_source import (
    ALLOWED,
    MAX_SOURCE_CHARS,
    ConditionError,
    check_length,
    flatten,
    parse,
    suggest,
)
from assistant.flow.functions import FUNCTIONS, MISSING, FunctionSpec, Operand, Scalar, normalise

__all__ = [
    "MAX_DEPTH",
    "MAX_NODES",
    "MAX_SOURCE_CHARS",
    "MISSING",
    "Condition",
    "ConditionError",
    "compile_condition",
]

MAX_NODES = 100
MAX_DEPTH = 20

Env = Mapping[str, Value]
_Eval = Callable[[Env], Operand]

_FORBIDDEN: dict[type[ast.AST], str] = {
    ast.Lambda: "'lambda'",
    ast.Subscript: "square brackets after a value, like x[0]",
    ast.ListComp: "'for' inside brackets",
    ast.SetComp: "'for' inside brackets",
    ast.DictComp: "'for' inside brackets",
    ast.GeneratorExp: "'for' inside brackets",
    ast.Dict: "curly brackets { }",
    ast.Set: "curly brackets { }",
    ast.JoinedStr: "f-strings",
    ast.FormattedValue: "f-strings",
    ast.NamedExpr: "':='",
    ast.Starred: "'*' before a value",
    ast.IfExp: "'... if ... else ...'",
    ast.Await: "'await'",
    ast.Yield: "'yield'",
    ast.YieldFrom: "'yield'",
    ast.Slice: "slices like x[1:2]",
}

_BINARY_OPS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
}

_COMPARE_OPS: dict[type[ast.cmpop], str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
}

_LITERAL_NAMES: dict[str, bool] = {"true": True, "false": False}


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
    _root: _Eval = field(default=_always_false, repr=False, compare=False)

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
    compiler = _Compiler(source, is_known_name, registry, known_names)
    root = compiler.compile_source()
    return Condition(source, frozenset(compiler.names), frozenset(compiler.called), root)


class _Compiler:
    """Walks one parsed condition against the whitelist, building closures as it goes.

    It only ever reads the fields of node types it has checked, so a disallowed node's
    contents are never looked at.
    """

    def __init__(
        self,
        source: str,
        is_known: Callable[[str], bool],
        functions: Mapping[str, FunctionSpec],
        known_names: Iterable[str],
    ) -> None:
        self.text, self.lead = flatten(source)
        self.is_known = is_known
        self.functions = functions
        self.known_names = known_names
        self.names: set[str] = set()
        self.called: set[str] = set()
        self.nodes = 0

    def compile_source(self) -> _Eval:
        return self.expr(parse(self.text, self.lead), 1)

    def column(self, node: ast.expr) -> int:
        """The character offset of a node (ast counts bytes, but _check_characters made
        sure the source is ASCII, where bytes and characters are the same)."""
        return self.lead + node.col_offset

    def end_column(self, node: ast.expr) -> int:
        return self.lead + (node.end_col_offset or node.col_offset)

    def between(self, left: ast.expr, right: ast.expr) -> int:
        """The column of the operator written between two operands, skipping brackets."""
        start, stop = self.end_column(left), self.column(right)
        for index in range(start, stop):
            if self.text[index - self.lead] not in " ()":
                return index
        return start

    def count(self, node: ast.expr, depth: int) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ConditionError(
                f"This condition has more than {MAX_NODES} parts. Split it into simpler "
                "conditions across several branch cases.",
                self.column(node),
            )
        if depth > MAX_DEPTH:
            raise ConditionError(
                f"This condition is nested more than {MAX_DEPTH} levels deep. "
                "Write it more simply, with fewer brackets.",
                self.column(node),
            )

    def expr(self, node: ast.expr, depth: int) -> _Eval:
        """Compile one node of a whitelisted kind, or raise saying what is allowed."""
        self.count(node, depth)
        if isinstance(node, ast.Compare):
            return self.compare(node, depth)
        if isinstance(node, ast.BoolOp):
            return self.bool_op(node, depth)
        if isinstance(node, ast.UnaryOp):
            return self.unary(node, depth)
        if isinstance(node, ast.BinOp):
            return self.binary(node, depth)
        if isinstance(node, ast.Call):
            return self.call(node, depth)
        if isinstance(node, ast.Name | ast.Attribute):
            return self.answer(node)
        if isinstance(node, ast.List | ast.Tuple):
            items = tuple(self.literal(item, depth + 1) for item in node.elts)
            return lambda env: items
        value = self.literal(node, depth, counted=True)
        return lambda env: value

    def forbidden(self, node: ast.expr, column: int | None = None) -> ConditionError:
        what = _FORBIDDEN.get(type(node), f"'{type(node).__name__}'")
        if isinstance(node, ast.Constant):
            what = "None" if node.value is None else f"a value of type {type(node.value).__name__}"
        where = self.column(node) if column is None else column
        return ConditionError(f"{what} cannot be used in conditions. {ALLOWED}", where)

    def literal(self, node: ast.expr, depth: int, *, counted: bool = False) -> Scalar:
        """A fixed value: a number, money, text, true/false, or a negative number."""
        if not counted:
            self.count(node, depth)
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name) and node.id in _LITERAL_NAMES:
            return _LITERAL_NAMES[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = self.literal(node.operand, depth + 1)
            if isinstance(inner, Decimal):
                return inner.copy_negate()
            if ops.is_number(inner):
                return -inner
        if counted or isinstance(node, ast.Constant) or type(node) in _FORBIDDEN:
            raise self.forbidden(node)
        raise ConditionError(
            "Lists can only hold fixed values, like ['a', 'b'] or [1, 2].", self.column(node)
        )

    def constant(self, node: ast.Constant) -> Scalar:
        value = node.value
        if isinstance(value, bool | str) or type(value) is int:
            return value
        if type(value) is float:
            written = self.text[self.column(node) - self.lead : self.end_column(node) - self.lead]
            try:
                amount = Decimal(written.replace("_", ""))
            except ArithmeticError:
                amount = Decimal("NaN")
            if amount.is_finite():
                return amount
            raise ConditionError("This number is too large to use.", self.column(node))
        raise self.forbidden(node)

    def answer(self, node: ast.Name | ast.Attribute) -> _Eval:
        """An answer by name: ``step`` or ``module.step``; true/false are fixed values."""
        if isinstance(node, ast.Name) and node.id in _LITERAL_NAMES:
            value = _LITERAL_NAMES[node.id]
            return lambda env: value
        name = self.answer_name(node)
        if not self.is_known(name):
            raise self.unknown_name(name, node)
        self.names.add(name)

        def lookup(env: Env) -> Operand:
            try:
                found: object = env.get(name, MISSING)
            except Exception:  # a broken mapping must not crash a conversation
                return MISSING
            return normalise(found)

        return lookup

    def answer_name(self, node: ast.Name | ast.Attribute) -> str:
        if isinstance(node, ast.Name):
            parts = [node.id]
        elif isinstance(node.value, ast.Name):
            parts = [node.value.id, node.attr]
        elif isinstance(node.value, ast.Attribute):
            raise ConditionError(
                "Only one dot is allowed in a name, as in module.step.", self.column(node)
            )
        else:
            raise ConditionError(
                "A dot can only join a module and a step id, as in money.weekly_income.",
                self.column(node),
            )
        if any(part.startswith("_") for part in parts):
            raise ConditionError(
                "Names cannot start with '_'. Use the step's id, or module.step.",
                self.column(node),
            )
        return ".".join(parts)

    def unknown_name(self, name: str, node: ast.expr) -> ConditionError:
        if name in self.functions:
            return ConditionError(
                f"'{name}' is a function: write it with brackets, as in {name}(age).",
                self.column(node),
            )
        hint = suggest(name, self.known_names)
        return ConditionError(
            f"There is no question with the id '{name}'.{hint} Use the id of an ask step, "
            "or module.step for a step in another module.",
            self.column(node),
        )

    def call(self, node: ast.Call, depth: int) -> _Eval:
        """A call of a registry function, by plain name, with plain values in brackets."""
        if not isinstance(node.func, ast.Name):
            raise ConditionError(
                f"Only functions from the list can be called, by name. {self.function_list()}",
                self.column(node),
            )
        spec = self.functions.get(node.func.id)
        if spec is None:
            hint = suggest(node.func.id, self.functions)
            raise ConditionError(
                f"'{node.func.id}' is not a function you can use.{hint} {self.function_list()}",
                self.column(node),
            )
        if node.keywords:
            raise ConditionError(
                f"Write the values for {spec.name}() without names (no name=value).",
                self.column(node),
            )
        given = len(node.args)
        if given < spec.min_args or (spec.max_args is not None and given > spec.max_args):
            raise ConditionError(
                f"{spec.name}() takes {spec.arity_text()}, but {given} "
                f"{'was' if given == 1 else 'were'} given. {spec.name}: {spec.doc}",
                self.column(node),
            )
        args = [self.expr(arg, depth + 1) for arg in node.args]
        self.called.add(spec.name)
        return lambda env: spec.call([arg(env) for arg in args])

    def function_list(self) -> str:
        return "Functions you can use: " + ", ".join(sorted(self.functions)) + "."

    def compare(self, node: ast.Compare, depth: int) -> _Eval:
        first = self.expr(node.left, depth + 1)
        steps: list[tuple[str, _Eval]] = []
        previous = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            symbol = _COMPARE_OPS.get(type(op))
            if symbol is None:
                raise ConditionError(
                    "'is' cannot be used in conditions: write == or != to compare, "
                    "or answered(x) to check for an answer.",
                    self.between(previous, right),
                )
            steps.append((symbol, self.expr(right, depth + 1)))
            previous = right
        return lambda env: ops.compare_chain(first(env), steps, env)

    def bool_op(self, node: ast.BoolOp, depth: int) -> _Eval:
        parts = [self.expr(value, depth + 1) for value in node.values]
        if isinstance(node.op, ast.And):
            return lambda env: all(ops.truth(part(env)) for part in parts)
        return lambda env: any(ops.truth(part(env)) for part in parts)

    def unary(self, node: ast.UnaryOp, depth: int) -> _Eval:
        if isinstance(node.op, ast.Not):
            inner = self.expr(node.operand, depth + 1)
            return lambda env: not ops.truth(inner(env))
        if isinstance(node.op, ast.USub):
            inner = self.expr(node.operand, depth + 1)
            return lambda env: ops.negate(inner(env))
        symbol = "~" if isinstance(node.op, ast.Invert) else "+"
        raise ConditionError(
            f"'{symbol}' before a value cannot be used in conditions. {ALLOWED}",
            self.column(node),
        )

    def binary(self, node: ast.BinOp, depth: int) -> _Eval:
        symbol = _BINARY_OPS.get(type(node.op))
        if symbol is None:
            raise ConditionError(
                "Only + - * / can be used for sums in conditions "
                "(not %, //, **, @ or bit operators like | & ^ << >>).",
                self.between(node.left, node.right),
            )
        left = self.expr(node.left, depth + 1)
        right = self.expr(node.right, depth + 1)
        return lambda env: ops.arithmetic(symbol, left(env), right(env))
