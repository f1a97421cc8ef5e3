"""Translation and wording helpers shared by the app's screens and widgets.

Screens call ``_()`` at render time, so switching language only needs a re-render.
Mark strings with ``N_`` where they are defined and translate them where they are shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual._context import active_app  # Textual is pinned exactly; see pyproject.toml
from textual.content import Content

from assistant.i18n import Translator
from assistant.values import N_

if TYPE_CHECKING:
    from textual.app import App

    from assistant.engine.outputs import Progress, ReviewItem

_FALLBACK = Translator()


def translator() -> Translator:
    """The running app's translator (plain English outside an app, e.g. in pure tests)."""
    try:
        app: App[Any] = active_app.get()
    except LookupError:
        return _FALLBACK
    return getattr(app, "t", _FALLBACK)


def _(msgid: str, **params: Any) -> str:
    """Translate a UI string now, then fill in ``{name}`` parameters."""
    text = translator().gettext(msgid)
    return text.format(**params) if params else text


def ngettext(singular: str, plural: str, n: int, **params: Any) -> str:
    """Translate a string whose form depends on ``n`` (which is also a parameter)."""
    return translator().ngettext(singular, plural, n).format(n=n, **params)


def plain(text: str) -> Content:
    """Text that must never be read as markup (answers and flow texts may contain "[")."""
    return Content(text)


def answer_text(item: ReviewItem, t: Translator | None = None) -> str:
    """A review item's answer as words: choice labels, Yes/No, money, "I'd rather not say"."""
    t = t or translator()
    if not item.asked:  # jumped over by an adviser (see assistant.engine.navigation)
        return t.gettext(N_("Not asked yet"))
    return t.value(item.shown_value())


def progress_text(progress: Progress, t: Translator | None = None) -> str:
    """E.g. "Step 3 of 8: Money" on a question, the part's name on other screens."""
    from assistant.plain.render import progress_line  # start-up: not on the first screen

    return progress_line(progress, t or translator())


def bracketed(label: str) -> Content:
    """A button label in brackets, so a button reads as one without colour."""
    return Content(f"[ {label} ]")
