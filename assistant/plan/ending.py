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
    chosen = reader.answers.get("next_steps.asks")
    if not isinstance(chosen, tuple) or not chosen:
        return []
    return [Items(tuple(Item(v, "", reader.answer_text("next_steps.asks", (v,))) for v in chosen))]


def more_questions(reader: Reader, found: Found) -> list[Block]:
    """Other questions worth asking the council, given the rights and answers found."""
    if outside_england(reader):
        return []
    suggested = facts.questions(reader, set(found.rule_rights), found.short_rate)
    chosen = reader.answers.get("next_steps.asks")
    if isinstance(chosen, tuple) and chosen:
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
    return reader.gettext(SHARE_WITH, people=reader.answer_text(SHARE_KEY, people))


SHARE_KEY = "next_steps.share"


def consent_to_share(reader: Reader) -> tuple[str, ...] | None:
    """Who the plan may be shared with, as choice values; () for nobody else; None when the
    person did not say (the adviser's contact record reads this too)."""
    item = reader.visible(SHARE_KEY)
    if item is None or not isinstance(item.value, tuple) or not item.value:
        return None
    return tuple(v for v in item.value if v != ONLY_ME)


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
