"""One contact record: a call as a helpline's case system imports it.

Built from the conversation (its event log, its answers on the path, and the rights and
budget options the draft plan found) and the adviser's call details. Each field is kept
twice: as text for people, in the record's language, and as stable codes for machines
(the JSON export and the funders' report read the codes). The columns are listed in
:data:`COLUMNS`, in the order a CSV gives them, and documented in the README.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.casework import details
from assistant.engine.events import Event
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.i18n import Translator
from assistant.plan.ending import consent_to_share
from assistant.plan.facts import option_name
from assistant.plan.parts import Reader
from assistant.plan.sections import RELEVANT, Found
from assistant.values import N_

#: (field, column heading) in CSV order. Headings stay in English whatever the language,
#: so a case system's import mapping never breaks; the values are in the record's language.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("reference", "Reference"),
    ("date", "Date"),
    ("start_time", "Start time"),
    ("duration_minutes", "Duration (minutes)"),
    ("channel", "Channel"),
    ("adviser", "Adviser"),
    ("case_reference", "Case reference"),
    ("caller", "Who was calling"),
    ("age_band", "Age band"),
    ("topics", "Topics covered"),
    ("rights", "Rights explained"),
    ("options", "Options discussed"),
    ("outcome", "Outcome"),
    ("signposted", "Signposted to"),
    ("follow_ups", "Follow-ups agreed"),
    ("consent_to_share", "Consent to share"),
    ("mental_health", "Mental health involved"),
    ("carer", "Carer involved"),
)
#: How several items in one cell are joined (choice labels may hold commas).
JOIN = "; "


@dataclass(frozen=True)
class Codes:
    """The record as stable ids: what the report counts and machines match on."""

    channel: str = ""
    caller: str = ""
    age_band: str = ""
    outcome: str = ""
    consent: str = ""
    topics: tuple[str, ...] = ()
    rights: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    signposted: tuple[str, ...] = ()
    mental_health: bool = False
    carer: bool = False


@dataclass(frozen=True)
class ContactRecord:
    """One contact, as text for people (:meth:`cells`) and codes for machines."""

    values: Mapping[str, str]
    codes: Codes = field(default_factory=Codes)

    def cells(self) -> list[str]:
        """The values in :data:`COLUMNS` order."""
        return [self.values.get(name, "") for name, _ in COLUMNS]

    def to_json(self) -> dict[str, Any]:
        """The record as JSON data: every column by its field name, then ``codes``."""
        data: dict[str, Any] = {name: self.values.get(name, "") for name, _ in COLUMNS}
        data["codes"] = {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in self.codes.__dict__.items()
        }
        return data


def contact_record(
    session: Session,
    t: Translator,
    *,
    reference: str = "",
    adviser: str | None = None,
    today: dt.date | None = None,
) -> ContactRecord:
    """The contact record of ``session`` in ``t``'s language.

    ``reference`` is the conversation's generated reference and ``adviser`` who took the
    call as the store knows it (else the one the conversation's start names).
    """

    reader = Reader(session, t, adviser=True)
    found = Found.gather(reader, today or dt.date.today())
    setup = session.setup
    call = details.recorded(session.events)
    names = explained(session, reader)
    codes = Codes(
        channel=call.channel or _default_channel(setup.get("mode")),
        caller=call.caller or ("person" if setup.get("mode") in ("self", "supported") else ""),
        age_band=call.age_band,
        outcome=call.outcome,
        consent=call.consent or plan_consent(reader),
        topics=topics(session),
        rights=tuple(names),
        options=found.options,
        signposted=_signposted(session.events, call.signposted),
        mental_health=RELEVANT["mental_health"](reader, found),
        carer=carer_involved(reader.answers),
    )
    started, minutes = when_and_how_long(session.events)
    values = {
        "reference": reference,
        "date": started.date().isoformat() if started else "",
        "start_time": started.strftime("%H:%M") if started else "",
        "duration_minutes": "" if minutes is None else str(minutes),
        "channel": _label(t, details.CHANNELS, codes.channel),
        "adviser": adviser or str(setup.get("adviser") or ""),
        "case_reference": str(setup.get("case") or ""),
        "caller": _label(t, details.CALLERS, codes.caller),
        "age_band": _label(t, details.AGE_BANDS, codes.age_band),
        "topics": JOIN.join(_topic_title(session, t, key) for key in codes.topics),
        "rights": JOIN.join(dict.fromkeys(names[key] for key in codes.rights)),
        "options": JOIN.join(option_name(reader, key) for key in codes.options),
        "outcome": _label(t, details.OUTCOMES, codes.outcome),
        "signposted": JOIN.join(_label(t, details.SIGNPOSTS, s) for s in codes.signposted),
        "follow_ups": call.follow_ups,
        "consent_to_share": _label(t, details.CONSENT, codes.consent),
        "mental_health": t.gettext(N_("Yes") if codes.mental_health else N_("No")),
        "carer": t.gettext(N_("Yes") if codes.carer else N_("No")),
    }
    return ContactRecord(values, codes)


def plan_consent(reader: Reader) -> str:
    """Consent to share, from the person's own answer in the conversation (who may see their
    plan): "yes" if they named anyone, "no" if nobody else, "" if they did not say. What the
    adviser records in the call's details stands over it."""
    people = consent_to_share(reader)
    if people is None:
        return ""
    return "yes" if people else "no"


