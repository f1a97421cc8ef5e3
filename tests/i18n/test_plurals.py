"""Plural messages reach translators as plurals, so counts are translated at run time.

``ngettext(N_("1 answer"), N_("{n} answers"), n)`` is extracted as two unrelated singular
messages; gettext then finds no plural entry and shows the English in every language.
"""

from __future__ import annotations

import ast

import pytest

from assistant.i18n import translator_for
from assistant.paths import ROOT


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def test_no_plural_call_hides_its_strings_in_markers() -> None:
    wrong = []
    for path in sorted((ROOT / "assistant").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and _name(call.func) == "ngettext":
                if any(isinstance(arg, ast.Call) for arg in call.args[:2]):
                    wrong.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not wrong, (
        "pass the two English forms to ngettext as plain strings, without N_(), so they are "
        f"extracted as one plural message: {wrong}"
    )


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("{n} answer", "{n} answers"),
        ("Help now contacts were shown once.", "Help now contacts were shown {count} times."),
        ("Delete the {count} saved conversation?", "Delete all {count} saved conversations?"),
    ],
)
def test_counts_are_translated(locale: str, singular: str, plural: str) -> None:
    t = translator_for(locale)
    for n in (1, 2, 5):
        english = singular if n == 1 else plural
        assert t.ngettext(singular, plural, n) != english, (locale, n)
