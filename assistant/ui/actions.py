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
    save_reference: str | None
    #: Where copies of call summaries go (None: the plans' folder; tests give a temporary one).
    files: Any = None
    rights: Any

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
        """F8: every section, to go to any of them, back or ahead, or back to the call."""
        from assistant.ui.adviser import SectionNavigator, section_choices

        if not (self._in_conversation() and is_adviser(self.mode)):
            return
        here = self.session.bundle.steps[self.session.current].section
        navigator = SectionNavigator(section_choices(self.session, self.t), here)
        await self.push_screen(navigator, self._after_sections)

    async def _after_sections(self, section: str | None) -> None:
        from assistant.ui.adviser import COME_BACK

        if section == COME_BACK:
            await self.action_come_back()
        elif section:
            await self.show(self.session.jump(section))

    async def action_come_back(self) -> None:
        """Ctrl+R: back to where the adviser was before jumping (or before a change)."""
        if not (self._in_conversation() and is_adviser(self.mode)):
            return
        if self.session.return_point is not None:
            await self.show(self.session.come_back())
        elif self.session.editing:
            await self.show(self.session.keep())
        else:
            self.conversation.show_notice(_(N_("You are already where you were.")))

    async def action_call_summary(self) -> None:
        """F9: the end-of-call summary, to read, copy into the case system and keep."""
        from assistant.ui.call_summary import CallSummaryScreen
        from assistant.ui.summary import adviser_summary

        if not is_adviser(self.mode) or not self.started:
            return
        text = adviser_summary(self.session, self.t, self.mode, self.case_reference)
        name = self.case_reference or self.save_reference or "call"
        screen = CallSummaryScreen(_(summary_title(self.mode)), text, name, folder=self.files)
        await self.push_screen(screen, self._after_summary)

    async def _after_summary(self, choice: str | None) -> None:
        from assistant.casework.details import recorded
        from assistant.ui.call_details import CallDetailsScreen

        if choice == "details":
            await self.push_screen(CallDetailsScreen(recorded(self.session.events)), self._record)

    async def _record(self, details: Any) -> None:
        """Keep the call's details with the conversation (one event: the latest stands)."""
        if details is not None:
            self.session.record("call_details", details.to_value())
            self.conversation.show_notice(_(N_("The call's details are saved with the case.")))

    async def action_read_out(self) -> None:
        """Ctrl+O: the right or figure on screen now, in words to read to the caller."""
        from assistant.ui.dialogs import text_dialog
        from assistant.ui.summary import read_out

        if not (self._in_conversation() and is_adviser(self.mode)):
            return
        text = read_out(self.session, self.t, self.rights)
        await self.push_screen(text_dialog(_(N_("Read this to the caller")), text))

    async def on_adviser_panel_note_added(self, event: AdviserPanel.NoteAdded) -> None:
        from assistant.ui.adviser import AdviserPanel
        from assistant.ui.summary import adviser_notes

        self.session.record("note", {"text": event.text, "at": self.clock()})
        assert self.conversation is not None  # notes are typed on the conversation screen
        await self.conversation.query_one(AdviserPanel).show_notes(adviser_notes(self.session))


class PlanActions:
    """Save or print the draft plan from the end of the conversation."""

    session: Any
    conversation: Any
    mode: Any
    t: Any

    async def save_plan(self) -> None:
        """Write the person's plan (and, for an adviser, the copy with notes) to private files."""
        from assistant.plan.files import save_plan

        try:
            paths = save_plan(self.session, self.t)
            if is_adviser(self.mode):
                paths += save_plan(self.session, self.t, adviser=True)
        except OSError as error:
            self._tell(
                _(N_("The plan could not be saved ({problem})."), problem=error.strerror or "")
            )
            return
        names = ", ".join(p.name for p in paths)
        self._tell(
            _(
                N_("Your draft plan is saved in {folder}: {files}"),
                folder=str(paths[0].parent),
                files=names,
            )
        )

    async def print_plan(self) -> None:
        """Printing needs a browser: save the large-print page and say how to print it."""
        from assistant.plan.files import save_plan

        try:
            [page] = save_plan(self.session, self.t, formats=("html",))
        except OSError as error:
            self._tell(
                _(N_("The plan could not be saved ({problem})."), problem=error.strerror or "")
            )
            return
        self._tell(
            _(
                N_("To print your plan, open this file in a web browser and choose Print: {file}"),
                file=str(page),
            )
        )

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
