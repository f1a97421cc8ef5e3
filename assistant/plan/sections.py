"""The registry of section builders and relevance tests that :mod:`assistant.plan.layout`
names, and the fallback section for a module the plan does not know.

Each builder takes the :class:`~assistant.plan.parts.Reader` and what was
:class:`~assistant.plan.found.Found` once per plan, and returns blocks. Wording comes from
the flow where the flow says it (so the plan and the conversation agree, and translators
translate it once); the plan's own sentences are labels, or statements of a right with
their source.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.plan import budget, contingency, ending, person
from assistant.plan.found import Found as Found  # shared with the casework record
from assistant.plan.model import Answers, Block
from assistant.plan.parts import Reader


def module_answers(reader: Reader, module: str) -> list[Block]:
    """A module the plan does not know: its answers, under their questions."""
    rows = reader.rows(module)
    return [Answers(tuple(rows))] if rows else []


Builder = Callable[[Reader, Found], list[Block]]
BUILDERS: dict[str, Builder] = {
    "urgent": contingency.urgent_help,
    "about_me": person.about_me,
    "what_matters": person.what_matters,
    "needs": person.needs,
    "help": person.what_would_help,
    "budget": budget.budget,
    "employing_pa": budget.employing_pa,
    "contingency": contingency.if_things_go_wrong,
    "risks": person.risks,
    "review": contingency.review,
    "rights": ending.rights,
    "questions": ending.questions,
    "consent": ending.consent,
    "about": ending.about_plan,
}


def _employing(reader: Reader, found: Found) -> bool:
    """Relevant unless they said they will not employ a PA."""
    return reader.answers.get("employing_pa.employ") not in (None, "no")


def _mental_health(reader: Reader, found: Found) -> bool:
    """Mental health matters here: they mentioned it, or a mental-health right applies (the
    adviser's contact record counts these calls)."""
    prompt = reader.answers.get("getting_started.prompt")
    said = isinstance(prompt, tuple) and "mental_health" in prompt
    history = any(
        reader.answers.get(f"mental_health.{k}") is True for k in ("mh_history", "detained")
    )
    return (
        said or history or bool(found.rule_rights & {"aftercare", "advocate", "authorised_person"})
    )


RELEVANT: dict[str, Callable[[Reader, Found], bool]] = {
    "crisis": contingency.crisis,
    "employing_pa": _employing,
    "mental_health": _mental_health,
}
