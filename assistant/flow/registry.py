"""Things flows name, provided by code outside the flow format and loaded when first read.

A flow calls condition functions (``eligibility(...)``) and shows calculations
(``show: pa_cost``). The flow format checks and runs those names but does not define most
of them: :mod:`assistant.rules` and :mod:`assistant.money.pa_cost` do. Each kind of thing
has one :class:`Registry`, which names its provider modules and imports them the first
time it is read. So the flow format never imports the packages above it, and a program
that never reads a registry (the start screen, ``support-plan --help``) never loads them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Mapping[str, T], Generic[T]):
    """Entries by name. Providers add theirs with :meth:`add` when they are imported; reading
    the registry in any way imports every provider first (once)."""

    def __init__(self, kind: str, providers: tuple[str, ...] = ()) -> None:
        #: What the entries are, for error messages ("condition function").
        self.kind = kind
        #: Modules that add entries when imported, imported on first read.
        self.providers = providers
        self._entries: dict[str, T] = {}
        self._loaded = not providers

    def add(self, name: str, entry: T) -> None:
        """Add an entry; a name added twice is a programming error (ValueError)."""
        if name in self._entries:
            raise ValueError(f"{self.kind} {name!r} is already registered")
        self._entries[name] = entry

    def _load(self) -> dict[str, T]:
        if not self._loaded:
            self._loaded = True  # first, so a provider reading the registry does not loop
            for module in self.providers:
                importlib.import_module(module)
        return self._entries

    def __getitem__(self, name: str) -> T:
        return self._load()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())
