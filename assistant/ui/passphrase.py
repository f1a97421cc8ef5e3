"""The passphrase, asked on the app's own screens (see :mod:`assistant.ui.saving`): to
open protected saved conversations, or to choose one for a new store. Imported only when
a passphrase is asked, so starting the app never pays for them.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input

from assistant.saving import PASSPHRASE_TRIES
from assistant.ui.fields import ButtonRow, TextBox
from assistant.ui.modal import Modal
from assistant.ui.text import _
from assistant.ui.widgets import ActionButton, Plain
from assistant.values import N_


class PassphraseScreen(Modal[str]):
    """The passphrase of protected saved conversations; Escape gives up (nothing opens)."""

    BINDINGS = [Binding("escape", "give_up", show=False)]

    def __init__(self, location: str, attempt: int) -> None:
        super().__init__(id="passphrase")
        self.location = location
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(_(N_("Passphrase")), classes="dialog-title")
            yield Plain(
                _(
                    N_(
                        "The saved conversations in {path} are protected by a passphrase. Please type the passphrase to open them."
                    ),
                    path=self.location,
                ),
                classes="paragraph",
            )
            if self.attempt > 1:
                tries = _(
                    N_("Try {attempt} of {tries}."),
                    attempt=str(self.attempt),
                    tries=str(PASSPHRASE_TRIES),
                )
                yield Plain(tries, classes="error")
            yield TextBox(password=True, id="passphrase-input")
            yield Plain(_(N_("Enter opens them; Escape goes on without them.")), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#passphrase-input").focus()

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_give_up(self) -> None:
        """Escape: no passphrase (nothing is opened)."""
        self.dismiss("")


class NewPassphraseScreen(Modal[str]):
    """Choose a passphrase: typed twice, the same, up to three tries; Escape saves nothing."""

    BINDINGS = [Binding("escape", "give_up", show=False)]

    def __init__(self) -> None:
        super().__init__(id="new-passphrase")
        self.tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(_(N_("Choose a passphrase")), classes="dialog-title")
            yield Plain(
                _(N_("You will need it to come back. It cannot be recovered if you forget it.")),
                classes="paragraph",
            )
            yield Plain(_(N_("Choose a passphrase: ")), classes="field-label")
            yield TextBox(password=True, id="first-passphrase")
            yield Plain(_(N_("Type it again: ")), classes="field-label")
            yield TextBox(password=True, id="second-passphrase")
            yield Plain(id="passphrase-error", classes="error")
            with ButtonRow():
                yield ActionButton(_(N_("Protect my answers")), id="protect")

    def on_mount(self) -> None:
        self.query_one("#first-passphrase").focus()

    @on(Input.Submitted, "#first-passphrase")
    def _first(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#second-passphrase").focus()

    @on(Input.Submitted, "#second-passphrase")
    @on(ActionButton.Pressed, "#protect")
    def _chosen(self, event: Any) -> None:
        event.stop()
        first = self.query_one("#first-passphrase", Input)
        second = self.query_one("#second-passphrase", Input)
        if first.value and first.value == second.value:
            self.dismiss(first.value)
            return
        self.tries += 1
        if self.tries >= PASSPHRASE_TRIES:
            self.dismiss("")
            return
        problem = _(N_("The two passphrases were not the same, or were empty. Please try again."))
        self.query_one("#passphrase-error", Plain).set_text(problem)
        first.value = second.value = ""
        first.focus()

    def action_give_up(self) -> None:
        """Escape: no passphrase, so nothing is saved."""
        self.dismiss("")
