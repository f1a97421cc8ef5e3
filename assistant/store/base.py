"""The store's interface: what every front end may ask of saved conversations.

Front ends talk only to :class:`Store`, never to SQLite, so a server database for
helplines with many advisers is another implementation. Every error is a
:class:`StoreError` whose message is kind, names the file and says what to do, and never
contains a person's answers. The store never translates: an error carries its message id
and parameters (a :class:`Msg`, like the engine's), and each front end shows it in the
person's language with :meth:`StoreError.text`.

To add a back-end: write a subclass of :class:`Store` in its own module of this package
(``sqlite.py`` is the one to read first), raising only :class:`StoreError` and its kinds;
then recognise its locations in :func:`assistant.store.open_store`, the one place a
``--store`` value becomes a store. The tests in ``tests/store/`` that take the ``store``
fixture describe the behaviour every back-end must have.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from assistant.engine.events import Event
from assistant.engine.outputs import Msg
from assistant.store.references import normalize


@dataclass(frozen=True)
class ConversationSummary:
    """One line of ``support-plan sessions``: enough to choose, nothing of the answers."""

    reference: str
    label: str | None
    bundle: str
    locale: str
    mode: str
    created: str
    last_activity: str
    answered: int
    last_step: str | None
    finished: bool = False
    #: False when the passphrase has not been given, so the label could not be read.
    readable: bool = True
    #: Who took the call, in an adviser's conversation (None for people on their own).
    adviser: str | None = None

    @property
    def case(self) -> str | None:
        """The adviser's own case reference: what the start screen's "Case reference" gave,
        kept as the conversation's label (None when none was given)."""
        return self.label


def case_key(text: str) -> str:
    """A case reference as compared: any case, spaces collapsed ("ab 12" is "AB  12")."""
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class SavedCase:
    """One whole conversation as ``sessions export`` writes it and ``sessions import`` reads it.

    ``advisers`` names who wrote each event (the PostgreSQL store records it; a SQLite
    file does not, and an empty tuple means "the adviser importing it").
    """

    reference: str
    bundle: str
    locale: str
    mode: str
    created: str
    label: str | None
    events: tuple[Event, ...]
    advisers: tuple[str, ...] = ()
    #: Who took the call (:attr:`ConversationSummary.adviser`), when known.
    adviser: str | None = None


class Renders(Protocol):
    """What a front end's translator offers (:class:`assistant.i18n.Translator` does)."""

    def render(self, msg: Msg | None) -> str:
        """The message in the person's language, parameters filled in."""
        ...


class StoreError(Exception):
    """A problem with saved conversations, told kindly: the file, what happened, what to do.

    ``message`` is an English message id marked with ``N_`` whose ``{path}`` is filled
    from ``path`` and other ``{names}`` from ``params``. :attr:`message` is the English
    text (for logs and tests); :meth:`text` is what people see. It never holds an answer.
    """

    def __init__(
        self, message: str, path: Path | str | None = None, **params: str | int | Msg
    ) -> None:
        self.path = None if path is None else Path(path)
        fills = {"path": str(path)} if path is not None else {}
        self.msg = Msg(message, None, {**fills, **params})
        self.message = fill(message, self.msg.params)
        super().__init__(self.message)

    def text(self, t: Renders) -> str:
        """The message in the language of ``t``, the front end's translator."""
        return t.render(self.msg)


def fill(text: str, params: Mapping[str, object]) -> str:
    """Replace each ``{name}`` (in English); a path holding braces is left alone."""
    for name, value in params.items():
        shown = fill(value.id, value.params) if isinstance(value, Msg) else str(value)
        text = text.replace("{" + name + "}", shown)
    return text


class UnknownReference(StoreError):
    """No conversation has that reference (mistyped, or already forgotten)."""


class PassphraseNeeded(StoreError):
    """The store is protected and no passphrase has been given yet."""


class WrongPassphrase(StoreError):
    """The passphrase given does not open this store."""


class DamagedStore(StoreError):
    """The file (or part of it) cannot be read. It is never changed or overwritten."""


class NothingSaved(StoreError):
    """Nothing has ever been saved there (no file yet; a database with no tables, or none
    of this organisation's). Commands that only read say so, and create nothing."""


class NewerStore(StoreError):
    """The file was written by a newer version of the assistant than this one."""


