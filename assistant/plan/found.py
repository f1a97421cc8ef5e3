"""What every section of the plan may need, worked out once per plan.

:class:`Found` gathers the conclusions of :mod:`assistant.rules` and :mod:`assistant.money`
from the answers on the person's path; the small helpers here (dates, the rates year, a
statement in the flow's own words) are shared by the section builders.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date

from assistant.flow import model
from assistant.i18n import Translator
from assistant.money import select_years
from assistant.money.model import CostResult
from assistant.money.ratecheck import RateCheck
from assistant.plan import costs, facts
from assistant.plan.model import Costs, Item, Paragraph, SourceRef
from assistant.plan.parts import Reader
from assistant.rules import eligibility
from assistant.values import Special


@dataclass(frozen=True)
class Found:
    """The conclusions, worked out once per plan and shared by the sections and facts.

    ``appendix`` says whether the plan has its appendix, where some detail (the cost
    table's assumptions) goes instead of the plan itself.
    """

    eligibility: eligibility.EligibilityResult | None
    rights: list[Item]
    rule_rights: frozenset[str]
    options: tuple[str, ...]
    costs: tuple[CostResult, RateCheck | None] | None
    cost_facts: Costs | None
    hard: tuple[str, ...]
    today: dt.date
    appendix: bool = True

    @classmethod
    def gather(cls, reader: Reader, today: dt.date, *, appendix: bool = True) -> Found:
        """Everything the rules and the calculator conclude from the answers on the path."""
        checked = costs.cost_check(reader, today)
        return cls(
            eligibility=facts.indication(reader),
            rights=facts.right_items(reader),
            rule_rights=frozenset(facts.rule_rights(reader)),
            options=facts.budget_options(reader),
            costs=checked,
            cost_facts=costs.cost_facts(*checked) if checked else None,
            hard=hard_outcomes(reader),
            today=today,
            appendix=appendix,
        )

    @property
    def short_rate(self) -> bool:
        """The council's offered rate is below the true cost of the PA."""
        return bool(self.costs and self.costs[1] and self.costs[1].is_short)


def hard_outcomes(reader: Reader) -> tuple[str, ...]:
    """The everyday outcomes the person finds hard (or is not sure about), in order."""
    hard = []
    for name in eligibility.OUTCOMES:
        item = reader.visible(f"day_to_day.{name}")
        if item is not None and (
            item.value in ("yes", eligibility.VARIES) or item.value is Special.UNKNOWN
        ):
            hard.append(name)
    return tuple(hard)


def long_date(day: dt.date, t: Translator) -> str:
    """A date as people write it in the reader's language, e.g. 22 November 2026."""
    return str(format_date(day, "long", locale=t.locale))


def rates_year(found: Found) -> str:
    """The tax year of the figures: the cost table's, else the year the plan was made in."""
    if found.cost_facts is not None:
        return found.cost_facts.tax_year
    return select_years(found.today).tax.label


def where(reader: Reader) -> str | None:
    """Where the person lives (england, wales, ...), if they said."""
    value = reader.answers.get("getting_started.where")
    return value if isinstance(value, str) else None


def outside_england(reader: Reader) -> bool:
    """They said they live in Wales, Scotland or Northern Ireland."""
    return where(reader) not in (None, "england")


def flow_text(reader: Reader, key: str, fallback: str, *, strong: bool = True) -> Paragraph:
    """A statement in the flow's own words when the flow has that step, else ours."""
    info = reader.session.bundle.steps.get(key)
    if info is not None and isinstance(info.step, model.Say):
        text = reader.render(key, info.step.text)
        return Paragraph(text, reader.sources(info.step.cite), strong=strong)
    return Paragraph(reader.t.gettext(fallback), strong=strong)


def england_label(reader: Reader, module: str | None) -> list[Paragraph]:
    """For someone outside England: the module's own reminder that it states England's rules,
    in the flow's words, when the person was shown it."""
    key = f"{module}.not_england"
    if not outside_england(reader) or key not in reader.session.path:
        return []
    return [flow_text(reader, key, "")]


def cited(reader: Reader, text: str, *source_ids: str, **params: object) -> Paragraph:
    """One of the plan's own statements of a right, with the bundle's sources for it.

    Sources the bundle does not have are left out (a bundle other than England's), so a
    statement is only made with its source: without any, it is not made at all, and the
    caller gets an empty paragraph it should drop.
    """
    known = tuple(s for s in source_ids if s in reader.session.bundle.sources)
    if not known:
        return Paragraph("")
    return Paragraph(reader.gettext(text, **params), reader.sources(known))


def sources_for(reader: Reader, *source_ids: str) -> tuple[SourceRef, ...]:
    """The bundle's sources with these ids (those it has)."""
    return reader.sources(tuple(s for s in source_ids if s in reader.session.bundle.sources))
