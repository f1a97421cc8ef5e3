"""Golden conversations: the YAML format in ``transcripts/`` and its loader.

A golden conversation names a bundle and a locale, then lists turns. Each turn gives one
input (an answer or a command) and what should follow: the step reached (``state``), the
context of the message shown (``ctx``), optionally the English message id (``id``) where
the wording is pinned, and the rendered ``text`` (checked in the transcript's own locale
only). An ``outcome`` block asserts the plan's results. ``transcripts/README.md`` is the
reference; every mistake in a file is reported with file:line and how to fix it.

YAML 1.1 reads ``yes``, ``no``, ``on`` and ``off`` as booleans. Here only ``true`` and
``false`` are booleans, so ``answer: yes`` is what a person types, as it should be.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.flow.positions import Path as KeyPath
from assistant.flow.positions import Positions
from assistant.flow.problems import Problem
from assistant.flow.reading import UnusableFlowFile, read_flow_text
from assistant.flow.yamlpos import positions_of

#: Inputs a turn may give (exactly one per turn), and whether each takes a value.
ACTIONS: dict[str, str] = {
    "start": "none",
    "answer": "any",
    "next": "none",
    "read_to": "step",
    "back": "none",
    "edit": "step",
    "help_now": "none",
    "note": "text",
    "pause": "none",
    "resume": "none",
    "dont_know": "none",
    "decline": "none",
    "language": "text",
}
#: What a turn may assert about the result.
CHECKS = ("state", "ctx", "id", "text", "rejected", "before")
TOP_KEYS = ("title", "persona", "bundle", "locale", "date", "turns", "outcome")
OUTCOME_KEYS = ("state", "indication", "rights", "options", "costs", "sections", "notes")
COST_KEYS = ("lines", "total_weekly", "per_hour", "shortfall_weekly", "tax_year")
_STEP = re.compile(r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$")


class _Loader(yaml.SafeLoader):
    """The safe loader with YAML 1.2 booleans: only ``true`` and ``false``."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _Refused(yaml.constructor.ConstructorError):
    """A value YAML can read but a golden file must not hold, with its own fix."""

    def __init__(self, problem: str, mark: yaml.Mark, fix: str) -> None:
        super().__init__(None, None, problem, mark)
        self.fix = fix


