"""Checks on the paths through a conversation: reachable, finishing, loop-free, in order.

A placeholder such as ``{name}`` is checked here too, because whether it can be filled
depends on the paths: its question must be asked on every way to the step that uses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.flow import model
from assistant.flow.bundle import resolve
from assistant.flow.checks_common import Checker
from assistant.flow.graphs import find_cycle, reachable

#: ``{step}`` or ``{module.step}`` in a text: replaced by that answer when shown.
PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?)\}")
#: Placeholders each front end fills with its own words, because they differ between
#: front ends: ``{ui.help_now}`` is "press F1" in the app and "type help now" in plain
#: mode (a key that does nothing in plain mode must never be named there).
INTERFACE_PLACEHOLDERS = frozenset({"ui.help_now"})


def check_graph(checker: Checker) -> None:
    """Every step is reachable from the start, can reach an end, and nothing loops."""
    steps = checker.bundle.steps
    started = reachable(steps, checker.bundle.start, forward=True)
    for key in steps:
        if key not in started:
            checker.at_step(
                key,
                "unreachable",
                "No path from the start of the conversation reaches this step.",
                "Point a 'next', branch case or link at it, or delete it.",
            )
    ends = [k for k, s in steps.items() if isinstance(s.step, model.End)]
    finishing = reachable(steps, *ends, forward=False)
    for key in sorted(started - finishing):
        checker.at_step(
            key,
            "dead-end",
            "From this step the conversation can never reach an 'end' step.",
            "Make sure every path leads to an 'end' step.",
        )
    if checker.ancestor_bits():  # the steps could be put in order, so nothing loops
        return
    cycle = find_cycle(steps, started)
    if cycle:
        checker.at_step(
            cycle[-1],
            "loop",
            f"The conversation can go round in a loop: {' → '.join(cycle)}.",
            "Send the last step forward instead of back to an earlier one.",
        )


def check_placeholders(checker: Checker) -> None:
    """Each ``{name}`` in a text names a question asked before the step that shows it."""
    for key, info in checker.bundle.steps.items():
        names = set(_placeholders(info.step)) - INTERFACE_PLACEHOLDERS
        if not names:
            continue
        before = checker.before(key)
        for name in sorted(names):
            target = resolve(name, info.module)
            target_info = checker.bundle.steps.get(target)
            if target_info is None or not isinstance(target_info.step, model.Ask):
                checker.at_step(
                    key,
                    "unknown-placeholder",
                    f"The text uses {{{name}}}, but no question provides it.",
                    "Use the id of a question asked earlier, or remove the braces.",
                )
            elif target not in before:
                checker.at_step(
                    key,
                    "unknown-placeholder",
                    f"The text uses {{{name}}}, which is never asked before this step.",
                    "Move the question earlier, or drop the placeholder.",
                )


def _placeholders(step: model.Step) -> Iterable[str]:
    texts: list[str | None] = [step.why]
    if isinstance(step, model.Say):
        texts += [step.text, step.title, step.more]
    elif isinstance(step, model.Ask):
        texts += [
            step.text,
            step.more,
            step.unit,
            *(c.label for c in step.choices),
            *(c.help for c in step.choices),
        ]
    elif isinstance(step, model.End):
        texts.append(step.text)
    for text in texts:
        if text:
            yield from PLACEHOLDER.findall(text)


def check_with_next(checker: Checker) -> None:
    """A ``with_next`` explanation is shown with the screen after it, so it cannot show a
    calculation, which needs a screen of its own; a ``with_next`` question shares its screen
    with the question after it (see :func:`check_paired_question`)."""
    for key, info in checker.bundle.steps.items():
        step = info.step
        if isinstance(step, model.Ask) and step.with_next:
            check_paired_question(checker, key)
        if isinstance(step, model.Say) and step.with_next and step.show:
            checker.at_step(
                key,
                "with-next",
                "An explanation that shows a calculation needs a screen of its own.",
                "Remove 'with_next', or move the calculation to its own step.",
                "with_next",
            )


def check_paired_question(checker: Checker, key: str) -> None:
    """A question with ``with_next`` asks the step after it on its own screen, so that step
    must always be the same question: not a branch (the pair would depend on the answer), an
    explanation or a calculation (they need the screen), the end, or a question that pairs on
    again (three questions do not fit one screen at 80x24)."""
    info = checker.bundle.steps[key]
    target = info.edges[0].target if len(info.edges) == 1 else None
    follow = checker.bundle.steps.get(target) if target else None
    if follow is None:
        return  # a missing 'next' is reported by its own rule
    if not isinstance(follow.step, model.Ask):
        checker.at_step(
            key,
            "with-next",
            f"This question is paired with the step after it, '{target}', which is a "
            f"'{type(follow.step).__name__.lower()}' step, not a question.",
            "Point 'next' straight at the follow-up question (not at a branch, explanation "
            "or end), or remove 'with_next'.",
            "with_next",
        )
    elif follow.step.with_next:
        checker.at_step(
            key,
            "with-next",
            f"The follow-up question '{target}' is paired on with the question after it too; "
            "only two questions may share a screen.",
            f"Remove 'with_next' from '{target}' (or from this question).",
            "with_next",
        )
