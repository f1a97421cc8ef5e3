"""The Textual app: screens and keys over one :class:`Session`, driven from the event loop.

The engine is pure and fast (microseconds a step), so the app calls it directly from
message handlers on the event loop and never from a thread. Every engine output is a
message id; the app translates it when it is shown.

Starting is the exception. The start screen (who is completing, the language) needs none
of the conversation, so it is drawn first, from as few modules as possible; the questions,
the engine, the saved conversations and the conversation's screens load in a thread
behind it, while the person reads it. Choosing Start waits for them if they are not ready
yet, holding any keys typed meanwhile, so no answer is lost (:mod:`assistant.ui.loading`).

This module is where the screens, the keys and the session meet, which is why it is longer
than most (about 700 lines, with two questions on one screen); starting from the command line (:mod:`assistant.ui.launch`),
loading, and the adviser, plan and display actions (:mod:`assistant.ui.actions`) live apart.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.screen import Screen

from assistant.i18n import MissingCatalog, Translator, translator_for
from assistant.ui import keys
from assistant.ui.actions import AdviserActions, DisplayActions, PlanActions
from assistant.ui.keyboard import KeyboardApp
from assistant.ui.loading import ConversationLoader, Prepared
from assistant.ui.modes import MODE_ANSWERS, Mode, is_adviser, reads_back
from assistant.ui.start import Pending, StartScreen
from assistant.ui.text import _, progress_text
from assistant.ui.themes import THEMES
from assistant.values import N_

# Everything the conversation needs (the engine, its screens and dialogs) is imported
# behind the start screen, or when first used; their messages are handled by name below.
if TYPE_CHECKING:
    from assistant.engine.events import Clock, Event
    from assistant.engine.outputs import ConversationEnded, Output, StepShown
    from assistant.engine.session import Session
    from assistant.flow.bundle import Bundle
    from assistant.flow.problems import FlowError
    from assistant.saving import Opened
    from assistant.ui.conversation import ConversationScreen
    from assistant.ui.fields import TextBox
    from assistant.ui.host import AppHost, Loaded
    from assistant.ui.log import ConversationLog
    from assistant.ui.review import ReviewScreen
    from assistant.ui.rights import Rights
    from assistant.ui.saving import AppSaving
    from assistant.ui.steps import StepView

    #: Opens a saved conversation chosen on the start screen, by its reference.
    Opener = Callable[[str], Opened]


def utc_now() -> str:
    """The engine's clock (imported when first used)."""
    from assistant.engine.events import utc_now as now  # start-up: see the imports above

    return now()


#: Narrower than this, the conversation is one column: two would leave the question a
#: strip of 28 columns and push its buttons off the screen.
ONE_COLUMN_BELOW = 80


