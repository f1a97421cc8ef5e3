"""What the app's parts may use of the app: the contract between AssistantApp and its parts.

:class:`assistant.ui.app.AssistantApp` drives the conversation. Two of its parts live in
their own modules to keep it readable: loading the conversation behind the start screen
(:class:`assistant.ui.loading.ConversationLoader`, which holds the app), and the adviser,
plan and display actions (:mod:`assistant.ui.actions`, mixins whose methods take
``self: AppHost``). :class:`AppHost` lists all that they use: the app's own state and
steps, then the members of Textual's ``App`` (with the signatures the parts call them
with). The type checker holds the parts to this list, and ``app.py`` checks that the app
provides all of it.

Only the type checker reads this module, so its imports cost no start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from textual.css.stylesheet import Stylesheet
from textual.screen import Screen, ScreenResultCallbackType
from textual.widget import AwaitMount
from textual.worker import Worker, WorkType

from assistant.engine.events import Clock, Event
from assistant.engine.outputs import Output
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.flow.problems import FlowError
from assistant.i18n import Translator
from assistant.saving import SavingTarget
from assistant.ui.conversation import ConversationScreen
from assistant.ui.modes import Mode
from assistant.ui.rights import Rights

T = TypeVar("T")


class Loaded(Protocol):
    """What loading behind the start screen hands the app (``assistant.ui.loading.Ready``)."""

    @property
    def bundle(self) -> Bundle:
        """The questions."""
        ...

    @property
    def target(self) -> SavingTarget | None:
        """Where the new conversation is saved (None: not saved)."""
        ...

    @property
    def on_event(self) -> Callable[[Event], None] | None:
        """The session's per-event callback (saving), if any."""
        ...

    @property
    def session(self) -> Session | None:
        """The engine's session, made in the thread (None if the app had one already)."""
        ...

    @property
    def rights(self) -> Rights:
        """The rights panel's content for these questions."""
        ...


class AppHost(Protocol):
    """The app, as its parts see it."""

    # -- the app's own state ----------------------------------------------------------
    #: The person's language now (it may change on the start screen).
    t: Translator
    #: Who is completing the conversation.
    mode: Mode
    #: An adviser's case reference, from the start screen ("" if none).
    case_reference: str
    #: The saved conversation's reference (None: not saved).
    save_reference: str | None
    #: Where conversations are saved (``--store``; None: the default).
    store_path: str | None
    #: The time of each event.
    clock: Clock
    #: The conversation screen, once the conversation has begun.
    conversation: ConversationScreen | None
    #: What was wrong with the questions, if they could not be loaded.
    flow_error: FlowError | None
    #: Where copies of call summaries go (None: the plans' folder).
    files: Path | None

    @property
    def session(self) -> Session:
        """The conversation's engine session."""
        ...

    @property
    def has_session(self) -> bool:
        """Whether the session exists yet (a resumed one does from the start)."""
        ...

    @property
    def started(self) -> bool:
        """Whether the conversation has begun."""
        ...

    @property
    def rights(self) -> Rights:
        """The rights explained so far, for the side panels and reading out."""
        ...

    # -- the app's own steps ----------------------------------------------------------
    def in_conversation(self) -> bool:
        """Whether the conversation screen is the one in front."""
        ...

    async def show(self, outputs: list[Output]) -> None:
        """Put engine outputs on screen."""
        ...

    async def edit(self, step: str, *, from_review: bool = False) -> None:
        """Reopen an earlier answer."""
        ...

    def conversation_loaded(self, loaded: Loaded) -> None:
        """Take what the loader made behind the start screen."""
        ...

    def place_cursor(self, tries: int = 3) -> None:
        """Put the terminal's cursor where the focus is."""
        ...

    def hold_keys(self) -> None:
        """Keep keys typed from now on until :meth:`place_cursor`'s screen is ready."""
        ...

    def freeze_long_lived(self) -> None:
        """Leave what lives as long as the app out of garbage collection."""
        ...

    # -- Textual's App: the members the parts use ---------------------------------------
    theme: str
    stylesheet: Stylesheet

    @property
    def screen(self) -> Screen[object]:
        """The screen in front."""
        ...

    def push_screen(
        self, screen: Screen[T], callback: ScreenResultCallbackType[T] | None = None
    ) -> AwaitMount:
        """Show a screen over the others."""
        ...

    def run_worker(
        self,
        work: WorkType[T],
        name: str | None = "",
        group: str = "default",
        description: str = "",
        exit_on_error: bool = True,
        start: bool = True,
        exclusive: bool = False,
        thread: bool = False,
    ) -> Worker[T]:
        """Run work in the background."""
        ...

    def exit(self, result: int | None = None, return_code: int = 0) -> None:
        """End the app."""
        ...

    def toggle_class(self, *class_names: str) -> object:
        """Add or remove CSS classes."""
        ...

    def has_class(self, *class_names: str) -> bool:
        """Whether the app has these CSS classes."""
        ...

    def call_after_refresh(self, callback: Callable[..., object], *args: Any) -> bool:
        """Call once the screen has been refreshed."""
        ...

    def copy_to_clipboard(self, text: str) -> None:
        """Put text on the clipboard (through the terminal)."""
        ...
