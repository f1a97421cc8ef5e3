"""Saving for the line front ends: consent, passphrase, resuming, and the per-event hook.

Nothing is stored until the person agrees (or, when a program drives the assistant,
``--save``/``--no-save`` says so). The reference is shown as soon as saving starts, so
even a dropped call or a crash leaves the person able to come back.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.engine.values import N_

# The store and the engine's event log are imported when saving is used, so declining
# saving (--no-save) costs the program's start nothing.
if TYPE_CHECKING:
    from assistant.engine.events import Event
    from assistant.flow.bundle import Bundle
    from assistant.i18n import Translator
    from assistant.store.base import Store, StoreError
    from assistant.store.recorder import ScreenRecorder

#: For scripts and tests only: the passphrase, when nobody is at a terminal to type it.
PASSPHRASE_VARIABLE = "SUPPORT_PLAN_PASSPHRASE"
TRIES = 3


def read_secret(prompt: str) -> str:
    """Read a passphrase without showing it (replaced in tests)."""
    import getpass

    return getpass.getpass(prompt)


Opened = tuple["SavingTarget | None", "list[Event]", "Callable[[Event], None] | None"]


class SavingTarget:
    """Where one conversation is being saved; its :meth:`record` is the Session's on_event.

    (This and :class:`Lines` are plain classes: the app asks about saving before its first
    screen, and making dataclasses took a little of every start.)
    """

    def __init__(self, store: Store, reference: str, lines: Lines, saving: bool = True) -> None:
        from assistant.store.recorder import ScreenRecorder

        self.store = store
        self.reference = reference
        self.lines = lines
        self.saving = saving
        self.recorder: ScreenRecorder = ScreenRecorder(store, reference)

    def record(self, event: Event) -> None:
        """Commit each screen before it is shown; if that fails, say so and stop saving."""
        from assistant.store.base import StoreError

        if not self.saving:
            return
        try:
            self.recorder(event)
            case = _case_reference(event)
            if case:  # so the adviser finds the caller's conversation by their own reference
                self.store.set_label(self.reference, case)
        except StoreError as error:
            self.saving = False
            self.lines.say(
                N_(
                    "Sorry, your last step could not be saved. {problem} From now on your answers are NOT being saved."
                ),
                problem=error.text(self.lines.t),
            )


def _case_reference(event: Event) -> str:
    """The adviser's case reference, given on the start screen and logged as the start."""
    if event.kind != "started" or not isinstance(event.value, dict):
        return ""
    return str(event.value.get("case") or "").strip()[:80]


class Lines:
    """Talks to the person on the line front end, in their language, as text or JSON lines."""

    def __init__(self, io: Any, json_mode: bool, t: Translator) -> None:
        self.io = io
        self.json_mode = json_mode
        self.t = t
        self.interactive = bool(io.prompt) and not json_mode

    def say(self, msgid: str, event: str = "message", **params: str) -> None:
        """One message; JSON mode adds its parameters (e.g. the reference) as fields."""
        text = self.t.gettext(msgid).format(**params) if params else self.t.gettext(msgid)
        if self.json_mode:
            import json

            text = json.dumps({"event": event, "message": text, **params}, ensure_ascii=False)
        self.io.stdout.write(text + "\n")
        self.io.stdout.flush()

    def problem(self, msgid: str, **params: str) -> None:
        """An error for the person, translated, on standard error (it never holds an answer)."""
        from assistant.engine.io import Msg

        self._stderr(self.t.render(Msg(msgid, None, params)))

    def complain(self, error: StoreError, then: str | None = None) -> None:
        """A store's error for the person, in their language, on standard error.

        ``then`` is a message id to add on the same line (e.g. "No tries left.").
        """
        self._stderr(error.text(self.t) + (" " + self.t.gettext(then) if then else ""))

    def _stderr(self, text: str) -> None:
        errors = getattr(self.io, "stderr", None) or sys.stderr
        print(f"support-plan: {text}", file=errors, flush=True)

    def yes_no(self, msgid: str) -> bool | None:
        """Ask until yes or no (three tries); None at end of input or if still unclear."""
        yes = {"y", "yes", self.t.gettext(N_("yes")).lower()}
        no = {"n", "no", self.t.gettext(N_("no")).lower()}
        for _ in range(TRIES):
            self.say(msgid)
            if self.interactive:
                self.io.stdout.write("> ")
                self.io.stdout.flush()
            line = self.io.stdin.readline()
            if not line:
                return None
            word = line.strip().lower().rstrip(".!")
            if word in yes or word in no:
                return word in yes
            self.say(N_("Please type yes or no."))
        return None


