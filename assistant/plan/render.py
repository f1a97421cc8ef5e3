"""Lay out a :class:`Plan` in one of four formats; the plan is already translated.

- ``md``: Markdown, for editing, email and case notes.
- ``html``: one self-contained page (no network, no scripts), large print, prints on A4.
- ``txt``: plain text wrapped at 72 columns, for email and screen readers.
- ``json``: the plan's structure for an adviser's case system (schema in README.md).
"""

from __future__ import annotations

import msgspec

from assistant.i18n import Translator
from assistant.money import messages as m
from assistant.plan.model import Note, Plan, SourceRef
from assistant.values import N_


def render(plan: Plan, fmt: str, t: Translator) -> str:
    """``plan`` as text in ``fmt``; raises ValueError for an unknown format."""
    if fmt == "json":
        return to_json(plan)
    if fmt == "md":
        from assistant.plan.markdown import to_markdown

        return to_markdown(plan, Labels(t))
    if fmt == "txt":
        from assistant.plan.text import to_text

        return to_text(plan, Labels(t))
    if fmt == "html":
        from assistant.plan.html import to_html

        return to_html(plan, Labels(t))
    raise ValueError(f"unknown format '{fmt}': use md, html, txt or json")


def to_json(plan: Plan) -> str:
    """Pretty JSON (UTF-8, two-space indent) following ``plan.schema.json``."""
    return msgspec.json.format(msgspec.json.encode(plan), indent=2).decode("utf-8") + "\n"


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
