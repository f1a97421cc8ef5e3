"""Budgets 1 and 2: from starting a process to its first question on a real terminal.

Each side is a fresh process on an 80×24 pty, timed until the question's words are on
the screen (see :mod:`tests.bench.pty_run`), measured A, B, A, B in one run.

1. ``support-plan --no-save`` (the full-screen app's start screen asks "Who is completing
   this?") against a bare Textual app with one Static and one Button.
2. ``support-plan --plain --no-save`` until the first step's instruction is printed,
   against a minimal ``questionary`` select prompt. questionary is not a dependency of
   the project: install it into .venv to measure this (``.venv/bin/pip install questionary``).

``--no-save`` skips the consent question about saving, which would otherwise come first.
The flow cache is warm (the untimed first runs fill it), as on every start but the first.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from assistant.paths import ROOT

from .harness import Result, compare, interleave
from .pty_run import time_to_text

CHILDREN = Path(__file__).resolve().parent / "children"
FIRST_APP_QUESTION = "Who is completing this?"
BARE_APP_TEXT = "Bare app ready"


def _support_plan() -> str:
    return str(Path(sys.executable).parent / "support-plan")


def first_plain_instruction() -> str:
    """What the plain mode prints last for the first step (its 'what to type' line)."""
    from assistant.engine.outputs import StepShown
    from assistant.engine.session import Session
    from assistant.flow.loading import load_bundle
    from assistant.i18n import translator_for
    from assistant.paths import default_bundle
    from assistant.plain.render import hint

    session = Session(load_bundle(default_bundle()))
    first = session.start()[0]
    session.close()
    assert isinstance(first, StepShown)
    return hint(first, translator_for("en_GB"))


def bench_app_start(runs: int, env: dict[str, str]) -> Result:
    """Budget 1: ``support-plan`` against a bare Textual app, ratio of median times."""
    result = Result(
        1, "Cold start to the first question on a pty: app vs bare Textual app", "≤ 1.05×", "×"
    )
    sides = {
        "support-plan": lambda: time_to_text(
            [_support_plan(), "--no-save"], FIRST_APP_QUESTION, env, str(ROOT)
        ),
        "bare Textual app": lambda: time_to_text(
            [sys.executable, str(CHILDREN / "bare_app.py")], BARE_APP_TEXT, env, str(ROOT)
        ),
    }
    ratio = compare(result, interleave(sides, runs, warmup=2))
    return result.judge(ratio <= 1.05)


def bench_plain_start(runs: int, env: dict[str, str]) -> Result:
    """Budget 2: ``support-plan --plain`` against a questionary prompt: no slower."""
    result = Result(
        2, "`support-plan --plain` to its first question vs a questionary prompt", "≤ 0.80×", "×"
    )
    if importlib.util.find_spec("questionary") is None:
        return result.skip(
            "questionary is not installed in .venv (it is not a project dependency); "
            "'.venv/bin/pip install questionary' to measure this comparison"
        )
    instruction = first_plain_instruction()
    sides = {
        "support-plan --plain": lambda: time_to_text(
            [_support_plan(), "--plain", "--no-save"], instruction, env, str(ROOT)
        ),
        "questionary": lambda: time_to_text(
            [sys.executable, str(CHILDREN / "questionary_prompt.py")],
            FIRST_APP_QUESTION,
            env,
            str(ROOT),
        ),
    }
    ratio = compare(result, interleave(sides, runs, warmup=2))
    return result.judge(ratio <= 0.80)
