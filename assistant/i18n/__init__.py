"""Translation and locale formatting for front ends. The engine never translates.

A :class:`Translator` turns the engine's :class:`Msg` objects into text in one language:
``pgettext(context, id)`` then the parameters, each formatted for the locale (money with
Babel, always in pounds). Babel is imported only when money or lists are first formatted,
to keep start-up fast, and is given only the locale data it formats with
(:mod:`assistant.i18n.cldr`), to keep memory small.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.i18n.shipped import LOCALES as LOCALES
from assistant.i18n.shipped import SOURCE_LOCALE as SOURCE_LOCALE
from assistant.paths import locales_dir
from assistant.values import N_, Number, Special

if TYPE_CHECKING:
    import gettext

    from babel import Locale

    from assistant.engine.outputs import Msg

DOMAIN = "messages"


#: What ``{ui.*}`` placeholders in flow texts say when a front end has not chosen its own
#: words (a transcript, a plan): the ways that work in the app and in plain mode alike.
INTERFACE_WORDS: dict[str, str] = {"{ui.help_now}": N_("press F1, or type help now")}


class MissingCatalog(Exception):
    """A shipped locale whose compiled catalog is missing: refuse rather than fall back silently."""


class Untranslated:
    """The source language's messages as written (English needs no catalog). Not gettext's
    own NullTranslations: importing gettext took a part of every English start."""

    def gettext(self, message: str) -> str:
        """The message itself."""
        return message

    def pgettext(self, context: str, message: str) -> str:
        """The message itself, whatever its context."""
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The singular for one, else the plural (English's rule)."""
        return singular if n == 1 else plural


class Translator:
    """Renders messages in one locale."""

    def __init__(
        self,
        locale: str = SOURCE_LOCALE,
        translations: gettext.NullTranslations | Untranslated | None = None,
    ) -> None:
        self.locale = locale
        self._t = translations or Untranslated()
        #: The front end's own words for interface placeholders (``{ui.help_now}``): set
        #: by each front end with :meth:`use_interface_words`; see :data:`INTERFACE_WORDS`.
        self._interface: dict[str, str] = {}

    def use_interface_words(self, words: Mapping[str, str]) -> None:
        """Fill ``{ui.*}`` placeholders with these words (already in this language), by
        name without the ``ui.`` prefix: ``{"help_now": "type help now"}``."""
        self._interface = {"{ui." + name + "}": text for name, text in words.items()}

    def gettext(self, text: str) -> str:
        """Translate a UI string with no context."""
        return self._t.gettext(text) if text else text

    def pgettext(self, context: str | None, text: str) -> str:
        """Translate a string in its context (flow texts use ``module.step``)."""
        if not text:
            return text
        if context is None:
            return self._t.gettext(text)
        return self._t.pgettext(context, text)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate a string with a plural form chosen by ``n``."""
        return self._t.ngettext(singular, plural, n)

    def render(self, msg: Msg | None) -> str:
        """The message in this locale with its parameters filled in."""
        if msg is None:
            return ""
        text = self.pgettext(msg.context, msg.id)
        if "{ui." in text:
            text = self._interface_words(text)
        if not msg.params:
            return text
        return _fill(text, {name: self.value(value) for name, value in msg.params.items()})

    def _interface_words(self, text: str) -> str:
        for placeholder, msgid in INTERFACE_WORDS.items():
            words = self._interface.get(placeholder)
            text = text.replace(placeholder, self.gettext(msgid) if words is None else words)
        return text

    def value(self, value: Any) -> str:
        """An answer or parameter as text in this locale."""
        from assistant.engine.outputs import Msg  # the engine's outputs; not needed to start

        if value is None:  # an unanswered question named in a text: show nothing, not "None"
            return ""
        if isinstance(value, Msg):
            return self.render(value)
        if isinstance(value, Special):
            return self.gettext(
                N_("I don't know") if value is Special.UNKNOWN else N_("I'd rather not say")
            )
        if isinstance(value, bool):
            return self.gettext(N_("Yes") if value else N_("No"))
        if isinstance(value, Number):  # a count with a half (10.5 hours), not money
            from babel.numbers import format_decimal

            return str(format_decimal(value, locale=self._babel()))
        if isinstance(value, Decimal):
            return self.money(value)
        if isinstance(value, tuple | list):
            return self.list([self.value(v) for v in value])
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def money(self, amount: Decimal) -> str:
        """An amount in pounds, formatted for this locale (e.g. £1,234.50 or 1 234,50 £)."""
        from babel.numbers import format_currency  # start-up: see the module's docstring

        # The pattern's two decimals are the pound's: see assistant.i18n.cldr.
        return str(format_currency(amount, "GBP", locale=self._babel(), currency_digits=False))

    def list(self, items: list[str], style: str = "standard") -> str:
        """Items joined the way this language joins a list ("a, b and c"; style "or": "a or b")."""
        if len(items) < 2:
            return "".join(items)
        from babel.lists import format_list  # start-up: see the module's docstring

        text = str(format_list(items, style=style, locale=self._babel()))  # type: ignore[arg-type]
        return _welsh_and(text) if self.locale == "cy" and style == "standard" else text

    def date(self, day: dt.date) -> str:
        """A date the way this language writes it in full (22 November 2026, 22 Tachwedd 2026)."""
        from babel.dates import format_date  # start-up: see the module's docstring

        return str(format_date(day, "long", locale=self._babel()))

    def _babel(self) -> Locale:
        """The locale for Babel's formatting, with only the data the assistant formats with."""
        from assistant.i18n.cldr import babel_locale  # start-up: see the module's docstring

        return babel_locale(self.locale)


