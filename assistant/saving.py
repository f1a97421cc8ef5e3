"""Saving a conversation: consent first, then the store opened, then the conversation
started or resumed, and each screen committed before it is shown.

Nothing is stored until the person agrees (or the command line says so with ``--save`` or
``--no-save``). The reference is shown as soon as saving starts, so even a dropped call or
a crash leaves the person able to come back.

How the questions are asked is each front end's business: it passes a
:class:`SavingDialogue`. Plain mode asks on the terminal
(:class:`assistant.plain.saving.LineDialogue`); the full-screen app can ask on its start
screen. Nothing here prompts, parses arguments or knows which kind of store it has: the
store comes from :func:`assistant.store.open_store`.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Protocol

from assistant.values import N_

# The store, the engine's event log and its session are imported when saving is used, so
# declining saving (--no-save) costs the program's start nothing (start-up budget).
if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.engine.events import Event
    from assistant.engine.outputs import Msg
    from assistant.flow.bundle import Bundle
    from assistant.store.base import ConversationSummary, Store, StoreError
    from assistant.store.recorder import ScreenRecorder

#: For scripts and tests only: the passphrase, when nobody is at a terminal to type it.
PASSPHRASE_VARIABLE = "SUPPORT_PLAN_PASSPHRASE"
#: Who is taking calls, for the adviser's conversations (else this computer's user name).
ADVISER_VARIABLE = "SUPPORT_PLAN_ADVISER"
#: How many times a person may type a passphrase before saving gives up.
PASSPHRASE_TRIES = 3


class Teller(Protocol):
    """What saving tells the person, in their language, as a front end shows it."""

    def tell(self, msgid: str, event: str = "message", **params: str | Msg) -> None:
        """Something to read: a message id marked with ``N_`` and its ``{parameters}``.

        ``event`` names it for programs reading JSON lines ("saving" carries the reference).
        """
        ...

    def problem(self, message: Msg, then: str | None = None) -> None:
        """Something that went wrong (it never holds an answer); ``then`` is a message id to
        add on the same line, such as "No tries left."."""
        ...


class SavingDialogue(Teller, Protocol):
    """The questions saving asks, answered by a front end.

    Each method may wait for the person. Plain mode asks on the terminal; the full-screen
    app, which must not block its event loop, can run the opening functions below in a
    worker thread and answer each question from a screen (``App.call_from_thread`` shows
    it, and the thread waits for the answer). Nothing is stored before :meth:`consents`
    has said yes.
    """

    def consents(self) -> bool:
        """Whether the person agrees to save their answers (asked only when the command
        line did not say)."""
        ...

    def passphrase(self, location: str, attempt: int) -> str | None:
        """The passphrase for the protected conversations at ``location``, try ``attempt``
        of :data:`PASSPHRASE_TRIES`; None to stop trying (nothing is then opened)."""
        ...

    def wants_protection(self, first_use: bool) -> bool:
        """Whether to protect an unprotected store with a passphrase. ``first_use`` is true
        for a new conversation in a store with none yet, the only time people are asked."""
        ...

    def new_passphrase(self) -> str | None:
        """The passphrase to protect the store with (typed twice, the same), or None if the
        person did not manage to choose one: then nothing is saved."""
        ...


class SavingTarget:
    """Where one conversation is being saved; its :meth:`record` is the Session's on_event.

    (This and :class:`Opened` are plain classes: the app asks about saving before its first
    screen, and making dataclasses took a little of every start.)
    """

    def __init__(self, store: Store, reference: str, teller: Teller) -> None:
        from assistant.store.recorder import ScreenRecorder  # start-up budget: see above

        self.store = store
        self.reference = reference
        self.teller = teller
        #: False once the person chose to carry on without saving; nothing more is saved.
        self.saving = True
        #: Why the last screen could not be saved yet, or None. Its events are held; the
        #: front end must not show the next screen until :meth:`retry` succeeds (or the
        #: person chooses :meth:`give_up`).
        self.problem: StoreError | None = None
        self._label: str = ""
        self._adviser: str = ""
        self.recorder: ScreenRecorder = ScreenRecorder(store, reference)

    def record(self, event: Event) -> None:
        """Commit each screen before it is shown; if that fails, hold it and note why."""
        if not self.saving:
            return
        self._label = _setup_text(event, "case") or self._label
        self._adviser = _setup_text(event, "adviser") or self._adviser
        self._commit(lambda: self.recorder(event))

    def retry(self) -> bool:
        """Try to commit what is held (and the case label); True once all of it is saved."""
        return self._commit(self.recorder.commit)

    def _commit(self, commit: Callable[[], None]) -> bool:
        from assistant.store.base import StoreError  # start-up budget: see the imports above

        try:
            commit()
            if self._label:  # so the adviser finds the caller's conversation by their reference
                self.store.set_label(self.reference, self._label)
                self._label = ""
            if self._adviser:  # so conversations can be listed by who took the call
                self.store.set_adviser(self.reference, self._adviser)
                self._adviser = ""
        except StoreError as error:
            self.problem = error
            return False
        self.problem = None
        return True

    def give_up(self) -> None:
        """The person carries on without saving: what is held is dropped, and no more saved."""
        self.recorder.drop()
        self.saving, self.problem = False, None
        self.teller.tell(
            N_(
                "Your answers are NOT being saved from now on. You can still go all the way through."
            )
        )


def saving_target(on_event: Callable[[Event], None] | None) -> SavingTarget | None:
    """The saving target behind a Session's ``on_event``, if that is one."""
    target = getattr(on_event, "__self__", None)
    return target if isinstance(target, SavingTarget) else None


