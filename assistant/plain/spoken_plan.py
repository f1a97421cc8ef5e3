"""The draft plan read a part at a time, for the screen-reader mode.

Printed whole, the plan is hundreds of lines with underlined headings, bullets and an
aligned table: a screen reader reads every rule and every column. Here ``plan`` says how
many parts there are and reads the first; ``next`` reads the next one; ``plan 3`` reads
part 3. Each part is sentences, one a line: questions with their answers, the cost table
as "Basic pay: £337.50 a week, £17,550.00 a year.", sources offered rather than read.
"""

from __future__ import annotations

import datetime as dt

from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.money import messages as m
from assistant.plain.spoken import SpokenLayout, heading, unique, without_repeats
from assistant.plan.build import build_plan
from assistant.plan.labels import Labels, titled
from assistant.plan.model import Answers, Block, CostTable, Items, Paragraph, Plan, Quote, Table
from assistant.values import N_


class PlanReader:
    """Which part of the plan is being read; the plan is made again on each ``plan``."""

    def __init__(self, layout: SpokenLayout, today: dt.date | None = None) -> None:
        self.layout = layout
        self.today = today  # the plan's date: today unless a test fixes it
        self.t: Translator = layout.t
        self.plan: Plan | None = None
        self.part = 0

    def start(self, session: Session, part: int | None = None) -> str:
        """``plan`` (the contents and part 1) or ``plan N`` (part N) of the plan as it is now."""
        self.plan = build_plan(session, self.t, today=self.today)
        if part is None:
            return "\n".join([self._contents(), self._read(1)])
        return self._read(part)

    def next(self) -> str:
        """The part after the one last read."""
        if self.plan is None:
            return self.t.gettext(N_("Type {plan} to hear your draft plan.")).format(
                **self.layout.words
            )
        if self.part >= len(self.plan.sections):
            return self.t.gettext(
                N_(
                    "That was the last part of your plan. Type {plan} to hear it again from the start."
                )
            ).format(**self.layout.words)
        return self._read(self.part + 1)

    def _contents(self) -> str:
        assert self.plan is not None
        titles = [f"{n}. {s.title}" for n, s in enumerate(self.plan.sections, 1)]
        count = len(titles)
        head = self.t.ngettext(
            "{title}, in {count} part:", "{title}, in {count} parts:", count
        ).format(title=self.plan.title, count=count)
        return "\n".join([head, *titles])

    def _read(self, part: int) -> str:
        assert self.plan is not None
        count = len(self.plan.sections)
        if not 1 <= part <= count:
            return self.t.gettext(
                N_(
                    "Your plan has parts 1 to {count}. Type {plan} and a number, for example {plan} 2."
                )
            ).format(count=count, **self.layout.words)
        self.part = part
        section = self.plan.sections[part - 1]
        labels = Labels(self.t)
        lines = [
            self.t.gettext(N_("Part {part} of {count}: {title}.")).format(
                part=part, count=count, title=section.title
            )
        ]
        sources: list[str] = []
        for block in section.blocks:
            lines += block_lines(block, labels, sources)
        self.layout.sources = unique(sources)
        if sources:
            lines.append(self.layout.offer_sources())
        words = self.layout.words
        lines.append(
            self.t.gettext(N_("Type {next} for the next part.")).format(**words)
            if part < count
            else self.t.gettext(N_("That is the end of your plan."))
        )
        return "\n".join(lines)


def block_lines(block: Block, labels: Labels, sources: list[str]) -> list[str]:
    """One block of a plan section as sentences; its sources are added to ``sources``."""
    if isinstance(block, Paragraph):
        sources += [labels.source_text(s) for s in block.sources]
        return [block.text]
    if isinstance(block, Quote):
        return [block.label, block.text]
    if isinstance(block, Answers):
        head = [heading(block.heading)] if block.heading else []
        return head + [f"{row.label}: {titled(row.answer)}" for row in block.rows]
    if isinstance(block, Table):
        # One sentence a row: "Washing. What would help: (blank)." Blank cells say so.
        blank = labels.t.gettext(N_("(blank)"))
        lines = [heading(block.heading)] if block.heading else []
        for cells in block.rows:
            pairs = zip(block.columns, cells, strict=False)
            lines.append("; ".join(f"{name}: {cell or blank}" for name, cell in pairs) + ".")
        return lines
    if isinstance(block, Items):
        lines = [heading(block.heading)] if block.heading else []
        for item in block.items:
            sources += [labels.source_text(s) for s in item.sources]
            lines.append(
                without_repeats(titled(item.title), item.text) if item.text else item.title
            )
        return lines
    assert isinstance(block, CostTable)
    return cost_lines(block, labels)


def cost_lines(table: CostTable, labels: Labels) -> list[str]:
    """The cost table as sentences, then what it means; no columns and no rules."""
    t = labels.t
    row = t.gettext(m.SPOKEN_ROW)
    lines = [heading(table.heading)]
    for cost in (*table.rows, table.total):
        lines.append(row.format(label=cost.label, weekly=cost.weekly_text, yearly=cost.yearly_text))
    lines.append(
        t.gettext(m.SPOKEN_AMOUNT).format(label=labels.per_hour, amount=table.per_hour_text)
    )
    for title, items in (
        (labels.warnings, table.warnings),
        (labels.offer, table.rate_check),
        (labels.review_case, table.review_case),
    ):
        if items:
            lines += [heading(title), *items]
    if table.request:
        lines += [heading(labels.request), table.request, *(f"({n})" for n in table.request_notes)]
    if table.assumptions:
        lines += [heading(labels.assumptions), *table.assumptions]
    return lines
