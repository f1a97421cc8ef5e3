"""Saved conversations: autosave, resume, crash safety and privacy.

Everything outside this package opens a store with :func:`open_store`, the one place where
a ``--store`` value (else ``SUPPORT_PLAN_STORE``, else the default file) becomes a
:class:`~assistant.store.base.Store`, and then talks to that interface only. The package
never asks the person anything (saving's questions are :mod:`assistant.saving`'s) and
imports neither Textual nor Rich.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.store.base import (
        ConversationSummary,
        DamagedStore,
        NewerStore,
        NothingSaved,
        PassphraseNeeded,
        Store,
        StoreError,
        UnknownReference,
        WrongPassphrase,
    )

__all__ = [
    "ConversationSummary",
    "DamagedStore",
    "NewerStore",
    "NothingSaved",
    "PassphraseNeeded",
    "Store",
    "StoreError",
    "UnknownReference",
    "WrongPassphrase",
    "open_store",
]

#: Where to save when ``--store`` is not given.
STORE_VARIABLE = "SUPPORT_PLAN_STORE"

Location = str | os.PathLike[str] | None


def __getattr__(name: str) -> Any:
    """The store's names, imported when first used (PEP 562): a program that only asks
    whether to save, and is told no, never loads SQLite or the event log (start-up budget)."""
    if name in __all__:
        from assistant.store import base  # start-up budget: see the docstring

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(
    location: Location = None, *, passphrase: str | None = None, create: bool = True
) -> Store:
    """Open (creating if needed) the store at ``location``, else $SUPPORT_PLAN_STORE, else
    the default file.

    This is the one seam between the assistant and its back-ends, chosen by the form of
    the location: a ``postgresql://`` (or ``postgres://``) URL opens a helpline's shared
    database (:mod:`assistant.store.postgres`); anything else is a SQLite file or folder.
    A protected store opened without a passphrase is *locked*: it can list and forget
    conversations but not read or add answers until :meth:`Store.unlock`. Raises
    :class:`StoreError` (never a traceback-worthy error) if the store cannot be used.

    With ``create=False`` (commands that only read, listing, resuming, forgetting) nothing
    is ever made: where nothing has been saved yet (no file; a database without the
    assistant's tables, or without this organisation) it raises :class:`NothingSaved`.
    """
    # Imported here, once the person has agreed to saving (start-up budget: see __getattr__).
    from assistant.store.postgres_schema import is_postgres

    chosen = _chosen(location)
    if chosen is not None and is_postgres(os.fspath(chosen)):
        from assistant.store.postgres import PostgresStore  # start-up budget: see __getattr__

        return PostgresStore(os.fspath(chosen), create=create)
    from assistant.store.files import store_path  # start-up budget: see __getattr__
    from assistant.store.sqlite import SqliteStore  # start-up budget: see __getattr__

    _refuse_dash(chosen)
    path = store_path(chosen)
    if not create and not os.path.lexists(path):
        from assistant.store.base import NothingSaved  # start-up budget: see __getattr__
        from assistant.values import N_

        raise NothingSaved(N_("No conversations are saved in {path}."), path)
    return SqliteStore(path, passphrase)


def _refuse_dash(chosen: Location) -> None:
    """``--store -`` made a file named "-" (and "--wal", "--shm") in the current folder;
    elsewhere "-" means the screen or the keyboard, which cannot hold conversations."""
    if chosen is not None and os.fspath(chosen) == "-":
        from assistant.store.base import StoreError  # start-up budget: see __getattr__
        from assistant.values import N_

        raise StoreError(
            N_(
                "'-' cannot hold saved conversations: it is not a file name here. Choose a file with --store PATH, or carry on without saving."
            )
        )


def _chosen(location: Location) -> Location:
    """``--store`` if given, else ``SUPPORT_PLAN_STORE`` (None: the back-end's default)."""
    return location or os.environ.get(STORE_VARIABLE) or None
