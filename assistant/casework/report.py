"""Figures for funders: contacts counted by topic, outcome, signposting, channel, age band,
and whether mental health or a carer was involved, with small numbers suppressed.

Only the contact records' codes are counted, so nothing a person said (answers, notes,
follow-ups), no name (of a caller or an adviser) and no reference can reach a report. Any
count under :data:`THRESHOLD` is shown as "fewer than 5", never as its number. Where one
table's figures add up to the number of contacts, a single hidden count could be worked
out by subtraction; so the next smallest is hidden with it. A period with fewer than 5
contacts in all shows no figures at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.casework import details
from assistant.casework.record import Codes
from assistant.i18n import Translator
from assistant.values import N_

#: Counts below this are never shown.
THRESHOLD = 5
#: The code of contacts where nothing was recorded for a measure.
NOT_RECORDED = ""


@dataclass(frozen=True)
class Row:
    """One category of a table: its label and its count, None when the count is hidden
    (the true number is not kept, so no way of showing a report can give it away)."""

    label: str
    count: int | None


@dataclass(frozen=True)
class Table:
    """One measure. ``whole`` when each contact is in exactly one row (so rows add up)."""

    id: str
    title: str
    rows: tuple[Row, ...]
    whole: bool


@dataclass(frozen=True)
class Report:
    """A period's figures, already translated and suppressed."""

    title: str
    period: str
    contacts: Row
    tables: tuple[Table, ...]
    notes: tuple[str, ...]


def shown(row: Row, t: Translator) -> str:
    """A count as it may be shown: the number, or "fewer than 5"."""
    return t.gettext(N_("fewer than 5")) if row.count is None else str(row.count)


def build_report(
    codes: Sequence[Codes],
    topic_titles: Mapping[str, str],
    t: Translator,
    *,
    since: dt.date,
    until: dt.date,
) -> Report:
    """Count ``codes`` (one per contact started from ``since`` to ``until``) into tables.

    ``topic_titles`` names each topic code (a module of the conversation) in ``t``'s
    language. Long, because it names each table once, in the order the report shows them.
    """
    unknown = {NOT_RECORDED: t.gettext(N_("Not recorded"))}
    none = {NOT_RECORDED: t.gettext(N_("None"))}

    def single(table_id: str, title: str, labels: Mapping[str, str], pick: str) -> Table:
        counts = {key: sum(1 for c in codes if getattr(c, pick) == key) for key in labels}
        counts[NOT_RECORDED] = sum(1 for c in codes if getattr(c, pick) not in labels)
        return _table(table_id, t.gettext(title), counts, _names(t, labels) | unknown, True)

    def several(table_id: str, title: str, names: Mapping[str, str], pick: str) -> Table:
        counts = {key: sum(1 for c in codes if key in getattr(c, pick)) for key in names}
        counts[NOT_RECORDED] = sum(1 for c in codes if not getattr(c, pick))
        return _table(table_id, t.gettext(title), counts, dict(names) | none, False)

    def flag(table_id: str, title: str, pick: str) -> Table:
        counts = {"yes": sum(1 for c in codes if getattr(c, pick))}
        counts["no"] = len(codes) - counts["yes"]
        names = _names(t, {"yes": N_("Yes"), "no": N_("No")})
        return _table(table_id, t.gettext(title), counts, names, True)

    tables: tuple[Table, ...] = (
        several("topics", N_("Topics covered"), topic_titles, "topics"),
        single("outcome", N_("Outcome"), details.OUTCOMES, "outcome"),
        several("signposted", N_("Signposted to"), _names(t, details.SIGNPOSTS), "signposted"),
        single("channel", N_("Channel"), details.CHANNELS, "channel"),
        single("age_band", N_("Age band"), details.AGE_BANDS, "age_band"),
        flag("mental_health", N_("Mental health involved"), "mental_health"),
        flag("carer", N_("Carer involved"), "carer"),
    )
    few = len(codes) < THRESHOLD
    if few:  # too few contacts for any figure to be safe
        tables = tuple(_all_hidden(table) for table in tables)
    return Report(
        title=t.gettext(N_("Contacts and what they were about")),
        period=t.gettext(N_("Contacts started from {since} to {until}, both days included."))
        .replace("{since}", since.isoformat())
        .replace("{until}", until.isoformat()),
        contacts=Row(t.gettext(N_("Contacts")), None if few else len(codes)),
        tables=tables,
        notes=(
            t.gettext(
                N_(
                    "Counts under 5 are shown as 'fewer than 5', and where a table adds up to the number of contacts the next smallest count is hidden too, so that no person can be singled out."
                )
            ),
            t.gettext(
                N_(
                    "Topics and signposting can count one contact more than once. 'Not recorded' counts contacts for which the adviser did not record it."
                )
            ),
        ),
    )


def _names(t: Translator, labels: Mapping[str, str]) -> dict[str, str]:
    return {key: t.gettext(label) for key, label in labels.items()}


def _table(
    table_id: str, title: str, counts: dict[str, int], names: dict[str, str], whole: bool
) -> Table:
    """The table's rows in the order of ``names``, suppressed (see :func:`suppress`)."""
    rows = [(names[key], counts[key]) for key in names]
    return Table(table_id, title, tuple(suppress(rows, whole=whole)), whole)


def suppress(rows: Sequence[tuple[str, int]], *, whole: bool) -> list[Row]:
    """Hide every count under :data:`THRESHOLD`; in a ``whole`` table where exactly one
    count is hidden, hide the next smallest too, so no hidden count can be worked out."""
    hide = [count < THRESHOLD for _, count in rows]
    if whole and sum(hide) == 1 and len(rows) > 1:
        smallest = min((i for i, h in enumerate(hide) if not h), key=lambda i: rows[i][1])
        hide[smallest] = True
    return [
        Row(label, None if hidden else count)
        for (label, count), hidden in zip(rows, hide, strict=True)
    ]


def _all_hidden(table: Table) -> Table:
    rows = tuple(Row(r.label, None) for r in table.rows)
    return Table(table.id, table.title, rows, table.whole)
