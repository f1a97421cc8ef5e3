"""The base of the app's dialogs: their styles are read when the first one is made.

The dialogs' styles (``dialogs.tcss``) were part of the app's own style sheet, parsed at
every start although the first screen shows no dialog. Textual reads a style sheet added
later when it next styles a widget, so adding it as the first dialog is made styles that
dialog and every later one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeVar

from textual.screen import ModalScreen

#: The dialogs' styles.
DIALOG_CSS = os.path.abspath(Path(__file__).with_name("dialogs.tcss"))

ResultType = TypeVar("ResultType")


class Modal(ModalScreen[ResultType]):
    """A dialog over the screen, returning a ``ResultType`` with ``dismiss``."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        try:
            stylesheet = self.app.stylesheet
        except RuntimeError:  # no app running (Textual's NoActiveAppError): nothing to style
            return
        if not stylesheet.has_source(DIALOG_CSS, ""):
            stylesheet.read(DIALOG_CSS)
