"""Saved conversations: autosave, resume, crash safety and privacy (issue 7).

Front ends open a store with :func:`open_store` and talk to the :class:`Store` interface
only. Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import os
from pathlib import Path
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
    from assistant.store.files import store_path

__all__ = [
    "ConversationSummary",
    "DamagedStore",
    "NewerStore",
    "PassphraseNeeded",
    "Store",
    "StoreError",
    "UnknownReference",
    "WrongPassphrase",
    "may_hold_conversations",
    "open_store",
    "store_path",
]


def __getattr__(name: str) -> Any:
    """The store's names, imported when first used (PEP 562): a program that only asks
    whether to save, and is told no, never loads SQLite or the event log."""
    if name == "store_path":
        from assistant.store import files

        return files.store_path
    if name in __all__:
        from assistant.store import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def open_store(
    path: str | os.PathLike[str] | None = None, *, passphrase: str | None = None
) -> Store:
    """Open (creating if needed) the store at ``path``, else $SUPPORT_PLAN_STORE, else the default.

    A ``postgresql://`` URL opens the shared database store of a helpline
    (:mod:`assistant.store.postgres`); anything else is a SQLite file.

    A protected store opened without a passphrase is *locked*: it can list and forget
    conversations but not read or add answers until :meth:`Store.unlock`. Raises
    :class:`StoreError` (never a traceback-worthy error) if the file cannot be used.
    """
    from assistant.store.postgres_schema import is_postgres

    chosen = os.fspath(path) if path else os.environ.get("SUPPORT_PLAN_STORE", "")
    if is_postgres(chosen):
        from assistant.store.postgres import PostgresStore

        return PostgresStore(chosen)
    from assistant.store.files import store_path
    from assistant.store.sqlite import SqliteStore

    return SqliteStore(store_path(path), passphrase)


def may_hold_conversations(path: str | os.PathLike[str] | None = None) -> bool:
    """Whether the store could have saved conversations, found without creating anything.

    A SQLite file that does not exist yet holds none; a database always may.
    """
    from assistant.store.postgres_schema import is_postgres

    chosen = os.fspath(path) if path else os.environ.get("SUPPORT_PLAN_STORE", "")
    if is_postgres(chosen):
        return True
    from assistant.store.files import store_path

    return store_path(path).exists()


def default_location() -> Path:
    """Where conversations are saved when --store is not given (SUPPORT_PLAN_STORE or the default)."""
    from assistant.store.files import store_path

    return store_path(None)
