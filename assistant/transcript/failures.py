"""A difference found while replaying a golden conversation, and how it is shown.

Reports point at file:line like a compiler, then show expected ("-") and actual ("+")
lines, with "?" hints under the characters that changed, so a copy edit reads at a glance.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Failure:
    """One difference: where in the file, what was checked, what was expected and found."""

    line: int
    where: str
    what: str
    expected: Any = None
    actual: Any = None

    def render(self, display: str) -> str:
        """A readable report: the place, then a diff of expected (-) and actual (+)."""
        head = f"{display}:{self.line}: {self.where}: {self.what}"
        if self.expected is None and self.actual is None:
            return head
        return "\n".join([head, *diff(self.expected, self.actual)])


LEGEND = "    (- expected, + actual)"


def diff(expected: Any, actual: Any) -> list[str]:
    """Expected and actual as '-' and '+' lines, with '?' hints under changed characters."""
    if isinstance(expected, str) and isinstance(actual, str):
        lines = difflib.ndiff(expected.splitlines() or [""], actual.splitlines() or [""])
        return [LEGEND] + ["    " + line.rstrip() for line in lines if not line.startswith("  ")]
    return [f"    - expected: {expected!r}", f"    + actual:   {actual!r}"]