def explained(session: Session, reader: Any) -> dict[str, str]:
    """Every explanation with a source (a right, a duty, a rule) the person was given, in
    any part of the conversation, even one left by jumping back (on a call, the lines read
    out), by step key, with its title."""
    from assistant.flow import model  # start-up: only when a record is made

    names: dict[str, str] = {}
    for key in session.explained:
        step = session.bundle.steps[key].step
        if isinstance(step, model.Say) and step.cite:
            names[key] = reader.render(key, step.title or step.text)
    return names


def _label(t: Translator, labels: Mapping[str, str], code: str) -> str:
    return t.gettext(labels[code]) if code in labels else ""


def _default_channel(mode: object) -> str:
    """Without recorded details: a call in "adviser, with a caller on the phone" mode was
    by telephone, and a person completing it was self-service; otherwise not known."""
    if mode == "adviser_call":
        return "phone"
    return "self_completed" if mode in ("self", "supported") else ""


def _signposted(events: Sequence[Event], chosen: tuple[str, ...]) -> tuple[str, ...]:
    """What the adviser chose, and Help now's contacts whenever they were shown."""
    helped = any(e.kind in ("help_opened", "help_offered") for e in events)
    wanted = set(chosen) | ({"help_now"} if helped else set())
    return tuple(s for s in details.SIGNPOSTS if s in wanted)


def topics(session: Session) -> tuple[str, ...]:
    """The modules in which a question was answered, in conversation order, leaving out the
    one that asks who is answering (getting started is not a topic)."""
    intake = (session.bundle.manifest.who_is_answering or "").split(".", 1)[0]
    answered = {item.step.split(".", 1)[0] for item in session.review()}
    return tuple(m for m in session.bundle.manifest.modules if m in answered and m != intake)


def _topic_title(session: Session, t: Translator, module: str) -> str:
    return t.pgettext(f"{module}.section", session.bundle.modules[module].title)


def topic_titles(bundle: Bundle, t: Translator) -> list[tuple[str, str]]:
    """Every topic a conversation over ``bundle`` can cover, as (code, title), in order."""
    intake = (bundle.manifest.who_is_answering or "").split(".", 1)[0]
    return [
        (module, t.pgettext(f"{module}.section", bundle.modules[module].title))
        for module in bundle.manifest.modules
        if module != intake
    ]


def carer_involved(answers: Mapping[str, object]) -> bool:
    """An unpaid carer is part of the picture: the person has one, is one, or came because
    caring cannot go on as it is (the England conversation's questions)."""
    prompt = answers.get("getting_started.prompt")
    return (
        answers.get("carers.has_carer") is True
        or answers.get("carers.is_carer") is True
        or (isinstance(prompt, tuple) and "carer" in prompt)
    )


def when_and_how_long(events: Sequence[Event]) -> tuple[dt.datetime | None, int | None]:
    """When the conversation started (local time) and how many minutes it was open.

    The minutes run from the start to the last thing recorded, leaving out breaks (from
    "Take a break" until it was carried on); a part-minute counts as a minute.
    """
    times = [(e.kind, _moment(e.at)) for e in events]
    moments = [(kind, at) for kind, at in times if at is not None]
    if not moments:
        return None, None
    seconds = 0.0
    since: dt.datetime | None = moments[0][1]
    for kind, at in moments[1:]:
        if since is not None:
            seconds += max((at - since).total_seconds(), 0.0)
        if kind == "paused":
            since = None
        elif since is not None or kind == "resumed":
            since = at
    return moments[0][1].astimezone(), math.ceil(seconds / 60)


def _moment(at: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
