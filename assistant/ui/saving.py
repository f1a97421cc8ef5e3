"""Saving's questions answered inside the app: consent on the start screen, the passphrase
in the app's own boxes, never as a raw prompt on the terminal before the app appears.

:class:`AppDialogue` is the full-screen app's :class:`assistant.saving.SavingDialogue`.
Opening saving runs in a worker thread (it opens a file, and a passphrase takes a moment
to check); each question is put on screen from that thread with ``call_from_thread``, and
the thread waits for the answer. Consent itself was given on the start screen before the
opening began, so :meth:`AppDialogue.consents` only reports it. Everything is translated,
works from the keyboard, and Help now (F1) stays one key away over every question.
What saving says (the reference, a problem) is shown in the app and said again on the
terminal when the app closes, so the reference is still there afterwards.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Protocol

from textual.screen import ModalScreen

from assistant.ui.text import _
from assistant.values import N_

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import ScreenResultCallbackType
    from textual.widget import AwaitMount

    from assistant.engine.outputs import Msg
    from assistant.i18n import Translator
    from assistant.saving import Opened, Teller


class HeldMessages:
    """A :class:`~assistant.saving.Teller` for while the app has the screen: what saving
    says is kept, to be said on the terminal once the app has closed."""

    def __init__(self) -> None:
        self._held: list[Callable[[Teller], None]] = []

    def tell(self, msgid: str, event: str = "message", **params: str | Msg) -> None:
        self._held.append(lambda teller: teller.tell(msgid, event, **params))

    def problem(self, message: Msg, then: str | None = None) -> None:
        self._held.append(lambda teller: teller.problem(message, then))

    def say_to(self, teller: Teller) -> None:
        """Say everything held, in order, through ``teller``."""
        held, self._held = self._held, []
        for each in held:
            each(teller)


class Asks(Protocol):
    """What the dialogue needs of the app: its language, its screens, its event loop."""

    t: Translator

    def release_keys(self) -> None:
        """Deliver keys held while the screen changed."""
        ...

    def push_screen(
        self, screen: ModalScreen[Any], callback: ScreenResultCallbackType[Any] | None = None
    ) -> AwaitMount:
        """Show a screen over the others."""
        ...

    def call_from_thread(self, callback: Callable[..., Any], *args: Any) -> Any:
        """Run ``callback`` on the app's event loop and wait for its result."""
        ...


class AppSaving:
    """Saving as the app opens it: after consent on its start screen (``choice`` is --save
    or --no-save, else None: asked there), into ``store`` (None: the default). ``held``
    keeps what saving says, for the terminal once the app has closed; :attr:`said` is the
    same in the person's language, for the app to show."""

    def __init__(self, store: str | None, choice: bool | None, held: HeldMessages) -> None:
        self.store = store
        self.choice = choice
        self.held = held
        self.said: list[str] = []

    def dialogue(self, app: Asks, *, consent: bool = True) -> AppDialogue:
        """Saving's questions, asked on ``app``'s screens; what it says is kept in :attr:`said`."""
        return AppDialogue(app, self.held, consent=consent, said=self.said)

    async def open_new(
        self, app: Asks, bundle_id: str, mode: str, answer: bool | None
    ) -> Opened | None:
        """Start saving a new conversation, if the person agreed (``answer``, from the start
        screen), in a thread: the store is opened only now, and any passphrase is asked on
        the app's screens. None when nothing is saved."""
        agreed = self.choice if self.choice is not None else bool(answer)
        dialogue = self.dialogue(app, consent=agreed)
        locale = app.t.locale

        def open_it() -> Opened | None:
            from assistant.saving import agree_to_saving, start_saving  # start-up: when used

            store = agree_to_saving(dialogue, store=self.store, save=agreed)
            if store is None:
                return None
            return start_saving(store, bundle_id, dialogue, locale=locale, mode=mode)

        return await asyncio.to_thread(open_it)


class AppDialogue:
    """Saving's questions and messages, in the app (see the module docstring).

    ``consent`` is what the start screen (or ``--save``) said; ``held`` keeps what saving
    says, to be said on the terminal once the app has closed.
    """

    def __init__(
        self, app: Asks, held: Teller, *, consent: bool = True, said: list[str] | None = None
    ) -> None:
        self.app = app
        self.held = held
        self.consent = consent
        #: What saving said, in the person's language, for the app to show.
        self.said: list[str] = [] if said is None else said

    # -- telling (from the worker thread) --------------------------------------------
    def tell(self, msgid: str, event: str = "message", **params: str | Msg) -> None:
        self.held.tell(msgid, event, **params)
        t = self.app.t
        texts = {k: v if isinstance(v, str) else t.render(v) for k, v in params.items()}
        self.said.append(t.gettext(msgid).format(**texts) if texts else t.gettext(msgid))

    def problem(self, message: Msg, then: str | None = None) -> None:
        self.held.problem(message, then)
        t = self.app.t
        self.said.append(t.render(message) + (" " + t.gettext(then) if then else ""))

    # -- asking (from the worker thread; each waits for the person) ------------------
    def consents(self) -> bool:
        return self.consent

    def passphrase(self, location: str, attempt: int) -> str | None:
        from assistant.ui.passphrase import PassphraseScreen  # start-up: only when asked

        answer = self._ask(PassphraseScreen(location, attempt))
        return answer or None

    def wants_protection(self, first_use: bool) -> bool:
        if not first_use:
            return False
        from assistant.ui.dialogs import Dialog  # start-up: only on a new store's first use

        question = Dialog(
            _(N_("Protect your saved answers?")),
            [
                _(
                    N_(
                        "Is this computer shared with other people? You can protect your saved answers with a passphrase; you will need it to come back, and it cannot be recovered if you forget it."
                    )
                )
            ],
            [("no", _(N_("No, not shared"))), ("yes", _(N_("Yes, choose a passphrase")))],
            escape_result="no",
            id="protect-dialog",
        )
        return bool(self._ask(question) == "yes")

    def new_passphrase(self) -> str | None:
        from assistant.ui.passphrase import NewPassphraseScreen  # start-up: only when asked

        return self._ask(NewPassphraseScreen()) or None

    def _ask(self, screen: ModalScreen[Any]) -> Any:
        """Show ``screen`` from the worker thread and wait for its answer."""

        async def show_and_wait() -> Any:
            answered: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
            self.app.release_keys()  # the keys typed now are for this question
            await self.app.push_screen(screen, answered.set_result)
            return await answered

        return self.app.call_from_thread(show_and_wait)
