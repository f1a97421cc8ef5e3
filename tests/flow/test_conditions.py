"""The condition language: its meaning, its error messages, and proof that it is safe.

Conditions come from YAML written by non-programmers, so they are untrusted input. Beyond
the table of meanings, the property tests feed arbitrary strings to the compiler while
Python's dangerous builtins are replaced by recorders, and check nothing ever calls them.
"""

from __future__ import annotations

import builtins
import contextlib
import decimal
import logging
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from transitions import Machine
from transitions.extensions import GraphMachine

from assistant.flow.conditions import (
    MAX_DEPTH,
    MAX_NODES,
    MAX_SOURCE_CHARS,
    Condition,
    ConditionError,
    compile_condition,
)
from assistant.flow.functions import FUNCTIONS, MISSING, FunctionSpec, register
from assistant.flow.registry import Registry
from assistant.values import Special, Value

KNOWN = (
    "age",
    "income",
    "lives_alone",
    "needs",
    "name",
    "housing",
    "money.weekly_income",
    "money.savings",
)
D = Decimal
U, DEC = Special.UNKNOWN, Special.DECLINED


def compile_(source: str, functions: Mapping[str, FunctionSpec] | None = None) -> Condition:
    return compile_condition(
        source, is_known_name=set(KNOWN).__contains__, functions=functions, known_names=KNOWN
    )


def holds(source: str, **env: Value) -> bool:
    return compile_(source).evaluate(env)


