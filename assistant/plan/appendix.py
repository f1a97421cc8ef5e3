"""The appendix "Your rights explained": the full explanations behind the plan.

The plan itself names each right once with a short citation; this appendix has the
explanations the person was shown, in full, with their sources and addresses: the
rights, then each part of the conversation (carers, money, managing a budget, employing a
PA, mental health, complaints), then the urgent help contacts. A person can leave it out
when printing or sharing their plan.
"""

from __future__ import annotations

from assistant.plan import costs, ending, person
from assistant.plan.contingency import contact_items
from assistant.plan.found import Found, england_label
from assistant.plan.model import Block, Item, Items, Paragraph, Section
from assistant.plan.parts import Reader
from assistant.values import N_

TITLE = N_("Your rights explained")
INTRO = N_(
    "This part explains in full the rights and rules named in your plan, with their sources. You can leave it out when you print or share your plan."
)

COSTS_TITLE = N_("What the PA cost table is based on")

#: The modules whose explanations the appendix gives in full, in this order.
MODULES = ("mental_health", "carers", "money", "managing_budget", "employing_pa", "next_steps")

#: Explanations the plan itself already gives in full, so the appendix does not repeat them.
IN_THE_PLAN: dict[str, tuple[str, ...]] = {}


def appendix(reader: Reader, found: Found) -> tuple[Section, ...]:
    """The appendix's sections: the rights first, then each part's explanations."""
    t = reader.t
    sections = []
    intro: list[Block] = [Paragraph(t.gettext(INTRO))]
    needs = person.conditions(reader, found)
    if needs:
        title = t.gettext(person.CONDITIONS_TITLE)
        sections.append(Section("appendix_needs", title, (*intro, *needs)))
        intro = []
    if found.rights:
        sections.append(
            Section(
                "appendix_rights", t.gettext(N_("My rights")), (*intro, Items(tuple(found.rights)))
            )
        )
        intro = []
    for module in MODULES:
        if module not in reader.modules:
            continue
        skip = IN_THE_PLAN.get(module, ())
        items = [i for i in reader.explanations(module) if i.id not in skip]
        if not items:
            continue
        duties = tuple(i for i in items if i.id.startswith("duty_"))
        others = tuple(i for i in items if not i.id.startswith("duty_"))
        blocks: list[Block] = [*intro, *england_label(reader, module)]
        blocks += [Items(others)] if others else []
        blocks += [Items(duties, checklist=True)] if duties else []
        sections.append(Section(f"appendix_{module}", _title(reader, module), tuple(blocks)))
        intro = []
    asks = ending.more_questions(reader, found)
    if asks:
        title = t.gettext(N_("Other questions to ask the council"))
        sections.append(Section("appendix_questions", title, (*intro, *asks)))
        intro = []
    if found.costs is not None:
        lines = costs.cost_assumptions(reader, found.costs[0])
        listed = Items(tuple(Item(f"assumption_{n}", "", line) for n, line in enumerate(lines)))
        title = t.gettext(COSTS_TITLE)
        sections.append(Section("appendix_costs", title, (*intro, listed)))
        intro = []
    urgent = Items(contact_items(reader))
    sections.append(
        Section("appendix_urgent", t.gettext(N_("Urgent help and safety")), (*intro, urgent))
    )
    return tuple(sections)


def _title(reader: Reader, module: str) -> str:
    title = reader.session.bundle.modules[module].title
    return reader.t.pgettext(f"{module}.section", title)
