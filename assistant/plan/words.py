"""The plan's own short labels for the answers it shows, and its section titles.

A plan is a document about the person, not a copy of the conversation: each answer is
shown under a short label of what it is about ("Why I am asking for help now"), never the
question as it was asked. The answers themselves keep the choice labels the person picked
("A new illness or disability, or a fall"), which are already in their words.

The keys here are the England bundle's step keys. A test checks that each one is a question
of that bundle, so a renamed step is noticed instead of silently dropped from the plan.
"""

from __future__ import annotations

from assistant.values import N_

#: Labels for single answers, by step key, in the order the plan shows them in each part.
ABOUT_ME: dict[str, str] = {
    "getting_started.focus": N_("What I am planning"),
    "getting_started.answering": N_("Who filled this in"),
    "getting_started.authority_to_act": N_("Their authority to act for me"),
    "getting_started.where": N_("Where I live"),
    "getting_started.prompt": N_("Why I am asking for help now"),
    "getting_started.has": N_("What I have from the council already"),
}

#: The details a person chose to give near the end, for their plan (each optional, private).
DETAILS: dict[str, str] = {
    "next_steps.name": N_("The name I want used"),
    "next_steps.contact": N_("How to contact me"),
    "next_steps.council": N_("My council"),
    "next_steps.communicate": N_("How I like to be contacted"),
    "next_steps.health_contacts": N_("My GP or mental health team"),
}

#: Who the council should involve in the plan and give a copy to (Care Act s25(3), (9)).
INVOLVE: dict[str, str] = {
    "next_steps.share": N_("Involve, and give a copy to"),
    "next_steps.share_with_team": N_("Involve, and give a copy to"),
    "next_steps.carer_share": N_("Involve, and give a copy to"),
}

SUPPORT_NETWORK: dict[str, str] = {
    "carers.has_carer": N_("A family member or friend helps me, unpaid"),
    "carers.carer_coping": N_("They are finding it hard to keep going"),
    "carers.is_carer": N_("I look after another adult, unpaid"),
    "mental_health.appropriate_person": N_("A friend or relative could support me in meetings"),
}

DECISIONS: dict[str, str] = {
    "mental_health.mh_history": N_("Mental health problems, now or in the past"),
    "mental_health.detained": N_("Kept in hospital under the Mental Health Act"),
    "mental_health.section": N_("Which section"),
    "mental_health.decisions": N_("Making my own decisions about care and money"),
    "mental_health.authority": N_("Who has legal power to decide for me"),
    "mental_health.difficulty": N_("In meetings, I would find it very hard to"),
}

#: A carer asking about their own support: what caring does to them (Care Act s10, reg 3).
CARER_NEEDS: dict[str, str] = {
    "carers.carer_health": N_("Caring and my own health"),
    "carers.carer_activities": N_("Because of caring, I cannot, or only with great difficulty"),
    "carers.carer_wellbeing": N_("How much caring affects my wellbeing"),
    "carers.carer_willing": N_("Able and willing to go on caring"),
}

#: What would help with each hard need (``day_to_day.<need>_help``): who would do it, by
#: the choice's value, short enough for a table cell ("PA" is defined under the plan's "What
#: would help"). "Something else" is the person's own words, with no "who" to guess.
HELP_WHO: dict[str, str] = {
    "visits": N_("A care worker or PA"),
    "go_with": N_("A PA or support worker"),
    "family": N_("Family or friends"),
    "equipment": N_("The council: equipment"),
    "service": N_("A local service or group"),
}
#: When help is needed, from how often the need is hard.
HELP_WHEN: dict[str, str] = {
    "yes": N_("Most days"),
    "some_days": N_("On bad days"),
}

NEEDS_CONTEXT: dict[str, str] = {
    "day_to_day.impairment": N_("Caused by an illness, disability or health condition"),
    "day_to_day.wellbeing_impact": N_("How much this affects my wellbeing"),
}

