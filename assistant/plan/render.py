"""Lay out a :class:`Plan` in one of four formats; the plan is already translated.

- ``md``: Markdown, for editing, email and case notes.
- ``html``: one self-contained page (no network, no scripts), large print, prints on A4.
- ``txt``: plain text wrapped at 72 columns, for email and screen readers.
- ``json``: the plan's structure for an adviser's case system (schema in README.md).
- ``docx``: a Word document for advisers to edit (:func:`render_bytes`; :mod:`assistant.plan.docx`).
"""

from __future__ import annotations

from collections.abc import Callable

import msgspec

from assistant.i18n import Translator
from assistant.plan.html import to_html
from assistant.plan.labels import Labels
from assistant.plan.markdown import to_markdown
from assistant.plan.model import Plan
from assistant.plan.text import to_text

#: The layouts for people, by format name. A new format is a module with a function from
#: the plan and its :class:`Labels` to text, added here (and to ``FORMATS`` in
#: :mod:`assistant.plan`).
LAYOUTS: dict[str, Callable[[Plan, Labels], str]] = {
    "md": to_markdown,
    "txt": to_text,
    "html": to_html,
}


def render(plan: Plan, fmt: str, t: Translator) -> str:
    """``plan`` as text in ``fmt``; raises ValueError for an unknown format."""
    if fmt == "json":
        return to_json(plan)
    layout = LAYOUTS.get(fmt)
    if layout is None:
        raise ValueError(f"unknown text format '{fmt}': use md, html, txt or json")
    return layout(plan, Labels(t))


def render_bytes(plan: Plan, fmt: str, t: Translator) -> bytes:
    """``plan`` as the bytes of a file: a Word document for ``docx``, else UTF-8 text."""
    if fmt == "docx":
        from assistant.plan.docx import to_docx  # python-docx and lxml load only for Word

        return to_docx(plan, Labels(t))
    return render(plan, fmt, t).encode("utf-8")


def to_json(plan: Plan) -> str:
    """Pretty JSON (UTF-8, two-space indent) following ``plan.schema.json``."""
    return msgspec.json.format(msgspec.json.encode(plan), indent=2).decode("utf-8") + "\n"
