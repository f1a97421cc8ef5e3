"""Old English msgids do not pile up in the catalogs as comments.

``pybabel update --previous`` marks what a fuzzy entry used to say with ``#| msgid``
lines; Babel reads them back as translator comments, so each round trip kept them (the
catalogs had gathered about 130 such lines each, some wrapped into stray fragments).
``make catalogs`` now tidies them (:mod:`assistant.i18n.catalogs`).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po
from i18n_helpers import SHIPPED, po_path  # type: ignore[import-not-found]

from assistant.i18n.catalogs import previous_id, split_previous, tidy, tidy_file

PREVIOUS_LINE = re.compile(r"^#\s*\|", re.MULTILINE)
HEADER = """msgid ""
msgstr ""
"Language: cy\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

"""
LONG_OLD = (
    "Your answers will not be saved this time, but you can still go all the way "
    "through, and come back to them later."
)
LONG_NEW = (
    "Your answers will not be saved this time, but you can still go all the way "
    "through, and come back to them another day."
)


@pytest.mark.parametrize("locale", SHIPPED)
def test_no_catalog_holds_old_msgids(locale: str) -> None:
    """Nothing is fuzzy in a shipped catalog, so no entry has an old msgid to show."""
    text = po_path(locale).read_text(encoding="utf-8")
    stray = [line for line in text.splitlines() if PREVIOUS_LINE.match(line)]
    assert not stray, (
        f"{len(stray)} old-msgid lines in {locale}, e.g. {stray[:3]}: run 'make catalogs'"
    )


def _pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def _template(folder: Path, english: str) -> Path:
    pot = folder / "messages.pot"
    pot.write_text(
        HEADER.replace("Language: cy\\n", "") + f'msgid "{english}"\nmsgstr ""\n\n'
        'msgid "Leave"\nmsgstr ""\n',
        encoding="utf-8",
    )
    return pot


def _update(folder: Path, pot: Path) -> Path:
    """What 'make catalogs' does after extracting: update with --previous, then tidy."""
    _pybabel("update", "-i", str(pot), "-d", str(folder / "locales"), "--previous")
    _pybabel("update", "-i", str(pot), "-d", str(folder / "locales"), "--previous")  # twice
    po = folder / "locales" / "cy" / "LC_MESSAGES" / "messages.po"
    tidy_file(po)
    return po


def _merge_driver_round_trip(po: Path) -> None:
    """What the .po merge driver does to a catalog: Babel reads it and writes it back."""
    catalog = read_po(io.BytesIO(po.read_bytes()))
    out = io.BytesIO()
    write_po(out, catalog, width=76, include_previous=True)
    po.write_bytes(out.getvalue())


def test_make_catalogs_keeps_an_old_msgid_only_while_the_entry_is_fuzzy(tmp_path: Path) -> None:
    po = tmp_path / "locales" / "cy" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text(
        HEADER + f'# Checked by a Welsh speaker.\nmsgid "{LONG_OLD}"\nmsgstr "Hen gyfieithiad"\n\n'
        'msgid "Leave"\nmsgstr "Gadael"\n',
        encoding="utf-8",
    )
    pot = _template(tmp_path, LONG_NEW)  # the English changed: the entry becomes fuzzy
    _update(tmp_path, pot)
    _merge_driver_round_trip(po)  # someone merges main meanwhile
    _update(tmp_path, pot)
    text = po.read_text(encoding="utf-8")
    assert "#, fuzzy" in text
    assert len(PREVIOUS_LINE.findall(text)) >= 1
    assert not re.search(r"^# \|", text, re.MULTILINE)  # never as a mangled comment
    (entry,) = [m for m in read_po(io.BytesIO(po.read_bytes())) if m.id == LONG_NEW]
    comments, old = split_previous(entry.user_comments)  # how Babel reads '#|' back
    assert comments == ["Checked by a Welsh speaker."]  # a real comment stays
    assert previous_id(old) == (LONG_OLD,)  # what it said before, for the translator

    # The translator fixes it and clears the flag; the old msgid then goes for good.
    po.write_text(text.replace("#, fuzzy\n", ""), encoding="utf-8")
    _merge_driver_round_trip(po)
    _update(tmp_path, pot)
    text = po.read_text(encoding="utf-8")
    assert not PREVIOUS_LINE.findall(text), text
    assert "# Checked by a Welsh speaker." in text
    assert "Gadael" in text and "Hen gyfieithiad" in text


def test_a_wrapped_old_msgid_that_was_mangled_is_read_back_whole() -> None:
    # As a merge wrote it: the '#|' lines became comments and were wrapped again.
    remnants = [
        '| msgid "" "Your answers will not be saved this time, but you can still go',
        "all",
        '| the " "way through."',
    ]
    assert previous_id(remnants) == (
        "Your answers will not be saved this time, but you can still go all the way through.",
    )
    assert previous_id(['| msgid "One {n}"', '| msgid_plural "Many {n}"']) == (
        "One {n}",
        "Many {n}",
    )
    assert previous_id(["| not an msgid at all"]) is None


def test_tidying_is_idempotent_on_the_shipped_catalogs() -> None:
    for locale in SHIPPED:
        catalog = read_po(io.BytesIO(po_path(locale).read_bytes()))
        assert tidy(catalog) == 0
