"""The Textual app: screens and keys over one :class:`Session`, driven from the event loop.

The engine is pure and fast (microseconds a step), so the app calls it directly from
message handlers on the event loop and never from a thread. Every engine output is a
message id; the app translates it when it is shown.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on

from assistant.engine.io import (
    AnswerRejected,
    ConversationEnded,
    HelpShown,
    Notice,
    Output,
    Paused,
    StepShown,
)
from assistant.engine.values import N_
from assistant.flow.bundle import Bundle
from assistant.i18n import MissingCatalog, Translator, translator_for
from assistant.safety import crisis_phrase_found
from assistant.ui import keys
from assistant.ui.actions import AdviserActions, PlanActions
from assistant.ui.dialogs import (
    Dialog,
    HelpNowScreen,
    break_dialog,
    crisis_offer,
    quit_dialog,
)
from assistant.ui.keyboard import KeyboardApp
from assistant.ui.modes import MODE_ANSWERS, Mode, is_adviser, reads_back
from assistant.ui.review import ReviewScreen
from assistant.ui.rights import Rights
from assistant.ui.start import Pending, StartScreen, saved_conversations
from assistant.ui.text import _, progress_text
from assistant.ui.themes import THEME_NAMES, THEMES

# The conversation's screens, dialogs and the engine's session are imported when first
# needed, after the start screen is on show (their messages are handled by name below).
if TYPE_CHECKING:
    import argparse

    from assistant.engine.events import Event
    from assistant.engine.session import Clock, Session
    from assistant.ui.conversation import ConversationScreen
    from assistant.ui.log import ConversationLog
    from assistant.ui.steps import StepView

    #: Opens saving for a conversation: (save target or None, events to resume, callback).
    Opener = Callable[[str | None], tuple[Any, list[Event], Callable[[Event], None] | None] | None]


def utc_now() -> str:
    """The engine's clock (imported when first used)."""
    from assistant.engine.session import utc_now as now

    return now()