# (source, answers, expected)
SEMANTICS: list[tuple[str, dict[str, Value], bool]] = [
    # comparisons of like kinds
    ("age >= 18", {"age": 18}, True),
    ("age >= 18", {"age": 17}, False),
    ("age == 18", {"age": 18}, True),
    ("age != 18", {"age": 19}, True),
    ("18 <= age < 65", {"age": 40}, True),
    ("18 <= age < 65", {"age": 65}, False),
    ("housing == 'own_home'", {"housing": "own_home"}, True),
    ("housing != 'own_home'", {"housing": "rented"}, True),
    ("lives_alone", {"lives_alone": True}, True),
    ("lives_alone", {"lives_alone": False}, False),
    ("lives_alone == true", {"lives_alone": True}, True),
    ("lives_alone == False", {"lives_alone": False}, True),
    ("not lives_alone", {"lives_alone": False}, True),
    # money is exact: source numbers are decimals, not floats
    ("0.1 + 0.2 == 0.3", {}, True),
    ("income == 13.5", {"income": D("13.50")}, True),
    ("income * 52 > 1000", {"income": D("20.00")}, True),
    ("income * 52 == 1040", {"income": D("20.00")}, True),
    ("income / 3 > 6.66", {"income": D("20.00")}, True),
    ("age / 2 == 8.5", {"age": 17}, True),
    ("age + income == 20.5", {"age": 7, "income": D("13.50")}, True),
    ("-income < 0", {"income": D("1.00")}, True),
    (
        "money.weekly_income - money.savings == 0",
        {"money.weekly_income": D(5), "money.savings": 5},
        True,
    ),
    # missing and special answers: every comparison is false, even !=
    ("age >= 18", {}, False),
    ("age != 18", {}, False),
    ("age == 18", {"age": U}, False),
    ("age != 18", {"age": DEC}, False),
    ("age < 18", {"age": U}, False),
    ("not (age == 18)", {}, True),
    ("not age", {}, True),
    ("age", {"age": DEC}, False),
    ("lives_alone or age > 3", {"lives_alone": U, "age": 4}, True),
    ("age + 1 > 0", {}, False),
    ("age + 1 > 0", {"age": U}, False),
    ("age + 1 != 0", {"age": DEC}, False),
    # incompatible kinds are unequal in both directions, never an error
    ("age == 'eighteen'", {"age": 18}, False),
    ("age != 'eighteen'", {"age": 18}, False),
    ("housing < 3", {"housing": "rented"}, False),
    ("housing > 'a'", {"housing": "rented"}, False),
    ("lives_alone == 1", {"lives_alone": True}, False),
    ("lives_alone + 1 == 2", {"lives_alone": True}, False),
    ("needs == 'a'", {"needs": ("a",)}, False),
    ("name * 3 == 'xxx'", {"name": "x"}, False),
    # arithmetic that has no sensible answer gives MISSING
    ("income / 0 == 0", {"income": D(1)}, False),
    ("income / 0 != 0", {"income": D(1)}, False),
    ("age * age * age * age > 0", {"age": 10**100}, False),
    ("1e999999 * 1e999999 > 0", {}, False),
    # membership
    ("'cooking' in needs", {"needs": ("cooking", "washing")}, True),
    ("'cooking' not in needs", {"needs": ("washing",)}, True),
    ("'cooking' in needs", {"needs": ()}, False),
    ("'cooking' in needs", {}, False),
    ("'cooking' not in needs", {}, False),
    ("'cooking' not in needs", {"needs": U}, False),
    ("housing in ['rented', 'own_home']", {"housing": "rented"}, True),
    ("housing not in ['rented', 'own_home']", {"housing": "other"}, True),
    ("housing in ['rented']", {"housing": DEC}, False),
    ("housing not in ['rented']", {"housing": DEC}, False),
    ("age in [1, 2.0, -3]", {"age": 2}, True),
    ("age in [1, 2, -3]", {"age": -3}, True),
    ("age in ('1', '2')", {"age": 1}, False),
    ("'a' in name", {"name": "a cat"}, False),
    ("needs in ['a', 'b']", {"needs": ("a",)}, False),
    ("needs == ['b', 'a']", {"needs": ("a", "b")}, True),
    ("needs == ['a']", {"needs": ("a", "b")}, False),
    # functions
    ("answered(age)", {"age": 0}, True),
    ("answered(age)", {}, False),
    ("answered(age)", {"age": U}, False),
    ("answered(age)", {"age": DEC}, False),
    ("is_unknown(age)", {"age": U}, True),
    ("is_unknown(age)", {"age": DEC}, False),
    ("is_declined(age)", {"age": DEC}, True),
    ("is_declined(age)", {}, False),
    ("count(needs) == 2", {"needs": ("a", "b")}, True),
    ("count(needs) == 0", {}, True),
    ("count(needs) == 0", {"needs": U}, True),
    ("count(age) == 0", {"age": 3}, False),
    ("count_true(age > 3, lives_alone, true) == 2", {"age": 5, "lives_alone": U}, True),
    ("count_true(age > 3) == 0", {}, True),
    ("len(needs) == 1", {"needs": ("a",)}, True),
    ("len(name) == 3", {"name": "Ann"}, True),
    ("len(age) == 0", {"age": 0}, False),
    ("min(age, 3) == 3", {"age": 10}, True),
    ("max(age, income) == 13.50", {"age": 10, "income": D("13.50")}, True),
    ("max([1, 7, 2]) == 7", {}, True),
    ("min(age, 3) == 3", {}, False),
    ("min('a', 3) == 3", {}, False),
    ("abs(income) == 2", {"income": D("-2")}, True),
    ("abs(-age) == 4", {"age": 4}, True),
    ("abs(name) == 4", {"name": "four"}, False),
    ("contains(needs, 'a')", {"needs": ("a", "b")}, True),
    ("contains(needs, 'c')", {"needs": ("a", "b")}, False),
    ("contains(needs, 'a')", {}, False),
    ("contains(name, 'a')", {"name": "a"}, False),
    # truth of plain values, and the lower-case booleans
    ("true", {}, True),
    ("false or age", {"age": 0}, False),
    ("name", {"name": ""}, False),
    ("needs", {"needs": ("a",)}, True),
    ("True and not False", {}, True),
]


@pytest.mark.parametrize(("source", "env", "expected"), SEMANTICS, ids=[s for s, _, _ in SEMANTICS])
def test_semantics(source: str, env: dict[str, Value], expected: bool) -> None:
    assert compile_(source).evaluate(env) is expected