def open_saving(args: argparse.Namespace, bundle: Bundle, t: Translator, io: Any) -> Opened | None:
    """Consent, open the store, then start or resume: (target, events, on_event) or None.

    Everything is said in the language of ``t``, the front end's translator; the
    conversation is saved with its locale.
    """
    reference = getattr(args, "reference", None)
    if not reference:
        store = agree_to_saving(args, t, io)
        if store is None:
            return None, [], None
        return start_saving(store, bundle, t, io, json_mode=bool(getattr(args, "json", False)))
    from assistant.store.references import normalize

    lines = _lines(args, t, io)
    store = _open(args, lines, new=False)
    if store is None:
        return None
    resumed = _resume(store, normalize(reference), bundle, lines)
    if resumed is None or resumed[0] is None:
        store.close()
    return resumed


def agree_to_saving(args: argparse.Namespace, t: Translator, io: Any) -> Store | None:
    """For a new conversation: consent first, then the store, opened and unlocked (or offered
    a passphrase). None means nothing will be saved, and the person has been told so.

    Nothing is written until :func:`start_saving`; the full-screen app calls that once its
    questions have loaded, behind its first screen.
    """
    lines = _lines(args, t, io)
    if not _consented(args, lines):
        lines.say(
            N_("Nothing will be saved on this computer. You can still go all the way through.")
        )
        return None
    store = _open(args, lines, new=True)
    if store is None:
        _unsaved(lines)
    return store


def start_saving(
    store: Store, bundle: Bundle, t: Translator, io: Any, *, json_mode: bool = False
) -> Opened:
    """Start saving a new conversation in a store the person agreed to (:func:`agree_to_saving`)."""
    return _start(store, bundle, Lines(io, json_mode, t))


def _lines(args: argparse.Namespace, t: Translator, io: Any) -> Lines:
    return Lines(io, bool(getattr(args, "json", False)), t)


def _start(store: Store, bundle: Bundle, lines: Lines) -> Opened:
    """A new saved conversation, with its reference shown at once."""
    from assistant.store.base import StoreError

    mode = "json" if lines.json_mode else "plain"
    try:
        created = store.create(bundle=bundle.id, locale=lines.t.locale, mode=mode)
    except StoreError as error:
        lines.complain(error)
        store.close()
        return _unsaved(lines)
    target = SavingTarget(store, created, lines)
    lines.say(
        N_(
            "We will save your answers as you go. Your reference is {reference}. To come back later, type: support-plan resume {reference}"
        ),
        event="saving",
        reference=created,
    )
    return target, [], target.record


def saved_flow(args: argparse.Namespace) -> str | None:
    """For ``resume REF`` without --flow: the questions the conversation was saved with.

    The front end should load that bundle rather than the default one; None if unknown.
    """
    from assistant.store import StoreError, open_store

    reference = getattr(args, "reference", None)
    if not reference or getattr(args, "flow", None):
        return None
    try:
        with open_store(getattr(args, "store", None)) as store:
            summary = store.summary(reference)
    except StoreError:
        return None
    return None if summary is None else summary.bundle


def _consented(args: argparse.Namespace, lines: Lines) -> bool:
    choice = getattr(args, "save", None)
    if choice is not None:
        return bool(choice)
    if not lines.interactive:
        return True  # a program or a pipe: save, so the end of input can say how to come back
    return bool(
        lines.yes_no(
            N_(
                "Can we save your answers on this computer so you can stop and come back? Type yes to save as you go, or no to save nothing (you can still go all the way through)."
            )
        )
    )


def _unsaved(lines: Lines) -> Opened:
    lines.say(
        N_("Your answers will not be saved this time, but you can still go all the way through.")
    )
    return None, [], None


