"""Draft a golden conversation from its inputs: ``python -m assistant.transcript.draft FILE``.

Writing every expected step by hand is slow and error-prone. An author writes a golden
file with the inputs only (answers and commands, no checks); the drafter runs them
through the engine, presses Enter through explanations before each answer (as
``read_to`` turns), and prints the file again with the step reached after every turn and
the outcome the plan gives. The author then **reads the result and the plan** before
committing it: a draft records what the engine does, not what it should do.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from assistant.engine.outputs import AnswerRejected, ConversationEnded, Output, StepShown
from assistant.engine.session import Session
from assistant.flow import model
from assistant.i18n import Translator, translator_for
from assistant.paths import flows_dir
from assistant.plan.model import Plan
from assistant.transcript.golden import Golden, GoldenError, Turn, load_golden
from assistant.transcript.outcome import plan_for
from assistant.transcript.replay import apply, bundle_loader, main_output, message_of

_NEEDS_QUESTION = ("answer", "dont_know", "decline")


def draft(golden: Golden, flows: Path) -> dict[str, Any]:
    """The golden's inputs with the steps they reach and the outcome, as YAML-ready data."""
    bundle = bundle_loader(flows)(golden.bundle)
    t = translator_for(golden.locale)
    session = Session(bundle)
    session.start()
    turns: list[dict[str, Any]] = [{"start": None, "state": session.current}]
    for turn in golden.turns:
        if turn.action == "start":
            continue
        if turn.action in _NEEDS_QUESTION and isinstance(_step(session), model.Say):
            target = _next_question(session)
            apply(session, Turn(turn.line, "read_to", target, {}))
            turns.append({"read_to": session.current})
        outputs = apply(session, turn)
        if any(isinstance(o, AnswerRejected) for o in outputs):
            print(f"line {turn.line}: the answer was refused at {session.current}", file=sys.stderr)
        turns.append(
            {turn.action: _value(turn), "state": session.current, **_pins(turn, outputs, t)}
        )
    if isinstance(_step(session), model.Say):  # read on to the end, as a person would
        apply(session, Turn(0, "read_to", _next_question(session), {}))
        turns.append({"read_to": session.current})
    plan = plan_for(golden, session, t, adviser=True)
    session.close()
    head: dict[str, Any] = {"title": golden.title, "persona": golden.persona}
    head |= {"bundle": golden.bundle, "locale": golden.locale, "date": golden.date}
    return {**head, "turns": turns, "outcome": _outcome(plan, session.current)}


def _outcome(plan: Plan, state: str) -> dict[str, Any]:
    """The ``outcome`` block: where the conversation ended and what the plan found."""
    facts = plan.facts
    return {
        "state": state,
        "indication": facts.indication or "none",
        "rights": list(facts.rights),
        "options": list(facts.options),
        "costs": _costs(facts.costs),
        "sections": [s.id for s in plan.sections],
        "notes": len(plan.notes or ()),
    }


def _pins(turn: Turn, outputs: list[Output], t: Translator) -> dict[str, Any]:
    """Keep the author's ctx, id and text checks, filling in any written as a question mark."""
    output = main_output(outputs)
    ctx, msg = message_of(output)
    shown = {"ctx": ctx, "id": msg.id if msg else None, "text": t.render(msg) if msg else None}
    kept = {key: turn.checks[key] for key in ("ctx", "id", "text") if key in turn.checks}
    pins: dict[str, Any] = {k: shown[k] if v == "?" else v for k, v in kept.items()}
    if (
        isinstance(output, StepShown | ConversationEnded) and output.before
    ):  # what the answer meant, shown with it
        pins["before"] = [e.step for e in output.before]
    return pins


def _step(session: Session) -> model.Step:
    return session.bundle.steps[session.current].step


def _next_question(session: Session) -> str:
    """Where pressing Enter through the explanations from here would stop."""
    scratch = Session.replay(session.bundle, session.events)
    try:
        while isinstance(_step(scratch), model.Say):
            scratch.answer()
        return scratch.current
    finally:
        scratch.close()


def _value(turn: Turn) -> Any:
    return None if turn.action in ("next", "back", "help_now", "pause", "resume") else turn.value


def _costs(costs: Any) -> Any:
    if costs is None:
        return "none"
    data = {
        "lines": dict(costs.lines),
        "total_weekly": costs.total_weekly,
        "per_hour": costs.per_hour,
    }
    if costs.shortfall_weekly is not None:
        data["shortfall_weekly"] = costs.shortfall_weekly
    return data


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as the hand-written goldens do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _flow_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    """Short lists of plain values on one line: ``[washing, meals]``."""
    flow = all(isinstance(item, str | int | float) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _flow_list)


def main(argv: list[str]) -> int:
    """Print the drafted golden for each file named."""
    for name in argv:
        try:
            golden = load_golden(Path(name))
        except GoldenError as error:
            print(error, file=sys.stderr)
            return 1
        data = draft(golden, flows_dir())
        text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
        sys.stdout.write(text.replace(": null\n", ":\n"))
    return 0


if __name__ == "__main__":  # pragma: no cover - a developer tool
    raise SystemExit(main(sys.argv[1:]))
