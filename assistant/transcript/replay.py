"""Replay golden conversations through the engine and explain every difference.

Each turn's input goes to a fresh :class:`Session` exactly as a front end would send it.
After each turn the step reached, the message context, the pinned English wording and the
rendered text are compared with what the golden file expects. A wrong step stops the
replay (everything after it would differ too); wording differences are all collected, so
one copy edit shows every transcript line it touches. At the end the plan is built and its
outcome (indication, rights, options, cost lines) is compared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.engine.outputs import (
    AnswerRejected,
    ConversationEnded,
    HelpShown,
    Msg,
    Notice,
    Output,
    StepShown,
)
from assistant.engine.session import Session
from assistant.flow import model
from assistant.flow.bundle import Bundle
from assistant.flow.loading import load_bundle
from assistant.flow.problems import FlowError
from assistant.i18n import MissingCatalog, Translator, translator_for
from assistant.safety import help_content
from assistant.transcript.failures import Failure
from assistant.transcript.golden import Golden, GoldenError, Turn, load_golden
from assistant.transcript.outcome import compare_outcome


@dataclass
class Result:
    """The outcome of replaying one golden file."""

    display: str
    title: str = ""
    failures: list[Failure] = field(default_factory=list)
    turns: int = 0

    @property
    def passed(self) -> bool:
        """True when nothing differed."""
        return not self.failures

    def report(self) -> str:
        """PASS, or FAIL with every difference."""
        if self.passed:
            return f"PASS {self.display} ({self.turns} turns)"
        lines = [f"FAIL {self.display}" + (f": {self.title}" if self.title else "")]
        return "\n".join(lines + [f.render(self.display) for f in self.failures])


BundleLoader = Callable[[str], Bundle]


def bundle_loader(flows: Path) -> BundleLoader:
    """Load bundles by name from ``flows``, each once."""
    cache: dict[str, Bundle] = {}

    def load(name: str) -> Bundle:
        if name not in cache:
            cache[name] = load_bundle(flows / name)
        return cache[name]

    return load


def replay_file(path: Path, load: BundleLoader, display: str | None = None) -> Result:
    """Load and replay one golden file; problems in the file itself are failures too."""
    shown = display or str(path)
    try:
        golden = load_golden(path, shown)
    except GoldenError as error:
        return Result(shown, failures=[_problem(p) for p in error.problems])
    return replay(golden, load)


def _problem(problem: Any) -> Failure:
    return Failure(problem.line, "the file", f"{problem.message} Fix: {problem.fix}")


def replay(golden: Golden, load: BundleLoader) -> Result:
    """Replay ``golden`` through a fresh session and compare everything it asserts."""
    result = Result(golden.display, golden.title, turns=len(golden.turns))
    try:
        bundle = load(golden.bundle)
        t = translator_for(golden.locale)
    except (FlowError, OSError, MissingCatalog) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        result.failures.append(Failure(1, "setting up", f"cannot load: {first}"))
        return result
    session = Session(bundle, clock=_clock(golden))
    try:
        _run(golden, session, t, result)
    finally:
        session.close()
    return result


def _clock(golden: Golden) -> Callable[[], str]:
    """A fixed clock: one second per event from 09:00 UTC on the golden's date."""
    ticks = iter(range(10**9))

    def clock() -> str:
        n = next(ticks)
        return (
            f"{golden.date.isoformat()}T{9 + n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}+00:00"
        )

    return clock


def _run(golden: Golden, session: Session, t: Translator, result: Result) -> None:
    outputs = session.start()
    turns = list(golden.turns)
    if turns and turns[0].action == "start":
        result.failures += check_turn(turns.pop(0), 0, session, outputs, t)
    for number, turn in enumerate(turns, start=len(golden.turns) - len(turns) + 1):
        if turn.action == "language":
            t = _language(turn, t, result)
        failures = check_turn(turn, number, session, apply(session, turn), t)
        result.failures += failures
        if any(f.what.startswith(STOPPERS) for f in failures):
            result.failures.append(Failure(turn.line, f"turn {number}", "replay stopped here"))
            return
    result.failures += compare_outcome(golden, session, t)


#: Differences after which the rest of the conversation cannot be compared.
STOPPERS = ("the step reached", "the answer was refused", "the answer was accepted")


def _language(turn: Turn, t: Translator, result: Result) -> Translator:
    try:
        return translator_for(str(turn.value))
    except MissingCatalog as error:
        result.failures.append(Failure(turn.line, "language", str(error)))
        return t


