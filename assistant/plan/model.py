"""The draft support plan as data: what every format (Markdown, HTML, text, JSON) renders.

A :class:`Plan` is already in the person's language: builders translate, renderers only
lay out. The same structs define the JSON export, so ``plan.schema.json`` (generated from
them with msgspec) can never drift from what is written. Amounts of money are kept twice:
as exact decimal strings (``"316.47"``) for machines and as formatted text for people.
"""

from __future__ import annotations

from typing import Any

import msgspec
from msgspec import Struct

from assistant.values import printable

SCHEMA_ID = "support-plan/plan"
SCHEMA_VERSION = 2


class SourceRef(Struct, frozen=True, omit_defaults=True):
    """Where a statement comes from. ``confirmed`` False must be shown as not yet confirmed.

    ``short`` is the citation as a list of rights shows it ("Care Act 2014, section 9").
    """

    id: str
    text: str
    url: str | None = None
    confirmed: bool = True
    short: str = ""


class Paragraph(Struct, frozen=True, tag="paragraph", omit_defaults=True):
    """Plain text, optionally with its sources; ``strong`` marks a key statement."""

    text: str
    sources: tuple[SourceRef, ...] = ()
    strong: bool = False


class Quote(Struct, frozen=True, tag="quote"):
    """The person's own words, under the plan's short label for them ("A good day for me")."""

    step: str
    label: str
    text: str


class AnswerRow(Struct, frozen=True, omit_defaults=True):
    """One answer under the plan's own short label; ``value`` is the stored answer (JSON).

    ``label`` names what the answer is about ("Why I am asking for help now"), never the
    question as asked; only for a module the plan does not know is it the question.
    """

    step: str
    label: str
    answer: str
    value: Any = None


class Answers(Struct, frozen=True, tag="answers", omit_defaults=True):
    """A list of labelled answers, under an optional sub-heading."""

    rows: tuple[AnswerRow, ...]
    heading: str = ""


class Item(Struct, frozen=True, omit_defaults=True):
    """One explained point (a right, a duty, a question to ask) with its sources."""

    id: str
    title: str
    text: str = ""
    sources: tuple[SourceRef, ...] = ()


class Items(Struct, frozen=True, tag="items", omit_defaults=True):
    """Points under an optional sub-heading; ``checklist`` puts a box to tick by each.

    ``compact`` lists each point as its title and short citations on one line (the
    full text is in the appendix).
    """

    items: tuple[Item, ...]
    heading: str = ""
    checklist: bool = False
    compact: bool = False


class Table(Struct, frozen=True, tag="table", omit_defaults=True):
    """A table with a header row; empty cells are left for the person to fill in."""

    heading: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class CostRow(Struct, frozen=True):
    """One line of the cost of employing a PA: exact amounts and formatted text."""

    id: str
    label: str
    weekly: str
    yearly: str
    weekly_text: str
    yearly_text: str


class CostTable(Struct, frozen=True, tag="costs", omit_defaults=True):
    """The PA cost table from the money calculator, with its assumptions and warnings.

    When the council's offered rate was given: ``rate_check`` says what the offer means,
    ``review_case`` gives the case for a review, and ``request`` is a paragraph the person
    can send to ask for one (``request_notes`` warn of unconfirmed sources it quotes).
    """

    heading: str
    rows: tuple[CostRow, ...]
    total: CostRow
    per_hour: str
    per_hour_text: str
    tax_year: str
    warnings: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    rate_check: tuple[str, ...] = ()
    review_case: tuple[str, ...] = ()
    request: str = ""
    request_notes: tuple[str, ...] = ()


Block = Paragraph | Quote | Answers | Items | Table | CostTable


class Section(Struct, frozen=True):
    """One section of the plan, e.g. "My rights"."""

    id: str
    title: str
    blocks: tuple[Block, ...]


class Costs(Struct, frozen=True, omit_defaults=True):
    """The cost results as exact decimal strings (pounds), for case systems and tests."""

    tax_year: str
    lines: dict[str, str]
    total_weekly: str
    total_yearly: str
    per_hour: str
    offered_weekly: str | None = None
    shortfall_weekly: str | None = None
    shortfall_yearly: str | None = None


class Facts(Struct, frozen=True):
    """The outcomes as ids, for machines: what the golden conversations assert."""

    indication: str | None
    conditions: dict[str, str]
    rights: tuple[str, ...]
    options: tuple[str, ...]
    costs: Costs | None
    answered_by: str | None = None
    needs: tuple[str, ...] = ()
    fluctuating: tuple[str, ...] = ()


class Note(Struct, frozen=True):
    """An adviser's note: when, at which step, and what. Only in the adviser's export.

    ``question`` is what the person was being asked then, as shown, so a reader of the
    adviser's copy need not know the flow's step ids.
    """

    at: str
    step: str | None
    text: str
    question: str = ""


class BundleRef(Struct, frozen=True):
    """Which conversation the plan came from; ``digest`` identifies the exact flow files."""

    id: str
    title: str
    digest: str


class Plan(Struct, frozen=True, kw_only=True):
    """A draft support plan in one language. ``notes`` is None unless exported for an adviser.

    ``kind`` is ``"plan"`` or ``"easy_read"``. ``appendix`` holds the sections a person can
    leave out when printing (the full explanations of their rights); it is empty when the
    plan was made without it.
    """

    schema: str = SCHEMA_ID
    version: int = SCHEMA_VERSION
    title: str
    subtitle: str
    locale: str
    language: str
    created: str
    created_text: str
    rates_year: str
    bundle: BundleRef
    kind: str = "plan"
    sections: tuple[Section, ...]
    appendix_title: str = ""
    appendix: tuple[Section, ...] = ()
    facts: Facts
    notes: tuple[Note, ...] | None = None

    def section(self, section_id: str) -> Section | None:
        """The section with this id (in the plan or its appendix), if the plan has it."""
        return next((s for s in (*self.sections, *self.appendix) if s.id == section_id), None)


def plan_json_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON export, generated from the structs above."""
    schema = msgspec.json.schema(Plan)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Support Plan Assistant: draft support plan (JSON export)"
    return schema


if __name__ == "__main__":  # pragma: no cover - regenerates plan.schema.json
    import json

    print(json.dumps(plan_json_schema(), indent=2))


def printable_plan(plan: Plan) -> Plan:
    """``plan`` with every text :func:`~assistant.values.printable`: answers and notes reach
    it unchecked (JSON lines, imports), and one escape sequence would act on the terminal
    the plan is printed to, or stop the Word export with a traceback. Every other value
    (numbers, tuples of choices) keeps its type."""
    cleaned: Plan = _printable(plan)
    return cleaned


def _printable(data: Any) -> Any:
    if isinstance(data, str):
        return printable(data)
    if isinstance(data, Struct):
        fields = {name: _printable(getattr(data, name)) for name in data.__struct_fields__}
        return msgspec.structs.replace(data, **fields)
    if isinstance(data, tuple | list):
        return type(data)(_printable(item) for item in data)
    if isinstance(data, dict):
        return {key: _printable(value) for key, value in data.items()}
    return data
