"""Build the draft support plan from a session, in the reader's language.

:func:`build_plan` reads the answers on the person's path, the explanations they were
shown and the conclusions of :mod:`assistant.rules` and :mod:`assistant.money`, and lays
them out section by section (see :mod:`assistant.plan.layout`). It is pure: the date is
passed in (so the rates year is reproducible) and nothing is read from or written to disk
except the dated rate files.
"""

from __future__ import annotations

import datetime as dt

from assistant.engine.events import note_text
from assistant.engine.session import Session
from assistant.flow import model
from assistant.i18n import LOCALES, Translator
from assistant.plan import sections
from assistant.plan.layout import SectionLayout, layouts_for
from assistant.plan.model import (
    Answers,
    Block,
    BundleRef,
    Facts,
    Items,
    Note,
    Plan,
    Section,
)
from assistant.plan.parts import Reader
from assistant.values import N_


def build_plan(
    session: Session,
    t: Translator,
    *,
    today: dt.date | None = None,
    adviser: bool = False,
) -> Plan:
    """The plan for ``session`` in ``t``'s language; adviser notes only if ``adviser``.

    Long on purpose: it is one Plan(...) naming every field, which reads best in one place.
    """
    reader = Reader(session, t, adviser)
    day = today or dt.date.today()
    found = sections.Found.gather(reader, day)
    built = [
        section
        for layout in layouts_for(reader.modules)
        if (section := _section(reader, found, layout)) is not None
    ]
    return Plan(
        title=t.gettext(N_("My draft support plan")),
        subtitle=t.gettext(N_("Made with the Support Plan Assistant, to take to the council")),
        locale=t.locale,
        language=LOCALES.get(t.locale, t.locale),
        created=day.isoformat(),
        created_text=sections.long_date(day, t),
        rates_year=sections.rates_year(found),
        bundle=BundleRef(
            session.bundle.id, t.gettext(session.bundle.manifest.title), session.bundle.digest
        ),
        sections=tuple(built),
        facts=Facts(
            indication=found.eligibility.indication if found.eligibility else None,
            conditions=dict(found.eligibility.conditions) if found.eligibility else {},
            rights=tuple(item.id for item in found.rights),
            options=found.options,
            costs=found.cost_facts,
            answered_by=_text_or_none(reader.answers.get("getting_started.answering")),
        ),
        notes=_notes(reader) if adviser else None,
    )


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _notes(reader: Reader) -> tuple[Note, ...]:
    """The adviser's notes, in order, each with the question it was made at."""
    return tuple(
        Note(event.at, event.step, note_text(event.value), _shown_at(reader, event.step))
        for event in reader.session.events
        if event.kind == "note"
    )


def _shown_at(reader: Reader, key: str | None) -> str:
    """What the person saw at step ``key``: a question's text, or an explanation's title."""
    info = reader.session.bundle.steps.get(key or "")
    step = info.step if info is not None else None
    if isinstance(step, model.Ask):
        shown: str | None = step.text
    elif isinstance(step, model.Say):
        shown = step.title or step.text
    else:
        return ""
    return reader.render(key or "", shown) if shown else ""


def _section(reader: Reader, found: sections.Found, layout: SectionLayout) -> Section | None:
    """One section, or None when it does not apply to this person."""
    if layout.module and layout.module not in reader.modules and not layout.always:
        return None
    if layout.when is not None and not sections.RELEVANT[layout.when](reader, found):
        return None
    extra = sections.BUILDERS[layout.extra](reader, found) if layout.extra else []
    explained, last = _explanations(reader, layout)
    blocks = [*_answers(reader, layout)]
    label = sections.england_label(reader, layout.module) if layout.england_law else []
    blocks += [*extra, *explained] if layout.extra_first else [*explained, *extra]
    blocks += last
    if not blocks and not layout.always:
        return None
    return Section(layout.id, _title(reader, layout), tuple([*label, *blocks]))


def _title(reader: Reader, layout: SectionLayout) -> str:
    if layout.title:
        return reader.t.gettext(layout.title)
    module = reader.session.bundle.modules[layout.module or ""]
    return reader.t.pgettext(f"{layout.module}.section", module.title)


def _answers(reader: Reader, layout: SectionLayout) -> list[Block]:
    module = layout.module
    if module is None or module not in reader.modules or layout.answers == "none":
        return []
    if layout.answers == "quotes":
        return list(reader.quotes(module))
    if layout.answers == "outcomes":
        return sections.outcomes(reader)
    rows = reader.rows(module)
    return [Answers(tuple(rows))] if rows else []


def _explanations(reader: Reader, layout: SectionLayout) -> tuple[list[Block], list[Block]]:
    """The section's explanations: those in their usual place, and those named in ``last``."""
    module = layout.module
    if module is None or module not in reader.modules or layout.explain == "none":
        return [], []
    after = reader.last_question(module) if layout.explain == "results" else None
    if layout.explain == "results" and after is None:
        return [], []
    items = reader.explanations(module, also=layout.also, after=after)
    items = [item for item in items if item.id not in sections.SHOWN_ELSEWHERE.get(module, ())]
    last = [item for item in items if item.id in layout.last]
    items = [item for item in items if item.id not in layout.last]
    tail: list[Block] = [Items(tuple(last))] if last else []
    if not layout.checklist:
        return ([Items(tuple(items))] if items else []), tail
    duties = [item for item in items if item.id.startswith(layout.checklist)]
    others = [item for item in items if not item.id.startswith(layout.checklist)]
    blocks: list[Block] = [Items(tuple(others))] if others else []
    return (blocks + [Items(tuple(duties), checklist=True)] if duties else blocks), tail
