"""The builders of the plan's main sections: eligibility, budget options, costs, rights,
questions to ask, contacts, urgent help and what the plan is about.

:mod:`assistant.plan.build` places each one where :mod:`assistant.plan.layout` says, after
the answers and explanations of its section. Each builder takes the :class:`Reader` and what was :class:`Found` once per plan, and
returns blocks. Wording comes from the flow where the flow says it (so the plan and the
conversation agree, and translators translate it once); the plan's own few sentences are
about the document itself, never new law.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from babel.dates import format_date

from assistant.engine.crisis import help_was_offered
from assistant.flow import model
from assistant.i18n import Translator
from assistant.money import select_years
from assistant.money.model import CostResult
from assistant.money.ratecheck import RateCheck
from assistant.plan import costs, facts
from assistant.plan.model import Answers, Block, Costs, Item, Items, Paragraph, SourceRef
from assistant.plan.parts import Reader
from assistant.rules import eligibility
from assistant.safety import help_content
from assistant.values import N_, Special


@dataclass(frozen=True)
class Found:
    """The conclusions, worked out once per plan and shared by the sections and facts."""

    eligibility: eligibility.EligibilityResult | None
    rights: list[Item]
    rule_rights: frozenset[str]
    options: tuple[str, ...]
    costs: tuple[CostResult, RateCheck | None] | None
    cost_facts: Costs | None
    today: dt.date

    @classmethod
    def gather(cls, reader: Reader, today: dt.date) -> Found:
        """Everything the rules and the calculator conclude from the answers on the path."""
        checked = costs.cost_check(reader, today)
        return cls(
            eligibility=facts.indication(reader),
            rights=facts.right_items(reader),
            rule_rights=frozenset(facts.rule_rights(reader)),
            options=facts.budget_options(reader),
            costs=checked,
            cost_facts=costs.cost_facts(*checked) if checked else None,
            today=today,
        )


def long_date(day: dt.date, t: Translator) -> str:
    """A date as people write it in the reader's language, e.g. 22 November 2026."""
    return str(format_date(day, "long", locale=t.locale))


def _where(reader: Reader) -> str | None:
    where = reader.answers.get("getting_started.where")
    return where if isinstance(where, str) else None


def _flow_text(reader: Reader, key: str, fallback: str) -> Paragraph:
    """A statement in the flow's own words when the flow has that step, else ours."""
    info = reader.session.bundle.steps.get(key)
    if info is not None and isinstance(info.step, model.Say):
        text = reader.render(key, info.step.text)
        return Paragraph(text, reader.sources(info.step.cite), strong=True)
    return Paragraph(reader.t.gettext(fallback), strong=True)


#: Explanations a builder already shows, so the section does not repeat them.
SHOWN_ELSEWHERE: dict[str, tuple[str, ...]] = {
    "day_to_day": ("likely", "might", "unlikely", "council_decides"),
}


#: Rules the budget questions led to (paying a close relative at home), kept with the answers.
RULES_FOR_ANSWERS = ("family_rule",)


def jurisdiction(reader: Reader, found: Found) -> list[Block]:
    """For people outside England: the honest note that the law there is different."""
    where = _where(reader)
    if where is None or where == "england":
        return []
    ids = tuple(
        key.split(".", 1)[1]
        for key in reader.shown_says()
        if key.startswith(f"getting_started.{where}")
    )
    items = [i for i in reader.explanations("getting_started", also=ids) if i.id in ids]
    heading = reader.t.gettext(N_("Where I live"))
    return [Items(tuple(items), heading=heading)] if items else []


def outcomes(reader: Reader) -> list[Block]:
    """The everyday things they find hard and how, then the other day-to-day answers."""
    hard: list[Item] = []
    used: set[str] = set()
    for name in eligibility.OUTCOMES:
        key, how_key = f"day_to_day.{name}", f"day_to_day.{name}_how"
        used.update((key, how_key))
        value = reader.answers.get(key)
        if value in ("yes", eligibility.VARIES) or value is Special.UNKNOWN:
            hard.append(_outcome_item(reader, name, key, how_key))
    blocks: list[Block] = []
    if hard:
        heading = reader.t.gettext(N_("Everyday things I find hard"))
        blocks.append(Items(tuple(hard), heading=heading))
    rows = reader.rows("day_to_day", skip=frozenset(used))
    return [*blocks, Answers(tuple(rows))] if rows else blocks


def _outcome_item(reader: Reader, name: str, key: str, how_key: str) -> Item:
    step = reader.session.bundle.steps[key].step
    assert isinstance(step, model.Ask)
    text = reader.answer_text(key, reader.answers[key]) + "."
    how = reader.answers.get(how_key)
    if isinstance(how, tuple):
        ways = "; ".join(reader.answer_text(how_key, (way,)) for way in how)
        text += " " + reader.gettext(N_("How: {ways}."), ways=ways)
    elif how is Special.UNKNOWN:
        text += " " + reader.gettext(N_("How: {ways}."), ways=reader.answer_text(how_key, how))
    return Item(name, reader.render(key, step.text), text)