# (source, column, words the message must contain)
ERRORS: list[tuple[str, int, str]] = [
    ("age >= 18 and", 13, "stop too early"),
    ("age = 18", 4, "=="),
    ("age >= 18 && lives_alone", 11, "'and'"),
    ("name == 'a' and (", 16, "never closed"),
    ("name == 'café'", 12, "'é' cannot be used"),
    ("housing == \u2018own_home\u2019", 11, "straight quotes"),
    ("'\\N{DIGIT ONE}' == '1'", 1, "backslash"),
    ("\u00c0 > 1", 0, "cannot be used"),
    ("agee > 3", 0, "Did you mean 'age'?"),
    ("age > 3 and zzz", 12, "no question with the id 'zzz'"),
    ("name == 'x' and agee > 1", 16, "'agee'"),
    ("  age > 3\n and agee", 15, "'agee'"),
    ("money.weekly_incme > 3", 0, "Did you mean 'money.weekly_income'?"),
    ("age > 1 and a.b.c", 12, "one dot"),
    ("().__class__", 0, "A dot can only join"),
    ("age.__class__", 0, "cannot start with '_'"),
    ("__import__('os')", 0, "not a function you can use"),
    ("open('/etc/passwd')", 0, "Functions you can use"),
    ("os.system('ls')", 0, "Only functions from the list"),
    ("getattr(age, 'real')", 0, "'getattr' is not a function"),
    ("answerd(age)", 0, "Did you mean 'answered'?"),
    ("answered", 0, "is a function"),
    ("age > 1 and answered(age, age)", 12, "exactly 1 value, but 2 were given"),
    ("contains(needs)", 0, "exactly 2 values, but 1 was given"),
    ("min()", 0, "at least 1 value"),
    ("count(x=age)", 0, "without names"),
    ("count(**age)", 0, "without names"),
    ("count(*needs)", 6, "'*' before a value"),
    ("lambda: 1", 0, "'lambda'"),
    ("age[0] == 1", 0, "square brackets"),
    ("[a for a in needs]", 0, "'for' inside brackets"),
    ("{1: 2}", 0, "curly brackets"),
    ("age in {1, 2}", 7, "curly brackets"),
    ("f'{age}' == '3'", 0, "f-strings"),
    ("(x := 3)", 1, "':='"),
    ("1 if age else 2", 0, "'... if ... else ...'"),
    ("age ** 2 > 3", 4, "**"),
    ("age % 2 == 0", 4, "Only + - * /"),
    ("(age) // (2)", 6, "Only + - * /"),
    ("age | 1", 4, "Only + - * /"),
    ("~age", 0, "'~'"),
    ("+age", 0, "'+'"),
    ("age is None", 4, "'is' cannot be used"),
    ("age is not 3", 4, "'is' cannot be used"),
    ("age == None", 7, "None cannot be used"),
    ("name == b'x'", 8, "type bytes"),
    ("age == 1j", 7, "type complex"),
    ("age == ...", 7, "type ellipsis"),
    ("age in [1, age]", 11, "fixed values"),
    ("age in [[1]]", 8, "fixed values"),
    ("1e99999999999999999999999999 > 1", 0, "too large"),
    ("", 0, "empty"),
    ("   ", 0, "empty"),
    ("age\x00", 3, "null"),
]


@pytest.mark.parametrize(("source", "column", "words"), ERRORS, ids=[e[0] for e in ERRORS])
def test_error_messages_and_columns(source: str, column: int, words: str) -> None:
    with pytest.raises(ConditionError) as caught:
        compile_(source)
    assert words in caught.value.message
    assert caught.value.column == column
    assert str(caught.value) == caught.value.message


def test_no_suggestion_when_nothing_is_close() -> None:
    with pytest.raises(ConditionError) as caught:
        compile_("zzzzqqq > 1")
    assert "Did you mean" not in caught.value.message


def test_limits() -> None:
    assert compile_("age > 1 or " * 30 + "true").evaluate({"age": 2})
    longest = "'" + "a" * (MAX_SOURCE_CHARS - 2) + "'"
    assert compile_(longest).evaluate({})
    with pytest.raises(ConditionError, match="characters long"):
        compile_(longest + " ")
    too_long = "age + " * 100 + "1 > 0"
    with pytest.raises(ConditionError, match="characters long") as caught:
        compile_(too_long)
    assert caught.value.column == MAX_SOURCE_CHARS
    with pytest.raises(ConditionError, match=f"more than {MAX_NODES} parts"):
        compile_("age > 1 or " * 33 + "true")  # 33 * 3 + 2 parts, flat
    compile_("-" * (MAX_DEPTH - 1) + "1")
    with pytest.raises(ConditionError, match=f"more than {MAX_DEPTH} levels") as deep:
        compile_("-" * MAX_DEPTH + "1")
    assert deep.value.column == MAX_DEPTH
    with pytest.raises(ConditionError):
        compile_("(" * 300 + "1" + ")" * 300)


