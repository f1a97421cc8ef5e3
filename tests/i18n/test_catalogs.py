"""The catalogs are complete, current and well formed, so no one silently sees English."""

from __future__ import annotations

import gettext
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from i18n_helpers import SHIPPED, read_catalog  # type: ignore[import-not-found]

from assistant.i18n import LOCALES, MissingCatalog, translator_for
from assistant.paths import ROOT, locales_dir

Key = tuple[str | None, str]
BRACES = re.compile(r"\{([^{}]*)\}")


def keys(catalog: Catalog) -> set[Key]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


def entries(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def where(message: Message) -> str:
    place = message.locations[0][0] if message.locations else "?"
    return f"{place} [{message.context}] {str(message.id)[:60]!r}"


@pytest.fixture(scope="module")
def fresh_extract(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """Run the extraction exactly as 'make catalogs' does, into a scratch file."""
    out = tmp_path_factory.mktemp("pot") / "messages.pot"
    command = [sys.executable, "-c", "from babel.messages.frontend import main; main()"]
    command += ["-q", "extract", "-F", "pyproject.toml", "--add-location=file"]
    command += ["-o", str(out), "assistant", "flows"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=60)
    return read_catalog(out)


def test_the_template_is_up_to_date_with_code_and_flows(
    fresh_extract: Catalog, template: Catalog
) -> None:
    new = keys(fresh_extract) - keys(template)
    gone = keys(template) - keys(fresh_extract)
    assert not new and not gone, (
        "locales/messages.pot is out of date: run 'make catalogs', then translate the new "
        f"entries in every locale.\nNew: {sorted(new, key=str)[:10]}\nGone: {sorted(gone, key=str)[:10]}"
    )


def test_each_catalog_has_exactly_the_template_messages(
    template: Catalog, catalog: Catalog
) -> None:
    assert keys(catalog) == keys(template), "run 'make catalogs' to merge the template"


def test_every_message_is_translated_and_none_is_fuzzy(catalog: Catalog) -> None:
    missing = [where(m) for m in entries(catalog) if not all(_forms(m))]
    fuzzy = [where(m) for m in entries(catalog) if m.fuzzy]
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy (check and clear the flag), e.g. {fuzzy[:5]}"


def _forms(message: Message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def test_babel_checkers_pass(catalog: Catalog) -> None:
    """The same checks 'pybabel compile' runs: plural counts and %-format placeholders."""
    problems = [f"{where(m)}: {errors}" for m, errors in catalog.check()]
    assert not problems, "\n".join(problems[:10])


def test_brace_placeholders_match(catalog: Catalog) -> None:
    """Every {name} of the English is in the translation, and no new ones appear."""
    wrong = []
    for message in entries(catalog):
        ids = (message.id,) if isinstance(message.id, str) else message.id
        for index, form in enumerate(_forms(message)):
            source = ids[min(index, len(ids) - 1)]
            expected = set(BRACES.findall(source))
            if isinstance(message.id, tuple):  # a singular form may leave out the count
                expected |= set(BRACES.findall(ids[-1]))
                ok = set(BRACES.findall(form)) <= expected
            else:
                ok = set(BRACES.findall(form)) == expected
            if form and not ok:
                wrong.append(f"{where(message)} form {index}: {form[:60]!r}")
    assert not wrong, "\n".join(wrong[:10])


def test_headers_say_the_translation_needs_review(catalog: Catalog) -> None:
    assert "needs review by a native speaker" in (catalog.language_team or "")
    assert "MACHINE-ASSISTED DRAFT" in catalog.header_comment


def test_every_shipped_locale_loads_real_translations(locale: str) -> None:
    translator = translator_for(locale)
    assert isinstance(translator._t, gettext.GNUTranslations)  # noqa: SLF001 - not NullTranslations
    assert translator.gettext("Yes") != "Yes"


def test_every_configured_locale_has_a_catalog() -> None:
    assert set(SHIPPED) == set(LOCALES) - {"en_GB"}
    for locale in SHIPPED:
        assert (locales_dir() / locale / "LC_MESSAGES" / "messages.po").exists(), locale


def test_a_missing_catalog_is_an_error_not_english(tmp_path: Path) -> None:
    with pytest.raises(MissingCatalog, match="make catalogs"):
        translator_for("cy", directory=tmp_path)
