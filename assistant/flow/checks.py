"""Semantic checks on a bundle: the graph, conditions, citations, sections and placeholders.

Each rule has a stable name (used in messages, tests and ``flows/README.md``) and every
problem says where it is and how to fix it. Checks run even after earlier problems, so
authors see everything in one go.

This module builds the bundle's graph (steps, sections, edges with their compiled
conditions, the start) and reports what stops it being built; the rules about each step's
content are in :mod:`assistant.flow.checks_steps`, those about the paths through the
conversation in :mod:`assistant.flow.checks_paths`, and what they share in
:mod:`assistant.flow.checks_common`.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.flow import model
from assistant.flow.bundle import Bundle, Edge, SectionInfo, StepInfo, resolve
from assistant.flow.checks_common import Checker
from assistant.flow.checks_paths import (
    INTERFACE_PLACEHOLDERS,
    PLACEHOLDER,
    check_graph,
    check_placeholders,
    check_with_next,
)
from assistant.flow.checks_steps import (
    check_mental_health_team_if,
    check_steps,
    check_who_is_answering,
)
from assistant.flow.conditions import Condition, ConditionError, compile_condition
from assistant.flow.functions import FUNCTIONS
from assistant.flow.loader import FileReader
from assistant.flow.positions import Path
from assistant.flow.problems import Problem

__all__ = ["INTERFACE_PLACEHOLDERS", "PLACEHOLDER", "compile_and_check"]


def compile_and_check(
    bundle: Bundle, readers: dict[str, FileReader], manifest: FileReader
) -> list[Problem]:
    """Fill in the bundle's steps, sections, edges and start, and return every problem."""
    builder = _Builder(bundle, readers, manifest)
    builder.build_sections()
    builder.build_steps()
    builder.build_edges()
    builder.resolve_start()
    check_steps(builder)
    check_who_is_answering(builder)
    check_mental_health_team_if(builder)
    check_graph(builder)
    check_placeholders(builder)
    check_with_next(builder)
    return builder.problems


class _Builder(Checker):
    """Fills in the bundle's graph, reporting what is missing or wrong on the way."""

    def build_sections(self) -> None:
        for name, module in self.bundle.modules.items():
            if not module.sections:
                self.bundle.sections.append(SectionInfo(name, module.title, name))
            for section in module.sections:
                self.bundle.sections.append(
                    SectionInfo(f"{name}.{section.id}", section.title, name)
                )

    def build_steps(self) -> None:
        for name, module in self.bundle.modules.items():
            declared = {s.id for s in module.sections}
            current = f"{name}.{module.sections[0].id}" if module.sections else name
            for index, step in enumerate(module.steps):
                key = f"{name}.{step.id}"
                if key in self.bundle.steps:
                    first = self.bundle.steps[key].line
                    self.at(
                        name,
                        ("steps", index, "id"),
                        "duplicate-id",
                        f"The step id '{step.id}' is used twice in this module (first on line {first}).",
                        "Give each step its own id.",
                    )
                    continue
                current = self._section(name, index, step.section, declared, current)
                line = self.readers[name].positions.of(("steps", index))[0]
                self.paths[key] = ("steps", index)
                self.bundle.steps[key] = StepInfo(
                    key, name, step, self.readers[name].display, line, current
                )

    def _section(
        self, name: str, index: int, section: str | None, declared: set[str], current: str
    ) -> str:
        """The section a step is in: the one it names, else the one the step before was in."""
        if section is None:
            return current
        if section in declared:
            return f"{name}.{section}"
        self.at(
            name,
            ("steps", index, "section"),
            "unknown-section",
            f"The section '{section}' is not declared in this module.",
            "Add it under 'sections:' at the top of the file, or fix the spelling.",
        )
        return current

    def build_edges(self) -> None:
        for name, module in self.bundle.modules.items():
            for index, step in enumerate(module.steps):
                key = f"{name}.{step.id}"
                info = self.bundle.steps.get(key)
                if info is None or info.edges:
                    continue
                following = module.steps[index + 1].id if index + 1 < len(module.steps) else None
                info.edges = list(self._edges(info, following))

    def _edges(self, info: StepInfo, following: str | None) -> Iterable[Edge]:
        step, module = info.step, info.module
        if isinstance(step, model.Say | model.Ask):
            target = step.next or following
            if target is None:
                self.at_step(
                    info.key,
                    "no-next",
                    "This step is the last in the file but has no 'next'.",
                    "Add 'next:' naming the step that follows, or end the file with an 'end' or 'link' step.",
                )
            elif self._target_ok(info, resolve(target, module), "next"):
                yield Edge(resolve(target, module))
        elif isinstance(step, model.Branch):
            yield from self._branch_edges(info, step)
        elif isinstance(step, model.Link):
            target = self._link_target(step.to)
            if self._target_ok(info, target, "to"):
                yield Edge(target)

    def _branch_edges(self, info: StepInfo, step: model.Branch) -> Iterable[Edge]:
        for index, case in enumerate(step.cases):
            condition = self._compile(info, case.when, ("cases", index, "when"))
            target = resolve(case.next, info.module)
            if self._target_ok(info, target, "cases", index, "next") and condition is not None:
                yield Edge(target, condition)
        if step.otherwise is None:
            self.at_step(
                info.key,
                "branch-no-default",
                "This branch has no 'else', so a person could get stuck.",
                "Add 'else:' naming the step to go to when no case holds.",
            )
        elif self._target_ok(info, resolve(step.otherwise, info.module), "else"):
            yield Edge(resolve(step.otherwise, info.module))

    def _compile(self, info: StepInfo, source: str, where: Path) -> Condition | None:
        asks = self.asks()
        names = self.known_names(info.module)
        try:
            return compile_condition(
                source,
                is_known_name=lambda name: resolve(name, info.module) in asks,
                functions=FUNCTIONS,
                known_names=names,
            )
        except ConditionError as error:
            module = info.module
            line, column = self.readers[module].positions.of((*self.paths[info.key], *where))
            reader = self.readers[module]
            self.problems.append(
                Problem(
                    reader.display,
                    line,
                    column + error.column,
                    "condition",
                    f"The condition {source!r} cannot be used: {error.message}",
                    "Name only questions of this flow and functions listed in flows/README.md.",
                )
            )
            return None

    def _link_target(self, to: str) -> str:
        if "." in to:
            return to
        module = self.bundle.modules.get(to)
        if module is None or not module.steps:
            return f"{to}.?"
        return f"{to}.{module.start or module.steps[0].id}"

    def _target_ok(self, info: StepInfo, target: str, *where: str | int) -> bool:
        if target in self.bundle.steps:
            return True
        shown = target.removesuffix(".?")
        self.at_step(
            info.key,
            "missing-target",
            f"'{shown}' is not a step or module in this bundle.",
            "Check the spelling, or add the step it should go to.",
            *where,
        )
        return False

    def resolve_start(self) -> None:
        manifest = self.bundle.manifest
        first = manifest.start or (manifest.modules[0] if manifest.modules else "")
        start = self._link_target(first) if "." not in first else first
        failed_to_load = first.split(".")[0] not in self.bundle.modules
        if start not in self.bundle.steps and not failed_to_load:
            self.at_manifest(
                ("start",) if manifest.start else ("modules",),
                "missing-target",
                f"The conversation should start at '{first}', which does not exist.",
                "Set 'start:' in bundle.yaml to an existing module or module.step.",
            )
        self.bundle.start = start
