"""The app's actions for advisers (notes, sections, the call summary), for the plan at
the end (save, print) and for the display (larger text, themes), kept apart from the
conversation driver in :mod:`assistant.ui.app`.

They are mixins of :class:`assistant.ui.app.AssistantApp`. Each method takes
``self: AppHost``: what it may use of the app is listed in :mod:`assistant.ui.host`.
Their screens and summaries are imported when first used (start-up: the app's first
screen needs none of them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.ui.modes import is_adviser, summary_title
from assistant.ui.text import _
from assistant.ui.themes import THEME_NAMES, THEMES
from assistant.values import N_

if TYPE_CHECKING:
    from assistant.plan import Format
    from assistant.ui.adviser import AdviserPanel
    from assistant.ui.host import AppHost


class AdviserActions:
    """F7 notes, F8 sections, F9 the end-of-call summary, and recording notes."""

    def action_notes(self: AppHost) -> None:
        """F7: the adviser's notes box."""
        from assistant.ui.adviser import AdviserPanel  # start-up: see the module's docstring

        if self.conversation is not None and self.in_conversation() and is_adviser(self.mode):
            self.conversation.query_one(AdviserPanel).focus_notes()

    def action_focus_answer(self: AppHost) -> None:
        """Back to the answer control of the current step (e.g. from the notes box)."""
        if self.conversation is not None:
            self.conversation.focus_answer()

    async def action_sections(self: AppHost) -> None:
        """F8: every section, to go to any of them, back or ahead, or back to the call."""
        from assistant.ui.adviser import COME_BACK, SectionNavigator, section_choices  # start-up

        if not (self.in_conversation() and is_adviser(self.mode)):
            return
        here = self.session.bundle.steps[self.session.current].section

        async def chosen(section: str | None) -> None:
            if section == COME_BACK:
                await come_back(self)
            elif section:
                await self.show(self.session.jump(section))

        await self.push_screen(
            SectionNavigator(section_choices(self.session, self.t), here), chosen
        )

    async def action_come_back(self: AppHost) -> None:
        """Ctrl+R: back to where the adviser was before going to another section."""
        if self.in_conversation() and is_adviser(self.mode):
            await come_back(self)

    async def action_call_summary(self: AppHost) -> None:
        """F9: the end-of-call summary, to read, copy into the case system and keep."""
        from assistant.ui.call_summary import CallSummaryScreen  # start-up: see the docstring
        from assistant.ui.summary import adviser_summary

        if not is_adviser(self.mode) or not self.started:
            return
        text = adviser_summary(self.session, self.t, self.mode, self.case_reference)
        name = self.case_reference or self.save_reference or "call"
        screen = CallSummaryScreen(_(summary_title(self.mode)), text, name, folder=self.files)

        async def after(choice: str | None) -> None:
            if choice == "details":
                await record_call_details(self)

        await self.push_screen(screen, after)

    async def action_read_out(self: AppHost) -> None:
        """Ctrl+O: the right or figure on screen now, in words to read to the caller."""
        from assistant.ui.dialogs import text_dialog  # start-up: see the module's docstring
        from assistant.ui.summary import read_out

        if not (self.in_conversation() and is_adviser(self.mode)):
            return
        text = read_out(self.session, self.t, self.rights)
        await self.push_screen(text_dialog(_(N_("Read this to the caller")), text))

    async def on_adviser_panel_note_added(self: AppHost, event: AdviserPanel.NoteAdded) -> None:
        from assistant.ui.adviser import AdviserPanel  # start-up: see the module's docstring
        from assistant.ui.summary import adviser_notes

        self.session.record("note", {"text": event.text, "at": self.clock()})
        assert self.conversation is not None  # notes are typed on the conversation screen
        await self.conversation.query_one(AdviserPanel).show_notes(adviser_notes(self.session))


