"""Tidy the translation catalogs after ``pybabel update`` (``make catalogs`` runs this).

``pybabel update --previous`` writes a fuzzy entry's old English as ``#| msgid "..."``
lines, so its translator can see what changed. Babel's own reader does not know those
lines: it reads them back as translator comments (``| msgid ...``), and the next write
(the next ``make catalogs``, or the ``.po`` merge driver) prints them as ``# | msgid ...``,
wrapped at 76 columns into fragments such as ``# all``. So every old msgid stayed in the
catalog for good, long after its translation had been fixed and its fuzzy flag cleared.

:func:`tidy` ends that: in an entry that is no longer fuzzy, those lines are dropped; in
one still fuzzy, the old msgid is read back and written again as a proper ``#|`` line
(the newest one, if there are several). Real translator comments are left alone.

    python -m assistant.i18n.catalogs locales/*/LC_MESSAGES/messages.po
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, unescape, write_po

#: The width ``pybabel update`` writes at (its default), so tidying moves no line.
WIDTH = 76
_QUOTED = r'(?:\s*"(?:[^"\\]|\\.)*")+'
_PREVIOUS = re.compile(rf"msgid({_QUOTED})(?:\s*msgid_plural({_QUOTED}))?")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def split_previous(comments: Sequence[str]) -> tuple[list[str], list[str]]:
    """(translator comments, previous-msgid remnants): Babel reads the ``#|`` lines last,
    and everything from the first comment starting with ``|`` on is one of them (a
    wrapped one goes on in comments without the ``|``)."""
    for index, comment in enumerate(comments):
        if comment.startswith("|"):
            return list(comments[:index]), list(comments[index:])
    return list(comments), []


def previous_id(remnants: Sequence[str]) -> tuple[str, ...] | None:
    """The newest previous msgid (and plural) in the remnants, or None if none reads back.

    The wrapping split the line at spaces only, so joining the pieces with one space
    gives back the quoted strings.
    """
    text = " ".join(part.removeprefix("|").strip() for part in remnants)
    found = list(_PREVIOUS.finditer(text))
    if not found:
        return None
    last = found[-1]
    ids = [_joined(last.group(1))]
    if last.group(2):
        ids.append(_joined(last.group(2)))
    return tuple(ids)


def _joined(quoted: str) -> str:
    return "".join(unescape(piece) for piece in _STRING.findall(quoted))


def tidy(catalog: Catalog) -> int:
    """Drop previous msgids from entries that are no longer fuzzy, and keep a fuzzy entry's
    newest one as a real previous msgid; returns how many entries changed."""
    changed = 0
    for message in catalog:
        if not message.id:
            continue
        kept, remnants = split_previous(message.user_comments)
        if not remnants:
            continue
        message.user_comments = kept
        message.previous_id = previous_id(remnants) if message.fuzzy else None  # type: ignore[assignment]
        changed += 1
    return changed


def tidy_file(path: Path) -> int:
    """Tidy one ``.po`` file in place (written only if something changed); how many
    entries changed."""
    original = path.read_bytes()
    catalog = read_po(io.BytesIO(original), abort_invalid=True)
    changed = tidy(catalog)
    if changed:
        out = io.BytesIO()
        write_po(out, catalog, width=WIDTH, include_previous=True, ignore_obsolete=True)
        path.write_bytes(out.getvalue())
    return changed


def main(argv: Sequence[str]) -> int:
    """Tidy each file named; says how many entries lost stale previous msgids."""
    for name in argv:
        changed = tidy_file(Path(name))
        if changed:
            print(f"{name}: previous msgids tidied in {changed} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