class AssistantApp(AdviserActions, PlanActions, KeyboardApp):
    """The support-planning conversation, full screen, keyboard first."""

    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    ENABLE_COMMAND_PALETTE = False  # its English search box and commands are not translated
    BINDINGS = keys.bindings()  # type: ignore[assignment]
    TITLE = "Support Plan Assistant"

    def __init__(
        self,
        bundle: Bundle,
        locale: str = "en_GB",
        mode: Mode | None = None,
        *,
        translator: Translator | None = None,
        events: Sequence[Event] = (),
        on_event: Callable[[Event], None] | None = None,
        save_reference: str | None = None,
        case_reference: str = "",
        opener: Opener | None = None,
        store_path: Any = None,
        clock: Clock = utc_now,
    ) -> None:
        super().__init__()
        self.bundle = bundle
        self.t = translator or translator_for(locale)
        self.start_locale = self.t.locale
        self.mode: Mode = mode or "self"
        self.skip_start = mode is not None
        self.case_reference = case_reference
        self.save_reference = save_reference
        self.opener = opener
        self.store_path = store_path
        self.clock = clock
        self.resuming = bool(events)
        self._record_event = on_event
        # A new session is made after the first frame (see session); a resumed one now.
        self._session: Session | None = None
        if events:
            from assistant.engine.session import Session

            self._session = Session.replay(bundle, events, on_event=on_event, clock=clock)
        self.review_after_edit = False
        self.conversation: ConversationScreen | None = None
        self.rights = Rights(bundle)
        if events:
            self._restore_setup()

    @property
    def session(self) -> Session:
        """The conversation's engine session, made on first use (on the event loop)."""
        if self._session is None:
            from assistant.engine.session import Session

            self._session = Session(self.bundle, on_event=self._record_event, clock=self.clock)
        return self._session

    @session.setter
    def session(self, session: Session) -> None:
        self._session = session

    def _restore_setup(self) -> None:
        """A resumed conversation comes back in the mode, and with the case reference, it had."""
        saved = self.session.setup
        if saved.get("mode") in MODE_ANSWERS:
            self.mode = saved["mode"]
            self.skip_start = True
        self.case_reference = str(saved.get("case") or self.case_reference)

    def _setup(self, mode: Mode, case_reference: str) -> dict[str, Any]:
        """What the start screen learnt, for the log: mode, case, and the pre-filled answer."""
        setup: dict[str, Any] = {"mode": mode}
        if case_reference:
            setup["case"] = case_reference
        who = self.bundle.manifest.who_is_answering
        if who:
            setup["prefill"] = {who: MODE_ANSWERS[mode]}
        return setup

    # -- starting -------------------------------------------------------------------
    def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = THEMES[0].name
        self.show_terminal_cursor()
        if self.skip_start:
            self.call_later(self.begin, self.mode, self.case_reference)
        else:
            self.push_screen(StartScreen(mode=self.mode, locale=self.t.locale, saved=Pending()))
            self.call_after_refresh(self._list_saved)

    async def _list_saved(self) -> None:
        """After the first frame: the saved conversations, and the session made ready."""
        saved = saved_conversations(self.store_path, self.bundle.id, self.save_reference)
        screen = self.screen
        if isinstance(screen, StartScreen):
            await screen.show_saved(saved)
        self.session  # noqa: B018 - make it now, while the person reads the start screen

    @on(StartScreen.Begin)
    async def _begin_from_start(self, event: StartScreen.Begin) -> None:
        await self.begin(event.mode, event.case_reference)

    async def begin(self, mode: Mode, case_reference: str = "") -> None:
        """Open the conversation screen and show the first step (or where it stopped)."""
        self.mode, self.case_reference = mode, case_reference
        banner = ""
        if mode == "supported":
            banner = _(N_("Your supporter can read and type with you. The answers are yours."))
        elif mode == "adviser_behalf":
            banner = _(N_("You are answering on the person's behalf, with their consent."))
        from assistant.ui.conversation import ConversationScreen

        self.conversation = ConversationScreen(
            adviser=is_adviser(mode), case_reference=case_reference, banner=banner, mode=mode
        )
        if isinstance(self.screen, StartScreen):
            await self.switch_screen(self.conversation)
        else:
            await self.push_screen(self.conversation)
        if self.resuming:
            outputs = self.session.resume()
        else:
            outputs = self.session.start(self._setup(mode, case_reference))
        if self.t.locale != self.start_locale:
            self.session.record("language_changed", self.t.locale)
        await self.show(outputs)
        self.call_after_refresh(self._settle)

    async def _settle(self) -> None:
        """Once the first question is on screen: make the other answer views in advance,
        then leave everything long-lived out of garbage collection (see KeyboardApp)."""
        if self.conversation is not None:
            mounting = self.conversation.prepare_views()
            if mounting is not None:
                await mounting
        self.freeze_long_lived()

    @on(StartScreen.LanguageChosen)
    async def _language(self, event: StartScreen.LanguageChosen) -> None:
        error = ""
        try:
            self.t = translator_for(event.locale)
        except MissingCatalog:
            error = _(
                N_(
                    "That language is not available on this computer yet. We will carry on in English."
                )
            )
        if isinstance(self.screen, StartScreen):
            await self.screen.language_changed(event.locale, error)

    @on(StartScreen.Resume)
    async def _resume(self, event: StartScreen.Resume) -> None:
        opened = self._open(event.reference)
        if opened is None or not opened[1]:
            self.release_keys()
            return
        from assistant.engine.session import Session

        target, events, on_event = opened
        self.session = Session.replay(self.bundle, events, on_event=on_event, clock=self.clock)
        self.save_reference = getattr(target, "reference", event.reference)
        self.resuming = True
        self._restore_setup()
        await self.begin(
            self.mode if self.session.setup.get("mode") else event.mode, self.case_reference
        )

    def _open(self, reference: str | None) -> Any:
        """Ask the store to open a conversation, giving it the terminal in case it asks."""
        if self.opener is None:
            return None
        try:
            with self.suspend():
                return self.opener(reference)
        except Exception:  # headless or unsupported terminal: open without suspending
            return self.opener(reference)

    # -- showing engine outputs -----------------------------------------------------
    async def show(self, outputs: list[Output]) -> None:
        """Put each engine output on screen, translated; then deliver keys typed ahead."""
        try:
            with self.batch_update():  # one repaint for the whole step, not one per widget
                await self._show(outputs)
        finally:
            self.release_keys()
        # The same control may keep the focus (views are reused) but move with the words.
        self.call_after_refresh(self.place_cursor)

    async def _show(self, outputs: list[Output]) -> None:
        screen = self.conversation
        assert screen is not None
        for output in outputs:
            if isinstance(output, StepShown | ConversationEnded):
                await screen.show_step(output, progress_text(output.progress, self.t))
                await self._refresh_panels(output)
            elif isinstance(output, AnswerRejected):
                screen.show_error(self.t.render(output.message))
            elif isinstance(output, Notice):
                screen.show_notice(self.t.render(output.message))
            elif isinstance(output, HelpShown):
                await self.push_screen(HelpNowScreen(output.reason))
            elif isinstance(output, Paused):
                await self.push_screen(break_dialog(output.reference), self._after_break)

    async def _refresh_panels(self, output: StepShown | ConversationEnded) -> None:
        screen = self.conversation
        assert screen is not None
        on_path = set(self.session.path[:-1])
        await screen.show_log([i for i in self.session.review() if i.step in on_path])
        from assistant.ui.adviser import AdviserPanel
        from assistant.ui.conversation import SidePanel
        from assistant.ui.summary import key_facts

        why = self.t.render(output.why) if isinstance(output, StepShown) else ""
        side = screen.query_one("#side")
        if isinstance(side, SidePanel):
            side.show(why, self.rights.so_far(self.session, self.t))
        elif isinstance(side, AdviserPanel):
            side.show(
                why, self.rights.so_far(self.session, self.t), key_facts(self.session, self.t)
            )

    # -- answering ------------------------------------------------------------------
    async def on_step_view_answered(self, event: StepView.Answered) -> None:
        await self.answer(event.raw)

    async def on_step_view_back_pressed(self) -> None:
        await self.action_back()

    async def on_conversation_log_change(self, event: ConversationLog.Change) -> None:
        await self.edit(event.step)

    async def answer(self, raw: Any) -> None:
        """Answer the current step; offer help if free text mentions a crisis."""
        outputs = self.session.answer(raw)
        await self.show(outputs)
        if any(isinstance(o, AnswerRejected) for o in outputs):
            return
        if self.review_after_edit and not self.session.editing:
            self.review_after_edit = False
            await self.action_review()
        if isinstance(raw, str) and crisis_phrase_found(raw, self.t.locale):
            await self.push_screen(crisis_offer(), self._after_crisis_offer)

    async def edit(self, step: str, *, from_review: bool = False) -> None:
        """Reopen an earlier answer; only what depends on it is asked again."""
        self.review_after_edit = from_review
        await self.show(self.session.edit(step))

    async def _after_crisis_offer(self, choice: str | None) -> None:
        if choice == "help":
            await self.show(self.session.help_now("phrase"))

    async def _after_break(self, choice: str | None) -> None:
        if choice == "close":
            if self.save_reference:
                self.exit(0)
            else:
                await self.action_quit()
            return
        await self.show(self.session.resume())

    # -- actions (keys) -------------------------------------------------------------
    def _in_conversation(self) -> bool:
        return self.conversation is not None and self.screen is self.conversation

    async def action_help_now(self) -> None:
        """Help now, from every screen; closing it returns exactly where the person was."""
        if isinstance(self.screen, HelpNowScreen):
            return
        if self.session.started:
            self.session.help_now("asked")
        await self.push_screen(HelpNowScreen("asked"))

    async def action_back(self) -> None:
        """Back one step, keeping every answer."""
        if self._in_conversation():
            self.review_after_edit = False
            await self.show(self.session.back())

    async def action_review(self) -> None:
        """Check your answers."""
        if self._in_conversation():
            screen = ReviewScreen(
                self.session.review(),
                read_back=reads_back(self.mode),
                adviser=is_adviser(self.mode),
            )
            await self.push_screen(screen)

    async def action_take_break(self) -> None:
        """Save (when saving is on) and say how to come back."""
        if self._in_conversation() or isinstance(self.screen, ReviewScreen):
            if isinstance(self.screen, ReviewScreen):
                self.pop_screen()
            await self.show(self.session.pause(self.save_reference))

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

    async def action_quit(self) -> None:
        """Ask first; say plainly whether the answers are saved."""
        if isinstance(self.screen, Dialog) and self.screen.id == "quit-dialog":
            return
        dialog = quit_dialog(self.save_reference, bool(self.session.answers))
        await self.push_screen(dialog, self._after_quit)

    def _after_quit(self, choice: str | None) -> None:
        if choice == "leave":
            if self.save_reference and self.session.started:
                self.session.pause(self.save_reference)
            self.exit(0)

    # -- messages from screens ------------------------------------------------------
    async def on_review_screen_change(self, event: ReviewScreen.Change) -> None:
        self.pop_screen()
        await self.edit(event.step, from_review=True)

    async def on_conversation_screen_end_action(self, event: ConversationScreen.EndAction) -> None:
        actions: dict[str, Callable[[], Any]] = {
            "review": self.action_review,
            "summary": self.action_call_summary,
            "back": self.action_back,
            "finish": self.action_quit,
            "save": self.save_plan,
            "print": self.print_plan,
        }
        await actions[event.action]()


