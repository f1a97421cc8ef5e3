"""The start screen: who is completing, the language, and saved conversations to resume.

Choosing a language re-renders this screen in it straight away. Adviser modes also ask
for a case reference, and "on someone's behalf" needs the adviser to confirm consent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input

from assistant.i18n import LOCALES
from assistant.ui.keyboard import KeyboardApp
from assistant.ui.keys import KeyBar
from assistant.ui.modes import MODES, Mode, as_mode, is_adviser
from assistant.ui.text import _, ngettext
from assistant.ui.widgets import ActionButton, ChoiceList, HelpNowButton, Plain
from assistant.values import N_

if TYPE_CHECKING:
    from assistant.store.base import ConversationSummary


class Pending:
    """The saved conversations are still being looked for."""


class StartScreen(Screen[None]):
    """The first screen. It posts :class:`StartScreen.Begin` or :class:`StartScreen.Resume`."""

    #: Focus starts on "Who is completing this?" (not on Help now, the first control).
    AUTO_FOCUS = "#who"

    class Begin(Message):
        """Start a new conversation."""

        def __init__(self, mode: Mode, case_reference: str, save: bool | None = None) -> None:
            super().__init__()
            self.mode = mode
            self.case_reference = case_reference
            #: The answer to "save my answers?" on this screen (None: not asked here).
            self.save = save

    class Resume(Message):
        """Carry on with a saved conversation."""

        def __init__(self, mode: Mode, reference: str) -> None:
            super().__init__()
            self.mode = mode
            self.reference = reference

    class LanguageChosen(Message):
        """Switch the app's language (the app answers with an error text, or "")."""

        def __init__(self, locale: str) -> None:
            super().__init__()
            self.locale = locale

    def __init__(
        self,
        *,
        mode: Mode,
        locale: str,
        saved: Sequence[ConversationSummary] | None | Pending,
        asks_saving: bool = False,
    ) -> None:
        super().__init__(id="start")
        self.mode: Mode = mode
        self.locale = locale
        self.saved = saved
        #: Whether this screen asks for consent to saving (not when the command line said).
        self.asks_saving = asks_saving
        self.saving: str | None = None
        self.language_error = ""
        self.case_reference = ""
        self.consent = False
        self._resumed = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Plain(_(N_("Support Plan Assistant")), id="app-title")
            yield HelpNowButton()
        with VerticalScroll(id="start-body", can_focus=False):
            yield Plain(
                _(
                    N_(
                        "This helps you plan care and support in England, one question at a time. Take as long as you need: nothing here times out."
                    )
                ),
                classes="paragraph",
            )
            yield Plain(_(N_("Who is completing this?")), classes="field-label")
            yield ChoiceList(
                [(k, _(v)) for k, v in MODES.items()], chosen=[self.mode], moves_on=True, id="who"
            )
            if is_adviser(self.mode) or self.case_reference:
                yield from self.adviser_fields()
            yield Plain(_(N_("Language")), classes="field-label", id="language-label")
            yield ChoiceList(
                list(LOCALES.items()), chosen=[self.locale], moves_on=True, id="language"
            )
            if self.language_error:  # errors are shown next to their field, when there are any
                yield Plain(self.language_error, id="language-error", classes="error")
            if self.asks_saving:  # nothing is stored until this is answered
                yield from self.saving_fields()
            # One button, so no row of buttons: a screen of fewer widgets is drawn sooner.
            yield ActionButton(_(N_("Start")), id="start-button", moves_on=True)
            yield from self.saved_list()
        yield KeyBar()

    def adviser_fields(self) -> ComposeResult:
        """The case reference and the consent box, made when an adviser mode is first chosen
        (most people never need them, and the first screen is drawn sooner without)."""
        from assistant.ui.fields import TextBox, TickBox  # not at start-up: see fields

        yield Plain(_(N_("Case reference (optional)")), classes="field-label adviser-only")
        yield TextBox(
            self.case_reference, id="case-reference", classes="adviser-only", moves_on=True
        )
        yield TickBox(
            _(N_("The person has agreed that I answer on their behalf.")),
            ticked=self.consent,
            id="consent",
        )

    def saving_fields(self) -> ComposeResult:
        """Consent to saving, asked here in the person's language (never on the terminal)."""
        yield Plain(_(N_("Saving your answers")), classes="field-label", id="saving-label")
        yield ChoiceList(
            [
                ("yes", _(N_("Save my answers on this computer, so I can stop and come back"))),
                ("no", _(N_("Don't save anything (I can still go all the way through)"))),
            ],
            chosen=[self.saving] if self.saving else [],
            moves_on=True,
            id="saving",
        )

    def saved_list(self) -> ComposeResult:
        """Saved conversations to carry on with, or a sentence saying there are none; nothing
        until the store has been read (behind the first frame: two lines fewer to draw
        before the first question, about 0.8 ms of every start)."""
        if isinstance(self.saved, Pending):
            return
        label = _(N_("Carry on with a saved conversation"))
        yield Plain(label, classes="field-label saved", id="saved-label")
        if self.saved is None:
            yield Plain(
                _(N_("Saving is not available in this version yet.")), classes="paragraph saved"
            )
        elif not self.saved:
            yield Plain(_(N_("There are no saved conversations.")), classes="paragraph saved")
        else:  # described now, so a language chosen here describes them too
            choices = [(c.reference, describe(c)) for c in self.saved]
            yield ChoiceList(choices, moves_on=True, id="saved")

    async def show_saved(self, saved: Sequence[ConversationSummary] | None) -> None:
        """The saved conversations, once the store has been looked at (after the first frame,
        so opening the store does not delay the first question)."""
        self.saved = saved
        with self.app.batch_update():
            await self.query("#saved, .saved").remove()
            await self.query_one("#start-body").mount_all(list(self.saved_list()))

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """The first time, as the app's first screen, every widget was styled as it was
        mounted a moment ago; styling them all again took a tenth of the time to the first
        frame. Later (after a dialog, say) they are restyled as usual. Textual calls this
        handler before Screen's own, which reads ``refresh_styles`` (a canary test in
        tests/ui/test_textual_private.py checks that order)."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self._show_mode_fields()
        self.query_one("#who").focus()

    def _show_mode_fields(self) -> None:
        for widget in self.query(".adviser-only"):
            widget.display = is_adviser(self.mode)
        for consent in self.query("#consent"):
            consent.display = self.mode == "adviser_behalf"

    @on(ChoiceList.Chosen, "#who")
    async def _who(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.mode = as_mode(event.values[0])
        event.choice_list.ticked = {self.mode}
        event.choice_list.refresh_prompts()
        if is_adviser(self.mode) and not self.query("#case-reference"):
            body = self.query_one("#start-body")
            await body.mount_all(list(self.adviser_fields()), before="#language-label")
        self._show_mode_fields()
        # The next field by name: the focus chain has not seen the fields just shown.
        self.query_one("#case-reference" if is_adviser(self.mode) else "#language").focus()
        self._release_keys()

    def _release_keys(self) -> None:
        """Keys typed while the screen changed go on once it is drawn (see KeyboardApp)."""
        app = self.app
        if isinstance(app, KeyboardApp):
            app.call_after_refresh(app.release_keys)

    @on(ChoiceList.Chosen, "#saving")
    def _saving(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.saving = event.values[0]
        event.choice_list.ticked = {self.saving}
        event.choice_list.refresh_prompts()
        for error in self.query("#start-error"):
            error.remove()
        self.query_one("#start-button").focus()
        self._release_keys()

    @on(ChoiceList.Chosen, "#language")
    def _language(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.post_message(self.LanguageChosen(event.values[0]))

    async def language_changed(self, locale: str, error: str) -> None:
        """Re-render in the new language (or say, next to the field, why it could not)."""
        if not error:
            self.locale = locale
        self.language_error = error
        for box in self.query("#case-reference").results(Input):
            self.case_reference = box.value
        if self.query("#consent"):  # the adviser's fields, and so their module, are loaded
            from assistant.ui.fields import TickBox

            self.consent = self.query_one("#consent", TickBox).ticked
        await self.recompose()
        self._show_mode_fields()
        self.query_one("#language").focus()
        self._release_keys()

    @on(Input.Submitted, "#case-reference")
    def _case_reference_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#consent" if self.mode == "adviser_behalf" else "#language").focus()
        self._release_keys()

    @on(ActionButton.Pressed, "#start-button")
    def _start(self) -> None:
        from assistant.ui.fields import TickBox  # loaded with the adviser's fields

        consent = self.query_one("#consent", TickBox) if self.mode == "adviser_behalf" else None
        if consent is not None and not consent.ticked:
            self._problem(_(N_("Please confirm that the person has agreed before you start.")))
            consent.focus()
            return
        if self.asks_saving and self.saving is None:
            self._problem(_(N_("Please choose whether to save your answers.")))
            self.query_one("#saving").focus()
            return
        reference = ""
        if is_adviser(self.mode):
            reference = self.query_one("#case-reference", Input).value.strip()
        save = None if self.saving is None else self.saving == "yes"
        self.post_message(self.Begin(self.mode, reference, save))

    def _problem(self, problem: str) -> None:
        """What stops Start, in words, just above it."""
        if self.query("#start-error"):
            self.query_one("#start-error", Plain).set_text(problem)
        else:
            error = Plain(problem, id="start-error", classes="error")
            self.query_one("#start-body").mount(error, before="#start-button")
        self._release_keys()

    @on(ChoiceList.Chosen, "#saved")
    def _resume(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.post_message(self.Resume(self.mode, event.values[0]))


def saved_conversations(
    store_path: Any, bundle_id: str, current: str | None = None
) -> list[ConversationSummary] | None:
    """Each saved conversation of these questions (described on the start screen, in the
    language chosen there: described here, they stayed in English after Cymraeg).

    ``current`` is the conversation just opened for this visit, which is not listed.

    None when saved conversations cannot be listed (no store, or a store that cannot be
    opened: the person can still start afresh, and ``support-plan sessions`` says why).
    """
    # Start-up: the store is read behind this screen, in the loading thread.
    from assistant.store import NothingSaved, StoreError, open_store

    try:
        with open_store(store_path, create=False) as store:  # look, never make one
            conversations = store.conversations()
    except NothingSaved:
        return []
    except StoreError:
        return None
    return [c for c in conversations if c.bundle == bundle_id and c.reference != current]


def describe(summary: ConversationSummary) -> str:
    """E.g. "QA9-T2W, Ann's plan, 12 answers, last used 2026-11-22 12:59"."""
    parts = [summary.reference]
    if summary.label and summary.readable:
        parts.append(summary.label)
    parts.append(ngettext("{n} answer", "{n} answers", summary.answered))
    parts.append(_(N_("last used {when}"), when=summary.last_activity[:16].replace("T", " ")))
    if summary.finished:
        parts.append(_(N_("finished")))
    return ", ".join(parts)
