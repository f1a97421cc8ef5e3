"""The "My budget" section: the amount if known, how it should be managed and why, and,
for someone who employs or may employ a personal assistant, the employer checklist, the
cost table and the check of the council's rate (with the case for a review).

The legal detail behind each point is in the appendix (:mod:`assistant.plan.appendix`);
here each point is named once, with its short citation.
"""

from __future__ import annotations

from decimal import Decimal

from assistant.flow import model
from assistant.plan import costs, facts, words
from assistant.plan.found import Found, cited, outside_england
from assistant.plan.model import Answers, Block, Item, Items, Paragraph
from assistant.plan.parts import Reader, holds_direct_payment
from assistant.values import N_

MODULE = "managing_budget"

#: Rules the budget questions led to (paying a close relative at home), kept with the answers.
RULES_FOR_ANSWERS = ("family_rule",)


def budget(reader: Reader, found: Found) -> list[Block]:
    """The budget: amount or how it is worked out, wishes and reasons, the ways that fit."""
    if MODULE not in reader.modules or not any(reader.reviewed(MODULE)):
        return []
    known = [_known_amount(reader), _meets(reader, found), _amount(reader, found)]
    blocks: list[Block] = [p for p in known if p.text]
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


def _known_amount(reader: Reader) -> Paragraph:
    """The budget the person told us, and how often: a direct payment, a personal budget or
    the council's first figure (Care Act s25(1): the plan states the amount and frequency)."""
    amount = reader.visible(AMOUNT)
    if amount is None or not isinstance(amount.value, Decimal):
        return Paragraph("")
    period = reader.visible(PERIOD)
    often = PERIODS.get(str(period.value)) if period is not None else None
    has = reader.answers.get("getting_started.has")
    held = has if isinstance(has, tuple) else ()
    kind = "direct_payment" if "direct_payment" in held else "personal_budget"
    if kind not in held:
        kind = "indicative"
    text, source = KNOWN[kind]
    shown = reader.answer_text(AMOUNT, amount.value)
    how_often = reader.t.gettext(often) if often else ""
    return cited(reader, text, source, amount=f"{shown} {how_often}".strip())


def _meets(reader: Reader, found: Found) -> Paragraph:
    """Which needs their direct payment is for: the outcomes they find hard (Care Act
    s25(1)(e): the plan says which needs a direct payment meets). Said only by a holder."""
    if not found.hard or not holds_direct_payment(reader):
        return Paragraph("")
    names = "; ".join(reader.t.gettext(words.OUTCOMES[n]).lower() for n in found.hard)
    return Paragraph(reader.gettext(DP_FOR, needs=names))


DP_FOR = N_("My direct payment is for: {needs}.")


def _amount(reader: Reader, found: Found) -> Paragraph:
    """What the council's PA rate comes to, if they gave it (said as their direct payment
    only when they have one); else, with no amount known, how the first figure is made."""
    check = found.costs[1] if found.costs else None
    if check is not None:
        held = holds_direct_payment(reader)
        said = bool(_known_amount(reader).text)  # the s25 point is made there already
        return cited(
            reader,
            (DP_RATE if said else DP_AMOUNT) if held else DP_RATE_IF,
            "care_act_s24_26",
            weekly=costs.money_text(reader, check.offered_weekly),
            rate=reader.answer_text(OFFERED, reader.answers[OFFERED]),
            hours=reader.answers.get("employing_pa.pa_hours"),
        )
    if outside_england(reader) or _known_amount(reader).text:
        return Paragraph("")
    return cited(reader, RAS, "cssg_11_24")


AMOUNT, PERIOD = "managing_budget.budget_amount", "managing_budget.budget_period"
PERIODS = {
    "week": N_("a week"),
    "four_weeks": N_("every four weeks"),
    "month": N_("a month"),
    "year": N_("a year"),
}
KNOWN = {
    "direct_payment": (
        N_(
            "My direct payment is {amount}. A plan must say which needs a direct payment meets, how much it is and how often it is paid."
        ),
        "care_act_s24_26",
    ),
    "personal_budget": (N_("My personal budget is {amount}."), "care_act_s24_26"),
    "indicative": (
        N_(
            "The first figure the council gave me is {amount}. This is an indicative budget, often from a points system called a Resource Allocation System (RAS). The final budget can be higher or lower, and I can ask how it was worked out."
        ),
        "cssg_11_24",
    ),
}


CHECKLIST = N_("My checklist as an employer (each duty is explained in the appendix)")
OFFERED = "employing_pa.offered_rate"
DP_AMOUNT = N_(
    "The council's direct payment for a PA: {rate} an hour, which is {weekly} a week for {hours} hours. A plan must say which needs a direct payment meets, how much it is and how often it is paid."
)
DP_RATE = N_(
    "The council's direct payment for a PA: {rate} an hour, which is {weekly} a week for {hours} hours."
)
DP_RATE_IF = N_(
    "I do not have a direct payment. The council's rate for a PA is {rate} an hour, which would be {weekly} a week for {hours} hours."
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
