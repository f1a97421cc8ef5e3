"""The Easy Read plan: the same plan in short sentences, one idea to a line, in large print.

Easy Read (Mencap; the Skills for Care toolkit) uses first-person headings ("This is me",
"What I need help with"), short everyday words and one idea per sentence. Every sentence
here is the plan's own, written for Easy Read; the person's own words are kept as they
wrote them. Rights keep their short citation in small print. The tests hold the text to a
Flesch reading ease of 80 or more (the person's own words aside).

Long on purpose, as a set of small word lists: each answer has its own Easy Read line.
"""

from __future__ import annotations

import datetime as dt

from assistant.engine.session import Session
from assistant.i18n import LOCALES, Translator
from assistant.plan import words
from assistant.plan.build import facts_of
from assistant.plan.costs import money_text
from assistant.plan.found import Found, cited, long_date, rates_year
from assistant.plan.model import Block, BundleRef, Item, Items, Paragraph, Plan, Section, Table
from assistant.plan.parts import Reader
from assistant.values import N_

WHY_NOW = {
    "new_condition": N_("I have a new illness, or I had a fall."),
    "hospital": N_("I came home from hospital."),
    "mental_health": N_("My mental health is not good."),
    "carer": N_("I look after someone."),
    "review_or_cut": N_("My help is being checked or cut."),
    "money": N_("I am worried about money."),
    "other": N_("Something else has changed."),
}
HELPED = {
    "supporter": N_("Someone I know helped me fill this in."),
    "adviser": N_("An adviser helped me fill this in."),
    "on_behalf": N_("Someone filled this in for me."),
}
DECIDE = {
    "yes": N_("I can make my own choices."),
    "with_help": N_("I can make my own choices with help."),
    "sometimes": N_("Some days I can make my own choices. Some days I can not."),
    "no": N_("I need someone to help make big choices for me."),
}
NEEDS = {
    "nutrition": N_("Making food and eating"),
    "hygiene": N_("Washing"),
    "toilet": N_("Using the toilet"),
    "dressing": N_("Getting dressed"),
    "home_safety": N_("Moving around my home"),
    "home_upkeep": N_("Keeping my home clean and warm"),
    "relationships": N_("Seeing family and friends"),
    "work": N_("Work or learning"),
    "community": N_("Going out to shops and places"),
    "child_care": N_("Looking after a child"),
}
OFTEN = {
    "yes": N_("I need help most days."),
    "some_days": N_("Some days are good. Some days are bad."),
}
WAYS = {
    "help": N_("I need someone to help me."),
    "pain": N_("It hurts, or it upsets me."),
    "risk": N_("It is not safe."),
    "slow": N_("It takes me a long time."),
}
MONEY_WAY = {
    "direct_payment": N_("I want the money paid to me, so I can choose my help."),
    "third_party": N_("I want someone else to look after the money for me."),
    "isf": N_("I want a care company to look after the money for me."),
    "council_managed": N_("I want the council to sort out my care."),
    "mix": N_("I want a mix: I choose some help, and the council sorts out the rest."),
}
RIGHTS = {
    "assessment": N_("ask the council to look at my needs"),
    "written_decision": N_("get the answer in writing"),
    "plan": N_("have a plan, and a copy of it"),
    "personal_budget": N_("know how much money is for my care"),
    "direct_payment": N_("ask for the money to be paid to me"),
    "authorised_person": N_("have the money paid to someone I trust"),
    "review": N_("ask for my plan to be checked"),
    "carer_of_you": N_("get help for the person who cares for me"),
    "own_carer_assessment": N_("get help as a carer"),
    "advocate": N_("have someone to help me speak up"),
    "aftercare": N_("free care after a stay in hospital under the Mental Health Act"),
    "reablement": N_("free help for a few weeks to get back on my feet"),
    "safeguarding": N_("be safe from harm"),
    "carer_support_plan": N_("have my own plan and money as a carer"),
}
#: A carer asking for themselves: what caring makes hard (carers.carer_activities).
CARING_HARD = {
    "child": N_("Looking after a child"),
    "others": N_("Caring for someone else too"),
    "home": N_("Keeping my home clean and safe"),
    "food": N_("Eating well"),
    "relationships": N_("Seeing family and friends"),
    "work": N_("Work or learning"),
    "local": N_("Going out to shops and places"),
    "free_time": N_("Time to rest, or do things I like"),
}
CARER_HEALTH = {
    "yes": N_("Caring is making me ill."),
    "at_risk": N_("Caring may make me ill."),
}
CARER_GO_ON = {
    "with_help": N_("I can keep caring, but only with more help."),
    "no": N_("I can not keep caring like this."),
}


