"""Where each value of a parsed flow file came from: the line and column of every path.

Kept apart from the YAML parser (:mod:`assistant.flow.yamlpos`), so that code which only
*reports* problems at positions (the checks, and the flow cache, whose readers have no
positions) does not import PyYAML: starting the assistant with the flow from its cache
never parses YAML, and importing PyYAML was 8 ms of ``--plain``'s start (issue 20).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

#: A path to a value in a document: keys and list indexes, e.g. ``("steps", 3, "next")``.
Path = tuple[str | int, ...]

#: A recorded position: (line, column, children). Children are a dict by key text for a
#: mapping, a list by index for a sequence, or None for a scalar. A mapping entry holds
#: its key's position and its value's children, as :class:`Positions` reports.
Mark = tuple[int, int, "dict[str, Mark] | list[Mark] | None"]


class Positions:
    """Line and column (1-based) of each path in a parsed document.

    Filled either path by path with :meth:`record`, or at once from the tree of marks
    that :func:`assistant.flow.yamlevents.build` makes (no path tuples are built then).
    """

    def __init__(self, tree: Mark | None = None) -> None:
        self._marks: dict[Path, tuple[int, int]] = {}
        self._tree = tree

    def record(self, path: Path, node: yaml.Node) -> None:
        self._marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

    def of(self, path: Path) -> tuple[int, int]:
        """The position of ``path``, or of its nearest recorded parent."""
        if self._tree is not None:
            return _of_tree(self._tree, path)
        while path not in self._marks and path:
            path = path[:-1]
        return self._marks.get(path, (1, 1))


def _of_tree(tree: Mark, path: Path) -> tuple[int, int]:
    line, column, children = tree
    for part in path:
        entry: Mark | None = None
        if isinstance(children, dict) and isinstance(part, str):
            entry = children.get(part)
        elif isinstance(children, list) and type(part) is int and 0 <= part < len(children):
            entry = children[part]
        if entry is None:
            break
        line, column, children = entry
    return line, column
