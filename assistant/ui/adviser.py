"""The adviser's side of the screen: live summary, notes kept apart, and the section navigator.

Notes are posted up as :class:`AdviserPanel.NoteAdded`; the app records them with the
session as ``note`` events. They are shown only here and in the adviser's end-of-call
summary, never in the person's own answers, review or summary.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input

from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.ui.explain import Explanations
from assistant.ui.steady import Column
from assistant.ui.summary import local_time
from assistant.ui.text import _
from assistant.ui.widgets import ChoiceList, Plain, TextBox
from assistant.values import N_


class AdviserPanel(Column):
    """Why we ask, rights, the facts so far, and the adviser-only notes box.

    F7 jumps to the notes box; Enter adds the note and stays for the next one;
    Escape goes back to the question.
    """

    BINDINGS = [Binding("escape", "app.focus_answer", show=False)]

    class NoteAdded(Message):
        """The adviser typed a note and pressed Enter."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self) -> None:
        super().__init__(id="side", classes="adviser-panel")

    def compose(self) -> ComposeResult:
        yield Explanations(
            [
                (
                    "tell",
                    _(N_("Tell the caller")),
                    _(N_("Nothing to read out before this question.")),
                ),
                ("why", _(N_("Why we ask")), _(N_("There is no extra explanation for this step."))),
                ("rights", _(N_("Rights")), _(N_("Rights will appear here as we come to them."))),
                ("facts", _(N_("Summary so far")), _(N_("Nothing yet."))),
            ],
            id="side-info",
        )
        with Vertical(id="notes-box") as box:
            box.border_title = _(N_("Adviser-only notes"))
            yield VerticalScroll(id="notes-list", can_focus=False)
            yield TextBox(placeholder=_(N_("Type a note, then Enter")), id="note-input")

    def show(
        self,
        why: str,
        rights: Sequence[str],
        facts: Sequence[str],
        tell: Sequence[str] = (),
    ) -> None:
        """Fill in the explanations and the live summary of key facts for the current step.

        ``tell``: on a call, what the last answer means, a short line each to read out to
        the caller (the explanations a person completing it alone would see as screens).
        """
        self.query_one(Explanations).show_sections(
            {
                "tell": tell,
                "why": [why] if why else [],
                "rights": rights,
                "facts": ["\n".join(f"- {fact}" for fact in facts)] if facts else [],
            }
        )

    async def show_notes(self, notes: Sequence[dict[str, str]]) -> None:
        """Every note so far, each with its time."""
        box = self.query_one("#notes-list", VerticalScroll)
        await box.remove_children()
        await box.mount_all(
            [Plain(f"{local_time(n['at'])[11:]} {n['text']}", classes="note") for n in notes]
        )
        box.scroll_end(animate=False)

    def focus_notes(self) -> None:
        """F7: straight to the notes box."""
        self.query_one("#note-input", Input).focus()

    @on(Input.Submitted, "#note-input")
    def _note(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            self.post_message(self.NoteAdded(text))
        event.input.value = ""


def sections_reached(session: Session, t: Translator) -> list[tuple[str, str]]:
    """(first answered step, section title) for each section already reached, in order."""
    first: dict[str, str] = {}
    for item in session.review():
        if item.step in session.path:
            first.setdefault(item.section, item.step)
    return [
        (first[s.key], t.pgettext(f"{s.module}.section", s.title))
        for s in session.bundle.sections
        if s.key in first
    ]


class SectionNavigator(ModalScreen[str]):
    """Jump to any section already reached, or back to where the conversation was."""

    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, sections: Sequence[tuple[str, str]]) -> None:
        super().__init__(id="sections")
        self.sections = list(sections)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(_(N_("Go to a section")), classes="dialog-title")
            yield Plain(
                _(N_("Choose a section to go back to its first answer. Escape closes this.")),
                classes="paragraph",
            )
            yield ChoiceList(
                [*self.sections, ("", _(N_("Back to where I was")))], id="section-list"
            )

    def on_mount(self) -> None:
        self.query_one("#section-list").focus()

    @on(ChoiceList.Chosen)
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.dismiss(event.values[0] if event.values else "")

    def action_close(self) -> None:
        """Escape: close without moving."""
        self.dismiss(None)
