"""Loading the conversation behind the start screen, so the first screen comes at once.

The start screen (who is completing, the language) needs none of the conversation, so the
app draws it first. Then, in a thread, this loads the questions and their check, starts
saving if the person agreed, makes the engine's session, lists the saved conversations and
imports the conversation's screens. Choosing Start waits for that if it is not finished,
holding any keys typed meanwhile, so no answer is lost. :class:`LoadsBehindStart` is a
part of :class:`assistant.ui.app.AssistantApp`, kept here to keep that module readable.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.ui.start import StartScreen, saved_conversations

if TYPE_CHECKING:
    from assistant.engine.events import Event
    from assistant.engine.session import Session
    from assistant.flow.bundle import Bundle
    from assistant.saving import SavingTarget
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
    """What the loading thread hands back to the event loop."""

    def __init__(
        self,
        prepared: Prepared,
        session: Session | None,
        rights: Rights,
        saved: list[tuple[str, str]] | None,
    ) -> None:
        self.prepared = prepared
        self.session = session
        self.rights = rights
        self.saved = saved


#: The conversation's layout, added to the app's styles behind the start screen.
CONVERSATION_CSS = os.path.abspath(Path(__file__).with_name("conversation.tcss"))


class LoadsBehindStart:
    """The app's loading behind its start screen (a mixin of the app: it uses its state)."""

    # Set by the app: the running load, and what it found wrong with the questions.
    _loading: Any
    flow_error: Any

    def _start_loading(self) -> None:
        self._loading = self.run_worker(self._load(), name="loading", group="loading")

    async def _load(self) -> None:
        """Behind the start screen: load in a thread, then use what was loaded here."""
        from assistant.flow.problems import FlowError

        try:
            ready = await asyncio.to_thread(self._load_in_thread)
        except FlowError as error:
            self.flow_error = error
            self.exit(1, return_code=1)
            return
        self._add_conversation_css()
        prepared = ready.prepared
        self.bundle = prepared.bundle
        if prepared.target is not None:
            self.save_reference = prepared.target.reference
            self._record_event = prepared.on_event
        if self._session is None:
            self._session = ready.session
        self._rights = ready.rights
        screen = self.screen
        if isinstance(screen, StartScreen):
            await screen.show_saved(ready.saved)
        self.freeze_long_lived()

    def _load_in_thread(self) -> Ready:
        """The questions, saving, the engine's session, the saved list and the conversation's
        modules, made in a thread (nothing here touches a widget or the screen)."""
        from assistant.engine.session import Session
        from assistant.ui import conversation, dialogs, review  # noqa: F401 - imported now
        from assistant.ui.rights import Rights

        prepared = self._prepare()
        session = None
        if self._session is None:
            session = Session(prepared.bundle, on_event=prepared.on_event, clock=self.clock)
        current = prepared.target.reference if prepared.target else self.save_reference
        saved = saved_conversations(self.store_path, prepared.bundle.id, current)
        self._warm_formats()
        return Ready(prepared, session, Rights(prepared.bundle), saved)

    def _warm_formats(self) -> None:
        """Load Babel's data for the language now, in a thread, rather than on the first
        answer in pounds (it took 20 ms of that key press on the project machine)."""
        from decimal import Decimal

        t = self.t
        if t.locale not in self._warmed:
            self._warmed.add(t.locale)
            t.money(Decimal(0))
            t.list(["", ""])

    def _add_conversation_css(self) -> None:
        """The conversation's styles, parsed when the next widget is styled (once only)."""
        if not self.stylesheet.has_source(CONVERSATION_CSS, ""):
            self.stylesheet.read(CONVERSATION_CSS)

    async def _conversation_ready(self) -> bool:
        """Wait, if need be, until the conversation is loaded; False if it cannot be."""
        if self._loading is None:
            self._start_loading()
        assert self._loading is not None
        if not self._loading.is_finished:
            self.hold_keys()  # keys typed while waiting go to the first question
            await self._loading.wait()
        return self.flow_error is None
