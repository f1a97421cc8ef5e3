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
    return t.value(item.shown_value())


def progress_text(progress: Progress, t: Translator | None = None) -> str:
    """E.g. "Money: part 4 of 7 · section 2 of 3" (the part is left out for a section with none)."""
    t = t or translator()
    section = t.render(progress.section_title)
    if progress.parts:
        head = t.gettext(N_("{section}: part {part} of {parts}")).format(
            section=section, part=progress.part, parts=progress.parts
        )
    else:
        head = section
    tail = t.gettext(N_("section {number} of {count}")).format(
        number=progress.section_number, count=progress.section_count
    )
    return f"{head} · {tail}"


def bracketed(label: str) -> Content:
    """A button label in brackets, so a button reads as one without colour."""
    return Content(f"[ {label} ]")
