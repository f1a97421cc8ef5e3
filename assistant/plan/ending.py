"""The closing sections of the plan: my rights (a compact list), questions to ask the
council, consent and sharing, and what this document is and is not.

The rights are listed by name with a short citation; their full explanations are in the
appendix "Your rights explained" (:mod:`assistant.plan.appendix`), which can be left out.
"""

from __future__ import annotations

from assistant.plan import facts
from assistant.plan.found import Found, cited, long_date, outside_england, rates_year
from assistant.plan.model import Block, Item, Items, Paragraph, Table
from assistant.plan.parts import Reader
from assistant.values import N_

#: Explanations of the next steps that state a right (to complain), listed with the rights.
COMPLAINTS = ("complain_council", "ombudsman")


def rights(reader: Reader, found: Found) -> list[Block]:
    """The rights found, each by name with its short citation."""
    if outside_england(reader):
        return [Paragraph(reader.t.gettext(NOT_ENGLAND_RIGHTS))]
    items = list(found.rights)
    if "next_steps" in reader.modules:
        items += [i for i in reader.explanations("next_steps") if i.id in COMPLAINTS]
    if not items:
        return [Paragraph(reader.t.gettext(NO_RIGHTS_YET))]
    return [Items(tuple(items), compact=True)]


NOT_ENGLAND_RIGHTS = N_(
    "No rights are listed, because the rights in this tool are the law in England. The services named in this plan can tell you your rights where you live."
)
NO_RIGHTS_YET = N_("Your rights are listed here once you reach that part of the conversation.")


def questions(reader: Reader, found: Found) -> list[Block]:
    """What the person chose to ask the council for (other questions that fit their rights
    and answers are in the appendix)."""
    if outside_england(reader):
        return [Paragraph(reader.t.gettext(NOT_ENGLAND_QUESTIONS))]
    key, chosen = asked_for(reader)
    if not chosen:
        return []
    return [Items(tuple(Item(v, "", reader.answer_text(key, (v,))) for v in chosen))]


#: What to ask the council for: a carer asking about their own support has a list of their
#: own (``carer_asks``), so the plan reads whichever was asked.
ASKS_KEYS = ("next_steps.asks", "next_steps.carer_asks")


def asked_for(reader: Reader) -> tuple[str, tuple[str, ...]]:
    """The question of what to ask the council for, and the choices made there (or ())."""
    for key in ASKS_KEYS:
        chosen = reader.answers.get(key)
        if isinstance(chosen, tuple) and chosen:
            return key, chosen
    return ASKS_KEYS[0], ()


def more_questions(reader: Reader, found: Found) -> list[Block]:
    """Other questions worth asking the council, given the rights and answers found."""
    if outside_england(reader):
        return []
    suggested = facts.questions(reader, set(found.rule_rights), found.short_rate)
    if asked_for(reader)[1]:
        suggested = [q for q in suggested if q.id in facts.NOT_IN_ASKS]
    return [Items(tuple(suggested))] if suggested else []


NOT_ENGLAND_QUESTIONS = N_(
    "The questions in this tool are for councils in England. Ask the services named in this plan what to ask for where you live."
)


def consent(reader: Reader, found: Found) -> list[Block]:
    """Who the plan may be shared with, and space to sign and date it."""
    t = reader.t
    blocks: list[Block] = [
        p
        for p in [cited(reader, INVOLVE, "care_act_s24_26")]
        if p.text and not outside_england(reader)
    ]
    blocks.append(Paragraph(shared_with(reader)))
    columns = (t.gettext(N_("Signed")), t.gettext(N_("Name")), t.gettext(N_("Date")))
    blocks.append(Table("", columns, (("", "", ""),)))
    return blocks


INVOLVE = N_(
    "The council must involve me, any carer I have and anyone I ask, and give a copy of my plan to me and to anyone I ask."
)
SHARE_BLANK = N_("I agree that this plan may be shared with: ____________________")
SHARE_WITH = N_("I agree that this plan may be shared with: {people}.")
SHARE_NOBODY = N_("I do not agree to this plan being shared with anyone else.")
#: The answer that means nobody else (``next_steps.share``).
ONLY_ME = "only_me"


def shared_with(reader: Reader) -> str:
    """Who the person agreed the plan may be shared with, in words: their answer, or a line
    to fill in when they did not say."""
    people = consent_to_share(reader)
    if people is None:
        return reader.t.gettext(SHARE_BLANK)
    if not people:
        return reader.t.gettext(SHARE_NOBODY)
    key = next(k for k in SHARE_KEYS if reader.visible(k) is not None)
    return reader.gettext(SHARE_WITH, people=reader.answer_text(key, people))


#: Who to involve: the list offers a mental health team (``share_with_team``) only to people
#: who spoke of their mental health, and a carer on their own way through has a list of
#: their own (``carer_share``: the person they look after); whichever was asked is read.
SHARE_KEYS = ("next_steps.share", "next_steps.share_with_team", "next_steps.carer_share")


def consent_to_share(reader: Reader) -> tuple[str, ...] | None:
    """Who the plan may be shared with, as choice values; () for nobody else; None when the
    person did not say (the adviser's contact record reads this too)."""
    for key in SHARE_KEYS:
        item = reader.visible(key)
        if item is not None and isinstance(item.value, tuple) and item.value:
            return tuple(v for v in item.value if v != ONLY_ME)
    return None


def about_plan(reader: Reader, found: Found) -> list[Block]:
    """What this document is and is not, when it was made, and the rates year used."""
    t, bundle = reader.t, reader.session.bundle
    made = reader.gettext(
        ABOUT_VERSION, title=t.gettext(bundle.manifest.title), version=bundle.digest[:12]
    )
    draft = reader.gettext(ABOUT_DRAFT, date=long_date(found.today, t))
    rates = reader.gettext(ABOUT_RATES, year=rates_year(found))
    return [
        Paragraph(t.gettext(ABOUT_NOT_COUNCIL), strong=True),
        Paragraph(" ".join((draft, made, rates, t.gettext(ABOUT_UNCONFIRMED)))),
        Paragraph(t.gettext(ABOUT_NOT_ADVICE)),
    ]


ABOUT_DRAFT = N_("This is a draft to help you prepare. It was made on {date} from your answers.")
ABOUT_NOT_COUNCIL = N_(
    "It is not your council's care and support plan. Only the council decides what support you get, after an assessment."
)
ABOUT_NOT_ADVICE = N_(
    "It is general information, not legal advice. Before you act on anything about money or your rights, talk to your council, an independent advocate or an advice service."
)
ABOUT_RATES = N_("Money figures are for the {year} tax year.")
ABOUT_UNCONFIRMED = N_(
    'Anything marked "not yet confirmed" has not yet been checked against its source.'
)
ABOUT_VERSION = N_("Made from: {title} (version {version}).")
