"""The Easy Read plan: the same plan in short sentences, one idea to a line, in large print.

Easy Read (Mencap; the Skills for Care toolkit) uses first-person headings ("This is me",
"What I need help with"), short everyday words and one idea per sentence. Every sentence
here is the plan's own, written for Easy Read; the person's own words are kept as they
wrote them. Rights keep their short citation in small print. The tests hold the text to a
Flesch reading ease of 80 or more (the person's own words aside).

Each answer has its own Easy Read line, in the word lists of
:mod:`assistant.plan.easyread_words`; here, the builders of each section.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assistant.engine.session import Session
from assistant.i18n import LOCALES, Translator
from assistant.plan import easyread_words as ew
from assistant.plan import words
from assistant.plan.build import facts_of
from assistant.plan.costs import money_text
from assistant.plan.ending import consent_to_share
from assistant.plan.found import Found, cited, long_date, rates_year
from assistant.plan.model import (
    Block,
    BundleRef,
    Item,
    Items,
    Paragraph,
    Plan,
    Quote,
    Section,
    Table,
)
from assistant.plan.parts import Reader, holds_direct_payment
from assistant.values import N_


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
    """Their name and council, how to reach them, who filled it in, why now, who helps and
    how they make choices."""
    return [*_details(reader), *_lines(reader, *_about(reader))]


def _details(reader: Reader) -> list[Block]:
    """What they chose to give for the plan: name and council as sentences, their contact
    details in their own words, then how they like to be contacted."""
    blocks: list[Block] = []
    for key, msgid in (("name", MY_NAME), ("council", MY_COUNCIL)):
        value = _answer(reader, f"next_steps.{key}")
        if isinstance(value, str) and value:
            blocks.append(Paragraph(reader.gettext(msgid, **{key: value})))
    for key, label in (("contact", CONTACT_ME), ("health_contacts", MY_HEALTH)):
        value = _answer(reader, f"next_steps.{key}")
        if isinstance(value, str) and value:
            blocks.append(Quote(f"next_steps.{key}", reader.t.gettext(label), value))
    ways = _answer(reader, "next_steps.communicate")
    if isinstance(ways, tuple):
        blocks += _lines(reader, *(ew.CONTACT[v] for v in ways if v in ew.CONTACT))
    return blocks


MY_NAME = N_("My name is {name}.")
MY_COUNCIL = N_("My council is {council}.")
CONTACT_ME = N_("How to contact me")
MY_HEALTH = N_("My doctor or health team")


def _about(reader: Reader) -> list[str]:
    """The lines about who they are and who helps, as message ids."""
    ids: list[str] = []
    if _caring_for_myself(reader):
        ids += [N_("I look after someone."), N_("This plan is about help for me, as a carer.")]
    answering = _answer(reader, "getting_started.answering")
    if isinstance(answering, str) and answering in ew.HELPED:
        ids.append(ew.HELPED[answering])
    prompt = _answer(reader, "getting_started.prompt")
    ids += [ew.WHY_NOW[v] for v in prompt if v in ew.WHY_NOW] if isinstance(prompt, tuple) else []
    if _answer(reader, "carers.has_carer") is True:
        ids.append(N_("A friend or someone in my family helps me."))
        if _answer(reader, "carers.carer_coping") == "yes":
            ids.append(N_("They find it hard to keep going."))
    if _answer(reader, "carers.is_carer") is True:
        ids.append(N_("I look after someone too."))
    decide = _answer(reader, "mental_health.decisions")
    if isinstance(decide, str) and decide in ew.DECIDE:
        ids.append(ew.DECIDE[decide])
    where = reader.answers.get("getting_started.where")
    if where not in (None, "england"):
        ids.append(N_("I do not live in England. The rules where I live are different."))
    return ids


def what_matters(reader: Reader, found: Found) -> list[Block]:
    """The person's own words, as they wrote them."""
    return list(reader.own_words(words.QUOTES))


def _caring_for_myself(reader: Reader) -> bool:
    return reader.answers.get("getting_started.focus") == "carer"


def _caring_hard(reader: Reader) -> list[str]:
    """What caring makes hard, for a carer asking for themselves."""
    hard = _answer(reader, "carers.carer_activities")
    return [v for v in hard if v in ew.CARING_HARD] if isinstance(hard, tuple) else []


