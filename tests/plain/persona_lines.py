"""What a person types to go through a golden conversation in plain mode.

The golden gives the answers by value; a person types choices by their numbers, presses
Enter on explanations, and (in screen-reader mode, where the app's "1. Yes" is heard)
may answer yes or no with 1 or 2. The engine is run alongside to know how many times
Enter takes them to each step the golden reads to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from support_plan_cli import ROOT

from assistant.engine.session import Session
from assistant.flow import model
from assistant.flow.loading import load_bundle
from assistant.values import Special


def typed_lines(golden: Path, *, yes_no_numbers: bool = False) -> list[tuple[str, str]]:
    """(the step the line answers, the line) for each line typed, in order."""
    data = yaml.safe_load(golden.read_text("utf-8"))
    bundle = load_bundle(ROOT / "flows" / data["bundle"])
    session = Session(bundle)
    session.start()
    lines: list[tuple[str, str]] = []
    for turn in data["turns"]:
        at = session.current
        if "answer" in turn:
            lines.append((at, _typed(bundle.steps[at].step, turn["answer"], yes_no_numbers)))
            session.answer(turn["answer"])
        elif "read_to" in turn:
            while session.current != turn["read_to"]:
                lines.append((session.current, ""))
                session.answer(None)
        elif "dont_know" in turn:
            lines.append((at, "don't know"))
            session.answer(Special.UNKNOWN)
        elif "decline" in turn:
            lines.append((at, "rather not say"))
            session.answer(Special.DECLINED)
        elif "start" not in turn:
            raise ValueError(f"{golden.name}: a turn this helper does not type: {turn}")
    return lines


def _typed(step: Any, answer: Any, yes_no_numbers: bool) -> str:
    if isinstance(step, model.Ask) and step.type in ("choice", "multi"):
        values = [c.value for c in step.choices]
        picks = answer if isinstance(answer, list) else [answer]
        return ", ".join(str(values.index(v) + 1) for v in picks)
    if isinstance(step, model.Ask) and step.type == "yesno":
        yes = answer in (True, "yes")
        return ("1" if yes else "2") if yes_no_numbers else ("yes" if yes else "no")
    return str(answer)