def _welsh_and(text: str) -> str:
    """CLDR writes Welsh "and" as "a(c)"; choose "ac" before a vowel and "a" otherwise."""
    return re.sub(
        r"\ba\(c\) (\w)",
        lambda m: ("ac " if m.group(1).lower() in "aeiouwyâêîôûŵŷ" else "a ") + m.group(1),
        text,
    )


def _fill(text: str, params: Mapping[str, str]) -> str:
    """Replace ``{name}`` placeholders; unknown ones are left as they are rather than failing."""
    for name, value in params.items():
        text = text.replace("{" + name + "}", value)
    return text


def match_locale(preferred: Iterable[str]) -> str | None:
    """The first shipped locale matching the preferences, e.g. ``pl-PL`` or ``cy_GB.UTF-8``.

    Written as people and systems write them: any case, ``-`` or ``_``, with an encoding or
    modifier, or the language's own name ("Cymraeg"). Any English means British English,
    the source language. Babel's ``negotiate_locale`` does the matching.
    """
    by_name = {name.lower(): code for code, name in LOCALES.items()}
    for raw in preferred:
        wanted = raw.strip().split(".")[0].split("@")[0].replace("-", "_")
        if not wanted or wanted in ("C", "POSIX"):
            continue
        if wanted.lower() in by_name:
            return by_name[wanted.lower()]
        language, _, territory = wanted.partition("_")
        if language.lower() == "en":
            return SOURCE_LOCALE
        wanted = language.lower() + (f"_{territory.upper()}" if territory else "")
        from babel import negotiate_locale  # only now: most systems ask for English or C

        found = negotiate_locale([wanted], list(LOCALES), sep="_")
        if found:
            return str(found)
    return None


def choose_locale(requested: str | None) -> str:
    """The language: ``--lang`` if given, else the system's if we ship it, else British English.

    ``--lang`` accepts ``cy``, ``pl-PL``, ``en_GB``, ``Cymraeg`` and the like; a language we
    do not ship is a ValueError so the command line can say which ones there are.
    """
    if requested:
        found = match_locale([requested])
        if found is None:
            raise ValueError(requested)
        return found
    return match_locale(system_languages()) or SOURCE_LOCALE


def system_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The languages the system asks for, in gettext's order of precedence.

    ``LANGUAGE`` (a colon-separated list) comes first unless the locale is ``C``; then the
    first of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` that is set.
    """
    env = os.environ if environ is None else environ
    locale = next((env[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(v)), "")
    if locale.split(".")[0] in ("C", "POSIX"):
        return []
    return [*env.get("LANGUAGE", "").split(":"), locale]


def translator_for(locale: str, directory: Path | None = None) -> Translator:
    """A translator for ``locale``. English needs no catalog; other shipped locales must have one."""
    if locale == SOURCE_LOCALE or locale.split("_")[0] == "en":
        return Translator(SOURCE_LOCALE)
    import gettext  # only for a catalog: see Untranslated

    folder = directory or locales_dir()
    try:
        translations = gettext.translation(DOMAIN, localedir=str(folder), languages=[locale])
    except OSError:
        raise MissingCatalog(
            f"No compiled catalog for '{locale}' in {folder}. Run 'make test' or 'make catalogs' to build it."
        ) from None
    return Translator(locale, translations)
