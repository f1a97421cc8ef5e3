"""Escaping for Markdown, so a person's own words are shown as written, never as markup.

People type ``*``, ``#``, ``_`` and ``<`` in free-text answers. Unescaped, "my *good* day"
would turn bold and "<b>" could become HTML in some viewers. Every text that did not come
from our own templates goes through :func:`escape`.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")
_BULLET = re.compile(r"^(\s*)([-+])(\s)", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(\s)", re.MULTILINE)
#: A line of only ``-`` or ``=`` (and spaces): under a line of text it makes that text a
#: heading (setext), and ``---`` alone is a rule that ends the list it is in.
_RULE = re.compile(r"^([ \t]*)([-=])(?=[-= \t]*$)", re.MULTILINE)


def escape(text: str) -> str:
    """``text`` with Markdown's special characters backslash-escaped (line breaks kept)."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = _BULLET.sub(r"\1\\\2\3", escaped)
    escaped = _RULE.sub(r"\1\\\2", escaped)
    return _NUMBERED.sub(r"\1\\\2\3", escaped)
