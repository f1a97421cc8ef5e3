"""Budget 8: autosave, committing one answer durably (SQLite WAL, ``synchronous=FULL``).

An answer is saved as the app saves it: the "answered" event and the "shown" event of the
screen it leads to, in one transaction (``Store.append_many``, as the screen recorder
does). The events come from a whole England conversation answered by the autopilot, so
the rows have real sizes. The store lives under ``bench-results/`` on the project's disk,
not in /tmp, which may be memory and would make fsync free.
"""

from __future__ import annotations

import time
from pathlib import Path

from assistant.engine.events import Event
from assistant.engine.session import Session
from assistant.flow.loading import load_bundle
from assistant.paths import bundle_path
from assistant.store import open_store

from . import autopilot
from .harness import Result, fill


def _answers() -> list[list[Event]]:
    """A whole conversation's events, grouped as they are committed: one group per answer."""
    bundle = load_bundle(bundle_path("england"))
    events: list[Event] = []
    session = Session(bundle, on_event=events.append)
    view = autopilot.shown(session.start())
    while view is not None:
        view = autopilot.shown(session.answer(autopilot.engine_answer(view)))
    session.close()
    groups: list[list[Event]] = []
    for event in events:
        if event.kind == "answered" or not groups:
            groups.append([])
        groups[-1].append(event)
    return groups[1:]  # the first group is the start, not an answer


def _commit_times(path: Path, groups: list[list[Event]], passphrase: str | None) -> list[float]:
    times = []
    with open_store(path, passphrase=passphrase) as store:
        if passphrase is not None and not store.protected:
            store.unlock(passphrase)  # a new store: this sets the passphrase
        reference = store.create(bundle="england", locale="en_GB", mode="self")
        for group in groups:
            start = time.perf_counter()
            store.append_many(reference, group)
            times.append(time.perf_counter() - start)
    return times


def bench_autosave(runs: int, workdir: Path) -> list[Result]:
    """Budget 8, and the same for a passphrase-protected store (answers encrypted)."""
    groups = _answers()
    result = Result(8, "Autosave: committing one answer, with fsync", "median ≤ 5 ms", "ms")
    samples: list[float] = []
    for run in range(runs):
        samples.extend(_commit_times(workdir / f"store-{run}.sqlite3", groups, None))
    stats = fill(result, samples, 1e3)
    result.notes.append(
        f"{runs} conversations of {len(groups)} answers, each answer one append_many "
        "(answered + shown) in WAL mode with synchronous=FULL"
    )
    result.judge(stats.median <= 5)
    sealed = Result("8b", "… into a passphrase-protected store", "(information)", "ms")
    try:
        fill(sealed, _commit_times(workdir / "sealed.sqlite3", groups, "bench passphrase"), 1e3)
        sealed.status = "INFO"
    except Exception as error:  # noqa: BLE001 - report, never stop the suite
        sealed.skip(f"could not protect a store: {type(error).__name__}: {error}")
    return [result, sealed]