BUDGET: dict[str, str] = {
    "managing_budget.control": N_("How much I want to choose who helps me, and when"),
    "managing_budget.manage": N_("Managing the money and paperwork"),
    "managing_budget.employ_known": N_("Paying someone I already know"),
    "managing_budget.preference": N_("The way I am most interested in"),
    "money.benefits": N_("Disability benefits I get"),
}

PA: dict[str, str] = {
    "employing_pa.employ": N_("Employing a personal assistant (PA)"),
    "employing_pa.pa_rate": N_("PA's hourly pay"),
    "employing_pa.pa_hours": N_("PA's hours a week"),
}

#: Answers the cost table already states (the council's rate is in "My budget" too), so the
#: plan shows them only where there is no cost table.
PA_IN_COST_TABLE: dict[str, str] = {
    "employing_pa.pa_age": N_("PA's age"),
    "employing_pa.pa_apprentice": N_("PA is an apprentice"),
    "employing_pa.offered_rate": N_("Hourly rate the council's direct payment allows"),
}

#: Answers that say nothing about the person ("No", "None of these", living in England, the
#: only place this tool is for): the plan leaves those out rather than fill a page.
NO, NONE = (False, "no"), (("none",),)
QUIET: dict[str, tuple[object, ...]] = {
    "getting_started.focus": ("care",),
    "getting_started.answering": ("self",),
    "getting_started.where": ("england",),
    "getting_started.has": NONE,
    "carers.carer_coping": NO,
    "carers.is_carer": NO,
    "mental_health.mh_history": NO,
    "mental_health.detained": NO,
    "mental_health.authority": NONE,
    "mental_health.difficulty": NONE,
    # Details left empty: nothing to show.
    "next_steps.name": ("",),
    "next_steps.contact": ("",),
    "next_steps.council": ("",),
    "next_steps.health_contacts": ("",),
    "next_steps.communicate": ((),),
    "next_steps.share": ((),),
    "next_steps.share_with_team": ((),),
    "next_steps.carer_share": ((),),
}

#: The person's own words, each under a label of what they are about.
QUOTES: dict[str, str] = {
    "what_matters.good_day": N_("A good day for me"),
    "what_matters.want_to_do": N_("What I would like to be able to do"),
    "what_matters.who_helps": N_("Who helps me now"),
    "what_matters.caring_help": N_("Who else helps with the caring"),
}

#: The ten everyday outcomes of the Eligibility Regulations, as short names.
OUTCOMES: dict[str, str] = {
    "nutrition": N_("Preparing food and drink, and eating"),
    "hygiene": N_("Washing and keeping clean"),
    "toilet": N_("Using the toilet"),
    "dressing": N_("Getting dressed"),
    "home_safety": N_("Moving around my home safely"),
    "home_upkeep": N_("Keeping my home clean and warm"),
    "relationships": N_("Keeping in touch with family and friends"),
    "work": N_("Work, training, study or volunteering"),
    "community": N_("Using local shops, transport and services"),
    "child_care": N_("Looking after a child"),
}

#: How often an outcome is hard, by the answer to its question.
OFTEN: dict[str, str] = {
    "yes": N_("Most days."),
    "some_days": N_("On some days but not others: this need comes and goes."),
}
NOT_SURE_HOW_OFTEN = N_("I am not sure how often.")
HOW = N_("How: {ways}.")

#: The four ways an outcome can be hard (Eligibility Regulations, reg 2(3)), as short
#: first-person phrases for the plan; the conversation's choices say the same at length.
WAYS: dict[str, str] = {
    "help": N_("I need help or reminding"),
    "pain": N_("it causes me pain, distress or worry"),
    "risk": N_("it puts me or others at risk"),
    "slow": N_("it takes me much longer"),
}
NOT_SURE_HOW = N_("I am not sure how")

#: Every label the plan may show for an England answer (the test of step keys reads this).
ALL_LABELS: dict[str, str] = {
    **DETAILS,
    **INVOLVE,
    **ABOUT_ME,
    **SUPPORT_NETWORK,
    **DECISIONS,
    **NEEDS_CONTEXT,
    **BUDGET,
    **PA,
    **PA_IN_COST_TABLE,
    **QUOTES,
}
