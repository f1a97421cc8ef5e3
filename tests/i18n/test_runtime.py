"""Choosing the language, and formatting money, dates, lists and plurals per locale."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from assistant.engine.outputs import Msg
from assistant.i18n import (
    Translator,
    choose_locale,
    match_locale,
    system_languages,
    translator_for,
)


@pytest.mark.parametrize(
    ("asked", "chosen"),
    [
        ("cy", "cy"),
        ("cy_GB", "cy"),
        ("pl-PL", "pl"),
        ("PL", "pl"),
        ("Cymraeg", "cy"),
        ("en", "en_GB"),
        ("en-US", "en_GB"),
        ("en_GB", "en_GB"),
    ],
)
def test_lang_option_accepts_what_people_type(asked: str, chosen: str) -> None:
    assert choose_locale(asked) == chosen


def test_a_language_we_do_not_ship_is_refused() -> None:
    with pytest.raises(ValueError, match="fr"):
        choose_locale("fr")


@pytest.mark.parametrize(
    ("environ", "chosen"),
    [
        ({"LANG": "cy_GB.UTF-8"}, "cy"),
        ({"LANG": "en_GB.UTF-8", "LC_ALL": "pl_PL.UTF-8"}, "pl"),
        ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:pl"}, "pl"),
        ({"LANG": "de_DE.UTF-8"}, None),
        ({"LANG": "C", "LANGUAGE": "cy"}, None),
        ({}, None),
    ],
)
def test_system_language(environ: dict[str, str], chosen: str | None) -> None:
    assert match_locale(system_languages(environ)) == chosen


def test_without_lang_the_system_language_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "pl_PL.UTF-8")
    assert choose_locale(None) == "pl"
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert choose_locale(None) == "en_GB"


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en_GB", "£1,234.50"), ("cy", "£1,234.50"), ("pl", "1\xa0234,50\xa0GBP")],
)
def test_money_is_always_pounds_in_the_locale_style(locale: str, expected: str) -> None:
    assert translator_for(locale).money(Decimal("1234.5")) == expected


def test_money_parameters_are_formatted_for_the_locale() -> None:
    msg = Msg("About {amount} a week", None, {"amount": Decimal("85.00")})
    assert "85,00\xa0GBP" in translator_for("pl").render(msg)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en_GB", "22 November 2026"), ("cy", "22 Tachwedd 2026"), ("pl", "22 listopada 2026")],
)
def test_dates_in_the_locale(locale: str, expected: str) -> None:
    assert translator_for(locale).date(dt.date(2026, 11, 22)) == expected


@pytest.mark.parametrize(
    ("locale", "items", "expected"),
    [
        ("en_GB", ["tea", "coffee", "milk"], "tea, coffee and milk"),
        ("pl", ["herbata", "kawa"], "herbata i kawa"),
        ("cy", ["te", "coffi"], "te a coffi"),
        ("cy", ["te", "afal"], "te ac afal"),
    ],
)
def test_lists_join_the_way_the_language_does(locale: str, items: list[str], expected: str) -> None:
    assert Translator(locale).list(items) == expected


def _plural_catalog(tmp_path: Path, locale: str, forms: tuple[str, ...]) -> Path:
    catalog = Catalog(locale=locale)
    catalog.add(("{n} answer", "{n} answers"), forms)
    folder = tmp_path / locale / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)
    return tmp_path


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "1 odpowiedź"),
        (2, "2 odpowiedzi"),
        (4, "4 odpowiedzi"),
        (5, "5 odpowiedzi"),
        (12, "12 odpowiedzi"),
        (22, "22 odpowiedzi"),
        (25, "25 odpowiedzi"),
    ],
)
def test_polish_plurals_pick_the_form_by_babels_rule(tmp_path: Path, n: int, expected: str) -> None:
    # Distinct forms make the rule visible: one / few (2-4, 22-24) / many.
    folder = _plural_catalog(tmp_path, "pl", ("{n} odpowiedź", "{n} odpowiedzi", "{n} odpowiedzi"))
    t = translator_for("pl", directory=folder)
    assert t.ngettext("{n} answer", "{n} answers", n).format(n=n) == expected


def test_polish_plural_forms_are_three_distinct_choices(tmp_path: Path) -> None:
    folder = _plural_catalog(tmp_path, "pl", ("ONE", "FEW", "MANY"))
    t = translator_for("pl", directory=folder)
    chosen = [t.ngettext("{n} answer", "{n} answers", n) for n in (1, 2, 5, 22, 25, 112)]
    assert chosen == ["ONE", "FEW", "MANY", "FEW", "MANY", "MANY"]


def test_welsh_plural_forms_follow_babels_rule(tmp_path: Path) -> None:
    folder = _plural_catalog(tmp_path, "cy", ("OTHER", "ONE", "TWO", "FEW", "MANY"))
    t = translator_for("cy", directory=folder)
    chosen = [t.ngettext("{n} answer", "{n} answers", n) for n in (0, 1, 2, 3, 6, 7)]
    assert chosen == ["OTHER", "ONE", "TWO", "FEW", "MANY", "OTHER"]


def test_english_plurals_need_no_catalog() -> None:
    t = translator_for("en_GB")
    assert t.ngettext("{n} answer", "{n} answers", 1) == "{n} answer"
    assert t.ngettext("{n} answer", "{n} answers", 3) == "{n} answers"
