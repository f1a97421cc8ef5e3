"""Safe YAML parsing that remembers where every value came from.

Flow files are untrusted: only the safe loader is used, so no YAML tag can build a Python
object. Positions are kept per path (``("steps", 3, "next")``) so every problem can point
at ``file:line:column``.
"""

from __future__ import annotations

from typing import Any

import yaml

from assistant.flow.problems import Problem

Path = tuple[str | int, ...]

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class Positions:
    """Line and column (1-based) of each path in a parsed document."""

    def __init__(self) -> None:
        self._marks: dict[Path, tuple[int, int]] = {}

    def record(self, path: Path, node: yaml.Node) -> None:
        self._marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

    def of(self, path: Path) -> tuple[int, int]:
        """The position of ``path``, or of its nearest recorded parent."""
        while path not in self._marks and path:
            path = path[:-1]
        return self._marks.get(path, (1, 1))


def parse(text: str, filename: str) -> tuple[Any, Positions, list[Problem]]:
    """Parse one YAML document; on a syntax error, return a problem instead of raising."""
    positions = Positions()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, positions, [_syntax_problem(error, filename)]
    if node is None:
        return None, positions, []
    problems: list[Problem] = []
    _walk(node, (), positions, problems, filename)
    loader = yaml.SafeLoader("")
    try:
        data = loader.construct_document(node)
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
        return None, positions, problems
    finally:
        loader.dispose()
    return data, positions, problems


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
                problems.append(
                    Problem(
                        filename,
                        line,
                        key_node.start_mark.column + 1,
                        "duplicate-key",
                        f"The key '{key}' appears twice here (first on line {seen[key]}).",
                        "Keep one of them; YAML would silently use only the last.",
                    )
                )
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
