"""Commit a conversation screen by screen: the Session's ``on_event`` for any front end.

A command ("answered", "went_back", ...) is always followed at once by the screen it
leads to ("shown" or "ended"). If a kill fell between the two, the saved log would end
part-way through a step and could not be replayed. So the command is held in memory
for those microseconds and committed with its screen in one transaction, still before
the front end shows anything: the log on disk always ends at a whole screen.
"""

from __future__ import annotations

from assistant.engine.events import Event
from assistant.store.base import Store

#: Events that the Session always follows with a "shown" or "ended" event in the same call.
LEADS_TO_SCREEN = frozenset({"started", "answered", "went_back", "edited", "resumed", "jumped"})


class ScreenRecorder:
    """Pass an instance as ``Session(bundle, on_event=recorder)``; raises StoreError on failure."""

    def __init__(self, store: Store, reference: str) -> None:
        self.store = store
        self.reference = reference
        self._held: list[Event] = []

    def __call__(self, event: Event) -> None:
        """Hold a command until its screen arrives; commit everything held with the screen."""
        self._held.append(event)
        if event.kind in LEADS_TO_SCREEN:
            return
        self.commit()

    def commit(self) -> None:
        """Commit everything held. If that fails (StoreError), it all stays held, in order,
        so trying again later commits it: a step is never dropped for a passing fault."""
        if self._held:
            self.store.append_many(self.reference, self._held)
            self._held = []

    def drop(self) -> None:
        """Forget what is held (the person chose to carry on without saving it)."""
        self._held = []