def apply(session: Session, turn: Turn) -> list[Output]:
    """Send one turn's input to the session, as a front end would."""
    action, value = turn.action, turn.value
    commands: dict[str, Callable[[], list[Output]]] = {
        "start": session.start,
        "answer": lambda: session.answer(tuple(value) if isinstance(value, list) else value),
        "next": session.answer,
        "read_to": lambda: read_to(session, str(value)),
        "back": session.back,
        "edit": lambda: session.edit(str(value)),
        "help_now": session.help_now,
        "pause": session.pause,
        "resume": session.resume,
        "dont_know": session.dont_know,
        "decline": session.decline,
    }
    if action in ("note", "language"):
        session.record("note" if action == "note" else "language_changed", value)
        return []
    return commands[action]()


def read_to(session: Session, target: str) -> list[Output]:
    """Press Enter through explanations until ``target`` is shown (or a question stops us)."""
    outputs: list[Output] = []
    for _ in range(len(session.bundle.steps)):
        step = session.bundle.steps[session.current].step
        if session.current == target or not isinstance(step, model.Say):
            break
        outputs = session.answer()
    return outputs


def main_output(outputs: list[Output]) -> Output | None:
    """The output a person would be looking at after the turn."""
    shown = [
        o
        for o in outputs
        if isinstance(o, StepShown | ConversationEnded | HelpShown | AnswerRejected | Notice)
    ]
    return shown[-1] if shown else None


def message_of(output: Output | None) -> tuple[str | None, Msg | None]:
    """The context and message of an output: what ``ctx``, ``id`` and ``text`` compare."""
    if isinstance(output, StepShown):
        return output.step, output.text
    if isinstance(output, ConversationEnded):
        return output.step, output.text
    if isinstance(output, HelpShown):
        return "help_now", Msg(help_content().title, "help_now")
    if isinstance(output, AnswerRejected):
        return None, output.message
    if isinstance(output, Notice):
        return None, output.message
    return None, None


def check_turn(
    turn: Turn, number: int, session: Session, outputs: list[Output], t: Translator
) -> list[Failure]:
    """Every difference between what ``turn`` expects and what the session did."""
    where = f"turn {number} ({turn.describe()})"
    output = main_output(outputs)
    checks = dict(turn.checks)
    if turn.action == "read_to":
        checks.setdefault("state", turn.value)
    failures = _check_rejected(turn, where, output, t)
    if "state" in checks and checks["state"] != session.current:
        failures.append(
            Failure(turn.line, where, "the step reached differs", checks["state"], session.current)
        )
    if "before" in checks:
        shown = (
            [e.step for e in output.before]
            if isinstance(output, StepShown | ConversationEnded)
            else []
        )
        if checks["before"] != shown:
            failures.append(
                Failure(
                    turn.line,
                    where,
                    "the explanations shown with the question (before) differ",
                    "\n".join(checks["before"]),
                    "\n".join(shown),
                )
            )
    return failures + _check_message(turn.line, where, checks, output, session, t)


def _check_message(
    line: int,
    where: str,
    checks: dict[str, Any],
    output: Output | None,
    session: Session,
    t: Translator,
) -> list[Failure]:
    """The ``ctx``, ``id`` and ``text`` checks against the message on the screen."""
    ctx, msg = message_of(output)
    at = ctx or session.current
    shown = {
        "ctx": ("the message context (ctx) differs", ctx),
        "id": (f"the English wording (id) changed at {at}", msg.id if msg else None),
        "text": (f"the text shown in {t.locale} changed at {at}", t.render(msg) if msg else None),
    }
    return [
        Failure(line, where, what, checks[key], actual)
        for key, (what, actual) in shown.items()
        if key in checks and checks[key] != actual
    ]


def _check_rejected(turn: Turn, where: str, output: Output | None, t: Translator) -> list[Failure]:
    expected = turn.checks.get("rejected")
    if isinstance(output, AnswerRejected):
        if expected is None:
            return [
                Failure(turn.line, where, "the answer was refused", None, t.render(output.message))
            ]
        if isinstance(expected, str) and expected != output.message.id:
            return [
                Failure(
                    turn.line, where, "a different refusal was given", expected, output.message.id
                )
            ]
        return []
    if expected is not None:
        return [Failure(turn.line, where, "the answer was accepted, but a refusal was expected")]
    return []
