"""Timing, statistics and reporting shared by every benchmark.

Each benchmark returns a :class:`Result`: its samples, the budget it is held to and a
PASS / MISS verdict, or NOT MEASURED with the reason. Comparisons are measured A, B, A, B
in one run (so a busy moment on the shared machine hurts both sides alike) and judged on
the ratio of the medians.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PASS, MISS, NOT_MEASURED = "PASS", "MISS", "NOT MEASURED"


@dataclass(frozen=True)
class Stats:
    """Median, minimum, maximum and 99th percentile (nearest rank) of some samples."""

    n: int
    median: float
    minimum: float
    maximum: float
    p99: float

    @classmethod
    def of(cls, samples: list[float]) -> Stats:
        """Summarise ``samples`` (which must not be empty)."""
        ordered = sorted(samples)
        rank = max(math.ceil(0.99 * len(ordered)) - 1, 0)
        return cls(len(ordered), statistics.median(ordered), ordered[0], ordered[-1], ordered[rank])


@dataclass
class Result:
    """One row of the table. ``unit`` is how the numbers are shown (s, ms, µs, MiB, /s, ×)."""

    number: int | str
    title: str
    budget: str
    unit: str
    status: str = NOT_MEASURED
    stats: Stats | None = None
    value: float | None = None
    ratio: float | None = None
    sides: dict[str, Stats] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def judge(self, ok: bool) -> Result:
        """Record PASS or MISS."""
        self.status = PASS if ok else MISS
        return self

    def skip(self, reason: str) -> Result:
        """NOT MEASURED, saying why (shown in the table and kept in the JSON)."""
        self.status = NOT_MEASURED
        self.notes.append(reason)
        return self

    def as_json(self) -> dict[str, Any]:
        """Everything, raw samples included, for bench-results/*.json."""
        return {
            "number": self.number,
            "title": self.title,
            "budget": self.budget,
            "unit": self.unit,
            "status": self.status,
            "stats": _stats_json(self.stats),
            "value": self.value,
            "ratio": self.ratio,
            "sides": {name: _stats_json(s) for name, s in self.sides.items()},
            "samples": self.samples,
            "notes": self.notes,
        }


def _stats_json(stats: Stats | None) -> dict[str, float] | None:
    if stats is None:
        return None
    return {
        "n": stats.n,
        "median": stats.median,
        "min": stats.minimum,
        "max": stats.maximum,
        "p99": stats.p99,
    }


def repeat(
    fn: Callable[[], Any], runs: int, *, warmup: int = 1, collect: bool = True
) -> list[float]:
    """Seconds taken by each of ``runs`` calls of ``fn``, after ``warmup`` untimed calls.

    ``gc.collect()`` runs before each timed call so one call's garbage is not billed to the
    next, as in the baselines.
    """
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        if collect:
            gc.collect()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def interleave(
    sides: dict[str, Callable[[], float]], runs: int, *, warmup: int = 1
) -> dict[str, list[float]]:
    """Run each side in turn (A, B, A, B, ...) ``runs`` times; each call returns its own time."""
    for _ in range(warmup):
        for fn in sides.values():
            fn()
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(runs):
        for name, fn in sides.items():
            samples[name].append(fn())
    return samples


def compare(result: Result, samples: dict[str, list[float]], scale: float = 1000.0) -> float:
    """Fill ``result`` from interleaved samples (first side over second); return the ratio.

    The verdict uses the ratio of the two medians. The row's min and max are those of the
    pairwise ratios (run i of A over run i of B), which shows how steady the comparison was.
    """
    (a_name, a), (b_name, b) = samples.items()
    result.sides = {
        a_name: Stats.of([x * scale for x in a]),
        b_name: Stats.of([x * scale for x in b]),
    }
    result.samples = {name: [x * scale for x in values] for name, values in samples.items()}
    ratio = statistics.median(a) / statistics.median(b)
    result.ratio = result.value = ratio
    result.stats = Stats.of([x / y for x, y in zip(a, b, strict=True)])
    result.notes.append(
        f"{a_name} {result.sides[a_name].median:.0f} ms vs {b_name} "
        f"{result.sides[b_name].median:.0f} ms (medians of {len(a)} interleaved runs each)"
    )
    return ratio


def fill(result: Result, seconds: list[float], scale: float) -> Stats:
    """Record ``seconds`` in the result's unit (``scale`` converts: 1e3 for ms, 1e6 for µs)."""
    shown = [s * scale for s in seconds]
    result.samples = {"samples": shown}
    result.stats = Stats.of(shown)
    result.value = result.stats.median
    return result.stats


def number(value: float | None) -> str:
    """A figure with three significant digits or so, as the table shows it."""
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def row_cells(result: Result) -> list[str]:
    """Measured, min, max and p99 cells for one row (p99 only where the budget names it)."""
    stats = result.stats
    if stats is None or result.value is None:
        return ["–", "–", "–", "–"]
    unit = result.unit
    p99 = f"{number(stats.p99)} {unit}" if "p99" in result.budget else "–"
    if result.ratio is not None:
        a, b = list(result.sides.values())
        measured = f"**{result.ratio:.2f}×** ({number(a.median)} / {number(b.median)} ms)"
        return [measured, f"{stats.minimum:.2f}×", f"{stats.maximum:.2f}×", "–"]
    return [
        f"**{number(stats.median)} {unit}**",
        f"{number(stats.minimum)} {unit}",
        f"{number(stats.maximum)} {unit}",
        p99,
    ]


def markdown_table(results: list[Result]) -> str:
    """The table for the README's Performance section."""
    lines = [
        "| # | What | Budget | Median | Min | Max | p99 | Result |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for result in results:
        cells = " | ".join(row_cells(result))
        lines.append(
            f"| {result.number} | {result.title} | {result.budget} | {cells} | {result.status} |"
        )
    return "\n".join(lines)