def caring_needs(reader: Reader) -> list[Block]:
    """A carer asking for themselves: what caring does to them, one idea a line."""
    t = reader.t
    items = [Item(v, t.gettext(ew.CARING_HARD[v]), "") for v in _caring_hard(reader)]
    ids = []
    health = _answer(reader, "carers.carer_health")
    if isinstance(health, str) and health in ew.CARER_HEALTH:
        ids.append(ew.CARER_HEALTH[health])
    if _answer(reader, "carers.carer_wellbeing") == "big":
        ids.append(N_("Caring makes my life much harder."))
    go_on = _answer(reader, "carers.carer_willing")
    if isinstance(go_on, str) and go_on in ew.CARER_GO_ON:
        ids.append(ew.CARER_GO_ON[go_on])
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
        if isinstance(value, str) and value in ew.OFTEN:
            lines.append(reader.t.gettext(ew.OFTEN[value]))
        how = _answer(reader, f"day_to_day.{name}_how")
        if isinstance(how, tuple):
            lines += [reader.t.gettext(ew.WAYS[w]) for w in how if w in ew.WAYS]
        items.append(Item(name, reader.t.gettext(ew.NEEDS[name]), "\n".join(lines)))
    if not items:
        return []
    tail = _lines(reader, N_("Only the council can decide what help I get."))
    return [Items(tuple(items)), *tail]


def what_would_help(reader: Reader, found: Found) -> list[Block]:
    """For each need, what they said would help, one idea a line; a line to write on where
    they did not say."""
    t = reader.t
    if _caring_for_myself(reader):
        rows = tuple((t.gettext(ew.CARING_HARD[v]), "") for v in _caring_hard(reader))
    else:
        said = {name: _helps(reader, name) for name in found.hard}
        if any(said.values()):
            none_yet = t.gettext(N_("I have not said yet."))
            items = [
                Item(name, t.gettext(ew.NEEDS[name]), "\n".join(lines) or none_yet)
                for name, lines in said.items()
            ]
            return [Items(tuple(items))]
        rows = tuple((t.gettext(ew.NEEDS[name]), "") for name in found.hard)
    if not rows:
        return []
    columns = (t.gettext(N_("I need help with")), t.gettext(N_("What would help")))
    return [*_lines(reader, N_("I can write here what would help.")), Table("", columns, rows)]


def _helps(reader: Reader, name: str) -> list[str]:
    """What would help with need ``name``: Easy Read lines, and their own words."""
    chosen = _answer(reader, f"day_to_day.{name}_help")
    if not isinstance(chosen, tuple):
        return []
    lines = [reader.t.gettext(ew.HELP[v]) for v in chosen if v in ew.HELP]
    other = _answer(reader, f"day_to_day.{name}_help_other")
    if "other" in chosen and isinstance(other, str) and other:
        lines.append(other)
    return lines


def _budget(reader: Reader) -> list[Block]:
    """The budget they told us, and how often."""
    amount = _answer(reader, "managing_budget.budget_amount")
    if not isinstance(amount, Decimal):
        return []
    period = _answer(reader, "managing_budget.budget_period")
    msgid = ew.BUDGET.get(period, ew.BUDGET_ONLY) if isinstance(period, str) else ew.BUDGET_ONLY
    return [Paragraph(reader.gettext(msgid, amount=money_text(reader, amount)))]


def money(reader: Reader, found: Found) -> list[Block]:
    """The budget in a few lines, and the PA rate check if it falls short."""
    if not any(reader.reviewed("managing_budget")):
        return []
    ids = [N_("The council may give me a budget."), N_("A budget is money for my care.")]
    way = _answer(reader, "managing_budget.preference")
    if isinstance(way, str) and way in ew.MONEY_WAY:
        ids.append(ew.MONEY_WAY[way])
    if reader.answers.get("employing_pa.employ") == "yes":
        ids.append(N_("I pay a helper. The helper is called a PA."))
    blocks = [*_lines(reader, *ids), *_budget(reader)]
    result, check = found.costs if found.costs else (None, None)
    if result is not None and check is not None and check.is_short:
        pays = COUNCIL_PAYS if holds_direct_payment(reader) else COUNCIL_RATE
        blocks.append(Paragraph(reader.gettext(PA_COSTS, cost=money_text(reader, result.per_hour))))
        blocks.append(
            Paragraph(reader.gettext(pays, rate=money_text(reader, check.offered_hourly)))
        )
        blocks += _lines(reader, N_("That is not enough."))
        blocks.append(
            cited(reader, N_("I can ask the council to look at it again."), "care_act_s27")
        )
    return blocks


