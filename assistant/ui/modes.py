"""The four ways of completing a conversation, and what each one changes in the app."""

from __future__ import annotations

from typing import Literal

from assistant.values import N_

Mode = Literal["self", "supported", "adviser_call", "adviser_behalf"]

#: The answer each way of completing gives to the flow's "who is answering" question
#: (see BundleManifest.who_is_answering), so the person is not asked twice.
MODE_ANSWERS: dict[Mode, str] = {
    "self": "self",
    "supported": "supporter",
    "adviser_call": "adviser",
    "adviser_behalf": "on_behalf",
}

#: Who is completing, in the order the start screen offers them.
MODES: dict[Mode, str] = {
    "self": N_("Myself"),
    "supported": N_("Myself, with a supporter beside me"),
    "adviser_call": N_("An adviser, with a caller on the phone"),
    "adviser_behalf": N_("An adviser, on someone's behalf, with their consent"),
}


def as_mode(name: str) -> Mode:
    """The mode of this name, as the start screen's list gives it back (ValueError if none)."""
    for mode in MODES:
        if mode == name:
            return mode
    raise ValueError(name)


def is_adviser(mode: Mode) -> bool:
    """Adviser modes get the case reference, notes, section navigator and summaries."""
    return mode in ("adviser_call", "adviser_behalf")


def reads_back(mode: Mode) -> bool:
    """On a call the review is worded to be read aloud to the caller."""
    return mode == "adviser_call"


def summary_title(mode: Mode) -> str:
    """What the adviser's summary is called: on a call it is the end-of-call summary."""
    return N_("End-of-call summary") if mode == "adviser_call" else N_("Summary for the case notes")