class Store(ABC):
    """Saved conversations: each an append-only event log under a short reference."""

    @property
    @abstractmethod
    def location(self) -> str:
        """Where the conversations are kept (a file path), for messages to people."""

    @property
    @abstractmethod
    def protected(self) -> bool:
        """Whether answers are encrypted with a passphrase."""

    @property
    @abstractmethod
    def locked(self) -> bool:
        """True while the store is protected and the passphrase has not been given."""

    @property
    @abstractmethod
    def damaged(self) -> str | None:
        """A message if the file is damaged (then it is only read, never written), else None."""

    @property
    def damage(self) -> StoreError | None:
        """The same as :attr:`damaged`, as an error a front end can show in any language."""
        return None if self.damaged is None else DamagedStore(self.damaged)

    @property
    def read_only(self) -> StoreError | None:
        """Why nothing can be saved here although it can be read (a read-only file or
        folder), as an error to show; None when answers can be saved."""
        return None

    @property
    def notices(self) -> list[StoreError]:
        """Things to tell the person on opening that are not errors (an empty file used
        as a new one, a folder left as it was); shown with :meth:`StoreError.text`."""
        return []

    @abstractmethod
    def unlock(self, passphrase: str) -> None:
        """Give the passphrase; raises :class:`WrongPassphrase` if it does not fit."""

    @abstractmethod
    def create(self, *, bundle: str, locale: str, mode: str, label: str | None = None) -> str:
        """Start a new conversation; returns its reference, e.g. ``K7P-2QM``."""

    @abstractmethod
    def adopt(self, case: SavedCase) -> None:
        """Add a whole conversation under its own reference, in one transaction.

        Raises :class:`StoreError` if that reference is already taken here.
        """

    @abstractmethod
    def append(self, reference: str, event: Event) -> None:
        """Add one event; it is durably committed before this returns."""

    @abstractmethod
    def append_many(self, reference: str, events: list[Event]) -> None:
        """Add several events in one transaction: all are committed, or none."""

    @abstractmethod
    def events(self, reference: str) -> list[Event]:
        """Every event of a conversation, in order (for :meth:`Session.replay`)."""

    @abstractmethod
    def conversations(self) -> list[ConversationSummary]:
        """Every saved conversation, most recently used first."""

    def working_on(self, reference: str) -> str | None:
        """Another adviser who wrote to this unfinished case in the last half hour, so
        whoever opens it can check with them first; None when nobody else can be on it.
        Only a store shared by advisers (PostgreSQL) can say; one person's file cannot."""
        return None

    def summary(self, reference: str) -> ConversationSummary | None:
        """One conversation's summary, or None if there is no such reference."""
        wanted = normalize(reference)
        return next((c for c in self.conversations() if c.reference == wanted), None)

    def find(self, wanted: str) -> list[ConversationSummary]:
        """The conversations someone means by ``wanted``: the one with that generated
        reference, else every one whose case reference (:attr:`ConversationSummary.case`)
        it is, ignoring case and spaces, most recently used first.

        Two conversations with the same case reference are both returned, never merged:
        the caller asks which one is meant. Back-ends may answer faster; built on
        :meth:`conversations`, they need not implement it.
        """
        summaries = self.conversations()
        exact = [c for c in summaries if c.reference == normalize(wanted)]
        key = case_key(wanted)
        if exact or not key:
            return exact
        return [c for c in summaries if c.case is not None and case_key(c.case) == key]

    @abstractmethod
    def set_label(self, reference: str, label: str) -> None:
        """Give a conversation a name people recognise ("Mum's plan")."""

    def set_adviser(self, reference: str, adviser: str) -> None:
        """Record who took the call (the ``adviser`` of the conversation's start), for
        ``sessions --adviser`` and the contact record.

        A back-end that knows who is writing (PostgreSQL: the signed-in adviser) fills
        :attr:`ConversationSummary.adviser` itself and need not implement this.
        """
        del reference, adviser

    @abstractmethod
    def forget(self, reference: str) -> bool:
        """Delete a conversation so it cannot be recovered; False if there was none."""

    @abstractmethod
    def forget_all(self) -> int:
        """Delete every conversation so none can be recovered; returns how many there were."""

    @abstractmethod
    def close(self) -> None:
        """Release the file."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
