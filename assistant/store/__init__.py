"""Saved conversations: autosave, resume, crash safety and privacy (issue 7).

Front ends open a store with :func:`open_store` and talk to the :class:`Store` interface
only. Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import os
from pathlib import Path

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
    "open_store",
    "store_path",
]


def open_store(
    path: str | os.PathLike[str] | None = None, *, passphrase: str | None = None
) -> Store:
    """Open (creating if needed) the store at ``path``, else $SUPPORT_PLAN_STORE, else the default.

    A protected store opened without a passphrase is *locked*: it can list and forget
    conversations but not read or add answers until :meth:`Store.unlock`. Raises
    :class:`StoreError` (never a traceback-worthy error) if the file cannot be used.
    """
    from assistant.store.sqlite import SqliteStore

    return SqliteStore(store_path(path), passphrase)


def default_location() -> Path:
    """Where conversations are saved when --store is not given (SUPPORT_PLAN_STORE or the default)."""
    return store_path(None)