def test_names_and_functions_are_reported() -> None:
    condition = compile_("answered(age) and money.weekly_income > min(income, 3) or true")
    assert condition.names == {"age", "money.weekly_income", "income"}
    assert condition.functions == {"answered", "min"}
    assert compile_("false").names == frozenset()


def test_unknown_name_check_uses_the_callers_view() -> None:
    seen: list[str] = []

    def is_known(name: str) -> bool:
        seen.append(name)
        return name == "care.needs"

    compile_condition("care.needs", is_known_name=is_known)
    assert seen == ["care.needs"]
    with pytest.raises(ConditionError, match="'needs'"):
        compile_condition("needs", is_known_name=is_known)


def test_condition_reads_as_its_source_and_compares_by_source() -> None:
    condition = compile_("age >= 18  and lives_alone")
    assert str(condition) == "age >= 18  and lives_alone"
    assert condition == compile_("age >= 18  and lives_alone")
    assert condition({"age": 20, "lives_alone": True}) is True


def test_condition_drives_transitions_without_dotted_paths() -> None:
    """Conditions go to transitions as objects; their source is the diagram label."""
    adult = compile_("age >= 18")

    class Model:
        state: str

    states = ["asked", "adult", "child"]
    machine = Machine(model=None, states=states, initial="asked", auto_transitions=False)
    machine.add_transition("decide", "asked", "adult", conditions=[adult])
    machine.add_transition("decide", "asked", "child")
    older, younger = Model(), Model()
    machine.add_model([older, younger])
    cast(Any, older).decide({"age": 30})
    cast(Any, younger).decide({"age": U})
    assert (older.state, younger.state) == ("adult", "child")

    graph = GraphMachine(
        model=None,
        states=states,
        initial="asked",
        auto_transitions=False,
        graph_engine="mermaid",
        show_conditions=True,
    )
    graph.add_transition("decide", "asked", "adult", conditions=[adult])
    graph.add_model(Model())
    source = graph.get_graph().source
    assert "[age >= 18]" in source


def test_money_arithmetic_ignores_the_threads_decimal_context() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 2
        ctx.traps[decimal.Inexact] = True
        assert holds("income * 52 == 1234.56 * 52", income=D("1234.56"))


def test_functions_added_later_and_custom_registries() -> None:
    registry: Registry[FunctionSpec] = Registry("condition function")

    @register("over", arity=(1, 2), doc="True when a value is over a limit.", registry=registry)
    def _over(value: object, limit: object = 100) -> bool:
        return isinstance(value, int) and isinstance(limit, int) and value > limit

    assert compile_("over(age, 3)", functions=registry).evaluate({"age": 4})
    assert not compile_("over(age)", functions=registry).evaluate({"age": 4})
    with pytest.raises(ConditionError, match="from 1 to 2 values"):
        compile_("over(age, 1, 2)", functions=registry)
    with pytest.raises(ConditionError, match="'answered' is not a function"):
        compile_("answered(age)", functions=registry)
    with pytest.raises(ValueError, match="already registered"):
        register("over", doc="again", registry=registry)(_over)
    for bad in ("Over", "_hidden", "os.system", "2x"):
        with pytest.raises(ValueError, match="lower-case identifier"):
            register(bad, doc="bad", registry=registry)


def test_a_failing_domain_function_counts_as_no_answer(caplog: pytest.LogCaptureFixture) -> None:
    registry: Registry[FunctionSpec] = Registry("condition function")

    @register("boom", doc="Always fails.", registry=registry)
    def _boom(value: object) -> object:
        raise RuntimeError(f"secret {value}")

    @register("odd", doc="Returns a float, which conditions do not use.", registry=registry)
    def _odd(value: object) -> object:
        return 1.5

    with caplog.at_level(logging.WARNING):
        assert not compile_("boom(name) == 1", functions=registry).evaluate({"name": "Ann Smith"})
        assert compile_("not boom(name)", functions=registry).evaluate({}) is True
    assert "boom" in caplog.text and "RuntimeError" in caplog.text
    assert "Ann Smith" not in caplog.text and "secret" not in caplog.text
    assert not compile_("odd(age) > 1", functions=registry).evaluate({"age": 1})


