"""Budgets 4 and 5: the engine on its own, with no front end and no store.

4. One answer to the next outputs (``Session.answer``), over whole conversations through
   the England flow answered by :mod:`tests.bench.autopilot`, taking the first option of
   every list and then a varied one, so different branches are walked.
5. Every golden conversation in ``transcripts/`` replayed through a fresh ``Session``:
   answers per second. Only the engine is timed; the golden files are parsed beforehand.
"""

from __future__ import annotations

import gc
import statistics
import time
from pathlib import Path
from typing import Any

from assistant.engine.outputs import AnswerRejected, Notice
from assistant.engine.session import Session
from assistant.flow.bundle import Bundle
from assistant.flow.loading import load_bundle
from assistant.paths import ROOT, bundle_path

from . import autopilot
from .harness import Result, Stats, fill

ANSWER_TURNS = frozenset({"answer", "next", "dont_know", "decline"})


def conversation(bundle: Bundle, pick: str) -> list[float]:
    """Answer every step of one conversation; the seconds each ``answer`` call took."""
    session = Session(bundle)
    view = autopilot.shown(session.start())
    times: list[float] = []
    while view is not None:
        raw = autopilot.engine_answer(view, pick)
        start = time.perf_counter()
        outputs = session.answer(raw)
        times.append(time.perf_counter() - start)
        if any(isinstance(o, AnswerRejected | Notice) for o in outputs):
            raise RuntimeError(f"the autopilot's answer at {view.step} was not accepted")
        view = autopilot.shown(outputs)
    session.close()
    return times


def bench_answer(runs: int) -> Result:
    """Budget 4: median time from an answer to the next outputs, England flow."""
    result = Result(
        4, "Engine: an answer to the next outputs (England flow)", "median ≤ 100 µs", "µs"
    )
    bundle = load_bundle(bundle_path("england"))
    varied = autopilot.longest_varied(lambda: Session(bundle))
    paths = {pick: len(conversation(bundle, pick)) for pick in ("first", varied)}
    samples: list[float] = []
    gc.collect()
    for _ in range(runs):
        for pick in paths:
            samples.extend(conversation(bundle, pick))
    stats = fill(result, samples, 1e6)
    result.notes.append(
        f"{runs} whole conversations per path; {paths['first']} answers taking the first option "
        f"of each list, {paths[varied]} taking varied options ({bundle.id}, {len(bundle.steps)} steps)"
    )
    return result.judge(stats.median <= 100)


def _drive(session: Session, action: str, value: Any) -> int:
    """Give one golden turn to the session; 1 if it was an answer, else 0."""
    if action == "start":
        session.start()
    elif action == "answer":
        session.answer(value)
    elif action == "next":
        session.answer(None)
    elif action in ("back", "help_now", "pause", "resume", "dont_know", "decline"):
        getattr(session, action)()
    elif action == "edit":
        session.edit(value)
    elif action == "note":
        session.record("note", {"text": value, "at": "2026-11-22T10:00:00+00:00"})
    elif action == "language":
        session.record("language_changed", value)
    return 1 if action in ANSWER_TURNS else 0


def _replay_all(goldens: list[tuple[Bundle, Any]]) -> tuple[int, float]:
    answers = 0
    start = time.perf_counter()
    for bundle, golden in goldens:
        session = Session(bundle)
        if not golden.turns or golden.turns[0].action != "start":
            session.start()
        for turn in golden.turns:
            answers += _drive(session, turn.action, turn.value)
        session.close()
    return answers, time.perf_counter() - start


def bench_goldens(runs: int, folder: Path = ROOT / "transcripts") -> Result:
    """Budget 5: answers per second replaying every golden conversation."""
    result = Result(
        5, "Replaying every golden transcript through the engine", "≥ 5,000 answers/s", "answers/s"
    )
    try:
        from assistant.transcript.golden import find_goldens, load_golden
    except ImportError:
        return result.skip("assistant.transcript.golden is not there yet")
    files = find_goldens([folder]) if folder.is_dir() else []
    if not files:
        return result.skip(f"no golden transcripts in {folder.relative_to(ROOT)}/ yet")
    bundles: dict[str, Bundle] = {}
    goldens = []
    for file in files:
        golden = load_golden(file)
        if golden.bundle not in bundles:
            bundles[golden.bundle] = load_bundle(bundle_path(golden.bundle))
        goldens.append((bundles[golden.bundle], golden))
    _replay_all(goldens)
    rates, answers = [], 0
    for _ in range(runs):
        gc.collect()
        answers, seconds = _replay_all(goldens)
        rates.append(answers / seconds)
    result.samples = {"answers_per_second": rates}
    result.stats = Stats.of(rates)
    result.value = statistics.median(rates)
    result.notes.append(
        f"{len(goldens)} golden files, {answers} answers per replay, {runs} replays; "
        "min is the slowest replay"
    )
    return result.judge(result.value >= 5000)
