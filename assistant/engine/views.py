"""Build the engine's outputs (what to show, progress, review) from a session's state.

The views read a session through :class:`SessionState`, which
:class:`assistant.engine.session.Session` is, so this module needs nothing of the session's
own module (and the session can import the views).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence, Set
from typing import Any, Protocol

from assistant.engine.graph import Conversation, Graph
from assistant.engine.outputs import (
    ChoiceView,
    ConversationEnded,
    Explanation,
    Msg,
    Progress,
    Report,
    ReviewItem,
    StepShown,
)
from assistant.engine.progress import Estimate, estimate_ahead, is_screen
from assistant.flow import model
from assistant.flow.bundle import Bundle, resolve
from assistant.flow.checks import INTERFACE_PLACEHOLDERS, PLACEHOLDER
from assistant.flow.reports import REPORTS
from assistant.values import Value


class SessionState(Protocol):
    """What the views read of a session."""

    @property
    def bundle(self) -> Bundle:
        """The conversation's questions."""
        ...

    @property
    def graph(self) -> Graph:
        """The bundle's shared machine and progress tables."""
        ...

    @property
    def current(self) -> str:
        """The step in front of the person."""
        ...

    @property
    def answers(self) -> Mapping[str, Value]:
        """Every answer ever given, on the path or not."""
        ...

    @property
    def path_answers(self) -> Mapping[str, Value]:
        """The answers on the path, the only ones conditions and calculations see."""
        ...

    @property
    def path(self) -> Sequence[str]:
        """The steps walked to reach the current one."""
        ...

    @property
    def asked_sections(self) -> Sequence[str]:
        """The section of each question on the path before the current step."""
        ...

    @property
    def parts(self) -> Sequence[str]:
        """The module of each part met on the path, in order."""
        ...

    @property
    def kept_aside(self) -> Sequence[str]:
        """Answers left off the path by jumping back, still shown in review."""
        ...

    def not_asked(self) -> list[str]:
        """Questions jumped over that still have no answer."""
        ...

    @property
    def panels_information(self) -> bool:
        """An adviser-led call: explanations go beside the next question."""
        ...

    @property
    def estimate(self) -> Estimate:
        """The running estimate of the parts on the path (the views update it)."""
        ...

    @property
    def acknowledged(self) -> Set[str]:
        """The explanations the person has read."""
        ...

    def projection_model(self) -> Conversation:
        """A second model on the machine, for looking ahead without moving."""
        ...

    def progress(self) -> Progress:
        """Where the person is."""
        ...

    def continues_from(self) -> str | None:
        """The question whose screen the current one continues, if any."""
        ...


def message(session: SessionState, key: str, text: str | None) -> Msg | None:
    """A flow text as a message: context is the step key; placeholders become parameters."""
    if not text:
        return None
    module = key.split(".", 1)[0]
    params: dict[str, Any] = {}
    if "{" in text:
        for name in PLACEHOLDER.findall(text):
            if name in INTERFACE_PLACEHOLDERS:  # the front end's own words, filled when shown
                continue
            ref = resolve(name, module)
            params[name] = answer_param(session, ref, session.answers.get(ref))
    return Msg(text, key, params)


def answer_param(session: SessionState, key: str, value: Value | None) -> Any:
    """An answer ready for a message: choice values become their (translatable) labels."""
    step = session.bundle.steps[key].step if key in session.bundle.steps else None
    if isinstance(step, model.Ask) and step.type in ("choice", "multi"):
        labels = {c.value: Msg(c.label, key) for c in step.choices}
        if isinstance(value, str):
            return labels.get(value, value)
        if isinstance(value, tuple):
            return tuple(labels.get(v, v) for v in value)
    return value


def _choices(session: SessionState, key: str, step: model.Ask) -> tuple[ChoiceView, ...]:
    return tuple(
        ChoiceView(c.value, Msg(c.label, key), message(session, key, c.help)) for c in step.choices
    )


def current_view(session: SessionState) -> StepShown | ConversationEnded:
    """What the person should see now."""
    key = session.current
    step = session.bundle.steps[key].step
    progress = session.progress()
    if isinstance(step, model.End):
        return ConversationEnded(key, message(session, key, step.text), progress, _before(session))
    common: dict[str, Any] = {
        "step": key,
        "progress": progress,
        "why": message(session, key, step.why),
        "citations": step.cite,
        "sensitive": step.sensitive,
        "adviser_only": step.adviser_only,
        "more": message(session, key, step.more)
        if isinstance(step, model.Say | model.Ask)
        else None,
    }
    if isinstance(step, model.Ask):
        common["follow_up"] = _follow_up(session, key, step, progress)
        common["continues"] = session.continues_from()
        return _ask_view(session, key, step, common)
    assert isinstance(step, model.Say)
    return _say_view(session, key, step, common)


def _ask_view(
    session: SessionState,
    key: str,
    step: model.Ask,
    common: dict[str, Any],
    *,
    before: bool = True,
) -> StepShown:
    return StepShown(
        kind="ask",
        text=message(session, key, step.text) or Msg("", key),
        answer_type=step.type,
        choices=_choices(session, key, step),
        minimum=step.min,
        maximum=step.max,
        unit=message(session, key, step.unit),
        halves=step.halves,
        allow_unknown=step.allow_unknown,
        allow_decline=step.allow_decline,
        optional=step.optional,
        current=session.answers.get(key),
        before=_before(session) if before else (),
        **common,
    )


