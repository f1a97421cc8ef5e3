"""Every sentence of a plan that says what the council must or should do carries its
source: said without one, it reads as a duty the law may not give (the person's own
wishes are worded as theirs: "I would like to ...")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.plan import make_plan

ROOT = Path(__file__).resolve().parents[2]
PERSONAS = sorted(p.stem for p in (ROOT / "transcripts").glob("*.yaml"))
DUTY = re.compile(r"\bcouncil (must|should|has to|is to|needs to|has a duty)\b", re.IGNORECASE)


def _uncited(node: Any) -> Iterator[str]:
    """Texts of blocks and items without sources that state a duty of the council."""
    if isinstance(node, msgspec.Struct):
        fields = {name: getattr(node, name) for name in node.__struct_fields__}
        if "sources" in fields and not fields["sources"]:
            yield from (
                text
                for text in (fields.get("text"), fields.get("title"))
                if isinstance(text, str) and DUTY.search(text)
            )
        for value in fields.values():
            yield from _uncited(value)
    elif isinstance(node, tuple | list):
        for item in node:
            yield from _uncited(item)


@pytest.mark.parametrize("easy_read", [False, True])
@pytest.mark.parametrize("name", PERSONAS)
def test_what_the_council_must_do_is_cited(
    name: str, easy_read: bool, persona: Callable[[str], Session]
) -> None:
    plan = make_plan(persona(name), Translator(), False, dt.date(2026, 11, 22), True, easy_read)
    assert list(_uncited(plan)) == []
