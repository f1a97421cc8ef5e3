"""Build the draft support plan from a session, in the reader's language.

:func:`build_plan` reads the answers on the person's path, the explanations they were
shown and the conclusions of :mod:`assistant.rules` and :mod:`assistant.money`, and lays
them out section by section (see :mod:`assistant.plan.layout`), with the appendix of
full explanations (:mod:`assistant.plan.appendix`) after them. It is pure: the date is
passed in (so the rates year is reproducible) and nothing is read from or written to disk
except the dated rate files.
"""

from __future__ import annotations

import datetime as dt

from assistant.engine.events import note_text
from assistant.engine.session import Session
from assistant.flow import model
from assistant.i18n import LOCALES, Translator
from assistant.plan import appendix as appendix_part
from assistant.plan import sections
from assistant.plan.found import Found, england_label, long_date, rates_year
from assistant.plan.layout import SectionLayout, layouts_for
from assistant.plan.model import BundleRef, Facts, Note, Plan, Section
from assistant.plan.parts import Reader
from assistant.values import N_


def build_plan(
    session: Session,
    t: Translator,
    *,
    today: dt.date | None = None,
    adviser: bool = False,
    appendix: bool = True,
) -> Plan:
    """The plan for ``session`` in ``t``'s language; adviser notes only if ``adviser``.

    ``appendix`` False leaves out "Your rights explained" (the plan names each right with
    its short citation either way). Long on purpose: it is one Plan(...) naming every
    field, which reads best in one place.
    """
    reader = Reader(session, t, adviser)
    day = today or dt.date.today()
    found = Found.gather(reader, day, appendix=appendix)
    built = [
        section
        for layout in layouts_for(reader.modules)
        if (section := _section(reader, found, layout)) is not None
    ]
    return Plan(
        title=plan_title(reader),
        subtitle=t.gettext(N_("Made with the Support Plan Assistant, to take to the council")),
        locale=t.locale,
        language=LOCALES.get(t.locale, t.locale),
        created=day.isoformat(),
        created_text=long_date(day, t),
        rates_year=rates_year(found),
        bundle=BundleRef(
            session.bundle.id, t.gettext(session.bundle.manifest.title), session.bundle.digest
        ),
        sections=tuple(built),
        appendix_title=t.gettext(appendix_part.TITLE) if appendix else "",
        appendix=appendix_part.appendix(reader, found) if appendix else (),
        facts=facts_of(reader, found),
        notes=_notes(reader) if adviser else None,
    )


def plan_title(reader: Reader) -> str:
    """The plan's title, with the name the person wants used if they gave one."""
    item = reader.visible("next_steps.name")
    if item is not None and isinstance(item.value, str) and item.value.strip():
        return reader.gettext(N_("My draft support plan: {name}"), name=item.value.strip())
    return reader.t.gettext(N_("My draft support plan"))


def facts_of(reader: Reader, found: Found) -> Facts:
    """The plan's outcomes as ids, for machines and the golden conversations."""
    result = found.eligibility
    return Facts(
        indication=result.indication if result else None,
        conditions=dict(result.conditions) if result else {},
        rights=tuple(item.id for item in found.rights),
        options=found.options,
        costs=found.cost_facts,
        answered_by=_text_or_none(reader.answers.get("getting_started.answering")),
        needs=found.hard,
        fluctuating=result.fluctuating if result else (),
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


def _section(reader: Reader, found: Found, layout: SectionLayout) -> Section | None:
    """One section, or None when it does not apply to this person."""
    if layout.module and layout.module not in reader.modules:
        return None
    if layout.when is not None and not sections.RELEVANT[layout.when](reader, found):
        return None
    if layout.build == "module_answers":
        blocks = sections.module_answers(reader, layout.module or "")
    else:
        blocks = sections.BUILDERS[layout.build](reader, found)
    if not blocks and not layout.always:
        return None
    label = england_label(reader, layout.module) if layout.england_law else []
    return Section(layout.id, _title(reader, layout), tuple([*label, *blocks]))


def _title(reader: Reader, layout: SectionLayout) -> str:
    if layout.title:
        return reader.t.gettext(layout.title)
    module = reader.session.bundle.modules[layout.module or ""]
    return reader.t.pgettext(f"{layout.module}.section", module.title)