class AssistantApp(DisplayActions, AdviserActions, PlanActions, KeyboardApp):
    """The support-planning conversation, full screen, keyboard first."""

    CSS_PATH = str(Path(__file__).with_name("app.tcss"))
    ENABLE_COMMAND_PALETTE = False  # its English search box and commands are not translated
    BINDINGS = keys.bindings()
    TITLE = "Support Plan Assistant"

    def __init__(
        self,
        bundle: Bundle | None,
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
        prepare: Callable[[], Prepared] | None = None,
    ) -> None:
        """``bundle`` may be None for a new conversation if ``prepare`` loads it (in a
        thread, behind the start screen; it raises FlowError if the questions have problems)."""
        super().__init__()
        if bundle is None and prepare is None:
            raise ValueError("AssistantApp needs a bundle, or a way to prepare one")
        self._bundle = bundle
        #: Loads a new conversation behind the start screen.
        self.loader = ConversationLoader(self, prepare or self._prepared)
        self.t = with_app_words(translator or translator_for(locale))
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
        #: Set when the questions could not be loaded (the app then ends with code 1).
        self.flow_error: FlowError | None = None
        self._beginning = False
        # A new session is made behind the start screen (see _load); a resumed one now.
        self._session: Session | None = None
        self._rights: Rights | None = None
        if events:
            from assistant.engine.session import Session  # start-up: see the imports above

            self._session = Session.replay(self.bundle, events, on_event=on_event, clock=clock)
        self.review_after_edit = False
        self._changed_from_review: str | None = None
        #: Saving opened by the app after consent on its start screen (set by launch.run_app;
        #: None: saving was settled before the app, as tests and scripts do it).
        self.saving: AppSaving | None = None
        #: A saved conversation to open as soon as the app starts (``resume REF``).
        self.resume_at_start: str | None = None
        #: A conversation resumed where new answers cannot be saved: its earlier answers
        #: stay saved under this reference (see Opened.kept).
        self.kept_reference: str | None = None
        #: Where copies of call summaries go (None: the plans' folder; tests give another).
        self.files: Path | None = None
        self.conversation: ConversationScreen | None = None
        if events:
            self._restore_setup()

    @property
    def bundle(self) -> Bundle:
        """The questions (a new conversation's are loaded behind the start screen)."""
        assert self._bundle is not None, "the questions are not loaded yet"
        return self._bundle

    @bundle.setter
    def bundle(self, bundle: Bundle) -> None:
        self._bundle = bundle

    def _prepared(self) -> Prepared:
        """What loading starts from when the app was given its questions (and saving)."""
        return Prepared(self.bundle, None, self._record_event)

    @property
    def session(self) -> Session:
        """The conversation's engine session, made on first use (on the event loop)."""
        if self._session is None:
            from assistant.engine.session import Session  # start-up: see the imports above

            self._session = Session(self.bundle, on_event=self._record_event, clock=self.clock)
        return self._session

    @session.setter
    def session(self, session: Session) -> None:
        self._session = session

    @property
    def has_session(self) -> bool:
        """Whether the session exists yet (a resumed one does from the start)."""
        return self._session is not None

    @property
    def started(self) -> bool:
        """Whether the conversation has begun (False on the start screen, even while loading)."""
        return self._session is not None and self._session.started

    @property
    def rights(self) -> Rights:
        """The rights explained so far, for the side panels."""
        if self._rights is None:
            from assistant.ui.rights import Rights  # start-up: see the imports above

            self._rights = Rights(self.bundle)
        return self._rights

    def conversation_loaded(self, loaded: Loaded) -> None:
        """Take what was loaded behind the start screen: the questions, saving, the session."""
        self.bundle = loaded.bundle
        if loaded.target is not None:
            self.save_reference = loaded.target.reference
            self._record_event = loaded.on_event
        if self._session is None:
            self._session = loaded.session
        self._rights = loaded.rights

    def _restore_setup(self) -> None:
        """A resumed conversation comes back in the mode, and with the case reference, it had."""
        saved = self.session.setup
        if saved.get("mode") in MODE_ANSWERS:
            self.mode = saved["mode"]
            self.skip_start = True
        self.case_reference = str(saved.get("case") or self.case_reference)

    def _setup(self, mode: Mode, case_reference: str) -> dict[str, Any]:
        """What the start screen learnt, for the log: mode, case, and the answer it gave."""
        setup: dict[str, Any] = {"mode": mode}
        if case_reference:
            setup["case"] = case_reference
        if is_adviser(mode):  # who took the call, for `sessions --adviser` and the contact record
            from assistant.saving import adviser_name

            setup["adviser"] = adviser_name()
        who = self.bundle.manifest.who_is_answering
        if who:  # answered on the start screen: the flow does not ask it again
            setup["answered"] = {who: MODE_ANSWERS[mode]}
        return setup

    # -- starting -------------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        """The start screen is the first screen, rather than one pushed over an empty one."""
        if self.skip_start:
            return super().get_default_screen()
        asks = self.saving is not None and self.saving.choice is None
        return StartScreen(mode=self.mode, locale=self.t.locale, saved=Pending(), asks_saving=asks)

    def on_mount(self) -> None:
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = THEMES[0].name
        self.show_terminal_cursor()
        if self.skip_start:
            self.call_later(self.begin, self.mode, self.case_reference)
        else:
            # After the first frame, so the start screen is drawn before anything loads.
            self.call_after_refresh(self.loader.start)
        if self.resume_at_start:  # `support-plan resume REF`: opened as if chosen here
            resume = StartScreen.Resume(self.mode, self.resume_at_start)
            self.call_after_refresh(self.post_message, resume)

    @on(events.Resize)
    def _fit_columns(self, event: events.Resize) -> None:
        """One column under :data:`ONE_COLUMN_BELOW` columns (class ``-narrow``)."""
        self.set_class(event.size.width < ONE_COLUMN_BELOW, "-narrow")

    @on(StartScreen.Begin)
    async def _begin_from_start(self, event: StartScreen.Begin) -> None:
        if self._beginning:  # Start pressed again while the questions were loading
            return
        self._beginning = True
        # In a worker: opening saving may ask a passphrase on screen, and the app must go on
        # handling keys while it waits for the answer.
        self.run_worker(self._open_and_begin(event), group="begin")

    async def _open_and_begin(self, event: StartScreen.Begin) -> None:
        if not await self.loader.ready():
            return
        if self.saving is not None:  # consent given (or not) on the start screen
            opened = await self.saving.open_new(self, self.bundle.id, event.mode, event.save)
            if opened is not None and opened.target is not None:
                self.save_reference = opened.reference
                self.session.on_event = opened.on_event
        await self.begin(event.mode, event.case_reference)

    async def begin(self, mode: Mode, case_reference: str = "") -> None:
        """Open the conversation screen and show the first step (or where it stopped)."""
        self.loader.add_conversation_css()
        self.mode, self.case_reference = mode, case_reference
        banner = ""
        if mode == "supported":
            banner = _(N_("Your supporter can read and type with you. The answers are yours."))
        elif mode == "adviser_behalf":
            banner = _(N_("You are answering on the person's behalf, with their consent."))
        from assistant.engine.outputs import StepShown  # start-up: see the imports above
        from assistant.ui.conversation import ConversationScreen

        if self.resuming:
            outputs = self.session.resume()
        else:
            outputs = self.session.start(self._setup(mode, case_reference))
        self.conversation = ConversationScreen(
            adviser=is_adviser(mode),
            case_reference=case_reference,
            banner=banner,
            mode=mode,
            saved_as=self.save_reference,
            first=next((o for o in outputs if isinstance(o, StepShown)), None),
        )
        if not gc.get_freeze_count():  # nothing loaded behind a start screen (--mode)
            self.freeze_long_lived()  # finish starting now, not during the first answer
        # Over the start screen, which stays underneath (it is the first screen).
        await self.push_screen(self.conversation)
        if self.t.locale != self.start_locale:
            self.session.record("language_changed", self.t.locale)
        await self.show(outputs)
        if self.saving is not None and self.saving.said:  # the reference, or why not saved
            self.conversation.show_notice("\n".join(self.saving.said))
            self.saving.said.clear()
        if self.resuming and is_adviser(mode):  # the notes made before the break
            from assistant.ui.adviser import AdviserPanel  # start-up: see the imports above
            from assistant.ui.summary import adviser_notes

            notes = adviser_notes(self.session)
            if notes:
                await self.conversation.query_one(AdviserPanel).show_notes(notes)
        self.call_after_refresh(self._settle)

    async def _settle(self) -> None:
        """Once the first question is on screen: leave everything long-lived out of garbage
        collection (see KeyboardApp)."""
        self.freeze_long_lived()
        if self.t.locale not in self.loader.warmed:  # not loaded behind the start screen
            self.run_worker(self.loader.warm_formats, thread=True, group="warm")

    @on(StartScreen.LanguageChosen)
    async def _language(self, event: StartScreen.LanguageChosen) -> None:
        error = ""
        try:
            self.t = with_app_words(translator_for(event.locale))
        except MissingCatalog:
            error = _(
                N_(
                    "That language is not available on this computer yet. We will carry on in English."
                )
            )
        if isinstance(self.screen, StartScreen):
            await self.screen.language_changed(event.locale, error)

    @on(StartScreen.Resume)
    def _resume_chosen(self, event: StartScreen.Resume) -> None:
        self.run_worker(self._resume(event), group="begin")  # may ask a passphrase on screen

    async def _resume(self, event: StartScreen.Resume) -> None:
        if not await self.loader.ready():
            return
        opened = await self._open(event.reference)
        if opened is None or not opened.events:
            self.release_keys()
            if self.saving is not None and self.saving.said:  # why, in words
                from assistant.ui.dialogs import text_dialog  # start-up: see the imports

                title = _(N_("The saved conversation could not be opened"))
                await self.push_screen(text_dialog(title, "\n\n".join(self.saving.said)))
                self.saving.said.clear()
            return
        from assistant.engine.session import Session  # start-up: see the imports above

        self.session = Session.replay(
            self.bundle, opened.events, on_event=opened.on_event, clock=self.clock
        )
        self.save_reference = opened.reference  # None when new answers cannot be saved
        self.kept_reference = opened.kept
        self.resuming = True
        self._restore_setup()
        await self.begin(
            self.mode if self.session.setup.get("mode") else event.mode, self.case_reference
        )

    async def _open(self, reference: str) -> Opened | None:
        """Open a saved conversation in a thread; a passphrase is asked on the app's own
        screens (see :mod:`assistant.ui.saving`), never on the terminal."""
        if self.opener is None:
            return None
        import asyncio  # start-up: only when a saved conversation is opened

        self.hold_keys()
        return await asyncio.to_thread(self.opener, reference)

    # -- showing engine outputs -----------------------------------------------------
    async def show(self, outputs: list[Output]) -> None:
        """Put each engine output on screen, translated; then deliver keys typed ahead.

        Not while the last step is unsaved: the screen stays where it was (see
        :meth:`_held_until_saved`).
        """
        if await self._held_until_saved(outputs):
            return
        try:
            with self.batch_update():  # one repaint for the whole step, not one per widget
                await self._show(outputs)
        finally:
            self.release_keys()
        # The same control may keep the focus (views are reused) but move with the words.
        self.call_after_refresh(self.place_cursor)
        self.call_after_refresh(self.collect_when_idle)

    async def _held_until_saved(self, outputs: list[Output]) -> bool:
        """True when the last step could not be saved: a dialog says why and offers to try
        again (or to carry on without saving); the outputs are shown only after that."""
        from assistant.saving import (
            saving_target,
        )  # start-up budget: saving's module loads when a conversation shows

        target = saving_target(self._session.on_event) if self._session is not None else None
        if target is None or target.problem is None:
            return False
        from assistant.ui.dialogs import not_saved_dialog  # the dialog loads only when saving fails

        def after(choice: str | None) -> None:
            if choice == "carry_on":
                target.give_up()
            else:
                target.retry()
            self.call_later(self.show, outputs)  # shown now, or asked again if still unsaved

        await self.push_screen(not_saved_dialog(target.problem.text(self.t)), after)
        self.release_keys()
        return True

    async def _show(self, outputs: list[Output]) -> None:
        from assistant.engine.outputs import (  # start-up: see the imports above
            AnswerRejected,
            ConversationEnded,
            CrisisOffered,
            HelpShown,
            Notice,
            Paused,
            StepShown,
        )
        from assistant.ui.dialogs import (  # start-up: see the imports above
            HelpNowScreen,
            break_dialog,
            crisis_offer,
        )

        screen = self.conversation
        assert screen is not None
        crisis = [o for o in outputs if isinstance(o, CrisisOffered)]
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
                await self.push_screen(
                    break_dialog(output.reference, kept=self.kept_reference), self._after_break
                )
        for offered in crisis:  # after the step, so the conversation has moved on beneath it
            if offered.contacts:
                await self.push_screen(crisis_offer(offered), self._after_crisis_offer)
            else:  # the gentle check: one line, no interruption
                screen.show_notice(self.t.render(offered.message))

    async def _refresh_panels(self, output: StepShown | ConversationEnded) -> None:
        screen = self.conversation
        assert screen is not None
        on_path = set(self.session.path[:-1])
        await screen.show_log([i for i in self.session.review() if i.step in on_path])
        from assistant.engine.outputs import StepShown  # start-up: see the imports above
        from assistant.ui.adviser import AdviserPanel
        from assistant.ui.conversation import SidePanel
        from assistant.ui.steps import read_back
        from assistant.ui.summary import key_facts

        why = self.t.render(output.why) if isinstance(output, StepShown) else ""
        side = screen.query_one("#side")
        if isinstance(side, SidePanel):
            side.show(why, self.rights.so_far(self.session, self.t))
        elif isinstance(side, AdviserPanel):
            steps = self.bundle.steps
            private = lambda key: key in steps and steps[key].step.adviser_only  # noqa: E731
            tell = read_back(output, self.t, private) if self.mode == "adviser_call" else []
            side.show(
                why,
                self.rights.so_far(self.session, self.t),
                key_facts(self.session, self.t),
                tell,
            )

    # -- answering ------------------------------------------------------------------
    async def on_step_view_answered(self, event: StepView.Answered) -> None:
        pair = self.conversation.pair if self.conversation is not None else None
        if pair is not None and event.view in pair:
            await self._answer_pair(event, *pair)
            return
        refusal = event.view.refusal(event.raw)
        if refusal is not None and self.conversation is not None:
            self.conversation.show_error(refusal)
            self.release_keys()  # held since Enter: the same question stays, so let them in
            return
        await self.answer(event.raw)

    async def _answer_pair(
        self, event: StepView.Answered, first: StepView, second: StepView
    ) -> None:
        """Two questions on one screen. Enter on the first goes to the second; Continue (or
        Enter on the second, or "I don't know") answers the first, then, once the engine is
        at the second, the second: each answer recorded and saved on its own, in order.
        A crisis reply or a changed way after the first leaves the second to be asked alone."""
        from assistant.engine.outputs import (  # start-up: see the imports above
            AnswerRejected,
            CrisisOffered,
            StepShown,
        )
        from assistant.values import Special

        screen = self.conversation
        assert screen is not None
        if event.view is first and not isinstance(event.raw, Special):
            refusal = first.refusal(event.raw)
            screen.show_error(refusal or "")
            if refusal is None:
                screen.focus_follow_up()
            self.release_keys()
            return
        first_raw = event.raw if event.view is first else first.current_raw()
        second_raw = event.raw if event.view is second else second.current_raw()
        if not self._pair_accepted(first, first_raw, second, second_raw):
            self.release_keys()
            return
        outputs = self.session.answer(first_raw)
        shown = outputs[-1] if outputs else None
        goes_on = (
            isinstance(shown, StepShown)
            and shown.step == second.step.step
            and shown.continues is not None
            and not any(isinstance(o, AnswerRejected | CrisisOffered) for o in outputs)
        )
        if goes_on and not await self._held_until_saved(outputs):
            outputs = self.session.answer(second_raw)
        elif goes_on:
            return  # the first answer is not saved: its dialog shows the follow-up after
        await self._after_answer(outputs)

    def _pair_accepted(
        self, first: StepView, first_raw: Any, second: StepView, second_raw: Any
    ) -> bool:
        """Whether both answers can be sent; each refusal is shown under its own question
        and the focus goes to the first one refused."""
        screen = self.conversation
        assert screen is not None
        first_refusal = first.refusal(first_raw)
        second_refusal = second.refusal(second_raw)
        if second_refusal is None:
            rejected = self.session.check(second.step.step, second_raw)
            second_refusal = None if rejected is None else self.t.render(rejected.message)
        screen.show_error(first_refusal or "")
        screen.show_follow_error(second_refusal or "")
        if first_refusal is not None:
            screen.set_focus(first.first_focus())
        elif second_refusal is not None:
            screen.set_focus(second.first_focus())
        return first_refusal is None and second_refusal is None

    async def on_step_view_back_pressed(self) -> None:
        await self.action_back()

    async def on_conversation_log_change(self, event: ConversationLog.Change) -> None:
        await self.edit(event.step)

    async def answer(self, raw: Any) -> None:
        """Answer the current step; crisis words bring the engine's crisis reply (in show)."""

        await self._after_answer(self.session.answer(raw))

    async def _after_answer(self, outputs: list[Output]) -> None:
        """Show what answering led to; after an edit from review, back to review."""
        from assistant.engine.outputs import AnswerRejected  # start-up: see the imports above

        await self.show(outputs)
        if any(isinstance(o, AnswerRejected) for o in outputs):
            return
        if self.review_after_edit and not self.session.editing:
            self.review_after_edit = False
            await self.action_review(changed=self._changed_from_review)

    async def edit(self, step: str, *, from_review: bool = False) -> None:
        """Reopen an earlier answer; only what depends on it is asked again."""
        self.review_after_edit = from_review
        self._changed_from_review = step if from_review else None
        await self.show(self.session.edit(step))

    async def _after_crisis_offer(self, choice: str | None) -> None:
        if choice == "help":
            await self.show(self.session.help_now("phrase"))
        elif choice == "keep":
            await self.show(self.session.keep_crisis_words())

    async def _after_break(self, choice: str | None) -> None:
        if choice == "close":
            if self.save_reference:
                self.exit(0)
            else:
                await self.action_quit()
            return
        await self.show(self.session.resume())

    # -- actions (keys) -------------------------------------------------------------
    def in_conversation(self) -> bool:
        """Whether the conversation screen is the one in front."""
        return self.conversation is not None and self.screen is self.conversation

    def current_step_key(self) -> str | None:
        return self._session.current if self._session is not None else None

    def unseen_enter_would_answer(self) -> bool:
        from assistant.ui.widgets import ChoiceList  # start-up: see the imports above

        focused = self.focused
        if not self.in_conversation():
            return False
        if isinstance(focused, ChoiceList):
            return not focused.multi
        box = self._answer_box(focused)
        return box is not None and not box.value  # text pasted in after the number was seen

    @staticmethod
    def _answer_box(focused: object) -> TextBox | None:
        """The question's own text box, if it has the focus (not the adviser's notes box)."""
        from assistant.ui.fields import TextBox  # start-up: see the imports above

        return focused if isinstance(focused, TextBox) and focused.id == "entry" else None

    def tell_enter_was_kept(self) -> None:
        if self.conversation is None:
            return
        if self._answer_box(self.focused) is not None:
            said = N_(
                "Nothing was sent: that Enter came just after a number answered the last question. Type your answer here, then press Enter."
            )
        else:
            said = N_(
                "Nothing was chosen: that Enter came just after a number answered the last question. Press Enter again to choose here, or type a number."
            )
        self.conversation.show_notice(_(said))

    async def action_help_now(self) -> None:
        """Help now, from every screen; closing it returns exactly where the person was."""
        from assistant.ui.dialogs import HelpNowScreen  # start-up: see the imports above

        if isinstance(self.screen, HelpNowScreen):
            return
        if self.started:
            self.session.help_now("asked")
        await self.push_screen(HelpNowScreen("asked"))

    async def action_back(self) -> None:
        """Back one step, keeping every answer; on Check your answers, back to the
        conversation (F2 is shown there as "Back", and did nothing: QA in tmux)."""
        if self.screen.id == "review":  # by its id: the review's module may not be loaded
            self.screen.dismiss(None)
        elif self.in_conversation():
            self.review_after_edit = False
            await self.show(self.session.back())

    async def action_review(self, changed: str | None = None) -> None:
        """Check your answers (after a Change, at the answer that was changed)."""
        from assistant.ui.review import ReviewScreen  # start-up: see the imports above

        if self.in_conversation():
            screen = ReviewScreen(
                self.session.review(not_asked=True),
                read_back=reads_back(self.mode),
                adviser=is_adviser(self.mode),
                changed=changed,
            )
            await self.push_screen(screen)

    async def action_take_break(self) -> None:
        """Save (when saving is on) and say how to come back."""
        from assistant.ui.review import ReviewScreen  # start-up: see the imports above

        if self.in_conversation() or isinstance(self.screen, ReviewScreen):
            if isinstance(self.screen, ReviewScreen):
                self.pop_screen()
            await self.show(self.session.pause(self.save_reference))

    async def action_quit(self) -> None:
        """Ask first; say plainly whether the answers are saved."""
        from assistant.ui.dialogs import Dialog, quit_dialog  # start-up: see the imports above

        if isinstance(self.screen, Dialog) and self.screen.id == "quit-dialog":
            return
        answered = self._session is not None and bool(self._session.answers)
        dialog = quit_dialog(self.save_reference, answered, kept=self.kept_reference)
        await self.push_screen(dialog, self._after_quit)

    def _after_quit(self, choice: str | None) -> None:
        if choice == "leave":
            if self.save_reference and self.started:
                self.session.pause(self.save_reference)
            self.exit(0)

    # -- messages from screens ------------------------------------------------------
    async def on_review_screen_change(self, event: ReviewScreen.Change) -> None:
        self.pop_screen()
        if event.step in self.session.not_asked():  # jumped over: go and ask it now
            await self.show(self.session.jump(self.session.bundle.steps[event.step].section))
            return
        await self.edit(event.step, from_review=True)

    async def on_conversation_screen_end_action(self, event: ConversationScreen.EndAction) -> None:
        actions: dict[str, Callable[[], Any]] = {
            "review": self.action_review,
            "summary": self.action_call_summary,
            "back": self.action_back,
            "finish": self.action_quit,
            "save": self.save_plan,
            "print": self.print_plan,
            "easy": self.save_easy_read,
        }
        await actions[event.action]()


def with_app_words(t: Translator) -> Translator:
    """``t``, with flow texts naming the app's own key for Help now (not plain mode's words)."""
    t.use_interface_words({"help_now": t.gettext(N_("press F1"))})
    return t


if TYPE_CHECKING:

    def _provides_what_its_parts_use(app: AssistantApp) -> AppHost:
        """The app is everything :class:`AppHost` lists (checked by the type checker)."""
        return app
