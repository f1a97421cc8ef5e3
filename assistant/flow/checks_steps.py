"""Checks on each step's own content: citations, choices, ranges and shown calculations.

These need only the step and the bundle's registries, not the paths through the
conversation (those are in :mod:`assistant.flow.checks_paths`). The rule names are the
ones listed in ``flows/README.md``.
"""

from __future__ import annotations

from assistant.flow import model
from assistant.flow.checks_common import Checker
from assistant.flow.reports import REPORTS


def check_steps(checker: Checker) -> None:
    """Every step's citations; questions' choices and ranges; the calculations shown."""
    for key, info in checker.bundle.steps.items():
        for index, source in enumerate(info.step.cite):
            if source not in checker.bundle.sources:
                checker.at_step(
                    key,
                    "unknown-source",
                    f"The citation '{source}' is not in the sources registry.",
                    f"Add '{source}' to {checker.bundle.manifest.sources}, or fix the id.",
                    "cite",
                    index,
                )
        if isinstance(info.step, model.Ask):
            _check_choices(checker, key, info.step)
            _check_range(checker, key, info.step)
        if isinstance(info.step, model.Say) and info.step.show:
            _check_report(checker, key, info.step.show)
        if isinstance(info.step, model.Say | model.Ask):
            _check_more(checker, key, info.step)


def _check_more(checker: Checker, key: str, step: model.Say | model.Ask) -> None:
    """``more`` holds more than the screen says: never empty, never the same words."""
    if step.more is None:
        return
    if not step.more.strip() or " ".join(step.more.split()) == " ".join(step.text.split()):
        checker.at_step(
            key,
            "more",
            "'more' must hold the fuller explanation, not nothing or the same words as 'text'.",
            "Write the full explanation in 'more' and a short conclusion in 'text', or remove 'more'.",
            "more",
        )


def check_who_is_answering(checker: Checker) -> None:
    """The question named by ``who_is_answering`` offers every value the engine relies on."""
    key = checker.bundle.manifest.who_is_answering
    if key is None:
        return
    info = checker.bundle.steps.get(key)
    values = (
        {c.value for c in info.step.choices} if info and isinstance(info.step, model.Ask) else set()
    )
    missing = [v for v in model.WHO_IS_ANSWERING_VALUES if v not in values]
    if missing:
        checker.at_manifest(
            ("who_is_answering",),
            "who-is-answering",
            f"'{key}' must be a choice question offering {', '.join(missing)}.",
            f"Point who_is_answering at the question with the values {', '.join(model.WHO_IS_ANSWERING_VALUES)}.",
        )


def check_mental_health_team_if(checker: Checker) -> None:
    """The question named by ``mental_health_team_if`` is a yes/no question of the bundle."""
    key = checker.bundle.manifest.mental_health_team_if
    if key is None:
        return
    info = checker.bundle.steps.get(key)
    if info is None or not isinstance(info.step, model.Ask) or info.step.type != "yesno":
        checker.at_manifest(
            ("mental_health_team_if",),
            "mental-health-team-if",
            f"'{key}' must be a yes/no question in this bundle.",
            "Point mental_health_team_if at the question asking whether the person has been "
            "detained under the Mental Health Act, or remove it.",
        )


def _check_report(checker: Checker, key: str, name: str) -> None:
    spec = REPORTS.get(name)
    if spec is None:
        known = ", ".join(sorted(REPORTS)) or "none"
        checker.at_step(
            key,
            "unknown-report",
            f"There is no calculation called '{name}' to show.",
            f"Use one of: {known}.",
            "show",
        )
        return
    missing = [k for k in spec.inputs if k not in checker.asks()]
    if missing:
        checker.at_step(
            key,
            "unknown-report",
            f"'{name}' reads the answers {', '.join(missing)}, which this bundle does not ask.",
            "Add those questions, or show the calculation in a bundle that has them.",
            "show",
        )


def _check_choices(checker: Checker, key: str, step: model.Ask) -> None:
    wants_choices = step.type in ("choice", "multi")
    if wants_choices and not step.choices:
        checker.at_step(
            key,
            "choices",
            f"A '{step.type}' question needs 'choices'.",
            "Add a list of choices, each with a 'value' and a 'label'.",
            "type",
        )
    if not wants_choices and step.choices:
        checker.at_step(
            key,
            "choices",
            f"A '{step.type}' question does not use 'choices'.",
            "Remove 'choices', or change 'type' to choice or multi.",
            "choices",
        )
    seen: set[str] = set()
    for index, choice in enumerate(step.choices):
        if choice.value in seen:
            checker.at_step(
                key,
                "choices",
                f"The choice value '{choice.value}' appears twice.",
                "Give each choice its own value.",
                "choices",
                index,
            )
        seen.add(choice.value)


def _check_range(checker: Checker, key: str, step: model.Ask) -> None:
    if step.halves and step.type != "number":
        checker.at_step(
            key,
            "halves",
            f"'halves' only works on a number question, not a '{step.type}' one.",
            "Remove 'halves', or change 'type' to number.",
            "halves",
        )
    if step.min is not None and step.max is not None and step.min > step.max:
        checker.at_step(
            key,
            "range",
            f"'min' ({step.min:g}) is larger than 'max' ({step.max:g}).",
            "Swap them, or correct one.",
            "min",
        )
