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
    "PassphraseNeeded",
    "Store",
    "StoreError",
    "UnknownReference",
    "WrongPassphrase",
    "nothing_saved_at",
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


def open_store(location: Location = None, *, passphrase: str | None = None) -> Store:
    """Open (creating if needed) the store at ``location``, else $SUPPORT_PLAN_STORE, else
    the default file.

    This is the one seam between the assistant and its back-ends, chosen by the form of
    the location: a ``postgresql://`` (or ``postgres://``) URL opens a helpline's shared
    database (:mod:`assistant.store.postgres`); anything else is a SQLite file or folder.
    A protected store opened without a passphrase is *locked*: it can list and forget
    conversations but not read or add answers until :meth:`Store.unlock`. Raises
    :class:`StoreError` (never a traceback-worthy error) if the store cannot be used.
    """
    # Imported here, once the person has agreed to saving (start-up budget: see __getattr__).
    from assistant.store.postgres_schema import is_postgres

    chosen = _chosen(location)
    if chosen is not None and is_postgres(os.fspath(chosen)):
        from assistant.store.postgres import PostgresStore  # start-up budget: see __getattr__

        return PostgresStore(os.fspath(chosen))
    from assistant.store.files import store_path  # start-up budget: see __getattr__
    from assistant.store.sqlite import SqliteStore  # start-up budget: see __getattr__

    return SqliteStore(store_path(_chosen(location)), passphrase)


def nothing_saved_at(location: Location = None) -> bool:
    """True when nothing can have been saved at ``location`` yet (so a list of saved
    conversations can be shown as empty without creating the store). A database may
    always hold conversations; a SQLite file that does not exist yet holds none."""
    from assistant.store.postgres_schema import is_postgres  # start-up budget: see __getattr__

    chosen = _chosen(location)
    if chosen is not None and is_postgres(os.fspath(chosen)):
        return False
    from assistant.store.files import store_path  # start-up budget: see __getattr__

    return not store_path(_chosen(location)).exists()


def _chosen(location: Location) -> Location:
    """``--store`` if given, else ``SUPPORT_PLAN_STORE`` (None: the back-end's default)."""
    return location or os.environ.get(STORE_VARIABLE) or None
