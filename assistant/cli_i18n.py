"""The command line's help and argument errors in the command's language.

Imported only when help or an error is printed, so starting the assistant and parsing a
good command line never load a catalog. Help is translated as it is formatted: our help
and description texts are marked with ``N_()`` where they are written, and argparse's own
headings are looked up by their English text. argparse words its errors while parsing, so
an error in another language is found by parsing the same arguments again with argparse's
``_`` and ``ngettext`` bound to our translator (see :func:`error_line`).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from assistant.i18n import MissingCatalog, Translator, choose_locale, translator_for
from assistant.values import N_

#: argparse's own words (Python 3.11) that our parsers can print, listed so that
#: 'make catalogs' extracts them. The msgids must match argparse's exactly.
ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("unexpected option string: %s"),
)


class _Reworded(Exception):  # noqa: N818 - not an error: carries the message back
    """Raised by a parser's ``error`` while its arguments are parsed again in a language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class LanguageParser(Protocol):
    """What :func:`error_line` needs of ``assistant.cli.Parser``."""

    prog: str
    lang: str | None
    error_text: str | None
    rewording: bool
    last_args: list[str] | None

    def parse_args(self, args: list[str]) -> Any: ...


def translator(lang: str | None) -> Translator:
    """The translator for ``--lang`` (else the system's language); English if there is none."""
    try:
        return translator_for(choose_locale(lang))
    except (ValueError, MissingCatalog):
        return translator_for("en_GB")


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, with every text run through the translator as it is printed.

    Help texts are printed as they are, never %-formatted: none of ours uses ``%(default)s``,
    and a doubled ``%%`` (needed by plain argparse) is looked up and shown as one ``%``.
    """

    def __init__(self, prog: str, lang: str | None) -> None:
        super().__init__(prog)
        self._lang = lang
        self._translator: Translator | None = None

    def _(self, text: str) -> str:
        if self._translator is None:  # add_subparsers makes a formatter it never prints
            self._translator = translator(self._lang)
        return self._translator.gettext(text)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, self._("usage: ") if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(self._(heading) if heading else heading)

    def add_text(self, text: str | None) -> None:
        if text and text is not argparse.SUPPRESS:
            text = self._(text)
        super().add_text(text)

    def _expand_help(self, action: argparse.Action) -> str:
        return self._((action.help or "").replace("%%", "%"))


def error_line(parser: LanguageParser, message: str) -> str:
    """The line to print for argparse's ``message``, all of it in the parser's language.

    Inside the parse again (see the module's docstring) the parser's ``error`` raises the
    translated message back here. ``error_text`` (a msgid with ``{problem}``) replaces the
    usual "problem. Try '... --help'." wording.
    """
    if parser.rewording:
        raise _Reworded(message)
    t = translator(parser.lang)
    if t.locale != "en_GB" and parser.last_args is not None:
        message = _reworded(parser, parser.last_args, t, message)
    if parser.error_text:
        text = t.gettext(parser.error_text).replace("{problem}", message)
    else:
        hint = t.gettext(N_("Try '{command} --help'.")).replace("{command}", parser.prog)
        text = f"{message}. {hint}"
    return f"{parser.prog}: {text}\n"


def _reworded(parser: LanguageParser, args: list[str], t: Translator, message: str) -> str:
    """argparse's message for ``args`` in the language of ``t`` (``message`` if none comes)."""
    parser.rewording = True
    try:
        with _argparse_words(t):
            parser.parse_args(args)
    except _Reworded as reworded:
        return reworded.message
    except SystemExit:  # cannot happen: the same arguments failed the same way before
        pass
    finally:
        parser.rewording = False
    return message


@contextmanager
def _argparse_words(t: Translator) -> Iterator[None]:
    """argparse's own words in the language of ``t`` for as long as this lasts."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = t.gettext  # type: ignore[attr-defined]
    argparse.ngettext = t.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
