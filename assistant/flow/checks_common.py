"""What the checks of one bundle share: where problems go, and lookups worked out once.

:mod:`assistant.flow.checks` builds the graph and runs the rule groups in
:mod:`assistant.flow.checks_steps` and :mod:`assistant.flow.checks_paths`; each of them reports
through a :class:`Checker`, so every problem points at ``file:line:column`` the same way.
"""

from __future__ import annotations

from assistant.flow import model
from assistant.flow.bundle import Bundle
from assistant.flow.graphs import Ancestors, ancestor_bits, reachable
from assistant.flow.loader import FileReader
from assistant.flow.positions import Path
from assistant.flow.problems import Problem


class Checker:
    """One bundle being checked: the problems found so far and where each step was written."""

    def __init__(
        self, bundle: Bundle, readers: dict[str, FileReader], manifest: FileReader
    ) -> None:
        self.bundle = bundle
        self.readers = readers
        self.manifest = manifest
        self.problems: list[Problem] = []
        self.paths: dict[str, Path] = {}
        self._ask_keys: set[str] | None = None
        self._names: dict[str, list[str]] = {}
        self._ancestors: dict[str, int] | None = None
        self._positions: dict[str, int] = {}

    def at(self, module: str, path: Path, rule: str, message: str, fix: str) -> None:
        """Report a problem at ``path`` in a module's file."""
        reader = self.readers[module]
        line, column = reader.positions.of(path)
        self.problems.append(Problem(reader.display, line, column, rule, message, fix))

    def at_step(self, key: str, rule: str, message: str, fix: str, *extra: str | int) -> None:
        """Report a problem at a step (or at ``extra``, a path inside it)."""
        self.at(key.split(".", 1)[0], (*self.paths[key], *extra), rule, message, fix)

    def at_manifest(self, path: Path, rule: str, message: str, fix: str) -> None:
        """Report a problem at ``path`` in bundle.yaml."""
        line, column = self.manifest.positions.of(path)
        self.problems.append(Problem(self.manifest.display, line, column, rule, message, fix))

    def known_names(self, module: str) -> list[str]:
        """Names a condition in ``module`` may use, for "did you mean" (sorted once per module)."""
        names = self._names.get(module)
        if names is None:
            asks = self.asks()
            prefix = module + "."
            names = sorted(asks) + sorted(
                k.removeprefix(prefix) for k in asks if k.startswith(prefix)
            )
            self._names[module] = names
        return names

    def asks(self) -> set[str]:
        """Keys of every question (computed once: conditions are checked against it)."""
        if self._ask_keys is None:
            steps = self.bundle.steps.items()
            self._ask_keys = {key for key, s in steps if isinstance(s.step, model.Ask)}
        return self._ask_keys

    def before(self, key: str) -> set[str] | Ancestors:
        """The steps from which ``key`` can be reached (every step before it)."""
        ancestors = self.ancestor_bits()
        if not ancestors:  # a loop: the checker reports it; fall back to a search
            return reachable(self.bundle.steps, key, forward=False) - {key}
        return Ancestors(ancestors[key], self._positions)

    def ancestor_bits(self) -> dict[str, int]:
        """Each step's ancestors as bits, worked out once; empty if the steps loop."""
        if self._ancestors is None:
            self._ancestors = ancestor_bits(self.bundle.steps) or {}
            self._positions = {k: i for i, k in enumerate(self.bundle.steps)}
        return self._ancestors
