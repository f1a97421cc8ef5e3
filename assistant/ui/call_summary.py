"""The end-of-call summary (F9): read it all from the keyboard, copy it, keep it.

The text scrolls with Up, Down, Page Up, Page Down, Home and End, and fits 80x24. "Copy"
sends it to the clipboard through the terminal (OSC 52: most terminals and tmux with
``set-clipboard on`` take it; there is no way to ask whether one did) and always saves it
to a private file too (0600 in a 0700 folder), and the screen says which it did and where.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll

from assistant.ui.fields import ButtonRow
from assistant.ui.modal import Modal
from assistant.ui.text import _
from assistant.ui.widgets import ActionButton, Plain
from assistant.values import N_

#: The folder, under the plans' folder, where copies of call summaries are kept.
SUMMARIES = "Call summaries"


class CallSummaryScreen(Modal[str]):
    """The summary text, scrollable; dismisses with "details" (record the call's details),
    or "close"."""

    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, title: str, text: str, name: str, *, folder: Path | None = None) -> None:
        super().__init__(id="call-summary")
        self.title_text = title
        self.text = text
        self.file_name = name
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog summary"):
            yield Plain(self.title_text, classes="dialog-title")
            with VerticalScroll(id="summary-body", classes="dialog-body"):
                yield Plain(self.text, id="summary-text")
            yield Plain(
                _(N_("Up and Down (or Page Up and Page Down) to read it all.")), classes="hint"
            )
            yield Plain(id="copied", classes="hint")
            with ButtonRow():
                yield ActionButton(_(N_("Copy")), id="summary-copy")
                yield ActionButton(_(N_("Call details")), id="summary-details")
                yield ActionButton(_(N_("Close")), id="summary-close")

    def on_mount(self) -> None:
        self.query_one("#summary-body").focus()  # the keys scroll the text at once

    @on(ActionButton.Pressed, "#summary-copy")
    def copy(self) -> None:
        """Copy through the terminal, and always keep a private copy; say which."""
        self.app.copy_to_clipboard(self.text)
        try:
            saved = save_summary(self.text, self.file_name, self.folder)
        except OSError as error:
            kept = _(
                N_("It could not be saved to a file ({problem})."), problem=error.strerror or ""
            )
        else:
            kept = _(N_("It is also saved, for you only, in {file}"), file=str(saved))
        sent = _(
            N_(
                "Sent to the clipboard, where this terminal allows it (paste to check; in tmux, set-clipboard must be on)."
            )
        )
        self.query_one("#copied", Plain).set_text(f"{sent} {kept}")

    @on(ActionButton.Pressed, "#summary-details")
    def _details(self) -> None:
        self.dismiss("details")

    @on(ActionButton.Pressed, "#summary-close")
    def action_close(self) -> None:
        """Escape or Close: back to the call."""
        self.dismiss("close")


def save_summary(text: str, name: str, folder: Path | None = None) -> Path:
    """Write the summary to a new private file; the folders are made private (0700)."""
    from assistant.plan.files import plans_folder, write_private  # start-up: when copied

    base = folder or plans_folder()
    target = base / SUMMARIES
    for each in (base, target):
        each.mkdir(mode=0o700, parents=True, exist_ok=True)
    target.chmod(0o700)
    stamp = dt.datetime.now().strftime("%Y-%m-%d-%H%M")
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:40] or "call"
    path, number = target / f"call-summary-{safe}-{stamp}.txt", 1
    while path.exists():
        number += 1
        path = target / f"call-summary-{safe}-{stamp}-{number}.txt"
    write_private(path, text + "\n", replace=False)
    return path