def england_label(reader: Reader, module: str | None) -> list[Block]:
    """For someone outside England: the module's own reminder that it states England's rules.

    Every section that states the law in England (money and budget included) opens with it,
    in the flow's words, when the person was shown it.
    """
    key = f"{module}.not_england"
    if _where(reader) in (None, "england") or key not in reader.session.path:
        return []
    return [_flow_text(reader, key, "")]


def eligibility_part(reader: Reader, found: Found) -> list[Block]:
    """The indication in the flow's words, and the statement that only the council decides."""
    result = found.eligibility
    if result is None:
        return []
    blocks: list[Block] = [
        _flow_text(reader, f"day_to_day.{result.indication}", facts.INDICATIONS[result.indication]),
        _flow_text(reader, "day_to_day.council_decides", facts.COUNCIL_DECIDES),
    ]
    if result.fluctuating:
        blocks.append(_fluctuating(reader))
    return blocks


def _fluctuating(reader: Reader) -> Paragraph:
    """Needs that come and go, with the regulation behind it when the flow cites one."""
    text = reader.t.gettext(eligibility.FLUCTUATING_REASON)
    info = reader.session.bundle.steps.get("day_to_day.varies")
    cited = info.step.cite if info is not None and isinstance(info.step, model.Say) else ()
    return Paragraph(text, reader.sources(cited))


def options_part(reader: Reader, found: Found) -> list[Block]:
    """The ways to manage the budget that may suit, the one preferred, and points people miss."""
    module = "managing_budget"
    rules = [i for i in reader.explanations(module) if i.id.startswith(RULES_FOR_ANSWERS)]
    blocks: list[Block] = [Items(tuple(rules))] if rules else []
    if found.options:
        items = [_option_item(reader, option) for option in found.options]
        heading = reader.t.gettext(N_("Ways that may suit me, from my answers"))
        blocks.append(Items(tuple(items), heading=heading))
    preferred = reader.answers.get(f"{module}.preference")
    if isinstance(preferred, str):
        chosen = [
            item
            for item in reader.explanations(module)
            if item.id.startswith(f"{preferred}_") and not item.id.endswith("_fits")
        ]
        heading = reader.gettext(
            N_("About the way I am most interested in: {name}"),
            name=facts.option_name(reader, preferred),
        )
        blocks.append(Items(tuple(chosen), heading=heading))
    missed = reader.explanations(module, section="missed")
    if missed:
        blocks.append(
            Items(tuple(missed), heading=reader.t.gettext(N_("Things people often miss")))
        )
    return blocks


def _option_item(reader: Reader, option: str) -> Item:
    key = f"managing_budget.{option}_fits"
    info = reader.session.bundle.steps.get(key)
    text = reader.render(key, info.step.text) if info and isinstance(info.step, model.Say) else ""
    return Item(option, facts.option_name(reader, option), text)


def costs_part(reader: Reader, found: Found) -> list[Block]:
    """The PA cost table, or why there is none when the cost check was reached."""
    if found.costs is not None:
        return [costs.cost_table(reader, *found.costs)]
    if "employing_pa.pa_rate" in reader.session.path:
        return [Paragraph(reader.t.gettext(costs.NO_COSTS))]
    return []


def rights_part(reader: Reader, found: Found) -> list[Block]:
    """The rights explained to the person, each with its source."""
    if found.rights:
        return [Items(tuple(found.rights))]
    if _where(reader) not in (None, "england"):
        return [Paragraph(reader.t.gettext(NOT_ENGLAND_RIGHTS))]
    return [Paragraph(reader.t.gettext(NO_RIGHTS_YET))]


NOT_ENGLAND_RIGHTS = N_(
    "No rights are listed, because the rights in this tool are the law in England. The services named in this plan can tell you your rights where you live."
)
NO_RIGHTS_YET = N_("Your rights are listed here once you reach that part of the conversation.")


def questions_part(reader: Reader, found: Found) -> list[Block]:
    """What to ask the council: the person's own choices first, then any others that fit."""
    if _where(reader) not in (None, "england"):
        return [Paragraph(reader.t.gettext(NOT_ENGLAND_QUESTIONS))]
    short = bool(found.costs and found.costs[1] and found.costs[1].is_short)
    suggested = facts.questions(reader, set(found.rule_rights), short)
    chosen = reader.answers.get("next_steps.asks")
    if not isinstance(chosen, tuple) or not chosen:
        return [Items(tuple(suggested))]
    asked = Items(
        tuple(Item(v, "", reader.answer_text("next_steps.asks", (v,))) for v in chosen),
        heading=reader.t.gettext(N_("I want to ask the council for")),
    )
    more = [q for q in suggested if q.id in facts.NOT_IN_ASKS]
    heading = reader.t.gettext(N_("I may also want to ask"))
    return [asked, Items(tuple(more), heading=heading)] if more else [asked]