def run_app(args: argparse.Namespace, bundle: Bundle, locale: str) -> int:
    """Start the full-screen app (from ``support-plan``); returns the exit code."""
    import argparse

    from assistant.frontends import open_saving, translator_or_english
    from assistant.plain.console import LineIO

    io = LineIO(sys.stdin, sys.stdout, prompt=sys.stdin.isatty())
    t = translator_or_english(locale)
    opened = open_saving(args, bundle, t, io)
    if opened is None:
        return 1
    target, events, on_event = opened

    def opener(reference: str | None) -> Any:
        # In the language chosen on the start screen, which may differ from the first one.
        return open_saving(
            argparse.Namespace(**{**vars(args), "reference": reference}), bundle, app.t, io
        )

    resume_mode: Mode | None = None
    if events:
        resume_mode = "adviser_call" if args.adviser else "self"
    app = AssistantApp(
        bundle,
        t.locale,
        resume_mode,
        translator=t,
        events=events,
        on_event=on_event,
        save_reference=getattr(target, "reference", None),
        opener=opener,
        store_path=getattr(args, "store", None),
    )
    if args.adviser and resume_mode is None:
        app.mode = "adviser_call"
    # Modules and the flow live as long as the program: left out of garbage collection,
    # a full collection during start-up takes 2 ms instead of 20.
    app.freeze_long_lived()
    return int(app.run() or 0)
