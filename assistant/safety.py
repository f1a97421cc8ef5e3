"""Help now: the crisis and safeguarding contacts, the crisis replies and the phrase lists.

All of it is data in ``flows/safety/`` so it can be reviewed, cited and translated like any
other content. This module only reads it; the one crisis policy that uses it (which words
bring which reply) is :mod:`assistant.engine.crisis`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, TypeVar

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


class Reply(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """One crisis reply in two wordings: to the person, and to an adviser on a call."""

    person: str
    adviser: str


class HelpContent(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """Everything the Help now screen shows, in English (front ends translate each string).

    ``replies`` (by what was said: suicide, self_harm, abuse, gentle), ``mental_health_team``,
    ``words_left_out`` and ``carry_on`` are the parts of the reply shown straight after words
    that can mean someone is at risk.
    """

    title: str
    intro: str
    contacts: tuple[Contact, ...]
    safeguarding: Safeguarding
    sources: dict[str, Source]
    replies: dict[str, Reply]
    mental_health_team: Reply
    words_left_out: Reply
    carry_on: Reply


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
def phrase_lists() -> dict[str, dict[str, tuple[str, ...]]]:
    """The phrase lists as written: language, then kind (or ``not``), then phrases."""
    raw = _read(safety_dir() / "phrases.yaml", dict[str, dict[str, list[str]]])
    return {
        lang: {kind: tuple(items) for kind, items in kinds.items()} for lang, kinds in raw.items()
    }


def _read(path: Path, cls: type[T]) -> T:
    """A safety file, checked against ``cls``. A file parsed before (the same bytes) comes
    from the private cache (:func:`assistant.private_cache.cached_parse`), without
    importing PyYAML: about 1 MiB of every app process, which reads the phrase lists
    behind its first question. Either way ``msgspec.convert`` checks what was read."""
    from assistant.private_cache import cached_parse  # when first read, as PyYAML was

    return msgspec.convert(cached_parse(path, _parse, __file__), cls)


def _parse(data: bytes) -> Any:
    import yaml  # when a file is parsed, not at start-up: --plain's start need not import it

    # libyaml's safe loader where there is one: the Python one took 10 to 30 ms of the
    # first answer in words, which is when the phrase lists were first read.
    safe_loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data.decode("utf-8"), Loader=safe_loader)  # noqa: S506 - a safe loader