PA_COSTS = N_("My PA really costs {cost} an hour.")
COUNCIL_PAYS = N_("The council pays {rate} an hour.")
#: Said instead when they have no direct payment: the rate is the council's, not paid to them.
COUNCIL_RATE = N_("The council's rate is {rate} an hour.")


def if_things_go_wrong(reader: Reader, found: Found) -> list[Block]:
    """Who to call, in short lines."""
    ids: list[str] = []
    if reader.answers.get("carers.has_carer") is True:
        backup = _answer(reader, "carers.backup")
        default = (N_("If the person who helps me is ill, I need someone else."),)
        ids += ew.BACKUP.get(backup, default) if isinstance(backup, str) else default
    if reader.answers.get("employing_pa.employ") in ("yes", "maybe"):
        cover = _answer(reader, "employing_pa.cover")
        default_pa = N_("If my PA is ill or away, I need someone else.")
        ids.append(ew.COVER.get(cover, default_pa) if isinstance(cover, str) else default_pa)
    crisis = _answer(reader, "mental_health.crisis_plan")
    if isinstance(crisis, str) and crisis in ew.CRISIS_PLAN:
        ids.append(ew.CRISIS_PLAN[crisis])
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
    chosen = _answer(reader, "day_to_day.risks")
    risks = [ew.RISKS[v] for v in chosen if v in ew.RISKS] if isinstance(chosen, tuple) else []
    blocks: list[Block] = _lines(reader, *risks)
    safe = _answer(reader, "day_to_day.feel_safe") or _answer(reader, "rights.feel_safe_later")
    if safe in ("no", "unsure"):
        blocks += _lines(reader, N_("I do not always feel safe at home."))
    for name in found.hard:
        how = _answer(reader, f"day_to_day.{name}_how")
        if isinstance(how, tuple) and "risk" in how:
            blocks.append(Paragraph(reader.gettext(NOT_SAFE, need=t.gettext(ew.NEEDS[name]))))
    return blocks


NOT_SAFE = N_("{need} is not safe for me.")


def checking(reader: Reader, found: Found) -> list[Block]:
    """When they want it checked, then the review rights, each line with its source in small
    print."""
    wish = _answer(reader, "next_steps.review_when")
    blocks = [
        cited(reader, N_("The council must check my plan."), "care_act_s27"),
        cited(reader, N_("I can ask them to check it at any time."), "care_act_s27"),
        cited(
            reader,
            N_("They should check it 6 to 8 weeks after it starts, then once a year."),
            "cssg_review_timing",
        ),
    ]
    wanted = _lines(reader, ew.REVIEW[wish]) if isinstance(wish, str) and wish in ew.REVIEW else []
    return [*wanted, *(b for b in blocks if b.text)]


def rights(reader: Reader, found: Found) -> list[Block]:
    """ "I have the right to:" and the rights found, each in a few words, with its source."""
    items = []
    for item in found.rights:
        if item.id in ew.RIGHTS:
            items.append(Item(item.id, "", reader.t.gettext(ew.RIGHTS[item.id]), item.sources[:1]))
    if not items:
        return []
    return [*_lines(reader, N_("I have the right to:")), Items(tuple(items), compact=True)]


def sharing(reader: Reader, found: Found) -> list[Block]:
    """Who may see the plan, and a place to sign."""
    t = reader.t
    columns = (t.gettext(N_("I sign here")), t.gettext(N_("Date")))
    return [*_shared_with(reader), Table("", columns, (("", ""),))]


def _shared_with(reader: Reader) -> list[Block]:
    """Who they are happy to see the plan: their answer, or a line to write on."""
    people = consent_to_share(reader)
    if people == ():
        return _lines(reader, N_("I do not want anyone else to see my plan."))
    blocks = _lines(reader, N_("I am happy for these people to see my plan:"))
    if people is None:
        return [*blocks, Paragraph("____________________")]
    items = [Item(v, "", reader.t.gettext(ew.SHARE[v])) for v in people if v in ew.SHARE]
    return [*blocks, Items(tuple(items), compact=True)]


def about(reader: Reader, found: Found) -> list[Block]:
    """What this paper is, and is not."""
    return [
        *_lines(reader, N_("This is not the council's plan."), N_("Only the council decides.")),
        Paragraph(
            reader.gettext(N_("I made this on {date}."), date=long_date(found.today, reader.t))
        ),
    ]