def test_builtin_functions_are_documented() -> None:
    expected = {"answered", "is_unknown", "is_declined", "count", "count_true", "len"}
    assert expected | {"min", "max", "abs", "contains"} <= set(FUNCTIONS)
    for spec in FUNCTIONS.values():
        assert spec.doc and "\n" not in spec.doc


# ---- property tests: totality and safety ---------------------------------------------

ANSWER_VALUES: st.SearchStrategy[Value] = st.one_of(
    st.text(max_size=12),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**600), max_value=10**600),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.decimals(min_value=0, max_value=10_000_000, places=2),
    st.tuples(st.text(max_size=5)) | st.lists(st.sampled_from("abc"), max_size=3).map(tuple),
    st.sampled_from(Special),
)
ENVS = st.dictionaries(st.sampled_from(KNOWN), ANSWER_VALUES)
ODD_VALUES: st.SearchStrategy[object] = st.one_of(
    st.none(),
    st.floats(),
    st.decimals(),
    st.lists(st.integers(), max_size=2),
    st.tuples(st.integers(), st.none()),
    st.builds(object),
    st.just(MISSING),
    ANSWER_VALUES,
)

DANGEROUS = [
    "__import__",
    "open",
    "eval",
    "exec",
    "compile",
    "getattr",
    "setattr",
    "globals",
    "vars",
    "breakpoint",
    "os",
    "os.system",
    "sys.modules",
    "().__class__",
    "__class__",
    "__bases__",
    "__subclasses__",
    "__globals__",
    "__builtins__",
    "lambda",
    "import",
    "for",
    "if",
    "else",
    "yield",
    "await",
    "print",
    "input",
    "exit",
    "type",
    "object",
    "x.y.z",
]
TOKENS = DANGEROUS + [
    *KNOWN,
    *FUNCTIONS,
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ".",
    ":",
    ";",
    "==",
    "!=",
    "<",
    ">=",
    "in",
    "not",
    "and",
    "or",
    "is",
    "+",
    "-",
    "*",
    "/",
    "**",
    "%",
    "//",
    "|",
    "&",
    "~",
    "@",
    "=",
    ":=",
    "'rm -rf /'",
    "'a'",
    '"b"',
    "f'{age}'",
    "b'x'",
    "1",
    "0",
    "3.5",
    "1e999",
    "1j",
    "True",
    "None",
    "true",
    "false",
    "...",
    "\\",
    "#",
    "\n",
    "'''",
    "\t",
    "0in",
    "'\\N{DIGIT ONE}'",
    "'caf\u00e9'",
    "\u00c0",
    "\u2018a\u2019",
    "r'x'",
    "'\\x41'",
]
TOKEN_SOUP = st.builds(
    lambda tokens, sep: sep.join(tokens),
    st.lists(st.sampled_from(TOKENS), max_size=25),
    st.sampled_from([" ", ""]),
)


def _call(name: str, args: list[str]) -> str:
    return f"{name}({', '.join(args)})"


ATOMS = st.one_of(
    st.sampled_from(KNOWN),
    st.integers(-1000, 1000).map(str),
    st.decimals(min_value=-1000, max_value=1000, places=2).map(str),
    st.sampled_from(["'a'", "'cooking'", "true", "false", "True", "['a', 'b']", "[1, 2.5]", "[]"]),
)
VALID = st.recursive(
    ATOMS,
    lambda inner: st.one_of(
        st.builds(
            lambda a, op, b: f"({a}) {op} ({b})",
            inner,
            st.sampled_from(
                ["==", "!=", "<", "<=", ">", ">=", "in", "not in", "and", "or", "+", "-", "*", "/"]
            ),
            inner,
        ),
        st.builds(lambda op, a: f"{op}({a})", st.sampled_from(["not ", "-"]), inner),
        st.builds(
            _call,
            st.sampled_from(["answered", "is_unknown", "is_declined", "count", "len", "abs"]),
            st.lists(inner, min_size=1, max_size=1),
        ),
        st.builds(
            _call,
            st.sampled_from(["count_true", "min", "max"]),
            st.lists(inner, min_size=1, max_size=3),
        ),
        st.builds(_call, st.just("contains"), st.lists(inner, min_size=2, max_size=2)),
    ),
    max_leaves=10,
)
ANY_SOURCE = st.one_of(st.text(max_size=120), TOKEN_SOUP, VALID)

