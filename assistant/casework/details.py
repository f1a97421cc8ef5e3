"""The call's details: what a helpline records about a contact that the conversation does
not ask the person (how they got in touch, who called, the outcome, consent to share).

The adviser records them in the app (F9, "Call details"); each time they are saved the
whole set is logged as one ``call_details`` event, so the latest one stands and a resumed
call keeps them. Values are stable ids (the case system and the funders' report read
them); the labels are for people and are translated. The log is untrusted input: an id
that is not one of ours is dropped, and free text is cut to :data:`TEXT_LIMIT`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.engine.events import Event
from assistant.values import N_

#: How the person got in touch.
CHANNELS: dict[str, str] = {
    "phone": N_("Telephone"),
    "face_to_face": N_("Face to face"),
    "video": N_("Video call"),
    "written": N_("Email, letter or web chat"),
    "self_completed": N_("Completed by the person, on their own or with a supporter"),
}
#: Who was calling.
CALLERS: dict[str, str] = {
    "person": N_("The person who needs care"),
    "family": N_("A family member or friend"),
    "carer": N_("Their unpaid carer"),
    "professional": N_("A professional"),
    "other": N_("Someone else"),
}
#: The age of the person who needs care, in the bands funders ask for.
AGE_BANDS: dict[str, str] = {
    "under_18": N_("Under 18"),
    "18_64": N_("18 to 64"),
    "65_74": N_("65 to 74"),
    "75_84": N_("75 to 84"),
    "85_plus": N_("85 or over"),
    "not_known": N_("Age not known"),
}
#: What came of the call.
OUTCOMES: dict[str, str] = {
    "information": N_("Information and advice given"),
    "signposted": N_("Signposted to another service"),
    "referred": N_("Referred on, with consent"),
    "follow_up": N_("Follow-up needed"),
    "plan_drafted": N_("Draft support plan made"),
    "ended_early": N_("Call ended early"),
}
#: Where the person was pointed. ``help_now`` is added by itself when Help now was shown.
SIGNPOSTS: dict[str, str] = {
    "council": N_("Council adult social care"),
    "carers": N_("Carers' support service"),
    "advocacy": N_("Independent advocacy"),
    "mental_health": N_("NHS mental health team or GP"),
    "benefits": N_("Welfare benefits or money advice"),
    "ombudsman": N_("Local Government and Social Care Ombudsman"),
    "help_now": N_("Urgent help and safeguarding (Help now contacts)"),
    "other": N_("Another organisation"),
}
#: Whether the person agreed that their details may be shared with another service.
CONSENT: dict[str, str] = {
    "yes": N_("Agreed to share"),
    "no": N_("Did not agree to share"),
    "not_asked": N_("Not asked"),
}
#: The most characters of free text (follow-ups) kept from the log.
TEXT_LIMIT = 2000


@dataclass(frozen=True)
class CallDetails:
    """One call's details, as ids ("" where nothing was recorded)."""

    channel: str = ""
    caller: str = ""
    age_band: str = ""
    outcome: str = ""
    signposted: tuple[str, ...] = field(default_factory=tuple)
    follow_ups: str = ""
    consent: str = ""

    def to_value(self) -> dict[str, Any]:
        """The ``call_details`` event's value (JSON)."""
        return {
            "channel": self.channel,
            "caller": self.caller,
            "age_band": self.age_band,
            "outcome": self.outcome,
            "signposted": list(self.signposted),
            "follow_ups": self.follow_ups,
            "consent": self.consent,
        }

    @classmethod
    def from_value(cls, value: object) -> CallDetails:
        """From a logged value; anything not one of our ids is left out (see the module)."""
        data: Mapping[str, Any] = value if isinstance(value, Mapping) else {}
        listed = data.get("signposted")
        signposted = listed if isinstance(listed, list) else []
        return cls(
            channel=_known(data.get("channel"), CHANNELS),
            caller=_known(data.get("caller"), CALLERS),
            age_band=_known(data.get("age_band"), AGE_BANDS),
            outcome=_known(data.get("outcome"), OUTCOMES),
            signposted=tuple(s for s in SIGNPOSTS if s in signposted),
            follow_ups=str(data.get("follow_ups") or "")[:TEXT_LIMIT].strip(),
            consent=_known(data.get("consent"), CONSENT),
        )


def _known(value: object, allowed: Mapping[str, str]) -> str:
    return value if isinstance(value, str) and value in allowed else ""


def recorded(events: Iterable[Event]) -> CallDetails:
    """The details recorded last in this conversation (empty if none were)."""
    latest: object = None
    for event in events:
        if event.kind == "call_details":
            latest = event.value
    return CallDetails.from_value(latest)
