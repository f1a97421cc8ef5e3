"""The adviser's side of the screen: live summary, notes kept apart, and the section navigator.

Notes are posted up as :class:`AdviserPanel.NoteAdded`; the app records them with the
session as ``note`` events. They are shown only here and in the adviser's end-of-call
summary, never in the person's own answers, review or summary.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input

from assistant.engine.session import Session
from assistant.i18n import Translator
from assistant.ui.columns import Column
from assistant.ui.explain import Explanations
from assistant.ui.fields import TextBox
from assistant.ui.modal import Modal
from assistant.ui.summary import local_time
from assistant.ui.text import _
from assistant.ui.widgets import ChoiceList, Plain
from assistant.values import N_

TELL = N_("Tell the caller")
TELL_MORE = N_("Tell the caller (more below; all of it: Ctrl+O)")


class AdviserPanel(Column):
    """Why we ask, rights, the facts so far, and the adviser-only notes box.

    F7 jumps to the notes box. Enter saves the note and goes back to the question, so the
    next Enter answers it; Escape does the same (a note half typed is saved, never lost).
    The box's own line says so.
    """

    BINDINGS = [Binding("escape", "save_note", show=False)]

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
                ("tell", _(TELL), _(N_("Nothing to read out before this question."))),
                ("why", _(N_("Why we ask")), _(N_("There is no extra explanation for this step."))),
                ("rights", _(N_("Rights")), _(N_("Rights will appear here as we come to them."))),
                ("facts", _(N_("Summary so far")), _(N_("Nothing yet."))),
            ],
            id="side-info",
        )
        with Vertical(id="notes-box") as box:
            box.border_title = _(N_("Adviser-only notes"))
            yield VerticalScroll(id="notes-list", can_focus=False)
            yield TextBox(placeholder=_(N_("Type a note")), id="note-input", moves_on=True)
            yield Plain(
                _(N_("Enter or Escape saves the note and goes back to the question.")),
                id="note-hint",
            )

    def on_resize(self) -> None:
        """Full width (one column, or larger text) the notes box is one line high and its
        hint is hidden, so the box's title says what Enter and Escape do. Beside the
        question on a short screen (80x24) it is smaller too: at 11 lines it left what to
        tell the caller cut off after six (walkthrough), and its foot says what Enter does."""
        box = self.query_one("#notes-box")
        long = _(N_("Adviser-only notes: Enter or Escape saves and goes back to the question"))
        wide = self.size.width >= 60
        # At 60 columns the long title was cut ("... and goes ba…"): then the foot says it.
        cut = wide and cell_len(long) + 6 > self.size.width  # "╭─ " and " ─╮"
        compact = not wide and 0 < self.size.height < 26
        box.border_title = long if wide and not cut else _(N_("Adviser-only notes"))
        box.border_subtitle = _(N_("Enter or Escape saves")) if compact or cut else ""
        box.set_class(compact, "-compact")
        self.call_after_refresh(self.point_to_the_rest)  # the panel's height is known then

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
        panel = self.query_one(Explanations)
        panel.retitle("tell", _(TELL))
        panel.show_sections(
            {
                "tell": tell,
                "why": [why] if why else [],
                "rights": rights,
                "facts": ["\n".join(f"- {fact}" for fact in facts)] if facts else [],
            }
        )
        self.point_to_the_rest()

    def point_to_the_rest(self) -> None:
        """When what to tell the caller runs past the panel's foot (several explanations at
        80x24), its heading says so and that Ctrl+O shows all of it: lines cut off at the
        notes box went unread (walkthrough)."""
        panel = self.query_one(Explanations)
        if panel.text("tell") and not panel.fits("tell"):
            panel.retitle("tell", _(TELL_MORE))

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
        self.action_save_note()

    def action_save_note(self) -> None:
        """Enter or Escape in the notes box: save what is typed, then back to the question."""
        box = self.query_one("#note-input", Input)
        text = box.value.strip()
        if text:
            self.post_message(self.NoteAdded(text))
        box.value = ""
        self.app.call_later(self.app.run_action, "focus_answer")
        # Keys typed meanwhile (the next Enter) go to the question, once it has the focus.
        self.app.call_after_refresh(self.app.release_keys)  # type: ignore[attr-defined]


#: How each section stands, in words (never colour alone).
SECTION_STATUS = {
    "done": N_("done"),
    "partly": N_("partly done"),
    "current": N_("you are here"),
    "ahead": N_("not yet reached"),
    "not_applicable": N_("does not apply so far"),
}
#: A section in a part already met, numbered as the header numbers the parts.
STEP_SECTION = N_("Step {step}, {section}")
#: The navigator's last choice: back to where the adviser was.
COME_BACK = ""


def section_choices(session: Session, t: Translator) -> list[tuple[str, str]]:
    """(section key, "Step 8, Paying for care: done") for every section of the conversation,
    in the bundle's order, so each keeps its number; the last choice comes back.

    A section in a part of the conversation already met says which step it was, counted as
    the header counts ("Step 8 of 9"): the header counted the person's own path and this
    list the bundle's 22 sections, and an adviser saw two numberings (walkthrough)."""
    module_of = {s.key: s.module for s in session.bundle.sections}
    step_of = {module: number for number, module in enumerate(session.parts, start=1)}
    choices = []
    for section in session.sections():
        title = t.render(section.title)
        step = step_of.get(module_of.get(section.key, ""))
        if step is not None:
            title = t.gettext(STEP_SECTION).format(step=step, section=title)
        label = f"{title}: {t.gettext(SECTION_STATUS[section.status])}"
        if section.not_asked:
            waiting = t.ngettext(
                "{n} question not asked yet", "{n} questions not asked yet", section.not_asked
            )
            label += "; " + waiting.replace("{n}", str(section.not_asked))
        choices.append((section.key, label))
    return [*choices, (COME_BACK, t.gettext(N_("Back to where I was (Ctrl+R)")))]


class SectionNavigator(Modal[str]):
    """Every section, numbered as in the conversation: go to any, back or ahead, or back to
    where the call was. Dismisses with a section key, ``COME_BACK``, or None (Escape)."""

    BINDINGS = [Binding("escape", "close", show=False)]

    def __init__(self, sections: Sequence[tuple[str, str]], current: str) -> None:
        super().__init__(id="sections")
        self.sections = list(sections)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Plain(_(N_("Go to a section")), classes="dialog-title")
            hint = _(
                N_(
                    "Choose any section, back or ahead. Steps are numbered as in the header. Questions passed over are kept as not asked yet. Escape closes this."
                )
            )
            if len(self.sections) >= 10:  # two-digit numbers (see ChoiceList._number_for)
                hint += " " + _(
                    N_("For section 12, type 1 then 2; for section 1, type 1 then Enter.")
                )
            yield Plain(hint, classes="paragraph")
            yield ChoiceList(self.sections, chosen=[self.current], id="section-list")

    def on_mount(self) -> None:
        self.query_one("#section-list").focus()

    @on(ChoiceList.Chosen)
    def _chosen(self, event: ChoiceList.Chosen) -> None:
        event.stop()
        self.dismiss(event.values[0] if event.values else COME_BACK)

    def action_close(self) -> None:
        """Escape: close without moving."""
        self.dismiss(None)