def _date(loader: _Loader, node: yaml.ScalarNode) -> Any:
    """A date, or a marked error for one that does not exist (such as 2026-02-30)."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        fix = "Write a date that exists, as YYYY-MM-DD."
        raise _Refused(f"the date {node.value} does not exist", node.start_mark, fix) from None


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    """A mapping, or a marked error at a key that is a list or mapping (not a plain word).

    (Keys written twice are found with the positions, by the flow files' own check.)
    """
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            fix = "Use a plain word as the key."
            raise _Refused("a list or mapping cannot be a key", key_node.start_mark, fix)
    return dict(loader.construct_mapping(node, deep=True))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date)
_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


@dataclass(frozen=True)
class Turn:
    """One input and the checks that follow it. ``line`` is where it starts in the file."""

    line: int
    action: str
    value: Any
    checks: dict[str, Any]

    def describe(self) -> str:
        """The input as a reader would say it, e.g. ``answer "yes"`` or ``back``."""
        if ACTIONS[self.action] == "none":
            return self.action.replace("_", " ")
        return f"{self.action} {self.value!r}"


@dataclass(frozen=True)
class Golden:
    """A parsed golden conversation."""

    path: Path
    display: str
    title: str
    bundle: str
    locale: str
    date: dt.date
    turns: tuple[Turn, ...]
    outcome: dict[str, Any] = field(default_factory=dict)
    outcome_line: int = 0
    persona: str = ""


class GoldenError(Exception):
    """A golden file that cannot be used; lists every problem with file:line and a fix."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _Reader:
    """Collects problems at the positions recorded while parsing."""

    def __init__(self, display: str, positions: Positions) -> None:
        self.display = display
        self.positions = positions
        self.problems: list[Problem] = []

    def line(self, path: KeyPath) -> int:
        return self.positions.of(path)[0]

    def problem(self, path: KeyPath, message: str, fix: str, rule: str = "golden") -> None:
        line, column = self.positions.of(path)
        self.problems.append(Problem(self.display, line, column, rule, message, fix))

    def unknown_keys(self, data: dict[str, Any], allowed: tuple[str, ...], path: KeyPath) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                hint = (
                    f"Did you mean '{close[0]}'?" if close else f"Use one of: {', '.join(allowed)}."
                )
                self.problem((*path, key), f"'{key}' is not a key here.", hint, "unknown-key")


def load_golden(path: Path, display: str | None = None) -> Golden:
    """Read and check one golden file; raise :class:`GoldenError` listing every problem."""
    shown = display or str(path)
    try:  # as safely as a flow file: a FIFO waited for ever, /dev/zero filled the memory
        text = read_flow_text(path)
    except UnusableFlowFile as error:
        raise GoldenError([_unusable(error, shown)]) from None
    data, positions = _parse(text, shown)
    reader = _Reader(shown, positions)
    golden = _golden(data, reader, path)
    if reader.problems or golden is None:
        raise GoldenError(reader.problems)
    return golden


#: Fixes for a golden file that cannot be read, where a flow file's would mislead.
_GOLDEN_FIXES = {
    "not-a-file": "Point to an ordinary .yaml file, or move that out of the folder.",
    "too-large": "Split it into several golden conversations.",
}


def _unusable(error: UnusableFlowFile, shown: str) -> Problem:
    """A golden file refused by the flow files' safe reader, worded for goldens."""
    message = error.message.replace("a flow file", "a golden conversation")
    message = message.replace("the most a flow file may be", "the most a file may be")
    fix = _GOLDEN_FIXES.get(error.rule, error.fix)
    return Problem(shown, error.line, error.column, error.rule, message, fix)


def _parse(text: str, display: str) -> tuple[Any, Positions]:
    """The data and where each part was written; a syntax error raises GoldenError.

    Not :func:`assistant.flow.yamlpos.parse`: that reads ``yes`` as a boolean, refuses
    aliases, and words syntax errors for flow authors. The positions and the check for
    repeated keys are shared (:func:`~assistant.flow.yamlpos.positions_of`), so both point
    at the same lines and say the same.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
        if node is None:
            return None, Positions()
        positions, repeated = positions_of(node, display)
        if repeated:  # YAML would keep only the last, hiding a check
            raise GoldenError(repeated)
        loader = _Loader("")
        try:
            return loader.construct_document(node), positions
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.context_mark or error.problem_mark  # where the broken part began
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = Problem(
            display,
            line,
            column,
            "yaml-syntax",
            f"This is not valid YAML: {error.problem or error.context}.",
            getattr(
                error,
                "fix",
                "Check the indentation, the colons after keys, and that every quote is closed.",
            ),
        )
        raise GoldenError([problem]) from None


def _golden(data: Any, r: _Reader, path: Path) -> Golden | None:
    if not isinstance(data, dict):
        r.problem((), "A golden conversation must be a mapping of keys.", "Start with 'bundle:'.")
        return None
    r.unknown_keys(data, TOP_KEYS, ())
    for key in ("bundle", "locale"):
        if not isinstance(data.get(key), str) or not data[key]:
            r.problem((key,), f"'{key}' is missing or not text.", _TOP_FIXES[key])
    date = data.get("date", dt.date(2026, 11, 22))
    if not isinstance(date, dt.date):
        r.problem(("date",), "'date' is not a date.", "Write it as YYYY-MM-DD, e.g. 2026-11-22.")
    raw_turns = data.get("turns")
    if not isinstance(raw_turns, list) or not raw_turns:
        r.problem(("turns",), "'turns' is missing or empty.", "List the turns under 'turns:'.")
        raw_turns = []
    turns = tuple(t for i, item in enumerate(raw_turns) if (t := _turn(item, i, r)) is not None)
    outcome = data.get("outcome") or {}
    _check_outcome(outcome, r)
    return Golden(
        path=path,
        display=r.display,
        title=str(data.get("title", path.stem)),
        bundle=str(data.get("bundle", "")),
        locale=str(data.get("locale", "")),
        date=date if isinstance(date, dt.date) else dt.date(2026, 11, 22),
        turns=turns,
        outcome=outcome if isinstance(outcome, dict) else {},
        outcome_line=r.line(("outcome",)) if "outcome" in data else 0,
        persona=str(data.get("persona", "")),
    )


_TOP_FIXES = {
    "bundle": "Name the conversation, e.g. 'bundle: england' (a folder in flows/).",
    "locale": "Name the language, e.g. 'locale: en_GB', 'locale: cy' or 'locale: pl'.",
}


def _turn(item: Any, index: int, r: _Reader) -> Turn | None:
    path: KeyPath = ("turns", index)
    if not isinstance(item, dict):
        r.problem(
            path, "A turn must be a mapping.", "Write e.g. '- answer: yes' then 'state: ...'."
        )
        return None
    r.unknown_keys(item, (*ACTIONS, *CHECKS), path)
    actions = [key for key in item if key in ACTIONS]
    if len(actions) != 1:
        r.problem(
            path,
            f"A turn needs exactly one input, but this one has {len(actions)}.",
            f"Give one of: {', '.join(ACTIONS)}.",
        )
        return None
    action = actions[0]
    if action == "start" and index != 0:
        r.problem((*path, action), "'start' can only be the first turn.", "Remove it.")
    value = item[action]
    _check_value(action, value, (*path, action), r)
    checks = {key: item[key] for key in CHECKS if key in item}
    for key in ("state", "ctx"):
        if key in checks and not (isinstance(checks[key], str) and _STEP.match(checks[key])):
            if not (key == "ctx" and checks[key] in ("help_now", None)):
                r.problem((*path, key), f"'{key}' must be a step key.", "Write it as module.step.")
    for key in ("id", "text"):
        if key in checks and not isinstance(checks[key], str):
            r.problem((*path, key), f"'{key}' must be text.", "Put the text in double quotes.")
    before = checks.get("before", [])
    if not (
        isinstance(before, list) and all(isinstance(k, str) and _STEP.match(k) for k in before)
    ):
        r.problem(
            (*path, "before"),
            "'before' must be a list of step keys.",
            "Write the explanations shown with the question as [module.step, ...].",
        )
    return Turn(r.line(path), action, value, checks)


def _check_value(action: str, value: Any, path: KeyPath, r: _Reader) -> None:
    kind = ACTIONS[action]
    if kind == "none" and value is not None:
        r.problem(path, f"'{action}' takes no value.", f"Write just '- {action}:'.")
    elif kind == "step" and not (isinstance(value, str) and _STEP.match(value)):
        r.problem(
            path, f"'{action}' needs a step key.", "Write e.g. 'edit: getting_started.where'."
        )
    elif kind == "text" and not isinstance(value, str):
        r.problem(path, f"'{action}' needs text.", "Put the text in double quotes.")
    elif kind == "any" and (value is None or isinstance(value, dict)):
        r.problem(
            path,
            "'answer' needs what the person types: text, a number or a list.",
            "Write e.g. 'answer: yes', 'answer: 2' or 'answer: [washing, meals]'.",
        )


def _check_outcome(outcome: Any, r: _Reader) -> None:
    if not isinstance(outcome, dict):
        r.problem(
            ("outcome",), "'outcome' must be a mapping.", f"Use keys: {', '.join(OUTCOME_KEYS)}."
        )
        return
    r.unknown_keys(outcome, OUTCOME_KEYS, ("outcome",))
    for key in ("rights", "options", "sections"):
        if key in outcome and not isinstance(outcome[key], list):
            r.problem(
                ("outcome", key), f"'{key}' must be a list.", "Write e.g. [a, b], or [] for none."
            )
    costs = outcome.get("costs")
    if isinstance(costs, dict):
        r.unknown_keys(costs, COST_KEYS, ("outcome", "costs"))
        if not isinstance(costs.get("lines", {}), dict):
            r.problem(
                ("outcome", "costs", "lines"),
                "'lines' must map line ids to amounts.",
                "Write e.g. 'basic: \"260.00\"'.",
            )
    elif costs not in (None, "none"):
        r.problem(
            ("outcome", "costs"),
            "'costs' must be a mapping or 'none'.",
            "See transcripts/README.md.",
        )


def find_goldens(paths: list[Path]) -> list[Path]:
    """Every ``*.yaml`` file named, or found below a named folder, in a stable order."""
    found: list[Path] = []
    for path in paths:
        found.extend(sorted(path.rglob("*.yaml")) if path.is_dir() else [path])
    return found
