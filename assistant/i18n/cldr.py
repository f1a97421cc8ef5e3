"""The few parts of CLDR's locale data the assistant formats with, so Babel loads no more.

Formatting one amount with Babel makes it load the locale's whole CLDR data (the names of
every language, territory, time zone and unit) and keep it for the life of the program:
4.4 MiB of Python objects for en_GB, plus 2 MiB of global data for the number of digits
a currency has. That was the largest single cost in the app's memory (issue 20). The
assistant formats only pounds, plain numbers, percentages, lists and long dates, so
``locales/cldr.json`` holds just the data those need for each shipped locale, written from
the installed Babel by ``make catalogs`` (``python -m assistant.i18n.cldr``); a test checks
it still matches. :func:`babel_locale` gives Babel a :class:`~babel.Locale` whose data is
that file. Babel's own functions still do all the formatting.

Anything else asked of such a locale is looked up in the full data, loaded then (the old
cost, never a wrong answer); :data:`MISSES` records what, so a test can prove the shipped
formats never need it. Pounds are formatted with ``currency_digits=False``: the locale's
pattern already has two decimals, as the pound has, and asking Babel for the pound's
digits would load the global data.

The one private part of Babel used is ``Locale._data``, the property every public
property of a locale reads; ``tests/i18n/test_cldr.py`` checks it is still there.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from babel import Locale, __version__
from babel.core import get_cldr_version
from babel.localedata import LocaleDataDict
from babel.localedata import load as load_locale_data
from babel.numbers import parse_pattern as parse_number_pattern
from babel.plural import PluralRule

from assistant.i18n.shipped import LOCALES
from assistant.paths import locales_dir

#: Where the data lives: beside the catalogs, generated, committed.
FILE = "cldr.json"
#: The currency the assistant's figures are in (English law: always pounds).
CURRENCY = "GBP"
#: The list styles the front ends use (:meth:`assistant.i18n.Translator.list`).
LIST_STYLES = ("standard", "or")
#: Locale data keys looked up in the full data because the lean data lacked them.
MISSES: list[tuple[str, str]] = []


def _months(locale: Locale) -> dict[str, Any]:
    return {"format": {"wide": {str(k): v for k, v in locale.months["format"]["wide"].items()}}}


#: Each key of the lean data: how to take it from a full Babel locale (as JSON).
_EXTRACT: dict[str, Callable[[Locale], Any]] = {
    "number_symbols": lambda loc: {"latn": dict(loc.number_symbols["latn"])},
    "decimal_formats": lambda loc: {"": loc.decimal_formats[None].pattern},
    "currency_formats": lambda loc: {"standard": loc.currency_formats["standard"].pattern},
    "currency_symbols": lambda loc: {CURRENCY: loc.currency_symbols[CURRENCY]},
    "currency_names_plural": lambda loc: {
        CURRENCY: dict(loc._data["currency_names_plural"][CURRENCY])  # noqa: SLF001 - see above
    },
    "plural_form": lambda loc: dict(loc.plural_form.rules),
    "list_patterns": lambda loc: {s: dict(loc.list_patterns[s]) for s in LIST_STYLES},
    "date_formats": lambda loc: {"long": loc.date_formats["long"].pattern},
    "months": _months,
}


def extract(codes: Iterable[str]) -> dict[str, Any]:
    """The lean data for these locales, from the installed Babel's full data (for the file)."""
    return {
        "about": "Written by 'make catalogs' (python -m assistant.i18n.cldr) from Babel's "
        "CLDR data: only what the assistant formats with. Do not edit by hand.",
        "babel": __version__,
        "cldr": get_cldr_version(),
        "locales": {
            code: {key: take(Locale.parse(code)) for key, take in _EXTRACT.items()}
            for code in codes
        },
    }


class _Dates(dict[str, Any]):
    """Date patterns, parsed on first use (parsing them imports Babel's dates module)."""

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, str):
            from babel.dates import parse_pattern  # only when a date is formatted

            value = parse_pattern(value)
            self[key] = value
        return value


#: A key of Babel's locale data (decimal_formats has None, months have numbers).
DataKey = str | int | None


class _LeanData(dict[DataKey, Any]):
    """The lean data as Babel reads it; a missing key comes from the full data (and is noted)."""

    def __init__(self, code: str, raw: dict[str, Any]) -> None:
        super().__init__(_from_json(raw))
        self.code = code

    def __missing__(self, key: DataKey) -> Any:
        MISSES.append((self.code, str(key)))
        full: dict[Any, Any] = load_locale_data(self.code)
        value = full[key]
        self[key] = value
        return value


def _from_json(raw: dict[str, Any]) -> dict[DataKey, Any]:
    """The JSON's strings and string keys as the objects Babel keeps in its data."""
    return {
        "number_symbols": raw["number_symbols"],
        "decimal_formats": {None: parse_number_pattern(raw["decimal_formats"][""])},
        "currency_formats": {"standard": parse_number_pattern(raw["currency_formats"]["standard"])},
        "currency_symbols": raw["currency_symbols"],
        "currency_names_plural": raw["currency_names_plural"],
        "plural_form": PluralRule(raw["plural_form"]),
        "list_patterns": raw["list_patterns"],
        "date_formats": _Dates(raw["date_formats"]),
        "months": {
            "format": {"wide": {int(k): v for k, v in raw["months"]["format"]["wide"].items()}}
        },
    }


class LeanLocale(Locale):
    """A Babel locale whose data is the lean data (see the module's docstring)."""

    def __init__(self, code: str, raw: dict[str, Any]) -> None:
        language, _, territory = code.partition("_")
        super().__init__(language, territory or None)
        self._lean = LocaleDataDict(_LeanData(code, raw))

    @property
    def _data(self) -> LocaleDataDict:
        return self._lean


@cache
def _file() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((locales_dir() / FILE).read_text(encoding="utf-8"))
    return data


@cache
def babel_locale(code: str) -> Locale:
    """The locale to give Babel's formatting functions: lean for a shipped locale, else
    Babel's own (full data) for any other it knows (``cost --lang de``, for example)."""
    raw = _file()["locales"].get(code)
    return LeanLocale(code, raw) if raw is not None else Locale.parse(code)


def main() -> None:
    """Print the lean data for every shipped locale (``make catalogs`` writes it to the file)."""
    json.dump(extract(LOCALES), sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