def build_easy_read(
    session: Session, t: Translator, *, today: dt.date | None = None, adviser: bool = False
) -> Plan:
    """The Easy Read plan for ``session`` in ``t``'s language."""
    from assistant.plan.build import _notes  # the adviser's notes, as in the full plan

    reader = Reader(session, t, adviser)
    day = today or dt.date.today()
    found = Found.gather(reader, day, appendix=False)
    parts = [
        ("this_is_me", N_("This is me"), this_is_me),
        ("what_matters", N_("What matters to me"), what_matters),
        ("needs", N_("What I need help with"), needs),
        ("help", N_("What would help"), what_would_help),
        ("money", N_("My money"), money),
        ("contingency", N_("If things go wrong"), if_things_go_wrong),
        ("risks", N_("Keeping safe"), keeping_safe),
        ("review", N_("Checking my plan"), checking),
        ("rights", N_("My rights"), rights),
        ("consent", N_("Sharing my plan"), sharing),
        ("about_plan", N_("About this paper"), about),
    ]
    sections = []
    for sid, title, build in parts:
        blocks = build(reader, found)
        if blocks:
            sections.append(Section(sid, t.gettext(title), tuple(blocks)))
    return Plan(
        title=t.gettext(N_("My support plan: Easy Read")),
        subtitle=t.gettext(N_("I made this plan to take to the council.")),
        locale=t.locale,
        language=LOCALES.get(t.locale, t.locale),
        created=day.isoformat(),
        created_text=long_date(day, t),
        rates_year=rates_year(found),
        bundle=BundleRef(
            session.bundle.id, t.gettext(session.bundle.manifest.title), session.bundle.digest
        ),
        kind="easy_read",
        sections=tuple(sections),
        facts=facts_of(reader, found),
        notes=_notes(reader) if adviser else None,
    )


def _lines(reader: Reader, *msgids: str) -> list[Block]:
    return [Paragraph(reader.t.gettext(m)) for m in msgids]


def _answer(reader: Reader, key: str) -> object:
    item = reader.visible(key)
    return item.value if item is not None else None


def this_is_me(reader: Reader, found: Found) -> list[Block]:
    """Who filled it in, why now, who helps and how they make choices."""
    ids: list[str] = []
    if _caring_for_myself(reader):
        ids += [N_("I look after someone."), N_("This plan is about help for me, as a carer.")]
    answering = _answer(reader, "getting_started.answering")
    if isinstance(answering, str) and answering in HELPED:
        ids.append(HELPED[answering])
    prompt = _answer(reader, "getting_started.prompt")
    ids += [WHY_NOW[v] for v in prompt if v in WHY_NOW] if isinstance(prompt, tuple) else []
    if _answer(reader, "carers.has_carer") is True:
        ids.append(N_("A friend or someone in my family helps me."))
        if _answer(reader, "carers.carer_coping") == "yes":
            ids.append(N_("They find it hard to keep going."))
    if _answer(reader, "carers.is_carer") is True:
        ids.append(N_("I look after someone too."))
    decide = _answer(reader, "mental_health.decisions")
    if isinstance(decide, str) and decide in DECIDE:
        ids.append(DECIDE[decide])
    where = reader.answers.get("getting_started.where")
    if where not in (None, "england"):
        ids.append(N_("I do not live in England. The rules where I live are different."))
    return _lines(reader, *ids)


def what_matters(reader: Reader, found: Found) -> list[Block]:
    """The person's own words, as they wrote them."""
    return list(reader.own_words(words.QUOTES))


def _caring_for_myself(reader: Reader) -> bool:
    return reader.answers.get("getting_started.focus") == "carer"


def _caring_hard(reader: Reader) -> list[str]:
    """What caring makes hard, for a carer asking for themselves."""
    hard = _answer(reader, "carers.carer_activities")
    return [v for v in hard if v in CARING_HARD] if isinstance(hard, tuple) else []


def caring_needs(reader: Reader) -> list[Block]:
    """A carer asking for themselves: what caring does to them, one idea a line."""
    t = reader.t
    items = [Item(v, t.gettext(CARING_HARD[v]), "") for v in _caring_hard(reader)]
    ids = []
    health = _answer(reader, "carers.carer_health")
    if isinstance(health, str) and health in CARER_HEALTH:
        ids.append(CARER_HEALTH[health])
    if _answer(reader, "carers.carer_wellbeing") == "big":
        ids.append(N_("Caring makes my life much harder."))
    go_on = _answer(reader, "carers.carer_willing")
    if isinstance(go_on, str) and go_on in CARER_GO_ON:
        ids.append(CARER_GO_ON[go_on])
    blocks: list[Block] = []
    if items:
        blocks += [
            *_lines(reader, N_("Because I care for someone, these are hard:")),
            Items(tuple(items)),
        ]
    if not blocks and not ids:
        return []
    return [*blocks, *_lines(reader, *ids, N_("Only the council can decide what help I get."))]


def needs(reader: Reader, found: Found) -> list[Block]:
    """Each thing they find hard: how often, and how, one line each."""
    if _caring_for_myself(reader):
        return caring_needs(reader)
    items = []
    for name in found.hard:
        lines = []
        value = reader.answers.get(f"day_to_day.{name}")
        if isinstance(value, str) and value in OFTEN:
            lines.append(reader.t.gettext(OFTEN[value]))
        how = _answer(reader, f"day_to_day.{name}_how")
        if isinstance(how, tuple):
            lines += [reader.t.gettext(WAYS[w]) for w in how if w in WAYS]
        items.append(Item(name, reader.t.gettext(NEEDS[name]), "\n".join(lines)))
    if not items:
        return []
    tail = _lines(reader, N_("Only the council can decide what help I get."))
    return [Items(tuple(items)), *tail]


