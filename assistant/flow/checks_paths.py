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


def check_with_question(checker: Checker) -> None:
    """A ``with_question`` explanation is followed by a question on every path.

    It is shown above that question, on the same screen, so only branches, links and
    other ``with_question`` explanations may come between them; an 'end' or an ordinary
    explanation would leave it with no question to stand beside.
    """
    steps = checker.bundle.steps
    for key, info in steps.items():
        step = info.step
        if not (isinstance(step, model.Say) and step.with_question):
            continue
        if step.show:
            checker.at_step(
                key,
                "with-question",
                "An explanation that shows a calculation needs a screen of its own.",
                "Remove 'with_question', or move the calculation to its own step.",
                "with_question",
            )
        stop = _not_followed_by_question(checker, key)
        if stop is not None:
            checker.at_step(
                key,
                "with-question",
                f"This explanation is shown with the question after it, but the path can "
                f"reach '{stop}' before any question.",
                "Remove 'with_question', or make every path from it reach a question first.",
                "with_question",
            )


def _not_followed_by_question(checker: Checker, key: str) -> str | None:
    """The first step reachable from ``key`` before a question that cannot stand there."""
    steps = checker.bundle.steps
    todo = [edge.target for edge in steps[key].edges]
    seen: set[str] = set()
    while todo:
        target = todo.pop()
        if target in seen or target not in steps:
            continue
        seen.add(target)
        step = steps[target].step
        if isinstance(step, model.Ask):
            continue
        if isinstance(step, model.Branch | model.Link) or (
            isinstance(step, model.Say) and step.with_question
        ):
            todo += [edge.target for edge in steps[target].edges]
            continue
        return target
    return None
