"""Plain-text summaries: the person's own, and the adviser's end-of-call summary.

The person's summary is built only from their answers. Adviser notes are read from the
event log in one place, :func:`adviser_notes`, and only the adviser's summary calls it,
so a note can never leak into what the person is shown or given.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assistant.engine.events import note_text
from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.ui.modes import MODES, Mode
from assistant.ui.text import answer_text, progress_text
from assistant.values import N_


def local_time(at: str) -> str:
    """An event time (ISO 8601, UTC) as local "YYYY-MM-DD HH:MM", as an adviser reads a clock."""
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return at
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def adviser_notes(session: Session) -> list[dict[str, str]]:
    """The adviser's notes, in order, from the event log (kept apart from the answers)."""
    return [
        {
            "text": note_text(event.value),
            "at": str(event.value.get("at", event.at))
            if isinstance(event.value, dict)
            else event.at,
        }
        for event in session.events
        if event.kind == "note"
    ]


def answer_lines(session: Session, t: Translator) -> list[str]:
    """Every answer, grouped under its section title, as "- question: answer" lines."""
    lines: list[str] = []
    section = None
    waiting = 0  # questions jumped over in this section: one line for them, not one each
    for item in session.review(not_asked=True):
        if item.section != section:
            lines += _not_asked_line(waiting, t)
            section, waiting = item.section, 0
            lines += ["", t.render(item.section_title)]
        if item.asked:
            lines.append(f"- {t.render(item.question)} {answer_text(item, t)}")
        else:
            waiting += 1
    lines += _not_asked_line(waiting, t)
    if not lines:
        lines = ["", t.gettext(N_("No questions have been answered yet."))]
    return lines


def _not_asked_line(count: int, t: Translator) -> list[str]:
    """ "- 10 questions not asked yet" for a section an adviser jumped over."""
    if not count:
        return []
    words = t.ngettext("{n} question not asked yet", "{n} questions not asked yet", count)
    return ["- " + words.replace("{n}", str(count))]


def _status(session: Session, t: Translator) -> str:
    if session.ended:
        return t.gettext(N_("The conversation is finished."))
    return t.gettext(N_("Not finished. It stopped at: {where}.")).format(
        where=progress_text(session.progress(), t)
    )


def adviser_summary(session: Session, t: Translator, mode: Mode, reference: str) -> str:
    """The end-of-call summary to paste into a helpline's case system, notes marked apart."""
    started = session.events[0].at if session.events else ""
    lines = [
        t.gettext(N_("Support plan conversation: end-of-call summary")),
        t.gettext(N_("Case reference: {reference}")).format(
            reference=reference or t.gettext(N_("none given"))
        ),
        t.gettext(N_("Completed by: {who}")).format(who=t.gettext(MODES[mode])),
        t.gettext(N_("Started: {time}")).format(time=local_time(started)),
        _status(session, t),
    ]
    lines += answer_lines(session, t)
    helps = sum(1 for e in session.events if e.kind == "help_opened")
    if helps:
        shown = t.ngettext(
            "Help now contacts were shown once.",
            "Help now contacts were shown {count} times.",
            helps,
        )
        lines += ["", shown.format(count=helps)]
    lines += call_lines(session, t)
    lines += ["", t.gettext(N_("ADVISER-ONLY NOTES (not part of the person's answers)"))]
    lines += [f"- {local_time(n['at'])} {n['text']}" for n in adviser_notes(session)] or [
        "- " + t.gettext(N_("No notes."))
    ]
    return "\n".join(lines)


def key_facts(session: Session, t: Translator, limit: int = 40) -> list[str]:
    """The live summary panel: one short line per answer so far, newest last."""
    facts: list[str] = []
    on_path = set(session.path)
    for item in session.review():
        if item.step in on_path:
            question = t.render(item.question)
            short = question if len(question) <= limit else question[: limit - 1] + "…"
            facts.append(f"{short} {answer_text(item, t)}")
    return facts


def call_lines(session: Session, t: Translator) -> list[str]:
    """The call's details as the adviser recorded them (F9, Call details), if they did."""
    from assistant.casework import details  # start-up: only for an adviser's summary

    call = details.recorded(session.events)
    shown = [
        (N_("How they got in touch: {value}"), details.CHANNELS.get(call.channel)),
        (N_("Who was calling: {value}"), details.CALLERS.get(call.caller)),
        (N_("Age band: {value}"), details.AGE_BANDS.get(call.age_band)),
        (N_("Outcome: {value}"), details.OUTCOMES.get(call.outcome)),
        (N_("Consent to share: {value}"), details.CONSENT.get(call.consent)),
    ]
    lines = [t.gettext(line).format(value=t.gettext(label)) for line, label in shown if label]
    if call.signposted:
        places = "; ".join(t.gettext(details.SIGNPOSTS[s]) for s in call.signposted)
        lines.append(t.gettext(N_("Signposted to: {value}")).format(value=places))
    if call.follow_ups:
        lines.append(t.gettext(N_("Follow-ups agreed: {value}")).format(value=call.follow_ups))
    return ["", t.gettext(N_("Call details")), *lines] if lines else []


def read_out(session: Session, t: Translator, rights: Any) -> str:
    """What to read to the caller now: the figure on screen (the cost check); else every
    explanation passed on the way to this question (on a call, all that "Tell the caller"
    shows, which at 80x24 may run past the panel's foot) and the explanation on screen,
    each under its title and with its source when it has one; else the right explained
    most recently; or a sentence saying there is none."""
    from assistant.engine.outputs import StepShown  # start-up: only when read out
    from assistant.plain.render import citation
    from assistant.plain.render import report as report_lines

    view = session.view()
    if isinstance(view, StepShown) and view.report is not None:
        lines = report_lines(view.report, t, structured=False)
        return "\n".join([*lines["summary"], "", *lines["lines"]]).strip()
    steps = session.bundle.steps
    told = [  # never the adviser's own notes (the flow marks them adviser-only)
        e
        for e in getattr(view, "before", ())
        if not (e.step in steps and steps[e.step].step.adviser_only)
    ]
    if isinstance(view, StepShown) and view.kind == "say" and not view.adviser_only:
        # An explanation on a screen of its own (on someone's behalf) is read out too,
        # after those above it: it was left out, its source with it (QA in tmux).
        told.append(view)
    if told:
        blocks = []
        for explained in told:
            title, text = t.render(explained.title), t.render(explained.text)
            sources = "; ".join(citation(session.bundle, c, t) for c in explained.citations)
            source = t.gettext(N_("Source: {source}")).replace("{source}", sources)
            blocks.append("\n".join(part for part in (title, text, sources and source) if part))
        return "\n\n".join(blocks)
    explained_so_far = rights.so_far(session, t)
    if explained_so_far:
        return str(explained_so_far[0])
    return t.gettext(N_("There is no right or figure on screen to read out yet."))
