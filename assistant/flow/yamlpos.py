"""Safe YAML parsing that remembers where every value came from.

Flow files are untrusted: only the safe loader is used, so no YAML tag can build a Python
object. Positions are kept per path (``("steps", 3, "next")``) so every problem can point
at ``file:line:column``.
"""

from __future__ import annotations

from typing import Any

import yaml

from assistant.flow.positions import Path, Positions
from assistant.flow.problems import Problem
from assistant.flow.yamlevents import (
    TooDeep,
    Unusual,
    build,
    check_nesting,
    duplicate_problem,
    nesting_problem,
    value_problem,
)

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


def parse(text: str, filename: str) -> tuple[Any, Positions, list[Problem]]:
    """Parse one YAML document; on a syntax error, return a problem instead of raising.

    Ordinary documents are built in one pass from the parser's events; one with an
    anchor, alias, tag or merge key is composed instead, so aliases are refused as before.
    """
    loader = _Loader(text)
    try:
        data, tree, problems = build(loader, filename)
        return data, Positions(tree), problems
    except yaml.MarkedYAMLError as error:
        return None, Positions(), [_syntax_problem(error, filename)]
    except TooDeep as deep:
        return None, Positions(), [nesting_problem(filename, deep.line, deep.column)]
    except Unusual:  # an alias, a tag, a merge key...: compose it, as below
        pass
    finally:
        loader.dispose()
    return _parse_composed(text, filename)


def _parse_composed(text: str, filename: str) -> tuple[Any, Positions, list[Problem]]:
    """The careful path for unusual documents: compose nodes, refuse aliases, construct."""
    positions = Positions()
    try:
        _check_nesting(text)  # composing takes time growing with the square of the depth
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, positions, [_syntax_problem(error, filename)]
    except TooDeep as deep:
        return None, positions, [nesting_problem(filename, deep.line, deep.column)]
    if node is None:
        return None, positions, []
    alias = _first_alias(node)
    if alias is not None:
        return None, positions, [_alias_problem(alias, filename)]
    problems: list[Problem] = []
    try:
        return _build(node, (), positions, problems, filename), positions, problems
    except _Unusual:  # merge keys, sets, binary...: let the full safe constructor decide
        positions, problems = Positions(), []
    _walk(node, (), positions, problems, filename)
    return _construct(node, filename, problems), positions, problems


def _check_nesting(text: str) -> None:
    loader = _Loader(text)
    try:
        check_nesting(loader)
    finally:
        loader.dispose()


def _construct(node: yaml.Node, filename: str, problems: list[Problem]) -> Any:
    """PyYAML's safe constructor, for what _build leaves; a value it cannot read is a problem."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    except ValueError as error:  # e.g. a date that does not exist, in an unusual document
        problems.append(
            Problem(
                filename,
                1,
                1,
                "yaml-value",
                f"A value in this file cannot be read ({error}).",
                "Write dates as real dates in the form YYYY-MM-DD, or put the text in quotes.",
            )
        )
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problems.append(
            Problem(
                filename,
                line,
                column,
                "yaml-syntax",
                f"This YAML value cannot be read: {error.problem}.",
                "Use plain text, numbers, lists and key: value pairs only.",
            )
        )
    finally:
        loader.dispose()
    return None


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))
_SCALARS = {
    f"tag:yaml.org,2002:{t}": yaml.SafeLoader.yaml_constructors[f"tag:yaml.org,2002:{t}"]
    for t in ("int", "float", "bool", "null", "timestamp")
}
_SCALAR_LOADER = yaml.SafeLoader("")


class _Unusual(Exception):
    """A node the one-pass builder leaves to PyYAML's safe constructor."""


def _build(
    node: yaml.Node, path: Path, positions: Positions, problems: list[Problem], filename: str
) -> Any:
    """Build the data and record positions in one pass (what _walk + construct_document do).

    Only plain text, numbers, booleans, nulls, dates, lists and mappings are built here,
    with the safe loader's own scalar constructors; anything else raises :class:`_Unusual`.
    """
    positions.record(path, node)
    tag = node.tag
    if tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if tag == _SEQ and isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, index), positions, problems, filename)
            for index, item in enumerate(node.value)
        ]
    if tag == _MAP and isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, positions, problems, filename)
    construct = _SCALARS.get(tag)
    if construct is None or not isinstance(node, yaml.ScalarNode):
        raise _Unusual(tag)
    try:
        return construct(_SCALAR_LOADER, node)
    except (ValueError, yaml.constructor.ConstructorError):
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        problems.append(value_problem(filename, line, column, node.value))
        return node.value


def _build_mapping(
    node: yaml.MappingNode, path: Path, positions: Positions, problems: list[Problem], filename: str
) -> dict[Any, Any]:
    data: dict[Any, Any] = {}
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (_STR, *_SCALARS):
            raise _Unusual(key_node.tag)
        key = str(key_node.value)
        line = key_node.start_mark.line + 1
        if key in seen:
            problems.append(_duplicate(filename, key_node, key, seen[key]))
        seen[key] = line
        positions.record((*path, key), key_node)
        value = _build(value_node, (*path, key), positions, problems, filename)
        positions.record((*path, key), key_node)
        data[
            key_node.value
            if key_node.tag == _STR
            else _SCALARS[key_node.tag](_SCALAR_LOADER, key_node)
        ] = value
    return data


def positions_of(node: yaml.Node, filename: str) -> tuple[Positions, list[Problem]]:
    """Where each path under an already composed document was written, and its repeated keys.

    For YAML files with rules of their own (golden conversations read only ``true`` and
    ``false`` as booleans), whose loaders compose the nodes themselves: the positions are
    recorded, and a key written twice in one mapping is found, exactly as for flow files.
    """
    positions: Positions = Positions()
    repeated: list[Problem] = []
    _walk(node, (), positions, repeated, filename)
    return positions, repeated


def _first_alias(root: yaml.Node) -> yaml.Node | None:
    """A node reached twice (through an alias ``*name``), or None.

    Flows are untrusted: aliases let a few lines expand into millions of values, or refer
    to themselves, so they are refused before anything is built.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return None


def _alias_problem(node: yaml.Node, filename: str) -> Problem:
    return Problem(
        filename,
        node.start_mark.line + 1,
        node.start_mark.column + 1,
        "yaml-alias",
        "This file uses YAML anchors and aliases (& and *), which flow files do not allow.",
        "Write the value out in full where it is needed.",
    )


def _duplicate(filename: str, key_node: yaml.Node, key: str, first: int) -> Problem:
    mark = key_node.start_mark
    return duplicate_problem(filename, mark.line + 1, mark.column + 1, key, first)


def _walk(
    node: yaml.Node, path: Path, positions: Positions, problems: list[Problem], filename: str
) -> None:
    positions.record(path, node)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(_duplicate(filename, key_node, key, seen[key]))
            seen[key] = line
            positions.record((*path, key), key_node)
            _walk(value_node, (*path, key), positions, problems, filename)
            positions.record((*path, key), key_node)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), positions, problems, filename)


def _syntax_problem(error: yaml.MarkedYAMLError, filename: str) -> Problem:
    """Point at where the broken construct began (e.g. an unclosed quote), not where parsing gave up."""
    mark = error.context_mark or error.problem_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = error.problem or "the file is not valid YAML"
    if error.context:
        what = f"{error.context}, {what}"
    return Problem(
        filename,
        line,
        column,
        "yaml-syntax",
        f"This is not valid YAML: {what}.",
        "Check the indentation and that every 'key: value' pair has a colon; "
        "close every quote, and put quotes around text that contains ': ' or starts with a symbol.",
    )
