"""The plan's conclusions: eligibility indication, rights, budget options, questions to ask.

The decisions themselves live in :mod:`assistant.rules` (the same code the flow's
conditions call), so the plan can never disagree with what the conversation said. This
module only gathers them from the answers on the path and words them for the plan.
"""

from __future__ import annotations

from assistant.flow import model
from assistant.plan.model import Item
from assistant.plan.parts import Reader
from assistant.rules import eligibility, options, rights
from assistant.values import N_

#: Words for the indication, used when the flow's own result step was not reached.
INDICATIONS: dict[str, str] = {
    "likely": N_(
        "From your answers, your needs are likely to meet the national eligibility criteria."
    ),
    "might": N_("From your answers, your needs might meet the national eligibility criteria."),
    "unlikely": N_(
        "From your answers, your needs are unlikely to meet the national eligibility criteria."
    ),
}
COUNCIL_DECIDES = N_(
    "This is only a guide. Only the council decides, after an assessment. You have a right to an assessment, whatever your income or savings."
)

#: Names of the ways to manage a budget, when the flow does not offer its own labels.
OPTION_NAMES: dict[str, str] = {
    "direct_payment": N_("A direct payment"),
    "third_party": N_("A third-party managed account"),
    "isf": N_("An individual service fund"),
    "council_managed": N_("A budget managed by the council"),
    "mix": N_("A mix of these"),
}

#: Questions to ask the council: id, wording, and when it applies (a right's id or a test).
QUESTIONS: tuple[tuple[str, str], ...] = (
    ("assessment", N_("Please assess my needs. When can the assessment happen?")),
    (
        "written_decision",
        N_("Can I have your decision about my needs in writing, with the reasons?"),
    ),
    ("plan", N_("Can I have a copy of my care and support plan?")),
    ("indicative_budget", N_("How much is my personal budget, and how was it worked out?")),
    (
        "advice",
        N_(
            "If my needs are not eligible, can I have written advice on meeting or preventing them?"
        ),
    ),
    ("direct_payment", N_("Can I have my personal budget as a direct payment?")),
    ("dp_rate", N_("Is the direct payment enough to pay for the care I need here?")),
    (
        "pay_relative",
        N_(
            "Can my direct payment pay my partner, or a close relative who lives with me? What do you need to decide that it is necessary?"
        ),
    ),
    ("advocate", N_("Can you arrange an independent advocate to support me?")),
    ("aftercare", N_("Is my support section 117 after-care, and so free of charge?")),
    ("carer_of_you", N_("Can the person who cares for me have a carer's assessment?")),
    ("own_carer_assessment", N_("Can I have a carer's assessment for the care I give?")),
    ("review", N_("When will my plan be reviewed?")),
    (
        "financial_assessment",
        N_("Will you assess what I can pay, and what might I be asked to pay?"),
    ),
)

#: Suggested questions that the flow's own list of requests (next_steps.asks) lacks.
NOT_IN_ASKS = frozenset(
    {"written_decision", "advice", "dp_rate", "pay_relative", "aftercare", "financial_assessment"}
)


def england_shaped(reader: Reader) -> bool:
    """Whether the bundle has the England modules the rules read their answers from."""
    return "day_to_day" in reader.modules


def indication(reader: Reader) -> eligibility.EligibilityResult | None:
    """The eligibility indication, once any day-to-day question has been answered."""
    if not england_shaped(reader) or not any(reader.reviewed("day_to_day")):
        return None
    return eligibility.from_answers(reader.answers)


def rule_rights(reader: Reader) -> tuple[str, ...]:
    """The rights :mod:`assistant.rules.rights` finds in the answers (England bundles only)."""
    return rights.applicable(reader.answers) if england_shaped(reader) else ()


def right_items(reader: Reader) -> list[Item]:
    """The rights explained to the person, each with its source.

    With a ``rights`` module, these are the cited explanations it showed; a bundle without
    one lists every cited explanation shown, since each states a right or a duty.
    """
    if "rights" in reader.modules:
        return reader.explanations("rights")
    return [item for module in reader.modules for item in reader.explanations(module)]


def budget_options(reader: Reader) -> tuple[str, ...]:
    """The budget options that may suit, once the budget questions have been reached."""
    if "managing_budget" not in reader.modules or not any(reader.reviewed("managing_budget")):
        return ()
    return options.from_answers(reader.answers)


def option_name(reader: Reader, option: str) -> str:
    """An option's name: the flow's own choice label if it has one, else ours."""
    for key, info in reader.session.bundle.steps.items():
        step = info.step
        if reader.module_of(key) == "managing_budget" and isinstance(step, model.Ask):
            for choice in step.choices:
                if choice.value == option:
                    return reader.t.pgettext(key, choice.label)
    return reader.t.gettext(OPTION_NAMES.get(option, option))


def questions(reader: Reader, applicable: set[str], short_rate: bool) -> list[Item]:
    """The questions worth asking the council, given the rights and answers found."""
    has = reader.answers.get("getting_started.has")
    has = has if isinstance(has, tuple) else ()
    prompt = reader.answers.get("getting_started.prompt")
    prompt = prompt if isinstance(prompt, tuple) else ()
    wanted = {
        "assessment": "assessment" not in has,
        "written_decision": True,
        "plan": "plan" in applicable,
        "indicative_budget": "plan" in applicable,
        "advice": "advice" in applicable,
        "direct_payment": "direct_payment" in applicable,
        "dp_rate": short_rate,
        "pay_relative": reader.answers.get("managing_budget.employ_known") in options.FAMILY_RULE,
        "advocate": "advocate" in applicable,
        "aftercare": "aftercare" in applicable,
        "carer_of_you": "carer_of_you" in applicable,
        "own_carer_assessment": "own_carer_assessment" in applicable,
        "review": bool({"plan", "personal_budget", "direct_payment"} & set(has))
        or "review_or_cut" in prompt,
        "financial_assessment": england_shaped(reader),
    }
    return [Item(qid, "", reader.t.gettext(text)) for qid, text in QUESTIONS if wanted[qid]]
