"""Helpers shared by the translation tests (imported as a top-level module, like tests/content)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from assistant.i18n import LOCALES, SOURCE_LOCALE
from assistant.paths import locales_dir

#: The translated locales (English is the source and has no catalog).
SHIPPED = [locale for locale in LOCALES if locale != SOURCE_LOCALE]


def po_path(locale: str) -> Path:
    """Where a locale's catalog lives."""
    return locales_dir() / locale / "LC_MESSAGES" / "messages.po"


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    """A .po or .pot file as Babel reads it."""
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)
