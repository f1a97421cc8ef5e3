"""The app's actions for advisers (notes, sections, the call summary), for the plan at
the end (save, print) and for the display (larger text, themes), kept apart from the conversation driver in :mod:`assistant.ui.app`.

They are mixins of :class:`assistant.ui.app.AssistantApp` and use its session, screens and
translator; their screens and summaries are imported when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.ui.modes import is_adviser, summary_title
from assistant.ui.text import _
from assistant.ui.themes import THEME_NAMES, THEMES
from assistant.values import N_

if TYPE_CHECKING:
    from assistant.ui.adviser import AdviserPanel


class AdviserActions:
    """F7 notes, F8 sections, F9 the end-of-call summary, and recording notes."""

    session: Any
    started: bool
    conversation: Any
    mode: Any
    t: Any
    case_reference: str

    def action_notes(self) -> None:
        """F7: the adviser's notes box."""
        from assistant.ui.adviser import AdviserPanel

        if self.conversation is not None and self._in_conversation() and is_adviser(self.mode):
            self.conversation.query_one(AdviserPanel).focus_notes()

    def action_focus_answer(self) -> None:
        """Back to the answer control of the current step (e.g. from the notes box)."""
        if self.conversation is not None:
            self.conversation.focus_answer()

    async def action_sections(self) -> None:
        """F8: jump to a section already reached, or back to where the call was."""
        from assistant.ui.adviser import SectionNavigator, sections_reached

        if not (self._in_conversation() and is_adviser(self.mode)):
            return
        await self.push_screen(
            SectionNavigator(sections_reached(self.session, self.t)), self._after_sections
        )

    async def _after_sections(self, step: str | None) -> None:
        if step:
            await self.edit(step)
        elif step == "" and self.session.editing:
            current = self.session.current
            await self.show(self.session.answer(self.session.answers.get(current)))

    async def action_call_summary(self) -> None:
        """F9: the end-of-call summary in plain text, to paste into the case system."""
        from assistant.ui.dialogs import text_dialog
        from assistant.ui.summary import adviser_summary

        if not is_adviser(self.mode) or not self.started:
            return
        text = adviser_summary(self.session, self.t, self.mode, self.case_reference)
        dialog = text_dialog(_(summary_title(self.mode)), text, [("copy", _(N_("Copy")))])
        await self.push_screen(dialog, lambda choice: self._copy(choice, text))

    def _copy(self, choice: str | None, text: str) -> None:
        if choice == "copy":
            self.copy_to_clipboard(text)

    async def on_adviser_panel_note_added(self, event: AdviserPanel.NoteAdded) -> None:
        from assistant.ui.adviser import AdviserPanel
        from assistant.ui.summary import adviser_notes

        self.session.record("note", {"text": event.text, "at": self.clock()})
        assert self.conversation is not None  # notes are typed on the conversation screen
        await self.conversation.query_one(AdviserPanel).show_notes(adviser_notes(self.session))


class PlanActions:
    """Save, print or make the Easy Read version of the draft plan, from the end screen.

    Each press replaces this conversation's files with the plan as it is now, and says so;
    Print says exactly what it did: the file it saved, and the printer only if it sent it.
    """

    session: Any
    conversation: Any
    mode: Any
    t: Any

    async def save_plan(self) -> None:
        """Write the person's plan (and, for an adviser, the copy with notes, in Word too)."""
        from assistant.plan.files import save_plan

        try:
            saved = save_plan(self.session, self.t)
            if is_adviser(self.mode):
                adviser = save_plan(
                    self.session, self.t, adviser=True, formats=("html", "md", "txt", "docx")
                )
                saved = type(saved)(saved.paths + adviser.paths, saved.replaced)
        except OSError as error:
            self._tell(
                _(N_("The plan could not be saved ({problem})."), problem=error.strerror or "")
            )
            return
        names = ", ".join(p.name for p in saved.paths)
        folder = str(saved.paths[0].parent)
        if saved.replaced:
            message = N_("Your draft plan is saved again, as it is now, in {folder}: {files}")
        else:
            message = N_("Your draft plan is saved in {folder}: {files}")
        self._tell(_(message, folder=folder, files=names))

    async def save_easy_read(self) -> None:
        """Write the Easy Read plan as a large-print page."""
        from assistant.plan.files import save_plan

        try:
            saved = save_plan(self.session, self.t, formats=("html",), easy_read=True)
        except OSError as error:
            self._tell(
                _(N_("The plan could not be saved ({problem})."), problem=error.strerror or "")
            )
            return
        self._tell(
            _(
                N_(
                    "Your Easy Read plan is saved: {file}. Open it in a web browser to read or print it."
                ),
                file=str(saved.paths[0]),
            )
        )

    async def print_plan(self) -> None:
        """Save a print-ready page; send it to the default printer only if there is one."""
        from assistant.plan.files import default_printer, save_plan, send_to_printer

        try:
            saved = save_plan(self.session, self.t, formats=("html", "txt"))
        except OSError as error:
            self._tell(
                _(N_("The plan could not be saved ({problem})."), problem=error.strerror or "")
            )
            return
        page, text = saved.paths
        printer = default_printer()
        if printer is not None and send_to_printer(text, printer):
            message = _(
                N_(
                    "Your plan is sent to the printer {printer}, as plain text. For large print, open this page in a web browser and choose Print: {file}"
                ),
                printer=printer,
                file=str(page),
            )
        else:
            message = _(
                N_(
                    "There is no printer set up here, so nothing was printed. Your plan is saved, ready to print: open this file in a web browser and choose Print: {file}"
                ),
                file=str(page),
            )
        self._tell(message)

    def _tell(self, message: str) -> None:
        assert self.conversation is not None  # the end panel is on the conversation screen
        self.conversation.show_notice(message)


class DisplayActions:
    """F5 and F6: larger text and the themes (dark, light, high contrast), from any screen."""

    def action_larger_text(self) -> None:
        """The large-text layout: one column, more space, the explanation under the question."""
        self.toggle_class("-large")
        self.call_after_refresh(self.place_cursor)
        if self.has_class("-large") and self.conversation is not None:
            self.conversation.show_notice(
                _(
                    N_(
                        "Larger text is on. To make the letters bigger too, use your terminal's zoom (often Ctrl and +)."
                    )
                )
            )

    def action_next_theme(self) -> None:
        """Cycle the themes: dark, light, high contrast."""
        names = [theme.name for theme in THEMES]
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        if self.conversation is not None:
            self.conversation.show_notice(
                _(N_("Theme: {name}"), name=_(THEME_NAMES.get(self.theme, self.theme)))
            )
