"""Loading the conversation behind the start screen, so the first screen comes at once.

The start screen (who is completing, the language) needs none of the conversation, so the
app draws it first. Then, in a thread, this loads the questions and their check, starts
saving if the person agreed, makes the engine's session, lists the saved conversations and
imports the conversation's screens. Choosing Start waits for that if it is not finished,
holding any keys typed meanwhile, so no answer is lost. :class:`ConversationLoader` is a
part of :class:`assistant.ui.app.AssistantApp`, kept here to keep that module readable; it
uses the app through :class:`assistant.ui.host.AppHost`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.ui.start import StartScreen, saved_conversations

if TYPE_CHECKING:
    from textual.worker import Worker

    from assistant.engine.events import Event
    from assistant.engine.session import Session
    from assistant.flow.bundle import Bundle
    from assistant.saving import SavingTarget
    from assistant.store.base import ConversationSummary
    from assistant.ui.host import AppHost
    from assistant.ui.rights import Rights


class Prepared:
    """What a new conversation gets from :func:`assistant.ui.launch.run_app`, made off the
    event loop: the questions, and the conversation's saving (the target and its per-event
    callback), if the person agreed to saving. (Plain classes here: a dataclass takes a
    little of every start to make.)"""

    def __init__(
        self,
        bundle: Bundle,
        target: SavingTarget | None = None,
        on_event: Callable[[Event], None] | None = None,
    ) -> None:
        self.bundle = bundle
        self.target = target
        self.on_event = on_event


class Ready:
    """What the loading thread hands back to the event loop (an :class:`~assistant.ui.host.Loaded`)."""

    def __init__(
        self,
        prepared: Prepared,
        session: Session | None,
        rights: Rights,
        saved: list[ConversationSummary] | None,
    ) -> None:
        self.bundle = prepared.bundle
        self.target = prepared.target
        self.on_event = prepared.on_event
        self.session = session
        self.rights = rights
        self.saved = saved


#: The conversation's layout, added to the app's styles behind the start screen.
CONVERSATION_CSS = os.path.abspath(Path(__file__).with_name("conversation.tcss"))


class ConversationLoader:
    """Loads the app's conversation behind its start screen (see the module's docstring).

    ``prepare`` loads the questions and starts saving (in a thread; it raises FlowError if
    the questions have problems).
    """

    def __init__(self, app: AppHost, prepare: Callable[[], Prepared]) -> None:
        self.app = app
        self.prepare = prepare
        #: The running load (None until it starts).
        self.worker: Worker[None] | None = None
        #: Locales whose Babel data is loaded.
        self.warmed: set[str] = set()

    def start(self) -> None:
        """Start loading, as a worker of the app."""
        self.worker = self.app.run_worker(self._load(), name="loading", group="loading")

    async def _load(self) -> None:
        """Behind the start screen: load in a thread, then use what was loaded here."""
        from assistant.flow.problems import FlowError  # start-up: the flow loads with it

        app = self.app
        try:
            ready = await asyncio.to_thread(self._load_in_thread)
        except FlowError as error:
            app.flow_error = error
            app.exit(1, return_code=1)
            return
        self.add_conversation_css()
        app.conversation_loaded(ready)
        screen = app.screen
        if isinstance(screen, StartScreen):
            await screen.show_saved(ready.saved)
        app.freeze_long_lived()

    def _load_in_thread(self) -> Ready:
        """The questions, saving, the engine's session, the saved list and the conversation's
        modules, made in a thread (nothing here touches a widget or the screen)."""
        # Start-up: all of these are what loading behind the start screen is for.
        from assistant.engine.session import Session
        from assistant.ui import conversation, dialogs, review  # noqa: F401 - imported now
        from assistant.ui.rights import Rights

        app = self.app
        prepared = self.prepare()
        session = None
        if not app.has_session:
            session = Session(prepared.bundle, on_event=prepared.on_event, clock=app.clock)
        current = prepared.target.reference if prepared.target else app.save_reference
        saved = saved_conversations(app.store_path, prepared.bundle.id, current)
        self.warm_formats()
        return Ready(prepared, session, Rights(prepared.bundle), saved)

    def warm_formats(self) -> None:
        """Load Babel's data for the language now, in a thread, rather than on the first
        answer in pounds (it took 20 ms of that key press on the project machine); the
        crisis phrase lists, read otherwise on the first answer in words; and the cost
        check's calculator and rates, otherwise loaded on its step."""
        from assistant.engine.crisis import load_phrases  # start-up: loaded in this thread
        from assistant.money import report  # noqa: F401 - the cost check, loaded now, not on its step
        from assistant.money.rates_data import load_all, load_citations

        t = self.app.t
        if t.locale not in self.warmed:
            self.warmed.add(t.locale)
            t.money(Decimal(0))
            t.list(["", ""])
            t.date(dt.date.today())
        load_phrases()
        load_all()
        load_citations()

    def add_conversation_css(self) -> None:
        """The conversation's styles, parsed when the next widget is styled (once only)."""
        stylesheet = self.app.stylesheet
        if not stylesheet.has_source(CONVERSATION_CSS, ""):
            stylesheet.read(CONVERSATION_CSS)

    async def ready(self) -> bool:
        """Wait, if need be, until the conversation is loaded; False if it cannot be."""
        if self.worker is None:
            self.start()
        assert self.worker is not None
        if not self.worker.is_finished:
            self.app.hold_keys()  # keys typed while waiting go to the first question
            await self.worker.wait()
        return self.app.flow_error is None
