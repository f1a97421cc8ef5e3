"""Semantic checks on a bundle: the graph, conditions, citations, sections and placeholders.

Each rule has a stable name (used in messages, tests and ``flows/README.md``) and every
problem says where it is and how to fix it. Checks run even after earlier problems, so
authors see everything in one go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.flow import model
from assistant.flow.bundle import Bundle, Edge, SectionInfo, StepInfo, resolve
from assistant.flow.conditions import Condition, ConditionError, compile_condition
from assistant.flow.functions import FUNCTIONS
from assistant.flow.graphs import Ancestors, ancestor_bits, find_cycle, reachable
from assistant.flow.loader import FileReader
from assistant.flow.problems import Problem
from assistant.flow.yamlpos import Path

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)\}")


def compile_and_check(
    bundle: Bundle, readers: dict[str, FileReader], manifest: FileReader
) -> list[Problem]:
    """Fill in the bundle's steps, sections, edges and start, and return every problem."""
    checker = _Checker(bundle, readers, manifest)
    checker.build_sections()
    checker.build_steps()
    checker.build_edges()
    checker.resolve_start()
    checker.check_steps()
    checker.check_who_is_answering()
    checker.check_graph()
    checker.check_placeholders()
    return checker.problems


class _Checker:
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
        reader = self.readers[module]
        line, column = reader.positions.of(path)
        self.problems.append(Problem(reader.display, line, column, rule, message, fix))

    def at_step(self, key: str, rule: str, message: str, fix: str, *extra: str | int) -> None:
        self.at(key.split(".", 1)[0], (*self.paths[key], *extra), rule, message, fix)

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
                if step.section is not None:
                    if step.section in declared:
                        current = f"{name}.{step.section}"
                    else:
                        self.at(
                            name,
                            ("steps", index, "section"),
                            "unknown-section",
                            f"The section '{step.section}' is not declared in this module.",
                            "Add it under 'sections:' at the top of the file, or fix the spelling.",
                        )
                line = self.readers[name].positions.of(("steps", index))[0]
                self.paths[key] = ("steps", index)
                self.bundle.steps[key] = StepInfo(
                    key, name, step, self.readers[name].display, line, current
                )

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
        asks = self._asks()
        names = self._known_names(info.module)
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

    def _known_names(self, module: str) -> list[str]:
        """Names a condition in ``module`` may use, for "did you mean" (sorted once per module)."""
        names = self._names.get(module)
        if names is None:
            asks = self._asks()
            prefix = module + "."
            names = sorted(asks) + sorted(
                k.removeprefix(prefix) for k in asks if k.startswith(prefix)
            )
            self._names[module] = names
        return names

    def _asks(self) -> set[str]:
        """Keys of every question (computed once: conditions are checked against it)."""
        if self._ask_keys is None:
            steps = self.bundle.steps.items()
            self._ask_keys = {key for key, s in steps if isinstance(s.step, model.Ask)}
        return self._ask_keys

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
            line, column = self.manifest.positions.of(
                ("start",) if manifest.start else ("modules",)
            )
            self.problems.append(
                Problem(
                    self.manifest.display,
                    line,
                    column,
                    "missing-target",
                    f"The conversation should start at '{first}', which does not exist.",
                    "Set 'start:' in bundle.yaml to an existing module or module.step.",
                )
            )
        self.bundle.start = start

    def check_who_is_answering(self) -> None:
        key = self.bundle.manifest.who_is_answering
        if key is None:
            return
        info = self.bundle.steps.get(key)
        values = (
            {c.value for c in info.step.choices}
            if info and isinstance(info.step, model.Ask)
            else set()
        )
        missing = [v for v in model.WHO_IS_ANSWERING_VALUES if v not in values]
        if missing:
            line, column = self.manifest.positions.of(("who_is_answering",))
            self.problems.append(
                Problem(
                    self.manifest.display,
                    line,
                    column,
                    "who-is-answering",
                    f"'{key}' must be a choice question offering {', '.join(missing)}.",
                    f"Point who_is_answering at the question with the values {', '.join(model.WHO_IS_ANSWERING_VALUES)}.",
                )
            )

    def check_steps(self) -> None:
        for key, info in self.bundle.steps.items():
            for index, source in enumerate(info.step.cite):
                if source not in self.bundle.sources:
                    self.at_step(
                        key,
                        "unknown-source",
                        f"The citation '{source}' is not in the sources registry.",
                        f"Add '{source}' to {self.bundle.manifest.sources}, or fix the id.",
                        "cite",
                        index,
                    )
            if isinstance(info.step, model.Ask):
                self._check_ask(key, info.step)
            if isinstance(info.step, model.Say) and info.step.show:
                self._check_report(key, info.step.show)

    def _check_report(self, key: str, name: str) -> None:
        from assistant.engine.reports import reports

        spec = reports().get(name)
        if spec is None:
            known = ", ".join(sorted(reports())) or "none"
            self.at_step(
                key,
                "unknown-report",
                f"There is no calculation called '{name}' to show.",
                f"Use one of: {known}.",
                "show",
            )
            return
        missing = [k for k in spec.inputs if k not in self._asks()]
        if missing:
            self.at_step(
                key,
                "unknown-report",
                f"'{name}' reads the answers {', '.join(missing)}, which this bundle does not ask.",
                "Add those questions, or show the calculation in a bundle that has them.",
                "show",
            )

    def _check_ask(self, key: str, step: model.Ask) -> None:
        wants_choices = step.type in ("choice", "multi")
        if wants_choices and not step.choices:
            self.at_step(
                key,
                "choices",
                f"A '{step.type}' question needs 'choices'.",
                "Add a list of choices, each with a 'value' and a 'label'.",
                "type",
            )
        if not wants_choices and step.choices:
            self.at_step(
                key,
                "choices",
                f"A '{step.type}' question does not use 'choices'.",
                "Remove 'choices', or change 'type' to choice or multi.",
                "choices",
            )
        seen: set[str] = set()
        for index, choice in enumerate(step.choices):
            if choice.value in seen:
                self.at_step(
                    key,
                    "choices",
                    f"The choice value '{choice.value}' appears twice.",
                    "Give each choice its own value.",
                    "choices",
                    index,
                )
            seen.add(choice.value)
        if step.min is not None and step.max is not None and step.min > step.max:
            self.at_step(
                key,
                "range",
                f"'min' ({step.min:g}) is larger than 'max' ({step.max:g}).",
                "Swap them, or correct one.",
                "min",
            )

    def check_graph(self) -> None:
        started = reachable(self.bundle.steps, self.bundle.start, forward=True)
        for key in self.bundle.steps:
            if key not in started:
                self.at_step(
                    key,
                    "unreachable",
                    "No path from the start of the conversation reaches this step.",
                    "Point a 'next', branch case or link at it, or delete it.",
                )
        ends = [k for k, s in self.bundle.steps.items() if isinstance(s.step, model.End)]
        finishing = reachable(self.bundle.steps, *ends, forward=False)
        for key in sorted(started - finishing):
            self.at_step(
                key,
                "dead-end",
                "From this step the conversation can never reach an 'end' step.",
                "Make sure every path leads to an 'end' step.",
            )
        if self._ancestor_bits():  # the steps could be put in order, so nothing loops
            return
        cycle = find_cycle(self.bundle.steps, started)
        if cycle:
            self.at_step(
                cycle[-1],
                "loop",
                f"The conversation can go round in a loop: {' → '.join(cycle)}.",
                "Send the last step forward instead of back to an earlier one.",
            )

    def check_placeholders(self) -> None:
        for key, info in self.bundle.steps.items():
            names = set(_placeholders(info.step))
            if not names:
                continue
            before = self._before(key)
            for name in sorted(names):
                target = resolve(name, info.module)
                target_info = self.bundle.steps.get(target)
                if target_info is None or not isinstance(target_info.step, model.Ask):
                    self.at_step(
                        key,
                        "unknown-placeholder",
                        f"The text uses {{{name}}}, but no question provides it.",
                        "Use the id of a question asked earlier, or remove the braces.",
                    )
                elif target not in before:
                    self.at_step(
                        key,
                        "unknown-placeholder",
                        f"The text uses {{{name}}}, which is never asked before this step.",
                        "Move the question earlier, or drop the placeholder.",
                    )

    def _before(self, key: str) -> set[str] | Ancestors:
        """The steps from which ``key`` can be reached (every step before it)."""
        ancestors = self._ancestor_bits()
        if not ancestors:  # a loop: the checker reports it; fall back to a search
            return reachable(self.bundle.steps, key, forward=False) - {key}
        return Ancestors(ancestors[key], self._positions)

    def _ancestor_bits(self) -> dict[str, int]:
        """Each step's ancestors as bits, worked out once; empty if the steps loop."""
        if self._ancestors is None:
            self._ancestors = ancestor_bits(self.bundle.steps) or {}
            self._positions = {k: i for i, k in enumerate(self.bundle.steps)}
        return self._ancestors


def _placeholders(step: model.Step) -> Iterable[str]:
    texts: list[str | None] = [step.why]
    if isinstance(step, model.Say):
        texts += [step.text, step.title]
    elif isinstance(step, model.Ask):
        texts += [
            step.text,
            step.unit,
            *(c.label for c in step.choices),
            *(c.help for c in step.choices),
        ]
    elif isinstance(step, model.End):
        texts.append(step.text)
    for text in texts:
        if text:
            yield from PLACEHOLDER.findall(text)
