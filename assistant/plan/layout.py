"""Which parts of the conversation go into which section of the plan.

The plan's sections are fixed (the person, then their life, then money, rights and next
steps). Each one draws on one module of the bundle: its answers, the explanations the
person was shown there, and sometimes a computed part (the eligibility indication, the
budget options, the PA cost table). A bundle with other modules (such as the example)
still gets a plan: each unknown module becomes a section of its own answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assistant.values import N_

AnswersMode = Literal["rows", "quotes", "outcomes", "none"]
ExplainMode = Literal["cited", "results", "none"]


@dataclass(frozen=True)
class SectionLayout:
    """How one section of the plan is made.

    ``answers``: "rows" (question and answer), "quotes" (their own words), "outcomes"
    (the ten eligibility outcomes with how they struggle) or "none". ``explain``: the
    cited explanations shown in the module ("cited"), only those after its last question
    ("results": the conclusions, not the introductions), or "none"; ``also`` names
    uncited explanations worth keeping; explanations whose step id starts with ``checklist``
    (the PA duties, ``duty_...``) are shown as a checklist to tick. ``extra`` names a computed part, placed before
    the explanations when ``extra_first``. Explanations named in ``last`` go at the very end
    (what to do when the offered rate is too low reads after the cost table that shows it).
    ``when`` names a relevance test. A section
    with nothing in it is left out unless ``always``. ``england_law`` marks a section that
    states the law in England: for someone who lives elsewhere it opens with the module's
    own reminder that this is England's rules (its ``not_england`` step).
    """

    id: str
    title: str
    module: str | None = None
    answers: AnswersMode = "rows"
    explain: ExplainMode = "cited"
    also: tuple[str, ...] = ()
    checklist: str = ""
    extra: str | None = None
    extra_first: bool = False
    last: tuple[str, ...] = ()
    when: str | None = None
    always: bool = False
    england_law: bool = False


#: The sections of the plan, in order. Modules are the England bundle's.
SECTIONS: tuple[SectionLayout, ...] = (
    SectionLayout(
        "urgent_help",
        N_("If you need help now"),
        answers="none",
        explain="none",
        extra="urgent",
        when="crisis",
    ),
    SectionLayout(
        "about_me", N_("About me"), "getting_started", explain="none", extra="jurisdiction"
    ),
    SectionLayout("what_matters", N_("What matters to me"), "what_matters", "quotes", "none"),
    SectionLayout(
        "day_to_day",
        N_("My day-to-day life"),
        "day_to_day",
        "outcomes",
        "results",
        extra="eligibility",
        extra_first=True,
        england_law=True,
    ),
    SectionLayout(
        "mental_health",
        N_("Mental health, decisions and after-care"),
        "mental_health",
        when="mental_health",
        england_law=True,
    ),
    SectionLayout("carers", N_("Carers"), "carers", england_law=True),
    SectionLayout("money", N_("Money: what is free and what to expect"), "money", england_law=True),
    SectionLayout(
        "budget",
        N_("How I'd like my budget managed, and why"),
        "managing_budget",
        explain="none",
        extra="options",
        england_law=True,
    ),
    SectionLayout(
        "employing_pa",
        N_("If I employ a personal assistant"),
        "employing_pa",
        checklist="duty_",
        extra="costs",
        last=("top_up",),
        when="employing_pa",
        england_law=True,
    ),
    SectionLayout("rights", N_("My rights"), "rights", "none", "none", extra="rights", always=True),
    SectionLayout(
        "questions",
        N_("Questions to ask the council"),
        answers="none",
        explain="none",
        extra="questions",
        always=True,
    ),
    SectionLayout(
        "next_steps",
        N_("Next steps and contacts"),
        "next_steps",
        answers="none",
        also=("ask_tip", "not_england"),
        extra="contacts",
        always=True,
    ),
    SectionLayout(
        "about_plan",
        N_("About this document"),
        answers="none",
        explain="none",
        extra="about",
        always=True,
    ),
)

#: Where a section for a module the plan does not know goes: before the rights.
UNKNOWN_BEFORE = "rights"


def layouts_for(modules: tuple[str, ...]) -> list[SectionLayout]:
    """The plan's sections for a bundle with these modules, unknown modules included."""
    known = {layout.module for layout in SECTIONS if layout.module}
    extra = [
        SectionLayout(f"module_{name}", "", name, explain="none")
        for name in modules
        if name not in known
    ]
    ordered: list[SectionLayout] = []
    for layout in SECTIONS:
        if layout.id == UNKNOWN_BEFORE:
            ordered.extend(extra)
        ordered.append(layout)
    return ordered