class Opened:
    """What opening saving gives a conversation: where it is saved and what it resumes from.

    ``target`` is None when nothing is being saved. ``stopped`` means the conversation
    cannot go on (the person has been told why): the front end ends with exit code 1.
    ``kept`` is the reference of a conversation resumed from a store that cannot take new
    answers (read-only, or damaged): its earlier answers stay saved, new ones are not.
    """

    def __init__(
        self,
        target: SavingTarget | None = None,
        events: list[Event] | None = None,
        *,
        stopped: bool = False,
        kept: str | None = None,
    ) -> None:
        self.target = target
        #: The saved events to resume from (none for a new conversation).
        self.events: list[Event] = events or []
        self.stopped = stopped
        self.kept = kept

    @property
    def on_event(self) -> Callable[[Event], None] | None:
        """The Session's ``on_event``: saves each screen (None when nothing is saved)."""
        return None if self.target is None else self.target.record

    @property
    def reference(self) -> str | None:
        """The saved conversation's reference (None when nothing is saved)."""
        return None if self.target is None else self.target.reference


def _setup_text(event: Event, name: str) -> str:
    """What the start screen learnt, logged as the start: the adviser's case reference
    (``case``) or who took the call (``adviser``); empty for any other event."""
    if event.kind != "started" or not isinstance(event.value, dict):
        return ""
    return str(event.value.get(name) or "").strip()[:80]


def local_minute(at: str) -> str:
    """An event or store time (ISO 8601, UTC) as local "YYYY-MM-DD HH:MM", as people read
    a clock; the text unchanged if it is not a time."""
    try:
        return dt.datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


def adviser_name() -> str:
    """Who is taking calls: ``SUPPORT_PLAN_ADVISER`` (set by a helpline's sign-in), else
    this computer's user name; printable characters only, at most 80."""
    name = os.environ.get(ADVISER_VARIABLE, "").strip()
    if not name:
        import getpass  # start-up: only when no name is set

        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = ""
    return "".join(ch for ch in name if ch.isprintable())[:80]


def open_saving(
    bundle: Bundle,
    dialogue: SavingDialogue,
    *,
    store: str | None,
    reference: str | None,
    save: bool | None,
    locale: str,
    mode: str,
) -> Opened:
    """Saving for a conversation: a new one (consent, then the store) or, with a reference,
    the saved one resumed. ``locale`` and ``mode`` are recorded with a new conversation."""
    if reference:
        return resume_saving(reference, bundle, dialogue, store=store)
    agreed = agree_to_saving(dialogue, store=store, save=save)
    if agreed is None:
        return Opened()
    return start_saving(agreed, bundle.id, dialogue, locale=locale, mode=mode)


def agree_to_saving(
    dialogue: SavingDialogue, *, store: str | None, save: bool | None
) -> Store | None:
    """For a new conversation: consent first, then the store, opened and unlocked (or offered
    a passphrase). None means nothing will be saved, and the person has been told so.

    Nothing is written until :func:`start_saving`; the full-screen app calls that once its
    questions have loaded, behind its first screen.
    """
    agreed = dialogue.consents() if save is None else save
    if not agreed:
        dialogue.tell(
            N_("Nothing will be saved on this computer. You can still go all the way through.")
        )
        return None
    opened = _open(store, dialogue, new=True)
    if opened is None:
        _unsaved(dialogue)
    return opened


