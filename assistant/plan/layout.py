"""The sections of the plan, in order, and which builder fills each one.

The order follows what a council care and support plan contains (Care Act 2014 s25(1);
statutory guidance chapter 10): the person and what matters to them, their needs and how
they could be met, the budget, what happens if things go wrong, risks, review, rights and
consent, then what this document is. Each section names its builder in
:data:`assistant.plan.sections.BUILDERS`. A bundle with modules the plan does not know
(such as the example) still gets a plan: each unknown module becomes a section of its own
answers, before the rights.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.values import N_


@dataclass(frozen=True)
class SectionLayout:
    """One section: its id and title, the builder that fills it, and when it applies.

    ``module`` (if set) must be in the bundle for the section to appear. ``when`` names a
    relevance test. A section with nothing in it is left out unless ``always``.
    ``england_law`` marks a section that states the law in England: for someone who lives
    elsewhere it opens with the module's own reminder that these are England's rules (its
    ``not_england`` step).
    """

    id: str
    title: str
    build: str
    module: str | None = None
    when: str | None = None
    always: bool = False
    england_law: bool = False


#: The sections of the plan, in order. Modules are the England bundle's.
SECTIONS: tuple[SectionLayout, ...] = (
    SectionLayout("urgent_help", N_("If you need help now"), "urgent", when="crisis"),
    SectionLayout("about_me", N_("About me"), "about_me", "getting_started"),
    SectionLayout("what_matters", N_("What matters to me"), "what_matters", "what_matters"),
    SectionLayout("needs", N_("My needs"), "needs", "day_to_day", england_law=True),
    SectionLayout("help", N_("What would help"), "help", "day_to_day"),
    SectionLayout("budget", N_("My budget"), "budget", "managing_budget", england_law=True),
    SectionLayout(
        "employing_pa",
        N_("Employing a personal assistant"),
        "employing_pa",
        "employing_pa",
        when="employing_pa",
        england_law=True,
    ),
    SectionLayout("contingency", N_("If things go wrong"), "contingency", "day_to_day"),
    SectionLayout("risks", N_("Risks I want considered"), "risks", "day_to_day"),
    SectionLayout("review", N_("Review"), "review", "day_to_day"),
    SectionLayout("rights", N_("My rights"), "rights", always=True),
    SectionLayout("questions", N_("Questions to ask the council"), "questions", "next_steps"),
    SectionLayout("consent", N_("Consent and sharing"), "consent", always=True),
    SectionLayout("about_plan", N_("About this document"), "about", always=True),
)

#: Where a section for a module the plan does not know goes: before the rights.
UNKNOWN_BEFORE = "rights"

#: The modules the plan's sections read (others get a section of their own answers).
KNOWN_MODULES = frozenset(
    {
        "getting_started",
        "what_matters",
        "day_to_day",
        "mental_health",
        "carers",
        "money",
        "managing_budget",
        "employing_pa",
        "rights",
        "next_steps",
    }
)


def layouts_for(modules: tuple[str, ...]) -> list[SectionLayout]:
    """The plan's sections for a bundle with these modules, unknown modules included."""
    extra = [
        SectionLayout(f"module_{name}", "", "module_answers", name)
        for name in modules
        if name not in KNOWN_MODULES
    ]
    ordered: list[SectionLayout] = []
    for layout in SECTIONS:
        if layout.id == UNKNOWN_BEFORE:
            ordered.extend(extra)
        ordered.append(layout)
    return ordered
