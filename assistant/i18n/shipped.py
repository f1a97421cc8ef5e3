"""The locales the assistant ships (a module of its own so :mod:`assistant.i18n.cldr` can
name them without importing the package that imports it)."""

from __future__ import annotations

SOURCE_LOCALE = "en_GB"
#: Locales the assistant ships, with their names in their own language.
LOCALES: dict[str, str] = {"en_GB": "English", "cy": "Cymraeg", "pl": "Polski"}
