"""What to do when things go wrong, and when the plan is looked at again.

- "If you need help now": first in the plan, only after Help now was opened or a crisis
  reply was shown.
- "If things go wrong": the contingency and emergency plan, from the answers (who helps,
  a PA, a mental health team) with the urgent help contacts from the reviewed safety data.
- "Review": the review rights, each with its source.
"""

from __future__ import annotations

from assistant.engine.crisis import help_was_offered
from assistant.i18n import Translator
from assistant.plan.found import Found, cited, outside_england
from assistant.plan.model import Block, Item, Items, Paragraph, SourceRef
from assistant.plan.parts import Reader, holds_direct_payment, short_citation
from assistant.safety import help_content
from assistant.values import N_


def contact_items(reader: Reader, *, with_sources: bool = True) -> tuple[Item, ...]:
    """The urgent help contacts and how to report abuse, from the reviewed safety data."""
    content = help_content()
    t = reader.t

    def ref(source_id: str) -> tuple[SourceRef, ...]:
        source = content.sources.get(source_id)
        if source is None or not with_sources:
            return ()
        text = source.title + (f", {source.part}" if source.part else "")
        short = short_citation(source.title, source.part or "")
        return (SourceRef(source_id, text, source.url, source.confirmed, short),)

    items = [
        Item(c.id, _p(t, c.name), _join(_p(t, c.how), _p(t, c.when)), ref(c.source))
        for c in content.contacts
    ]
    guard = content.safeguarding
    items.append(Item("safeguarding", _p(t, guard.title), _p(t, guard.text), ref(guard.source)))
    return tuple(items)


def _p(t: Translator, text: str) -> str:
    return t.pgettext("help_now", text)


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


URGENT_INTRO = N_(
    "If you feel unsafe, or you might harm yourself, you do not have to wait for the council. These services can help now, day or night."
)
HELP_OFFERED = N_(
    "Help was offered during this conversation, after words that can mean someone is not safe."
)
WORDS_LEFT_OUT = N_(
    "Those words are left out of this plan. You can choose to keep them, and they will appear here."
)


def urgent_help(reader: Reader, found: Found) -> list[Block]:
    """The urgent help contacts first, for a person who opened Help now or spoke of a crisis.

    It says when help was offered, and that the words are left out of the plan, never which.
    """
    blocks: list[Block] = [Paragraph(reader.t.gettext(URGENT_INTRO), strong=True)]
    if any(event.kind == "help_offered" for event in reader.session.events):
        blocks.append(Paragraph(reader.t.gettext(HELP_OFFERED)))
    if reader.left_out:
        blocks.append(Paragraph(reader.t.gettext(WORDS_LEFT_OUT)))
    return [*blocks, Items(contact_items(reader, with_sources=False))]


def if_things_go_wrong(reader: Reader, found: Found) -> list[Block]:
    """The contingency plan from the answers, then the emergency contacts.

    Each line names a situation and who steps in; where the conversation did not ask, the
    line is there to be filled in with the council.
    """
    t, answers = reader.t, reader.answers
    lines: list[Item] = []
    if answers.get("carers.has_carer") is True:
        backup = _said(reader, "carers.backup", BACKUP)
        lines.append(Item("carer_ill", t.gettext(CARER_ILL), backup or t.gettext(TO_AGREE)))
    if answers.get("employing_pa.employ") in ("yes", "maybe"):
        cover = reader.visible("employing_pa.cover")
        said = "" if cover is None else reader.answer_text(cover.step, cover.value) + ". "
        lines.append(Item("pa_absent", t.gettext(PA_ABSENT), said + t.gettext(PA_COVER)))
    lines.append(Item("crisis", t.gettext(CRISIS), t.gettext(CRISIS_WHO)))
    if _mental_health(reader):
        plan = _said(reader, "mental_health.crisis_plan", CRISIS_PLAN)
        lines.append(Item("mh_team", t.gettext(MH_TEAM), plan or t.gettext(TO_AGREE)))
    contacts = contact_items(reader, with_sources=False)
    numbers = " · ".join(c.title for c in contacts if c.id != "safeguarding")
    guard = [Item(c.id, c.title, c.text) for c in contacts if c.id == "safeguarding"]
    urgent = reader.gettext(URGENT_LINE, contacts=numbers)
    return [Items(tuple(lines)), Paragraph(urgent, strong=True), Items(tuple(guard))]


