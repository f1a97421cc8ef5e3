"""Pure Care Act rules for the England flow: eligibility indication, rights, budget options.

Importing this package registers the condition functions that ``flows/england`` calls
(``eligibility(...)``, ``right_advocate(...)``, ``budget_options(...)`` and so on) in
:data:`assistant.flow.functions.FUNCTIONS`, which names this package as a provider and
imports it the first time it is read, so the functions exist wherever flows are checked
or run. Every function is total:
it accepts any answer values, including MISSING and the special answers.
"""

from __future__ import annotations

from assistant.flow.functions import register
from assistant.rules import eligibility, options, rights

register(
    "eligibility",
    arity=12,
    doc="Eligibility indication ('likely', 'might' or 'unlikely') from the condition, "
    "the wellbeing impact and the ten 'how' answers, in order.",
)(eligibility.indication)
register(
    "eligibility_outcomes",
    arity=10,
    doc="Condition 2 ('met', 'unclear' or 'not_met') from the ten 'how' answers, in order.",
)(lambda *ways: eligibility.outcomes_status(ways))
register(
    "eligibility_impairment",
    doc="Condition 1 ('met', 'unclear' or 'not_met') from the answer about a health condition.",
)(eligibility.impairment_status)
register(
    "eligibility_impact",
    doc="Condition 3 ('met', 'unclear' or 'not_met') from the answer about wellbeing.",
)(eligibility.impact_status)
register(
    "right_planning",
    arity=2,
    doc="True when a care plan and personal budget may follow (indication, what is in place).",
)(rights.planning)
register(
    "right_dp_self",
    doc="True when the person can ask for a direct payment themselves (Care Act s31).",
)(rights.can_ask_for_direct_payment)
register(
    "right_dp_authorised",
    arity=2,
    doc="True when a direct payment through an authorised person may apply (Care Act s32).",
)(rights.through_authorised_person)
register(
    "legal_authority",
    arity=2,
    doc="Who has legal power to decide for the person, asked once: the answer to "
    "mental_health.authority, or the attorney or deputy named at the start.",
)(rights.legal_authority)
register(
    "right_advocate",
    arity=2,
    doc="True when there is a right to an independent advocate (Care Act s67).",
)(rights.advocate)
register(
    "right_aftercare",
    arity=2,
    doc="True when section 117 after-care applies (detained, and which section).",
)(rights.aftercare)
register(
    "budget_options",
    arity=6,
    doc="Budget options that may suit: control, manage, decisions, authority, "
    "employ_known, what is in place.",
)(options.recommend)

__all__ = ["eligibility", "options", "rights"]
