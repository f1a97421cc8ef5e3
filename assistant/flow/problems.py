"""Problems found in flow files, each with file:line:column, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a flow file. ``rule`` is a stable name used by tests and docs."""

    path: str
    line: int
    column: int
    rule: str
    message: str
    fix: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.column}: {self.message} Fix: {self.fix} [{self.rule}]"
        )


class FlowError(Exception):
    """Raised when a bundle cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