def _open(args: argparse.Namespace, lines: Lines, *, new: bool) -> Store | None:
    """The store, unlocked (and protected, if the person asks); None after saying why not."""
    from assistant.store import StoreError, open_store

    try:
        store = open_store(getattr(args, "store", None))
    except StoreError as error:
        lines.complain(error)
        return None
    for notice in store.notices:  # an empty file used as new, a folder left as it was
        lines.complain(notice)
    cannot_save = store.damage or store.read_only
    if cannot_save and new:
        lines.complain(cannot_save)
        store.close()
        return None
    try:
        ready = _unlock(store, lines) if store.locked else _maybe_protect(store, lines, new=new)
    except StoreError as error:
        lines.complain(error)
        ready = False
    if not ready:
        store.close()
        return None
    return store


def _unlock(store: Store, lines: Lines) -> bool:
    """Three tries at the passphrase (one, from the environment, without a terminal)."""
    from assistant.store.base import WrongPassphrase

    if not lines.interactive:
        secret = os.environ.get(PASSPHRASE_VARIABLE)
        if secret is None:
            lines.problem(
                N_(
                    "The saved conversations in {path} are protected by a passphrase. Run the assistant in a terminal to type it, or set {variable}."
                ),
                path=store.location,
                variable=PASSPHRASE_VARIABLE,
            )
            return False
        store.unlock(secret)
        return True
    for attempt in range(1, TRIES + 1):
        try:
            store.unlock(read_secret(lines.t.gettext(N_("Passphrase: "))))
            return True
        except WrongPassphrase as error:
            lines.complain(error, N_("No tries left.") if attempt == TRIES else None)
        except EOFError:
            break
    return False


def _maybe_protect(store: Store, lines: Lines, *, new: bool) -> bool:
    """Offer a passphrase when a new store is first used (true on shared computers).

    A store that is already protected (a helpline's database, sealed with its
    organisation's key) needs no passphrase.
    """
    if store.protected:
        return True
    secret = os.environ.get(PASSPHRASE_VARIABLE)
    if secret is not None and not lines.interactive:
        store.unlock(secret)
        return True
    if not new or not lines.interactive or store.conversations():
        return True
    wanted = lines.yes_no(
        N_(
            "Is this computer shared with other people? You can protect your saved answers with a passphrase; you will need it to come back, and it cannot be recovered if you forget it. Type yes to choose a passphrase, or no."
        )
    )
    if not wanted:
        return True
    return _choose_passphrase(store, lines)


def _choose_passphrase(store: Store, lines: Lines) -> bool:
    for _ in range(TRIES):
        try:
            first = read_secret(lines.t.gettext(N_("Choose a passphrase: ")))
            second = read_secret(lines.t.gettext(N_("Type it again: ")))
        except EOFError:
            return False
        if first and first == second:
            store.unlock(first)
            lines.say(N_("Your answers will be protected by your passphrase."))
            return True
        lines.say(N_("The two passphrases were not the same, or were empty. Please try again."))
    return False


def _resume(store: Store, reference: str, bundle: Bundle, lines: Lines) -> Opened | None:
    """The saved events, checked against the questions, and a target to carry on saving."""
    from assistant.store.base import StoreError

    try:
        events = store.events(reference)
        summary = store.summary(reference)
    except StoreError as error:
        lines.complain(error)
        return None
    if summary is not None and summary.bundle != bundle.id:
        lines.problem(
            N_(
                "The conversation {reference} was saved with the '{flow}' questions. To carry on, type: support-plan resume {reference} --flow {flow}"
            ),
            reference=reference,
            flow=summary.bundle,
        )
        return None
    if not _fits(bundle, events, reference, lines):
        return None
    cannot_save = store.damage or store.read_only
    if cannot_save is not None:
        lines.complain(cannot_save)
        return _unsaved_resume(lines, events)
    target = SavingTarget(store, reference, lines)
    return target, events, target.record


def _unsaved_resume(lines: Lines, events: list[Event]) -> Opened:
    lines.say(N_("Your earlier answers are back, but new answers cannot be saved in this file."))
    return None, events, None


def _fits(bundle: Bundle, events: list[Event], reference: str, lines: Lines) -> bool:
    from assistant.engine.events import ReplayError
    from assistant.engine.session import Session

    try:
        Session.replay(bundle, events).close()
    except (ReplayError, KeyError):
        lines.problem(
            N_(
                "The questions have changed since the conversation {reference} was saved, so it cannot be carried on exactly. It is still saved, and nothing in it has been changed."
            ),
            reference=reference,
        )
        return False
    return True