WATCHED = ("__import__", "open", "eval", "exec", "compile", "getattr")


@contextlib.contextmanager
def recorded_builtins() -> Iterator[list[str]]:
    """Replace dangerous builtins with recorders that note each call and then delegate.

    ``ast.parse`` itself calls ``compile`` with ``PyCF_ONLY_AST``, which only builds a
    syntax tree; any other use of compile (which would make runnable code) is recorded.
    """
    calls: list[str] = []
    originals = {name: builtins.__dict__[name] for name in WATCHED}

    def recorder(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def record(*args: Any, **kwargs: Any) -> Any:
            flags = kwargs.get("flags", args[3] if len(args) > 3 else 0)
            if not (name == "compile" and flags & 0x400):  # ast.PyCF_ONLY_AST
                calls.append(name)
            return original(*args, **kwargs)

        return record

    replacements = {name: recorder(name, original) for name, original in originals.items()}
    builtins.__dict__.update(replacements)
    try:
        yield calls
    finally:
        builtins.__dict__.update(originals)


def test_the_recorders_really_record() -> None:
    """Guards the safety test itself: a recorder that saw nothing would prove nothing."""
    with recorded_builtins() as calls:
        eval("1 + 1")  # noqa: S307 - deliberately calling eval to check it is recorded
        getattr(3, "real")  # noqa: B009
        __import__("json")
        compile("1", "<x>", "eval")
    assert calls == ["eval", "getattr", "__import__", "compile"]


def _check(source: str, envs: list[dict[str, Any]]) -> None:
    results: list[object] = []
    with recorded_builtins() as calls:
        try:
            condition = compile_(source)
        except ConditionError as error:
            results.append(error)
        else:
            results.extend(condition.evaluate(cast(Mapping[str, Value], env)) for env in envs)
    assert calls == [], f"{source!r} reached {calls}"
    for result in results:
        if isinstance(result, ConditionError):
            assert result.message and 0 <= result.column <= max(len(source), MAX_SOURCE_CHARS)
        else:
            assert type(result) is bool


PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(ANY_SOURCE, st.lists(ENVS, min_size=1, max_size=4))
def test_any_string_either_fails_cleanly_or_evaluates_to_a_bool(
    source: str, envs: list[dict[str, Any]]
) -> None:
    _check(source, envs)


@PROPERTY
@given(VALID, st.lists(st.dictionaries(st.sampled_from(KNOWN), ODD_VALUES), max_size=3))
def test_valid_conditions_compile_unless_too_big_and_survive_odd_answers(
    source: str, envs: list[dict[str, Any]]
) -> None:
    try:
        compile_(source)
    except ConditionError as error:
        assert (
            "parts" in error.message or "levels" in error.message or "characters" in error.message
        )
    _check(source, envs)


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('echo hacked')",
        "open('/etc/passwd').read()",
        "eval('1')",
        "exec('x = 1')",
        "compile('1', 'x', 'eval')",
        "getattr(age, '__class__')",
        "().__class__.__bases__[0].__subclasses__()",
        "age.__class__.__mro__",
        "[c for c in ().__class__.__base__.__subclasses__()]",
        "(lambda: __import__('os'))()",
        "os.system('ls')",
        "__builtins__",
        "type(age)",
        "age.real",
        "money.weekly_income.real",
        "answered.__globals__",
        "answered(age).__class__",
        "count(needs)(1)",
    ],
)
def test_dangerous_conditions_are_refused_without_running_anything(source: str) -> None:
    refused = False
    with recorded_builtins() as calls:
        try:
            compile_(source)
        except ConditionError:
            refused = True
    assert refused
    assert calls == []
