"""The call's details, recorded by the adviser: what the case system's contact record needs
and the conversation does not ask (see :mod:`assistant.casework.details`).

One form, keyboard only: a digit (or Up, Down and Enter) chooses in each list and moves on
to the next; Space ticks the places the person was signposted to; Save keeps it all as
one ``call_details`` event. Nothing is guessed: a list left alone stays "not recorded".
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input

from assistant.casework import details
from assistant.casework.details import CallDetails
from assistant.ui.fields import ButtonRow, TextBox
from assistant.ui.modal import Modal
from assistant.ui.text import _
from assistant.ui.widgets import ActionButton, ChoiceList, Plain
from assistant.values import N_

#: (field, question, choices) for the one-answer lists, in the order of the form.
SINGLE: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("channel", N_("How did they get in touch?"), details.CHANNELS),
    ("caller", N_("Who was calling?"), details.CALLERS),
    ("age_band", N_("How old is the person who needs care?"), details.AGE_BANDS),
    ("outcome", N_("What came of the call?"), details.OUTCOMES),
    ("consent", N_("May their details be shared with another service?"), details.CONSENT),
)


class CallDetailsScreen(Modal[CallDetails | None]):
    """The form; dismisses with the details to save, or None (Escape or Cancel)."""

    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, current: CallDetails) -> None:
        super().__init__(id="call-details")
        self.current = current
        self.chosen: dict[str, str] = {name: getattr(current, name) for name, _q, _c in SINGLE}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog summary"):
            yield Plain(_(N_("Call details")), classes="dialog-title")
            with VerticalScroll(id="details-body", classes="dialog-body", can_focus=False):
                yield Plain(
                    _(N_("For the case record. Anything left alone is recorded as not known.")),
                    classes="paragraph",
                )
                for name, question, choices in SINGLE:
                    yield Plain(_(question), classes="field-label")
                    options = [(key, _(label)) for key, label in choices.items()]
                    chosen = [self.chosen[name]] if self.chosen[name] else []
                    yield ChoiceList(options, chosen=chosen, id=f"details-{name}")
                yield Plain(_(N_("Signposted to (Space ticks)")), classes="field-label")
                yield ChoiceList(
                    [(key, _(label)) for key, label in details.SIGNPOSTS.items()],
                    multi=True,
                    chosen=list(self.current.signposted),
                    id="details-signposted",
                )
                yield Plain(_(N_("Follow-ups agreed")), classes="field-label")
                yield TextBox(self.current.follow_ups, id="details-follow-ups")
            with ButtonRow():
                yield ActionButton(_(N_("Save")), id="details-save")
                yield ActionButton(_(N_("Cancel")), id="details-cancel")

    def on_mount(self) -> None:
        self.query_one("#details-channel").focus()

    def on_screen_resume(self) -> None:
        """Show the form from its top once it is laid out: the screen centres the focused
        first list before the form has its height, which at 80x24 scrolled its note and
        first question out of sight."""
        self.call_after_refresh(self._from_the_top)

    def _from_the_top(self) -> None:
        if self.focused is self.query_one("#details-channel"):
            self.query_one("#details-body", VerticalScroll).scroll_home(animate=False)

    @on(ChoiceList.Chosen)
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        name = (event.choice_list.id or "").removeprefix("details-")
        if name in self.chosen and event.values:
            self.chosen[name] = event.values[0]
            event.choice_list.ticked = {event.values[0]}
            event.choice_list.refresh_prompts()
        self.focus_next()

    @on(Input.Submitted, "#details-follow-ups")
    def _follow_ups_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#details-save").focus()

    @on(ActionButton.Pressed, "#details-save")
    def save(self) -> None:
        """Keep the form as the call's details."""
        signposted = self.query_one("#details-signposted", ChoiceList).chosen_values()
        follow_ups = self.query_one("#details-follow-ups", Input).value
        self.dismiss(
            CallDetails.from_value(
                {**self.chosen, "signposted": list(signposted), "follow_ups": follow_ups}
            )
        )

    @on(ActionButton.Pressed, "#details-cancel")
    def action_cancel(self) -> None:
        """Leave without saving."""
        self.dismiss(None)