def _said(reader: Reader, key: str, lines: dict[str, str]) -> str:
    """The plan's line for the answer at ``key``, or "" when it was not given."""
    item = reader.visible(key)
    value = item.value if item is not None else None
    return reader.t.gettext(lines[value]) if isinstance(value, str) and value in lines else ""


def _mental_health(reader: Reader) -> bool:
    """They have mental health needs: a crisis plan belongs in the plan."""
    answers = reader.answers
    prompt = answers.get("getting_started.prompt")
    return (
        answers.get("mental_health.detained") is True
        or answers.get("mental_health.mh_history") is True
        or (isinstance(prompt, tuple) and "mental_health" in prompt)
    )


#: Who could help if the person who helps is ill or away (``carers.backup``).
BACKUP = {
    "family_friend": N_(
        "Someone else in my family, or a friend, could help. Who, and how to reach them: to agree with the council."
    ),
    "paid": N_(
        "Paid help I have already could cover. How, and its cost: to agree with the council."
    ),
    "nobody": N_(
        "There is nobody I know of who could help. I would like to plan cover with the council now, before it is needed."
    ),
}
#: A mental health crisis plan (``mental_health.crisis_plan``).
CRISIS_PLAN = {
    "with_team": N_("I have a crisis plan with my mental health team. Follow it, and call them."),
    "would_like": N_("I would like a crisis plan, made with my mental health team."),
}
URGENT_LINE = N_("Urgent help, day or night: {contacts}.")
CARER_ILL = N_("If the person who helps me is ill or away")
PA_ABSENT = N_("If my PA is ill, on holiday or leaves")
CRISIS = N_("In a crisis")
MH_TEAM = N_("My mental health team or crisis plan")
TO_AGREE = N_("Who steps in, and how to reach them: to agree with the council.")
PA_COVER = N_("Cover, and its cost, should be planned and budgeted for.")
CRISIS_WHO = N_("Call the numbers below, then tell the council's adult social care team.")


def review(reader: Reader, found: Found) -> list[Block]:
    """When they would like the plan looked at again, then the review rights: the plan's
    (law and guidance) and, for a direct payment they have, its own.

    The rights are England's law, so someone living elsewhere is not told them.
    """
    wish = reader.visible(REVIEW_WHEN)
    blocks: list[Block] = []
    if wish is not None and isinstance(wish.value, str):
        when = reader.answer_text(REVIEW_WHEN, wish.value)
        blocks.append(Paragraph(reader.gettext(REVIEW_WISH, when=when.lower()), strong=True))
    if outside_england(reader):
        return blocks
    blocks += [
        cited(reader, REVIEW_LAW, "care_act_s27"),
        cited(reader, REVIEW_GUIDANCE, "cssg_review_timing"),
    ]
    if holds_direct_payment(reader):  # a payment not yet made has no review date yet
        blocks.append(cited(reader, REVIEW_DP, "dp_regs_reg7"))
    return [b for b in blocks if not isinstance(b, Paragraph) or b.text]


REVIEW_WHEN = "next_steps.review_when"
REVIEW_WISH = N_("I would like my plan looked at again: {when}.")
REVIEW_LAW = N_(
    "The council must keep my plan under review, and review it if I, or someone for me, reasonably asks."
)
REVIEW_GUIDANCE = N_(
    "Guidance, not law, expects a first review 6 to 8 weeks after the plan is agreed, then at least every 12 months."
)
REVIEW_DP = N_(
    "A direct payment is reviewed within its first 6 months, then at least every 12 months."
)


def crisis(reader: Reader, found: Found) -> bool:
    """Help now was opened or offered (the engine's crisis policy decides)."""
    return help_was_offered(reader.session)