def start_saving(store: Store, bundle_id: str, teller: Teller, *, locale: str, mode: str) -> Opened:
    """Start saving a new conversation in a store the person agreed to, and show its
    reference at once (:func:`agree_to_saving`)."""
    from assistant.store.base import StoreError  # start-up budget: see the imports above

    try:
        created = store.create(bundle=bundle_id, locale=locale, mode=mode)
    except StoreError as error:
        teller.problem(error.msg)
        store.close()
        return _unsaved(teller)
    target = SavingTarget(store, created, teller)
    teller.tell(
        N_(
            "We will save your answers as you go. Your reference is {reference}. To come back later, type: support-plan resume {reference}"
        ),
        event="saving",
        reference=created,
    )
    return Opened(target)


def resume_saving(
    reference: str, bundle: Bundle, dialogue: SavingDialogue, *, store: str | None
) -> Opened:
    """A saved conversation's events, checked against the questions, and a target to carry
    on saving it."""
    opened = _open(store, dialogue, new=False, wanted=reference)
    if opened is None:
        return Opened(stopped=True)
    chosen = _which(opened, reference, dialogue)
    resumed = Opened(stopped=True) if chosen is None else _resume(opened, chosen, bundle, dialogue)
    if resumed.target is None:
        opened.close()
    return resumed


def _which(store: Store, wanted: str, teller: Teller) -> str | None:
    """The generated reference ``wanted`` means (it may be the adviser's case reference).

    None, after listing them, when several conversations have that case reference: they
    are never merged, and the person is asked for the generated reference of one.
    """
    # Start-up budget: see the imports at the top.
    from assistant.engine.outputs import Msg
    from assistant.store.base import StoreError
    from assistant.store.references import normalize

    try:
        found = store.find(wanted)
    except StoreError as error:
        teller.problem(error.msg)
        return None
    if len(found) <= 1:  # none: opening it says kindly that there is no such reference
        return found[0].reference if found else normalize(wanted)
    teller.problem(
        Msg(
            N_(
                "{count} conversations have the case reference {case}, so none was opened: {choices}. To carry on with one, type: support-plan resume REFERENCE, with its reference from this list."
            ),
            None,
            {"count": str(len(found)), "case": wanted.strip(), "choices": choices(found)},
        )
    )
    return None


def choices(found: list[ConversationSummary]) -> str:
    """Conversations to choose from, in words any language reads: reference, when it
    started (local time) and who took the call."""
    return "; ".join(
        " ".join(part for part in (c.reference, local_minute(c.created), c.adviser or "") if part)
        for c in found
    )


def saved_flow(reference: str | None, store: str | None) -> str | None:
    """For ``resume REF`` without --flow: the questions the conversation was saved with.

    The front end should load that bundle rather than the default one; None if unknown.
    """
    from assistant.store import StoreError, open_store  # start-up budget: see the imports above

    if not reference:
        return None
    try:
        with open_store(store, create=False) as opened:
            found = opened.find(reference)
    except StoreError:
        return None
    return found[0].bundle if len(found) == 1 else None


def _unsaved(teller: Teller) -> Opened:
    teller.tell(
        N_("Your answers will not be saved this time, but you can still go all the way through.")
    )
    return Opened()


def _open(
    location: str | None, dialogue: SavingDialogue, *, new: bool, wanted: str = ""
) -> Store | None:
    """The store, unlocked (and protected, if the person asks); None after saying why not.

    Resuming (``new`` false, the reference ``wanted``) never makes a store: where nothing
    was ever saved, there is no such conversation.
    """
    # Start-up budget: see the imports above.
    from assistant.engine.outputs import Msg
    from assistant.store import NothingSaved, StoreError, open_store

    try:
        store = open_store(location, create=new)
    except NothingSaved as nothing:
        dialogue.problem(
            Msg(
                N_(
                    "There is no saved conversation with the reference {reference} in {path}. Check the reference, or type 'support-plan sessions' to see the saved ones."
                ),
                None,
                {**nothing.msg.params, "reference": wanted.strip()},
            )
        )
        return None
    except StoreError as error:
        dialogue.problem(error.msg)
        return None
    for notice in store.notices:  # an empty file used as new, a folder left as it was
        dialogue.problem(notice.msg)
    cannot_save = store.damage or store.read_only
    if cannot_save and new:
        dialogue.problem(cannot_save.msg)
        store.close()
        return None
    try:
        ready = _unlock(store, dialogue) if store.locked else _maybe_protect(store, dialogue, new)
    except StoreError as error:
        dialogue.problem(error.msg)
        ready = False
    if not ready:
        store.close()
        return None
    return store


