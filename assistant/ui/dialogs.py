"""Modal dialogs: Help now, the crisis offer, Take a break, and "really quit?".

Each is a :class:`ModalScreen` that returns its answer with ``dismiss``. Closing one pops
only itself, so the person is back exactly where they were, with focus where it was.
Nothing here has a timeout: a dialog waits as long as the person needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from assistant.engine.outputs import CrisisOffered
from assistant.plain.render import crisis, help_now
from assistant.plain.spoken import without_repeats
from assistant.safety import help_content
from assistant.ui.fields import ButtonRow
from assistant.ui.modal import Modal
from assistant.ui.text import _, translator
from assistant.ui.widgets import ActionButton, Plain
from assistant.values import N_


class Dialog(Modal[str]):
    """A titled box of text with buttons; Escape gives ``escape_result``.

    The focus stays on the buttons, so the text scrolls with the screen's own keys: at
    80x24 the crisis offer ran past its box, and what "Keep my words in my plan" means
    could not be reached by keyboard (QA in tmux). A hint says so when the text is longer.
    """

    BINDINGS = [
        Binding("escape", "escape", show=False),
        Binding("down", "read('scroll_down')", show=False),
        Binding("up", "read('scroll_up')", show=False),
        Binding("pagedown", "read('page_down')", show=False),
        Binding("pageup", "read('page_up')", show=False),
        Binding("end", "read('scroll_end')", show=False),
        Binding("home", "read('scroll_home')", show=False),
    ]

    def __init__(
        self,
        title: str,
        body: Sequence[str],
        buttons: Sequence[tuple[str, str]],
        *,
        escape_result: str = "",
        id: str | None = None,  # noqa: A002 - Textual's own name
    ) -> None:
        super().__init__(id=id)
        self.title_text = title
        self.body = list(body)
        self.buttons = list(buttons)
        self.escape_result = escape_result

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(self.title_text, classes="dialog-title")
            with VerticalScroll(classes="dialog-body", can_focus=False):
                for paragraph in self.body:
                    yield Plain(paragraph, classes="paragraph")
            yield Plain(id="dialog-read-all", classes="hint")
            with ButtonRow():
                for result, label in self.buttons:
                    yield ActionButton(label, id=f"dialog-{result}")

    def on_mount(self) -> None:
        self.query(ActionButton).first().focus()
        self.call_after_refresh(self._say_when_longer)

    def _say_when_longer(self) -> None:
        """Say how to read the rest, only when the text runs past its box."""
        if self.query_one(".dialog-body", VerticalScroll).max_scroll_y > 0:
            hint = _(N_("Use the Up and Down arrows to read it all."))
            self.query_one("#dialog-read-all", Plain).set_text(hint)

    def action_read(self, how: str) -> None:
        """Up, Down, Page Up, Page Down, Home, End: scroll the text, whatever has focus."""
        getattr(self.query_one(".dialog-body", VerticalScroll), f"action_{how}")()

    @on(ActionButton.Pressed)
    def _pressed(self, event: ActionButton.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("dialog-"))

    def action_escape(self) -> None:
        """Escape closes with the safe answer (stay, carry on)."""
        self.dismiss(self.escape_result)


def contact_text(contact: dict[str, str]) -> str:
    """How and when to reach a contact, without what its name already says: the app showed
    "Shout: text SHOUT to 85258. Text SHOUT to 85258." (the line mode already said it once)."""
    head = f"{contact['name']}."
    return without_repeats(head, f"{contact['how']} {contact['when']}")[len(head) :].strip()


def headed(heading: str, text: str) -> Static:
    """A paragraph that starts with its heading in bold: "Samaritans: 116 123. Call ..."."""
    return Static(Content.assemble((heading, "bold"), ". ", text), classes="paragraph")


def safeguarding_source() -> str:
    """Where the council's duty to look into abuse or neglect comes from: the screen said
    "Councils must look into it" with no source, though every duty carries one (QA)."""
    t = translator()
    content = help_content()
    source = content.sources[content.safeguarding.source]
    text = source.title + (f", {t.pgettext('source', source.part)}" if source.part else "")
    if not source.confirmed:
        text += " " + _(N_("(not yet confirmed)"))
    return _(N_("Source: {source}"), source=text)


class HelpNowScreen(Modal[None]):
    """Crisis and safeguarding contacts. Escape or Close returns to where the person was."""

    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, reason: str = "asked") -> None:
        super().__init__(id="help-now-screen")
        self.reason = reason

    def compose(self) -> ComposeResult:
        data = help_now(translator(), self.reason)
        with Vertical(classes="dialog help-now"):
            yield Plain(data["title"], classes="dialog-title")
            with VerticalScroll(id="help-body", classes="dialog-body"):
                yield Plain(data["intro"], classes="paragraph")
                for contact in data["contacts"]:
                    yield headed(contact["name"], contact_text(contact))
                guard = data["safeguarding"]
                yield headed(guard["title"], f"{guard['text']} {guard['why']}")
                yield Plain(safeguarding_source(), classes="paragraph")
                yield Plain(
                    _(N_("When you are ready, we will carry on from where you were.")),
                    classes="paragraph",
                )
            yield Plain(_(N_("Use the Up and Down arrows to read it all.")), classes="hint")
            with ButtonRow():
                yield ActionButton(_(N_("Close and go back")), id="close-help")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    @on(ActionButton.Pressed, "#close-help")
    def action_close(self) -> None:
        """Back to exactly where the person was."""
        self.dismiss(None)


def crisis_offer(offered: CrisisOffered) -> Dialog:
    """The engine's crisis reply, straight after an answer with words that can mean a crisis.

    It shows the contacts themselves, worded for what was said; the person can open Help now,
    keep their words in their plan (when they were left out), or carry on.
    """
    t = translator()
    data = crisis(offered, t)
    body = [data["message"]]
    body += [f"{c['name']}. {contact_text(c)}" for c in data["contacts"]]
    body += data["notes"] + ([data["closing"]] if data["closing"] else [])
    buttons = [("help", _(N_("Show help now")))]
    if data["words_left_out"]:
        buttons.append(("keep", _(N_("Keep my words in my plan"))))
    buttons.append(("carry_on", _(N_("Carry on"))))
    return Dialog(
        _(N_("Thank you for telling us")),
        body,
        buttons,
        escape_result="carry_on",
        id="crisis-offer",
    )


def break_dialog(reference: str | None, *, kept: str | None = None) -> Dialog:
    """Take a break: say how to come back, and wait for as long as it takes. ``kept``:
    resumed where new answers cannot be saved (see :func:`kept_but_not_new`)."""
    if reference:
        how = _(
            N_("Your answers are saved. To come back later, type: support-plan resume {reference}"),
            reference=reference,
        )
    elif kept:
        how = kept_but_not_new(kept)
    else:
        how = _(
            N_(
                "Your answers are kept while the assistant stays open. They are not saved on this computer, so if you close it they will be gone."
            )
        )
    return Dialog(
        _(N_("Take a break")),
        [_(N_("Take as long as you need. Nothing here times out.")), how],
        [("carry_on", _(N_("Carry on"))), ("close", _(N_("Close the assistant")))],
        escape_result="carry_on",
        id="break-dialog",
    )


def kept_but_not_new(reference: str) -> str:
    """What happens to the answers of a conversation resumed from a read-only (or
    damaged) store: the earlier ones stay saved, the new ones go with the app."""
    return _(
        N_(
            "Your earlier answers are still saved as {reference}. New answers cannot be saved there, so they will be gone when you close the assistant."
        ),
        reference=reference,
    )


def quit_dialog(reference: str | None, answered: bool, *, kept: str | None = None) -> Dialog:
    """Ask before leaving, and say plainly what happens to the answers."""
    if reference:
        body = _(
            N_("Your answers are saved. To come back later, type: support-plan resume {reference}"),
            reference=reference,
        )
    elif kept:
        body = kept_but_not_new(kept)
    elif answered:
        body = _(
            N_(
                "Your answers are not being saved, so they will be gone if you leave. You can stay and carry on."
            )
        )
    else:
        body = _(N_("You have not answered any questions yet."))
    return Dialog(
        _(N_("Do you want to leave?")),
        [body],
        [("stay", _(N_("Stay"))), ("leave", _(N_("Leave")))],
        escape_result="stay",
        id="quit-dialog",
    )


def not_saved_dialog(problem: str) -> Dialog:
    """The last step could not be saved: say why; the next screen waits until it is."""
    return Dialog(
        _(N_("Not saved yet")),
        [
            _(N_("Your last answer has NOT been saved yet.")),
            problem,
            _(
                N_(
                    "The screen stays where it was until your answer is saved. Try again once the problem is fixed, or carry on without saving."
                )
            ),
        ],
        [("retry", _(N_("Try again"))), ("carry_on", _(N_("Carry on without saving")))],
        escape_result="retry",
        id="not-saved-dialog",
    )


def text_dialog(title: str, text: str, extra: Sequence[tuple[str, str]] = ()) -> Any:
    """A read-only text (e.g. a summary) with Close and any extra buttons."""
    return Dialog(title, [text], [*extra, ("close", _(N_("Close")))], escape_result="close")
