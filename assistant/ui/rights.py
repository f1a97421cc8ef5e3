"""The rights explained so far, in words with their sources, for the side panels.

Kept apart from the app so the words of each right are made once per language: a long
England conversation explains about a hundred rights, and the panel is refreshed on every
step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.engine.views import message
from assistant.flow import model
from assistant.plain.render import citation
from assistant.ui.text import _
from assistant.values import N_

if TYPE_CHECKING:
    from assistant.engine.session import Session
    from assistant.flow.bundle import Bundle
    from assistant.i18n import Translator


class Rights:
    """Each right explained on the conversation's path, newest first."""

    def __init__(self, bundle: Bundle) -> None:
        self.bundle = bundle
        self._made: dict[tuple[str, str], str] = {}  # (locale, step) -> the right in words

    def so_far(self, session: Session, t: Translator) -> list[str]:
        """Rights explained so far (newest first), each with its citation."""
        rights = []
        for key in reversed(session.path):
            step = self.bundle.steps[key].step
            if isinstance(step, model.Say) and step.cite:
                rights.append(self._right(session, t, key, step))
        return rights

    def _right(self, session: Session, t: Translator, key: str, step: model.Say) -> str:
        """One right in words with its source; kept once made unless it names an answer."""
        made = self._made.get((t.locale, key))
        if made is not None:
            return made
        text = t.render(message(session, key, step.text))
        sources = "; ".join(citation(self.bundle, c, t) for c in step.cite)
        right = f"{text}\n" + _(N_("Source: {source}"), source=sources)
        if "{" not in (step.text or ""):
            self._made[(t.locale, key)] = right
        return right