def _unlock(store: Store, dialogue: SavingDialogue) -> bool:
    """Up to :data:`PASSPHRASE_TRIES` passphrases, each wrong one explained."""
    from assistant.store.base import WrongPassphrase  # start-up budget: see the imports above

    for attempt in range(1, PASSPHRASE_TRIES + 1):
        secret = dialogue.passphrase(store.location, attempt)
        if secret is None:
            return False
        try:
            store.unlock(secret)
            return True
        except WrongPassphrase as error:
            last = attempt == PASSPHRASE_TRIES
            dialogue.problem(error.msg, N_("No tries left.") if last else None)
    return False


def _maybe_protect(store: Store, dialogue: SavingDialogue, new: bool) -> bool:
    """Offer a passphrase when a new store is first used (true on shared computers).

    A store already protected another way (a helpline's database, sealed with its
    organisation's key) is offered none.
    """
    if store.protected:
        return True
    first_use = new and not store.conversations()
    if not dialogue.wants_protection(first_use):
        return True
    secret = dialogue.new_passphrase()
    if secret is None:
        return False
    store.unlock(secret)
    return True


def _resume(store: Store, reference: str, bundle: Bundle, dialogue: SavingDialogue) -> Opened:
    """The saved events, checked against the questions, and a target to carry on saving."""
    from assistant.engine.outputs import Msg  # start-up budget: see the imports above
    from assistant.store.base import StoreError  # start-up budget: see the imports above

    try:
        events = store.events(reference)
        summary = store.summary(reference)
    except StoreError as error:
        dialogue.problem(error.msg)
        return Opened(stopped=True)
    if summary is not None and summary.bundle != bundle.id:
        dialogue.problem(
            Msg(
                N_(
                    "The conversation {reference} was saved with the '{flow}' questions. To carry on, type: support-plan resume {reference} --flow {flow}"
                ),
                None,
                {"reference": reference, "flow": summary.bundle},
            )
        )
        return Opened(stopped=True)
    if not _fits(bundle, events, reference, dialogue):
        return Opened(stopped=True)
    _say_who_is_on_it(store, reference, dialogue)
    if store.damage is not None:
        dialogue.problem(store.damage.msg)
        dialogue.tell(
            N_("Your earlier answers are back, but new answers cannot be saved in this file.")
        )
        return Opened(None, events, kept=reference)
    if store.read_only is not None:  # one message: what is back, what is not saved, what to do
        dialogue.problem(
            Msg(
                N_(
                    "Your earlier answers are back, but {path} is read-only, so nothing you answer from now on will be saved. To keep new answers, copy that file to a folder you can change, then type: support-plan resume {reference} --store PATH (PATH being the copy)."
                ),
                None,
                {"path": store.location, "reference": reference},
            )
        )
        return Opened(None, events, kept=reference)
    return Opened(SavingTarget(store, reference, dialogue), events)


def _say_who_is_on_it(store: Store, reference: str, teller: Teller) -> None:
    """Name a colleague who was on this case moments ago (a helpline's shared store)."""
    from assistant.engine.outputs import Msg  # start-up budget: see the imports above
    from assistant.store.base import StoreError  # start-up budget: see the imports above

    try:
        on_it = store.working_on(reference)
    except StoreError:
        return  # only a courtesy: opening goes on, and any real fault shows when saving
    if on_it is not None:
        teller.problem(
            Msg(
                N_(
                    "{colleague} was working on this case less than half an hour ago and may still have it open. Check with {colleague} before you carry on: if you both answer, only the first answer to each step is saved."
                ),
                None,
                {"colleague": on_it},
            )
        )


def _fits(bundle: Bundle, events: list[Event], reference: str, teller: Teller) -> bool:
    """Whether the saved events replay exactly on these questions (said, if not)."""
    from assistant.engine.events import ReplayError  # start-up budget: see the imports above
    from assistant.engine.outputs import Msg  # start-up budget: see the imports above
    from assistant.engine.session import Session  # start-up budget: see the imports above

    try:
        Session.replay(bundle, events).close()
    except (ReplayError, KeyError):
        teller.problem(
            Msg(
                N_(
                    "The questions have changed since the conversation {reference} was saved, so it cannot be carried on exactly. It is still saved, and nothing in it has been changed."
                ),
                None,
                {"reference": reference},
            )
        )
        return False
    return True
