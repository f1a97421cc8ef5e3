"""Reading a condition's text: limits, character checks, parsing and friendly syntax errors.

This is the first half of :mod:`assistant.flow.conditions`: it turns the text a flow author
wrote into a Python ``ast`` tree (never code) or a :class:`ConditionError` whose message
says, in plain English, what is wrong and how to fix it, and whose column points at it.
"""

from __future__ import annotations

import ast
import difflib
import re
import warnings
from collections.abc import Iterable

MAX_SOURCE_CHARS = 500

#: What the language allows, in one sentence, appended to "cannot be used" messages.
ALLOWED = (
    "Conditions can use answer names (age, or module.step), numbers, 'text', true/false, "
    "lists like ['a', 'b'], comparisons (== != < <= > >= in, not in), and, or, not, "
    "+ - * /, and functions from the list, such as answered(age)."
)

_SINGLE_EQUALS = re.compile(r"(?<![=!<>])=(?!=)")


class ConditionError(Exception):
    """A condition that cannot be compiled.

    ``message`` is plain English for flow authors, saying what is wrong and how to fix it;
    ``column`` is the 0-based character offset into the condition's source, so the loader
    can report file:line:column.
    """

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


def check_length(source: str) -> None:
    """Refuse overlong conditions before parsing, so nothing can use much time or memory."""
    if len(source) > MAX_SOURCE_CHARS:
        raise ConditionError(
            f"This condition is {len(source)} characters long; the limit is "
            f"{MAX_SOURCE_CHARS}. Split it across several branch cases or steps.",
            MAX_SOURCE_CHARS,
        )


def flatten(source: str) -> tuple[str, int]:
    """The text to parse, and how many spaces were cut from its start.

    Tabs and line breaks become spaces, so a multi-line YAML value parses as one line and
    every character keeps its offset; leading spaces are cut (Python would call them an
    indent), and the count is added back to every column.
    """
    flat = "".join(" " if char in "\t\n\r\f\v" else char for char in source)
    text = flat.strip(" ")
    return text, len(flat) - len(flat.lstrip(" "))


def parse(text: str, lead: int) -> ast.expr:
    """Parse flattened text as one expression; any failure becomes a ConditionError."""
    if not text:
        raise ConditionError("This condition is empty. Write a test such as: age >= 18", 0)
    _check_characters(text, lead)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text, mode="eval").body
    except SyntaxError as exc:
        offset = exc.offset if exc.offset and exc.lineno == 1 else len(text) + 1
        column = lead + min(max(offset - 1, 0), len(text))
        raise ConditionError(_syntax_message(text, column - lead, exc.msg), column) from None
    except Exception:
        raise ConditionError(f"This condition could not be read. {ALLOWED}", lead) from None


def _check_characters(text: str, lead: int) -> None:
    """Refuse characters no condition needs, before Python's parser sees them.

    Names and choice values are ASCII ids, so nothing is lost. It matters for safety:
    parsing a non-ASCII name or a \\N{...} escape makes Python import ``unicodedata``, and
    the promise is that a condition never causes any import at all.
    """
    for index, char in enumerate(text):
        if char == "\\":
            raise ConditionError("Conditions cannot contain a backslash (\\).", lead + index)
        if char == "\x00":
            raise ConditionError("This condition contains a null character.", lead + index)
        if not char.isascii():
            hint = (
                "Use straight quotes ' or \" instead of curly quotes."
                if char in "\u2018\u2019\u201c\u201d"
                else "Compare answers with choice values (ids such as own_home), which use "
                "only a-z, 0-9 and _, not with the labels people see."
            )
            raise ConditionError(
                f"The character {char!r} cannot be used here. {hint}", lead + index
            )


def _syntax_message(text: str, index: int, detail: str) -> str:
    """A syntax error message with a hint for the mistakes non-programmers make most."""
    if "&&" in text or "||" in text:
        hint = "Write 'and' and 'or' instead of && and ||."
    elif _SINGLE_EQUALS.search(text):
        hint = "To compare, write == (two equals signs), or <= and >=."
    elif index >= len(text.rstrip()):
        hint = "It seems to stop too early: is something missing at the end?"
    else:
        hint = ALLOWED
    return f"This condition is not written correctly ({detail}). {hint}"


def suggest(word: str, candidates: Iterable[str]) -> str:
    """ " Did you mean 'x'?" for the closest candidate, or nothing when none is close."""
    match = difflib.get_close_matches(word, list(candidates), n=1)
    return f" Did you mean '{match[0]}'?" if match else ""
