"""The parts of the plan about the person: about me, what matters, needs, help and risks.

Each builder returns blocks for one section (see :mod:`assistant.plan.layout`). Answers
appear under the plan's own short labels (:mod:`assistant.plan.words`), never as the
question text; free text stays in the person's own words.
"""

from __future__ import annotations

from assistant.plan import words
from assistant.plan.facts import COUNCIL_DECIDES, INDICATIONS
from assistant.plan.found import Found, cited, flow_text, outside_england, sources_for
from assistant.plan.model import Answers, Block, Item, Items, Paragraph, Table
from assistant.plan.parts import Reader
from assistant.rules import eligibility, rights
from assistant.values import N_, Special


def _answers(reader: Reader, labels: dict[str, str], heading: str = "") -> list[Block]:
    rows = reader.labelled(labels, words.QUIET)
    return (
        [Answers(tuple(rows), heading=reader.t.gettext(heading) if heading else "")] if rows else []
    )


def about_me(reader: Reader, found: Found) -> list[Block]:
    """Who the person is, as far as they chose to say, and who is around them: the details
    they gave for the plan first (name, contact, council, how they like to be contacted),
    and last the people they want involved (Care Act s25(3))."""
    blocks = _answers(reader, {**words.DETAILS, **words.ABOUT_ME})
    if outside_england(reader):
        blocks += _jurisdiction(reader)
    network = {**words.SUPPORT_NETWORK, **words.DECISIONS, **words.INVOLVE}
    if _aftercare(reader):  # My needs says it, with which section
        network = {k: v for k, v in network.items() if k not in (DETAINED, SECTION)}
    rows = reader.labelled(network, words.QUIET)
    return blocks + ([Answers(tuple(rows))] if rows else [])


def _jurisdiction(reader: Reader) -> list[Block]:
    """For people outside England: the honest note that the law there is different."""
    where = reader.answers.get("getting_started.where")
    ids = tuple(
        key.split(".", 1)[1]
        for key in reader.shown_says()
        if key.startswith(f"getting_started.{where}")
    )
    items = [i for i in reader.explanations("getting_started", also=ids) if i.id in ids]
    return [Items(tuple(items))] if items else []


def what_matters(reader: Reader, found: Found) -> list[Block]:
    """Their own words about a good day, their goals and who helps."""
    return list(reader.own_words(words.QUOTES))


def needs(reader: Reader, found: Found) -> list[Block]:
    """Each everyday thing they find hard, how often and how; then what the rules suggest.

    A carer asking about their own support answered about caring instead: those answers.
    """
    if reader.answers.get("getting_started.focus") == "carer":
        return _answers(reader, words.CARER_NEEDS)
    if not any(reader.reviewed("day_to_day")):
        return []
    blocks: list[Block] = []
    if found.hard:
        blocks.append(Items(tuple(_need(reader, name) for name in found.hard)))
    else:
        blocks.append(Paragraph(reader.t.gettext(NO_HARD_OUTCOMES)))
    if found.eligibility is None:  # the conditions below say the same, when there are any
        blocks += _answers(reader, words.NEEDS_CONTEXT)
    return blocks + _eligibility(reader, found) + _aftercare(reader)


def _aftercare(reader: Reader) -> list[Block]:
    """After a qualifying section, that needs from the mental health condition may be
    section 117 after-care (the rights list's rule). Which needs it covers is for the NHS
    and the council to decide, so the plan names none."""
    section = reader.answers.get(SECTION)
    detained = reader.answers.get(DETAINED)
    if section is None or outside_england(reader) or not rights.aftercare(detained, section):
        return []
    named = reader.answer_text(SECTION, section)
    said = cited(reader, AFTERCARE, "mha_s117", section=named[:1].lower() + named[1:])
    return [said] if said.text else []


DETAINED, SECTION = "mental_health.detained", "mental_health.section"
AFTERCARE = N_(
    "I was kept in hospital under the Mental Health Act: {section}. Needs from my mental health condition may be free section 117 after-care, from the NHS and the council together. Only they decide which."
)
NO_HARD_OUTCOMES = N_("I did not name any everyday things I find hard.")


def _need(reader: Reader, name: str) -> Item:
    """One need: how often (needs that come and go say so) and how, in the person's choices."""
    t = reader.t
    value = reader.answers.get(f"day_to_day.{name}")
    often = words.OFTEN.get(value) if isinstance(value, str) else None
    text = t.gettext(often) if often else t.gettext(words.NOT_SURE_HOW_OFTEN)
    how = reader.visible(f"day_to_day.{name}_how")
    if how is not None and isinstance(how.value, tuple):
        ways = [t.gettext(words.WAYS[w]) for w in how.value if w in words.WAYS]
        if ways:
            text += " " + reader.gettext(words.HOW, ways="; ".join(ways))
    elif how is not None and how.value is Special.UNKNOWN:
        text += " " + reader.gettext(words.HOW, ways=t.gettext(words.NOT_SURE_HOW))
    return Item(name, t.gettext(words.OUTCOMES[name]), text)


def _eligibility(reader: Reader, found: Found) -> list[Block]:
    """The indication in the flow's words, and that only the council decides (the three
    conditions behind it are in the appendix: :func:`conditions`)."""
    result = found.eligibility
    if result is None:
        return []
    blocks: list[Block] = []
    blocks.append(
        flow_text(reader, f"day_to_day.{result.indication}", INDICATIONS[result.indication])
    )
    blocks.append(flow_text(reader, "day_to_day.council_decides", COUNCIL_DECIDES))
    return blocks


