"""The whitelist walk that turns a parsed condition into closures, or a ConditionError.

This is the second half of :mod:`assistant.flow.conditions` (the first, reading the text,
is :mod:`assistant.flow.condition_source`). Each node type that is allowed has a method
here; anything else is refused with a message naming what was written and what the
language allows, so a condition can never do more than compare, add and call the
registry's functions.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from assistant.flow import operations as ops
from assistant.flow.condition_source import ALLOWED, ConditionError, flatten, parse, suggest
from assistant.flow.functions import MISSING, FunctionSpec, Operand, Scalar, normalise
from assistant.values import Value

#: At most this many parts (nodes) in one condition, and this many levels of nesting.
MAX_NODES = 100
MAX_DEPTH = 20

#: The answers a condition is evaluated with, and a compiled part of a condition.
Env = Mapping[str, Value]
Eval = Callable[[Env], Operand]

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


class Compiler:
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

    def compile_source(self) -> Eval:
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

    def expr(self, node: ast.expr, depth: int) -> Eval:
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

    def answer(self, node: ast.Name | ast.Attribute) -> Eval:
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

    def call(self, node: ast.Call, depth: int) -> Eval:
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

    def compare(self, node: ast.Compare, depth: int) -> Eval:
        first = self.expr(node.left, depth + 1)
        steps: list[tuple[str, Eval]] = []
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

    def bool_op(self, node: ast.BoolOp, depth: int) -> Eval:
        parts = [self.expr(value, depth + 1) for value in node.values]
        if isinstance(node.op, ast.And):
            return lambda env: all(ops.truth(part(env)) for part in parts)
        return lambda env: any(ops.truth(part(env)) for part in parts)

    def unary(self, node: ast.UnaryOp, depth: int) -> Eval:
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

    def binary(self, node: ast.BinOp, depth: int) -> Eval:
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