def what_would_help(reader: Reader, found: Found) -> list[Block]:
    """A line to write on for each need."""
    t = reader.t
    if _caring_for_myself(reader):
        rows = tuple((t.gettext(CARING_HARD[v]), "") for v in _caring_hard(reader))
    else:
        rows = tuple((t.gettext(NEEDS[name]), "") for name in found.hard)
    if not rows:
        return []
    columns = (t.gettext(N_("I need help with")), t.gettext(N_("What would help")))
    return [*_lines(reader, N_("I can write here what would help.")), Table("", columns, rows)]


def money(reader: Reader, found: Found) -> list[Block]:
    """The budget in a few lines, and the PA rate check if it falls short."""
    if not any(reader.reviewed("managing_budget")):
        return []
    ids = [N_("The council may give me a budget."), N_("A budget is money for my care.")]
    way = _answer(reader, "managing_budget.preference")
    if isinstance(way, str) and way in MONEY_WAY:
        ids.append(MONEY_WAY[way])
    if reader.answers.get("employing_pa.employ") == "yes":
        ids.append(N_("I pay a helper. The helper is called a PA."))
    blocks = _lines(reader, *ids)
    result, check = found.costs if found.costs else (None, None)
    if result is not None and check is not None and check.is_short:
        blocks.append(Paragraph(reader.gettext(PA_COSTS, cost=money_text(reader, result.per_hour))))
        blocks.append(
            Paragraph(reader.gettext(COUNCIL_PAYS, rate=money_text(reader, check.offered_hourly)))
        )
        blocks += _lines(reader, N_("That is not enough."))
        blocks.append(
            cited(reader, N_("I can ask the council to look at it again."), "care_act_s27")
        )
    return blocks


PA_COSTS = N_("My PA really costs {cost} an hour.")
COUNCIL_PAYS = N_("The council pays {rate} an hour.")


def if_things_go_wrong(reader: Reader, found: Found) -> list[Block]:
    """Who to call, in short lines."""
    ids = []
    if reader.answers.get("carers.has_carer") is True:
        ids.append(N_("If the person who helps me is ill, I need someone else."))
    if reader.answers.get("employing_pa.employ") in ("yes", "maybe"):
        ids.append(N_("If my PA is ill or away, I need someone else."))
    ids += [
        N_("In an emergency, I call 999."),
        N_("For help with my mental health, I call 111."),
        N_("To talk to someone, I call Samaritans on 116 123."),
        N_("If someone hurts me, I tell the council."),
    ]
    return _lines(reader, *ids)


def keeping_safe(reader: Reader, found: Found) -> list[Block]:
    """Feeling unsafe, and needs that are not safe."""
    t = reader.t
    blocks: list[Block] = []
    safe = _answer(reader, "day_to_day.feel_safe") or _answer(reader, "rights.feel_safe_later")
    if safe in ("no", "unsure"):
        blocks += _lines(reader, N_("I do not always feel safe at home."))
    for name in found.hard:
        how = _answer(reader, f"day_to_day.{name}_how")
        if isinstance(how, tuple) and "risk" in how:
            blocks.append(Paragraph(reader.gettext(NOT_SAFE, need=t.gettext(NEEDS[name]))))
    return blocks


NOT_SAFE = N_("{need} is not safe for me.")


def checking(reader: Reader, found: Found) -> list[Block]:
    """The review rights, each line with its source in small print."""
    blocks = [
        cited(reader, N_("The council must check my plan."), "care_act_s27"),
        cited(reader, N_("I can ask them to check it at any time."), "care_act_s27"),
        cited(
            reader,
            N_("They should check it 6 to 8 weeks after it starts, then once a year."),
            "cssg_review_timing",
        ),
    ]
    return [b for b in blocks if b.text]


def rights(reader: Reader, found: Found) -> list[Block]:
    """ "I have the right to:" and the rights found, each in a few words, with its source."""
    items = []
    for item in found.rights:
        if item.id in RIGHTS:
            items.append(Item(item.id, "", reader.t.gettext(RIGHTS[item.id]), item.sources[:1]))
    if not items:
        return []
    return [*_lines(reader, N_("I have the right to:")), Items(tuple(items), compact=True)]


def sharing(reader: Reader, found: Found) -> list[Block]:
    """Who may see the plan, and a place to sign."""
    t = reader.t
    columns = (t.gettext(N_("I sign here")), t.gettext(N_("Date")))
    return [
        *_lines(reader, N_("I am happy for these people to see my plan:")),
        Paragraph("____________________"),
        Table("", columns, (("", ""),)),
    ]


def about(reader: Reader, found: Found) -> list[Block]:
    """What this paper is, and is not."""
    return [
        *_lines(reader, N_("This is not the council's plan."), N_("Only the council decides.")),
        Paragraph(
            reader.gettext(N_("I made this on {date}."), date=long_date(found.today, reader.t))
        ),
    ]