def _follow_up(
    session: SessionState, key: str, step: model.Ask, progress: Progress
) -> StepShown | None:
    """The question asked on the same screen after ``step`` (``with_next``), as its own view:
    the checker makes sure the step after a paired question is always that question."""
    if not step.with_next:
        return None
    target = session.bundle.steps[key].edges[0].target
    follow = session.bundle.steps[target].step
    if not isinstance(follow, model.Ask):  # pragma: no cover - the checker forbids it
        return None
    common: dict[str, Any] = {
        "step": target,
        "progress": progress,
        "why": message(session, target, follow.why),
        "citations": follow.cite,
        "sensitive": follow.sensitive,
        "adviser_only": follow.adviser_only,
        "more": message(session, target, follow.more),
    }
    return _ask_view(session, target, follow, common, before=False)


def _before(session: SessionState) -> tuple[Explanation, ...]:
    """The explanations passed on the way to the current screen (or the end), shown with it:
    those marked ``with_next``, and in an adviser-led call every one without a screen."""
    found: list[Explanation] = []
    panels = session.panels_information
    for key in reversed(session.path[:-1]):
        step = session.bundle.steps[key].step
        if isinstance(step, model.Say) and not is_screen(step, panels=panels):
            found.append(
                Explanation(
                    key,
                    message(session, key, step.text) or Msg("", key),
                    message(session, key, step.title),
                    message(session, key, step.more),
                    step.cite,
                )
            )
        elif not isinstance(step, model.Branch | model.Link):
            break
    return tuple(reversed(found))


def _say_view(
    session: SessionState, key: str, step: model.Say, common: dict[str, Any]
) -> StepShown:
    if step.show:
        spec = REPORTS[step.show]
        common["report"] = Report(step.show, spec.compute(session.path_answers, dt.date.today()))
    return StepShown(
        kind="say",
        text=message(session, key, step.text) or Msg("", key),
        title=message(session, key, step.title),
        before=_before(session),
        **common,
    )


def progress(session: SessionState) -> Progress:
    """Step k of n over the parts of this person's path (see :mod:`assistant.engine.progress`)."""
    bundle = session.bundle
    key = session.current
    info = bundle.steps[key]
    tables = session.graph.tables
    module = bundle.modules[info.module]
    met = len(session.parts)
    question = isinstance(info.step, model.Ask)
    total, grew = met, False  # at an end, the count is exact
    if not isinstance(info.step, model.End):
        total, grew = _estimate(session, key, met, question)
    return Progress(
        section=info.module,
        section_title=Msg(module.title, f"{info.module}.section"),
        step=met,
        steps=total,
        answered=len(session.asked_sections),
        remaining_at_least=tables.least[key],
        remaining_at_most=tables.most[key],
        question=question,
        grew=grew,
    )


def _estimate(session: SessionState, key: str, met: int, question: bool) -> tuple[int, bool]:
    """The total, worked out on entering a part; grew: the first question after a rise.

    Before any answer nothing is known about the person's path, so there is no total (0)
    yet: the first answers (what they want to plan) can change it by half.
    """
    est = session.estimate
    if not session.path_answers:
        return 0, False
    if est.total is None or est.met != met:
        tables = session.graph.tables
        total = met + estimate_ahead(session.bundle, tables.parts, key, session.path_answers)
        est.grew_pending = est.grew_pending or (est.total is not None and total > est.total)
        est.met, est.total = met, total
    if est.grew_pending and question:
        est.grew_pending, est.grew_at = False, key
    return est.total, est.grew_at == key


def review(
    session: SessionState, *, not_asked: bool = False, aside: bool = True
) -> list[ReviewItem]:
    """The answers along the path, then along the way ahead as far as answers already reach.

    After jumping about (:mod:`assistant.engine.navigation`) answers left aside are listed
    too (unless ``aside`` is False: the plan keeps to the path), and with ``not_asked`` the
    questions jumped over (``asked`` False, no value), all in the bundle's order.
    """
    keys = [
        key
        for key in _projected_path(session)
        if isinstance(session.bundle.steps[key].step, model.Ask) and key in session.answers
    ]
    extra = [k for k in session.kept_aside if aside and k in session.answers and k not in keys]
    extra += session.not_asked() if not_asked else []
    if extra:
        order = {key: index for index, key in enumerate(session.bundle.steps)}
        keys = sorted({*keys, *extra}, key=order.__getitem__)
    items: list[ReviewItem] = []
    for key in keys:
        info = session.bundle.steps[key]
        step = info.step
        if not isinstance(step, model.Ask):
            continue
        section = session.bundle.sections[session.bundle.section_index(info.section)]
        items.append(
            ReviewItem(
                step=key,
                question=message(session, key, step.text) or Msg("", key),
                section=info.section,
                section_title=Msg(section.title, f"{section.module}.section"),
                answer_type=step.type,
                value=session.answers.get(key, ""),
                choices=_choices(session, key, step),
                sensitive=step.sensitive,
                adviser_only=step.adviser_only,
                asked=key in session.answers,
            )
        )
    return items


def _projected_path(session: SessionState) -> list[str]:
    """The path so far, followed forward through steps that already have answers.

    The walk uses the session's own scratch model, added to the machine once: adding a
    model makes transitions attach a method per state, milliseconds on a 300-step flow.
    """
    machine = session.graph.machine
    scratch = session.projection_model()
    scratch.env = dict(session.path_answers)
    machine.set_state(session.current, model=scratch)
    path = list(session.path)
    panels = session.panels_information
    while True:
        key = scratch.state
        step = session.bundle.steps[key].step
        if isinstance(step, model.Ask) and key in session.answers:
            scratch.env[key] = session.answers[key]
        elif not (
            isinstance(step, model.Branch | model.Link)
            or (
                isinstance(step, model.Say)
                and (key in session.acknowledged or not is_screen(step, panels=panels))
            )
        ):
            break
        scratch.advance()
        path.append(scratch.state)
    return path
