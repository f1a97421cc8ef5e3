"""Build plain data and positions straight from the YAML parser's events.

Composing a tree of PyYAML nodes, then walking it to build values and record positions,
was most of the time spent checking a large flow. This module does both in one pass over
the C parser's events, resolving plain scalars with the safe loader's own implicit
resolvers and constructing numbers, booleans and dates with its own constructors.

It only handles the ordinary case: one document of text, numbers, booleans, nulls, dates,
lists and mappings with scalar keys. Anything else (an anchor, an alias, an explicit tag,
a merge key, a second document) raises :class:`Unusual`, and :mod:`assistant.flow.yamlpos`
falls back to composing the document, which refuses aliases and explains the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.events import (
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)

from assistant.flow.positions import Mark
from assistant.flow.problems import Problem
from assistant.flow.reading import MAX_NESTING

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_CONSTRUCTORS = {
    _TAG + t: yaml.SafeLoader.yaml_constructors[_TAG + t]
    for t in ("int", "float", "bool", "null", "timestamp")
}
_CONSTRUCTOR_LOADER = yaml.SafeLoader("")


def _resolvers() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The safe loader's implicit resolvers by first character ('' for the empty scalar)."""
    table = yaml.SafeLoader.yaml_implicit_resolvers
    wildcard = table.get(None, [])
    return {first: (*found, *wildcard) for first, found in table.items() if first is not None}


_RESOLVERS = _resolvers()
# Only if some resolver matches every text (none does in PyYAML) must every scalar be tried.
_ALWAYS = tuple(yaml.SafeLoader.yaml_implicit_resolvers.get(None, []))


class Unusual(Exception):
    """The document needs PyYAML's composer and safe constructor (see the module docstring)."""


class TooDeep(Exception):
    """Lists and mappings nest deeper than :data:`MAX_NESTING`, first at ``line:column``."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def nesting_problem(filename: str, line: int, column: int) -> Problem:
    """Nesting deeper than any flow needs (and than the parser can take in good time)."""
    return Problem(
        filename,
        line,
        column,
        "too-deep",
        f"Lists and mappings are nested more than {MAX_NESTING} deep here.",
        "Flow files need only a few levels; look for brackets that were never closed.",
    )


def check_nesting(loader: yaml.SafeLoader) -> None:
    """Walk ``loader``'s events only as far as needed to raise :class:`TooDeep`.

    The parser is lazy: stopping at the first level too many costs almost nothing.
    """
    get: Callable[[], Any] = loader.get_event  # untyped in the stubs
    depth = 0
    while True:
        event = get()
        kind = type(event)
        if kind is MappingStartEvent or kind is SequenceStartEvent:
            depth += 1
            if depth > MAX_NESTING:
                mark = event.start_mark
                raise TooDeep(mark.line + 1, mark.column + 1)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            depth -= 1
        elif kind is StreamEndEvent:
            return


def build(loader: yaml.SafeLoader, filename: str) -> tuple[Any, Mark | None, list[Problem]]:
    """Read one document from ``loader``: its data, the root :data:`Mark`, and problems.

    Duplicate keys and values that cannot be read (a date that does not exist) are
    problems; the last value of a duplicated key wins, as in PyYAML. Syntax errors raise
    :class:`yaml.MarkedYAMLError`; unusual documents raise :class:`Unusual`.
    Long on purpose: one loop with its state in locals is the hot path of checking a flow.
    """
    get: Callable[[], Any] = loader.get_event  # events and marks are untyped in the stubs
    if type(get()) is not StreamStartEvent:  # pragma: no cover - the parser always starts so
        raise Unusual("stream")
    event = get()
    if type(event) is StreamEndEvent:
        return None, None, []
    if type(event) is not DocumentStartEvent:  # pragma: no cover
        raise Unusual("document")
    problems: list[Problem] = []
    # The node being filled, as locals (pushed onto ``stack`` while a child is filled):
    # its value, its children's marks, whether it is a mapping, the pending key (text,
    # value, line, column) and its own line and column. The root sits in a one-item list.
    node: Any = []
    marks: Any = []
    is_map = False
    key: str | None = None
    key_value: Any = None
    key_line = key_column = line = column = 0
    stack: list[tuple[Any, ...]] = []
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise Unusual("anchor or tag")
            value = event.value
            mark = event.start_mark
            if event.implicit[0]:
                resolvers = _RESOLVERS.get(value[:1], _ALWAYS)
                for tag, pattern in resolvers:
                    if pattern.match(value):
                        value = _construct(tag, event, problems, filename)
                        break
            if is_map and key is None:
                key, key_value = event.value, value
                key_line, key_column = mark.line + 1, mark.column + 1
                first = marks.get(key)
                if first is not None:
                    problems.append(
                        duplicate_problem(filename, key_line, key_column, key, first[0])
                    )
                continue
            children = None
            value_line, value_column = mark.line + 1, mark.column + 1
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or (is_map and key is None):
                raise Unusual("anchor, tag or a key that is not text")
            stack.append((node, marks, is_map, key, key_value, key_line, key_column, line, column))
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if len(stack) > MAX_NESTING:  # stop before the parser's cost grows any further
                raise TooDeep(line, column)
            is_map = kind is MappingStartEvent
            node, marks, key = ({}, {}, None) if is_map else ([], [], None)
            continue
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value, children, value_line, value_column = node, marks, line, column
            node, marks, is_map, key, key_value, key_line, key_column, line, column = stack.pop()
        elif kind is DocumentEndEvent:
            break
        else:  # an alias
            raise Unusual(kind.__name__)
        if is_map:
            node[key_value] = value
            marks[key] = (key_line, key_column, children)
            key = None
        else:
            node.append(value)
            marks.append((value_line, value_column, children))
    if type(get()) is not StreamEndEvent:
        raise Unusual("a second document")
    return node[0], marks[0], problems


def _construct(tag: str, event: Any, problems: list[Problem], filename: str) -> Any:
    """A plain scalar's value for its resolved ``tag``, with the safe loader's constructor."""
    construct = _CONSTRUCTORS.get(tag)
    if construct is None:  # a merge key '<<' or the value key '='
        raise Unusual(tag)
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
    try:
        return construct(_CONSTRUCTOR_LOADER, node)
    except (ValueError, yaml.constructor.ConstructorError):
        mark = event.start_mark
        problems.append(value_problem(filename, mark.line + 1, mark.column + 1, event.value))
        return event.value


def value_problem(filename: str, line: int, column: int, text: str) -> Problem:
    """A plain scalar that looks like a number or date but is not one (2026-11-31)."""
    return Problem(
        filename,
        line,
        column,
        "yaml-value",
        f"'{text}' cannot be read here.",
        "Write dates as real dates in the form YYYY-MM-DD, or put the text in quotes.",
    )


def duplicate_problem(filename: str, line: int, column: int, key: str, first: int) -> Problem:
    """A key written twice in one mapping (``first`` is the line of its previous use)."""
    return Problem(
        filename,
        line,
        column,
        "duplicate-key",
        f"The key '{key}' appears twice here (first on line {first}).",
        "Keep one of them; YAML would silently use only the last.",
    )
