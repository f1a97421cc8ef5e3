"""The words every layout of the plan adds ("Source", "Weekly"), and the small helpers
they share to word titles, notes and times (kept apart so that :mod:`assistant.plan.render`
and the layouts it chooses from do not import each other)."""

from __future__ import annotations

from assistant.i18n import Translator
from assistant.money import messages as m
from assistant.plan.model import Note, Plan, SourceRef
from assistant.values import N_


class Labels:
    """The few words the layouts add ("Source", "Weekly"), in the plan's language."""

    def __init__(self, t: Translator) -> None:
        g = t.gettext
        self.t = t
        self.source = g(N_("Source"))
        self.sources = g(N_("Sources"))
        self.date = g(N_("Date"))
        self.language = g(N_("Language"))
        self.rates_year = g(N_("Money figures for the tax year"))
        self.contents = g(N_("Contents"))
        self.question = g(N_("Question"))
        self.answer = g(N_("Answer"))
        self.weekly = g(m.WEEKLY)
        self.yearly = g(m.YEARLY)
        self.per_hour = g(m.PER_HOUR)
        self.warnings = g(m.WARNINGS)
        self.assumptions = g(m.ASSUMPTIONS)
        self.offer = g(m.OFFER_HEADING)
        self.review_case = g(m.CASE_HEADING)
        self.request = g(m.REQUEST_HEADING)
        self.cost_line = g(N_("Cost"))
        self.notes = g(N_("Adviser notes (not part of the person's plan)"))
        self.note_at = g(N_("At step"))
        self.note_during = g(N_("While on"))
        self.adviser_copy = g(N_("Adviser's copy: it includes the adviser's notes."))
        self.unconfirmed = g(N_("(not yet confirmed)"))

    def short_text(self, source: SourceRef) -> str:
        """A short citation, marked when not yet confirmed."""
        text = source.short or source.text
        if not source.confirmed and self.unconfirmed not in text:
            text += " " + self.unconfirmed
        return text

    def dated(self, plan: Plan) -> str:
        """The plan's date, language and rates year on one line ("" for Easy Read, whose
        last section says when it was made in its own words)."""
        if plan.kind == "easy_read":
            return ""
        return " · ".join(
            f"{label}: {value}"
            for label, value in (
                (self.date, plan.created_text),
                (self.language, plan.language),
                (self.rates_year, plan.rates_year),
            )
        )

    def short_list(self, sources: tuple[SourceRef, ...]) -> str:
        """Short citations joined with "; ", each title said once: "Care Act 2014, section 9;
        section 11"."""
        parts: list[str] = []
        previous = ""
        for source in sources:
            text = self.short_text(source)
            title, comma, rest = text.partition(", ")
            parts.append(rest if comma and title == previous else text)
            previous = title if comma else ""
        return "; ".join(parts)

    def source_text(self, source: SourceRef) -> str:
        """A citation as one line; unconfirmed ones say so whatever the flow wrote."""
        text = source.text
        if not source.confirmed and self.unconfirmed not in text:
            text += " " + self.unconfirmed
        return text


def titled(title: str) -> str:
    """A title that runs into its text ends with a full stop, unless it has punctuation."""
    return title if not title or title[-1] in ".?!:" else title + "."


def note_place(note: Note, labels: Labels) -> str:
    """Where a note was made: "While on: <question>", or the step id when there is no text."""
    if note.question:
        return f"{labels.note_during}: {note.question}"
    return f"{labels.note_at} {note.step or '-'}"


def when(at: str) -> str:
    """An event time for people: "2026-11-22 13:21 UTC" from the log's ISO 8601 UTC time."""
    date, _, time = at.partition("T")
    return f"{date} {time[:5]} UTC" if time else at
