"""Shared set-up for the translation tests: the catalogs as Babel reads them, compiled fresh."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from i18n_helpers import SHIPPED, po_path, read_catalog  # type: ignore[import-not-found]

from assistant.paths import locales_dir


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogs() -> None:
    """Compile any .mo older than its .po, as 'make mo' does, so a stale one is never tested."""
    for locale in SHIPPED:
        po = po_path(locale)
        mo = po.with_suffix(".mo")
        if po.exists() and (not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime):
            catalog = read_catalog(po, locale)
            with mo.open("wb") as handle:
                write_mo(handle, catalog)


@pytest.fixture(scope="session")
def template() -> Catalog:
    """locales/messages.pot, the extracted English."""
    return read_catalog(locales_dir() / "messages.pot")


@pytest.fixture(scope="session", params=SHIPPED)
def locale(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def catalog(locale: str) -> Catalog:
    """One shipped locale's .po."""
    return read_catalog(po_path(locale), locale)
