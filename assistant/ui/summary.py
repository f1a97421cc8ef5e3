"""Plain-text summaries: the person's own, and the adviser's end-of-call summary.

The person's summary is built only from their answers. Adviser notes are read from the
event log in one place, :func:`adviser_notes`, and only the adviser's summary calls it,
so a note can never leak into what the person is shown or given.
"""

from __future__ import annotations

import datetime as dt

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
    for item in session.review():
        if item.section != section:
            section = item.section
            lines += ["", t.render(item.section_title)]
        lines.append(f"- {t.render(item.question)} {answer_text(item, t)}")
    if not lines:
        lines = ["", t.gettext(N_("No questions have been answered yet."))]
    return lines


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
