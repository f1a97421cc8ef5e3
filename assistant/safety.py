"""Help now: crisis and safeguarding contacts, and the check of free text for crisis phrases.

Both come from data in ``flows/safety/`` so they can be reviewed, cited and translated
like any other content. Nothing here decides anything about a person: a phrase match only
makes the assistant offer help sooner.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import TypeVar

import msgspec

from assistant.flow.model import Source
from assistant.paths import ROOT, flows_dir

T = TypeVar("T")


class Contact(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One place to get help: its name, how to reach it and when to use it."""

    id: str
    name: str
    how: str
    when: str
    source: str


class Safeguarding(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """How to report abuse or neglect of an adult."""

    title: str
    text: str
    why: str
    source: str


class HelpContent(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Everything the Help now screen shows, in English (front ends translate each string)."""

    title: str
    intro: str
    contacts: tuple[Contact, ...]
    safeguarding: Safeguarding
    sources: dict[str, Source]


def safety_dir() -> Path:
    """The folder holding the help content and phrase lists.

    A council's own flows folder (``SUPPORT_PLAN_FLOWS``) may bring its own; otherwise the
    shipped one is used, so Help now can never be missing.
    """
    own = flows_dir() / "safety"
    return own if (own / "help_now.yaml").exists() else ROOT / "flows" / "safety"


@cache
def help_content() -> HelpContent:
    """The help content, read once. A broken file is a programming error caught by the tests."""
    return _read(safety_dir() / "help_now.yaml", HelpContent)


@cache
def _phrases() -> dict[str, tuple[str, ...]]:
    raw = _read(safety_dir() / "phrases.yaml", dict[str, list[str]])
    return {locale: tuple(_normalise(p) for p in phrases) for locale, phrases in raw.items()}


def _read(path: Path, cls: type[T]) -> T:
    import yaml

    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return msgspec.convert(data, cls)


def _normalise(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"[\w]+", stripped.replace("-", " ")))


def crisis_phrase_found(text: str, locale: str = "en_GB") -> bool:
    """Whether ``text`` contains a crisis phrase (English ones are always checked too)."""
    if not text.strip():
        return False
    words = f" {_normalise(text)} "
    table = _phrases()
    for key in {locale, locale.split("_")[0], "en_GB"}:
        for phrase in table.get(key, ()):
            if f" {phrase} " in words:
                return True
    return False