def conditions(reader: Reader, found: Found) -> list[Block]:
    """The three conditions as the answers suggest them, the second naming the needs, and
    a word on needs that come and go."""
    result = found.eligibility
    if result is None:
        return []
    items = []
    reg2 = sources_for(reader, "eligibility_regs_reg2")
    for number, (condition, status) in enumerate(result.conditions.items()):
        text = reader.t.gettext(eligibility.REASONS[(condition, status)])
        if condition == "c2" and found.hard:
            names = "; ".join(reader.t.gettext(words.OUTCOMES[n]).lower() for n in found.hard)
            text += " " + reader.gettext(HARD_ARE, needs=names)
        items.append(Item(condition, reader.t.gettext(CONDITIONS[number]), text, reg2))
    blocks: list[Block] = [Items(tuple(items))]
    if result.fluctuating:
        blocks.append(Paragraph(reader.t.gettext(eligibility.FLUCTUATING_REASON), reg2))
    return blocks


CONDITIONS_TITLE = N_("My needs and the three conditions")
CONDITIONS = (N_("First condition"), N_("Second condition"), N_("Third condition"))
HARD_ARE = N_("The things I find hard: {needs}.")


def what_would_help(reader: Reader, found: Found) -> list[Block]:
    """For each hard need: what would help (their choices, or their own words), who would
    do it and when (from how often it is hard). A cell is left blank where they did not say,
    for them and the council to fill in: Care Act s25(1) "how needs will be met"."""
    if not found.hard:
        return []
    t = reader.t
    rows = tuple(help_row(reader, name) for name in found.hard)
    columns = tuple(t.gettext(c) for c in HELP_COLUMNS)
    blank = any("" in row[1:] for row in rows)
    return [
        Paragraph(t.gettext(HELP_INTRO_BLANK if blank else HELP_INTRO)),
        Table("", columns, rows),
    ]


def help_row(reader: Reader, name: str) -> tuple[str, str, str, str]:
    """One need's row: the need, what would help, who and when."""
    t = reader.t
    what, who = help_chosen(reader, name)
    often = reader.answers.get(f"day_to_day.{name}")
    when = words.HELP_WHEN.get(often) if isinstance(often, str) else None
    who_text = "; ".join(dict.fromkeys(t.gettext(words.HELP_WHO[w]) for w in who))
    return (
        t.gettext(words.OUTCOMES[name]),
        "; ".join(what),
        who_text,
        t.gettext(when) if when else "",
    )


def help_chosen(reader: Reader, name: str) -> tuple[list[str], list[str]]:
    """What would help with need ``name``, in the person's terms, and the choice values that
    say who would do it. "Something else" is replaced by their own words when they gave them."""
    key = f"day_to_day.{name}_help"
    chosen = reader.visible(key)
    if chosen is None or not isinstance(chosen.value, tuple):
        return [], []
    what: list[str] = []
    for value in chosen.value:
        other = reader.visible(f"{key}_other") if value == "other" else None
        if other is not None and isinstance(other.value, str) and other.value:
            what.append(other.value)
        else:
            what.append(reader.answer_text(key, (value,)))
    return what, [v for v in chosen.value if v in words.HELP_WHO]


HELP_COLUMNS = (N_("My need"), N_("What would help"), N_("Who"), N_("When"))
HELP_INTRO = N_(
    "How each need could be met, as I see it (a PA is a personal assistant). The council agrees the plan with me."
)
HELP_INTRO_BLANK = N_(
    "How each need could be met, as I see it (a PA is a personal assistant). Blank spaces are for me and the council to fill in."
)


def risks(reader: Reader, found: Found) -> list[Block]:
    """Risks from the answers: the ones they asked the council to think about, feeling
    unsafe, needs that put someone at risk, a carer who may not keep going."""
    t = reader.t
    blocks: list[Block] = []
    chosen = reader.visible("day_to_day.risks")
    if chosen is not None and isinstance(chosen.value, tuple) and chosen.value:
        named = reader.answer_text(chosen.step, chosen.value)
        blocks.append(Paragraph(reader.gettext(CHOSEN_RISKS, risks=named)))
    lines: list[Item] = []
    safe = reader.visible("day_to_day.feel_safe") or reader.visible("rights.feel_safe_later")
    if safe is not None and safe.value in ("no", "unsure"):
        lines.append(Item("feel_safe", "", t.gettext(NOT_SAFE[str(safe.value)])))
    for name in found.hard:
        how = reader.visible(f"day_to_day.{name}_how")
        if how is not None and isinstance(how.value, tuple) and "risk" in how.value:
            text = reader.gettext(AT_RISK, need=t.gettext(words.OUTCOMES[name]))
            lines.append(Item(f"risk_{name}", "", text))
    coping = reader.visible("carers.carer_coping")
    if coping is not None and coping.value == "yes":
        lines.append(Item("carer_coping", "", t.gettext(CARER_MAY_STOP)))
    if not lines and not blocks:
        return [Paragraph(t.gettext(NO_RISKS))] if found.hard else []
    return blocks + ([Items(tuple(lines))] if lines else [])


NOT_SAFE = {
    "no": N_("I do not always feel safe at home, or with the people around me."),
    "unsure": N_("I am not sure I am always safe at home, or with the people around me."),
}
CHOSEN_RISKS = N_("I want the council to think about these with me: {risks}.")
AT_RISK = N_("{need}: it puts me or someone else at risk.")
CARER_MAY_STOP = N_("The person who helps me is finding it hard to keep going.")
NO_RISKS = N_("I did not name any risks. I can add any here.")
