"""The "My budget" section: the amount if known, how it should be managed and why, and,
for someone who employs or may employ a personal assistant, the employer checklist, the
cost table and the check of the council's rate (with the case for a review).

The legal detail behind each point is in the appendix (:mod:`assistant.plan.appendix`);
here each point is named once, with its short citation.
"""

from __future__ import annotations

from assistant.flow import model
from assistant.plan import costs, facts, words
from assistant.plan.found import Found, cited, outside_england
from assistant.plan.model import Answers, Block, Item, Items, Paragraph
from assistant.plan.parts import Reader
from assistant.values import N_

MODULE = "managing_budget"

#: Rules the budget questions led to (paying a close relative at home), kept with the answers.
RULES_FOR_ANSWERS = ("family_rule",)


def budget(reader: Reader, found: Found) -> list[Block]:
    """The budget: amount or how it is worked out, wishes and reasons, the ways that fit."""
    if MODULE not in reader.modules or not any(reader.reviewed(MODULE)):
        return []
    blocks: list[Block] = [p for p in [_amount(reader, found)] if p.text]
    rows = reader.labelled(words.BUDGET)
    if rows:
        blocks.append(Answers(tuple(rows), heading=reader.t.gettext(HOW_MANAGED)))
    rules = [i for i in reader.explanations(MODULE) if i.id.startswith(RULES_FOR_ANSWERS)]
    if rules:
        blocks.append(Items((rules[0],), compact=True))
    if found.options:
        items = [_option_item(reader, option) for option in found.options]
        heading = reader.t.gettext(N_("Ways that may suit me, from my answers"))
        blocks.append(Items(tuple(items), heading=heading))
    return blocks


HOW_MANAGED = N_("How I would like it managed, and why")


def _amount(reader: Reader, found: Found) -> Paragraph:
    """What the budget is, if the person knows it; otherwise how the first figure is made."""
    check = found.costs[1] if found.costs else None
    if check is not None:
        hours = reader.answers.get("employing_pa.pa_hours")
        return cited(
            reader,
            DP_AMOUNT,
            "care_act_s24_26",
            weekly=costs.money_text(reader, check.offered_weekly),
            rate=reader.answer_text(OFFERED, reader.answers[OFFERED]),
            hours=hours,
        )
    if outside_england(reader):
        return Paragraph("")
    return cited(reader, RAS, "cssg_11_24")


CHECKLIST = N_("My checklist as an employer (each duty is explained in the appendix)")
OFFERED = "employing_pa.offered_rate"
DP_AMOUNT = N_(
    "The council's direct payment for a PA: {rate} an hour, which is {weekly} a week for {hours} hours. A plan must say which needs a direct payment meets, how much it is and how often it is paid."
)
RAS = N_(
    "I do not know my personal budget yet. Many councils first give an indicative budget, often from a points system called a Resource Allocation System (RAS). The final budget can be higher or lower, and I can ask how it was worked out."
)


def _option_item(reader: Reader, option: str) -> Item:
    key = f"{MODULE}.{option}_fits"
    info = reader.session.bundle.steps.get(key)
    text = reader.render(key, info.step.text) if info and isinstance(info.step, model.Say) else ""
    return Item(option, facts.option_name(reader, option), text)


def employing_pa(reader: Reader, found: Found) -> list[Block]:
    """The PA answers, the employer checklist, the cost table and the rate check, in order."""
    blocks: list[Block] = []
    shown = words.PA if found.costs else {**words.PA, **words.PA_IN_COST_TABLE}
    rows = reader.labelled(shown)
    if rows:
        blocks.append(Answers(tuple(rows)))
    duties = [i for i in reader.explanations("employing_pa") if i.id.startswith("duty_")]
    if duties:
        heading = reader.t.gettext(CHECKLIST)
        titles = tuple(Item(i.id, i.title) for i in duties)
        blocks.append(Items(titles, heading=heading, checklist=True, compact=True))
    if found.costs is not None:
        table = costs.cost_table(reader, *found.costs, assumptions=not found.appendix)
        blocks.append(table)
    elif "employing_pa.pa_rate" in reader.session.path:
        blocks.append(Paragraph(reader.t.gettext(costs.NO_COSTS)))
    return blocks