NOT_ENGLAND_QUESTIONS = N_(
    "The questions in this tool are for councils in England. Ask the services named in this plan what to ask for where you live."
)


def contacts_part(reader: Reader, found: Found) -> list[Block]:
    """Urgent help contacts and how to report abuse, under their heading."""
    heading = reader.t.gettext(N_("Urgent help and safety"))
    return [Items(_contact_items(reader), heading=heading)]


def _contact_items(reader: Reader) -> tuple[Item, ...]:
    """The urgent help contacts and how to report abuse, from the reviewed safety data.

    Long on purpose: one list of items, each built the same way from the safety data.
    """
    content = help_content()
    t = reader.t

    def ref(source_id: str) -> tuple[SourceRef, ...]:
        source = content.sources.get(source_id)
        if source is None:
            return ()
        text = source.title + (f", {source.part}" if source.part else "")
        return (SourceRef(source_id, text, source.url, source.confirmed),)

    items = [
        Item(
            c.id,
            t.pgettext("help_now", c.name),
            _join(t.pgettext("help_now", c.how), t.pgettext("help_now", c.when)),
            ref(c.source),
        )
        for c in content.contacts
    ]
    guard = content.safeguarding
    items.append(
        Item(
            "safeguarding",
            t.pgettext("help_now", guard.title),
            t.pgettext("help_now", guard.text),
            ref(guard.source),
        )
    )
    return tuple(items)


URGENT_INTRO = N_(
    "If you feel unsafe, or you might harm yourself, you do not have to wait for the council. These services can help now, day or night."
)


HELP_OFFERED = N_(
    "Help was offered during this conversation, after words that can mean someone is not safe."
)
WORDS_LEFT_OUT = N_(
    "Those words are left out of this plan. You can choose to keep them, and they will appear here."
)


def urgent_part(reader: Reader, found: Found) -> list[Block]:
    """The urgent help contacts first, for a person who opened Help now or spoke of a crisis.

    It says when help was offered, and that the words are left out of the plan, never which.
    """
    blocks: list[Block] = [Paragraph(reader.t.gettext(URGENT_INTRO), strong=True)]
    if any(event.kind == "help_offered" for event in reader.session.events):
        blocks.append(Paragraph(reader.t.gettext(HELP_OFFERED)))
    if reader.left_out:
        blocks.append(Paragraph(reader.t.gettext(WORDS_LEFT_OUT)))
    return [*blocks, Items(_contact_items(reader))]


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def about_part(reader: Reader, found: Found) -> list[Block]:
    """What this document is and is not, when it was made, and the rates year used."""
    t, bundle = reader.t, reader.session.bundle
    year = rates_year(found)
    return [
        Paragraph(reader.gettext(ABOUT_DRAFT, date=long_date(found.today, t))),
        Paragraph(t.gettext(ABOUT_NOT_COUNCIL), strong=True),
        Paragraph(t.gettext(ABOUT_NOT_ADVICE)),
        Paragraph(reader.gettext(ABOUT_RATES, year=year)),
        Paragraph(t.gettext(ABOUT_UNCONFIRMED)),
        Paragraph(
            reader.gettext(
                ABOUT_VERSION, title=t.gettext(bundle.manifest.title), version=bundle.digest[:12]
            )
        ),
    ]


def rates_year(found: Found) -> str:
    """The tax year of the figures: the cost table's, else the year the plan was made in."""
    if found.cost_facts is not None:
        return found.cost_facts.tax_year
    return select_years(found.today).tax.label


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


def _mental_health(reader: Reader, found: Found) -> bool:
    """Relevant when they mentioned mental health, or a mental-health right applies."""
    prompt = reader.answers.get("getting_started.prompt")
    said = isinstance(prompt, tuple) and "mental_health" in prompt
    history = any(
        reader.answers.get(f"mental_health.{k}") is True for k in ("mh_history", "detained")
    )
    return (
        said or history or bool(found.rule_rights & {"aftercare", "advocate", "authorised_person"})
    )


Builder = Callable[[Reader, Found], list[Block]]
BUILDERS: dict[str, Builder] = {
    "jurisdiction": jurisdiction,
    "eligibility": eligibility_part,
    "options": options_part,
    "costs": costs_part,
    "rights": rights_part,
    "questions": questions_part,
    "contacts": contacts_part,
    "urgent": urgent_part,
    "about": about_part,
}


def _employing(reader: Reader, found: Found) -> bool:
    """Relevant unless they said they will not employ a PA."""
    return reader.answers.get("employing_pa.employ") not in (None, "no")


def _crisis(reader: Reader, found: Found) -> bool:
    """Help now was opened or offered (the engine's crisis policy decides)."""
    return help_was_offered(reader.session)


RELEVANT: dict[str, Callable[[Reader, Found], bool]] = {
    "crisis": _crisis,
    "mental_health": _mental_health,
    "employing_pa": _employing,
}