async def come_back(app: AppHost) -> None:
    """Back to where the adviser was before jumping, or to where a change began."""
    session = app.session
    if session.return_point is not None:
        await app.show(session.come_back())
    elif session.editing:
        await app.show(session.keep())
    elif app.conversation is not None:
        app.conversation.show_notice(_(N_("You are already where you were.")))


async def record_call_details(app: AppHost) -> None:
    """The call's details form; what is saved is one ``call_details`` event (the latest
    stands), shown in the summary and the contact record."""
    from assistant.casework.details import CallDetails, recorded  # start-up: when used
    from assistant.ui.call_details import CallDetailsScreen

    def keep(details: CallDetails | None) -> None:
        if details is not None:
            app.session.record("call_details", details.to_value())
            if app.conversation is not None:
                said = _(N_("The call's details are saved with the case."))
                app.conversation.show_notice(said)

    await app.push_screen(CallDetailsScreen(recorded(app.session.events)), keep)


class PlanActions:
    """Save, print or make the Easy Read version of the draft plan, from the end screen.

    Each press replaces this conversation's files with the plan as it is now, and says so;
    Print says exactly what it did: the file it saved, and the printer only if it sent it.
    """

    async def save_plan(self: AppHost) -> None:
        """Write the person's plan (and, for an adviser, the copy with notes, in Word too)."""
        from assistant.plan.files import save_plan  # start-up: see the module's docstring

        try:
            saved = save_plan(self.session, self.t)
            paths = list(saved.paths)
            if is_adviser(self.mode):
                paths += save_plan(self.session, self.t, adviser=True, formats=ADVISER_COPY).paths
        except OSError as error:
            _could_not_save(self, error)
            return
        if saved.replaced:
            message = N_("Your draft plan is saved again, as it is now, in {folder}: {files}")
        else:
            message = N_("Your draft plan is saved in {folder}: {files}")
        names = ", ".join(p.name for p in paths)
        _tell(self, _(message, folder=str(paths[0].parent), files=names))

    async def save_easy_read(self: AppHost) -> None:
        """Write the Easy Read plan as a large-print page."""
        from assistant.plan.files import save_plan  # start-up: see the module's docstring

        try:
            saved = save_plan(self.session, self.t, formats=("html",), easy_read=True)
        except OSError as error:
            _could_not_save(self, error)
            return
        _tell(
            self,
            _(
                N_(
                    "Your Easy Read plan is saved: {file}. Open it in a web browser to read or print it."
                ),
                file=str(saved.paths[0]),
            ),
        )

    async def print_plan(self: AppHost) -> None:
        """Save a print-ready page; send it to the default printer only if there is one."""
        # start-up: see the module's docstring
        from assistant.plan.files import default_printer, save_plan, send_to_printer

        try:
            saved = save_plan(self.session, self.t, formats=("html", "txt"))
        except OSError as error:
            _could_not_save(self, error)
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
        _tell(self, message)


#: The adviser's copy, with the notes: the person's formats and a Word document to edit.
ADVISER_COPY: tuple[Format, ...] = ("html", "md", "txt", "docx")


def _could_not_save(app: AppHost, error: OSError) -> None:
    _tell(app, _(N_("The plan could not be saved ({problem})."), problem=error.strerror or ""))


class DisplayActions:
    """F5 and F6: larger text and the themes (dark, light, high contrast), from any screen."""

    def action_larger_text(self: AppHost) -> None:
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

    def action_next_theme(self: AppHost) -> None:
        """Cycle the themes: dark, light, high contrast."""
        names = [theme.name for theme in THEMES]
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        if self.conversation is not None:
            self.conversation.show_notice(
                _(N_("Theme: {name}"), name=_(THEME_NAMES.get(self.theme, self.theme)))
            )


def _tell(app: AppHost, message: str) -> None:
    """A notice at the end of the conversation, where the plan is saved or printed."""
    assert app.conversation is not None  # the end panel is on the conversation screen
    app.conversation.show_notice(message)
