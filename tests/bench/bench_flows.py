"""Budgets 6 and 7: loading and checking flows.

6. Every bundle shipped in ``flows/``, loaded the way the assistant loads it at start-up
   (:func:`load_bundle`, which may use the validated cache), warm: after one untimed load.
7. A generated 2,000-step bundle (:mod:`tests.bench.flowgen`) loaded and checked from
   its YAML with every check, as ``support-plan check`` and a first start do (no cache).

The full uncached check of the shipped flows, and the 2,000-step flow from the cache, are
extra rows so the cost of each part stays visible.
"""

from __future__ import annotations

from pathlib import Path

from assistant.flow.loading import find_bundles, load_bundle, read_bundle
from assistant.paths import flows_dir

from .flowgen import write_bundle
from .harness import Result, fill, repeat


def _shipped() -> list[Path]:
    return find_bundles(flows_dir())


def _check_all(paths: list[Path]) -> int:
    steps = 0
    for path in paths:
        bundle, problems = read_bundle(path)
        if problems or bundle is None:
            raise RuntimeError(f"{path} has problems; run 'support-plan check'")
        steps += len(bundle.steps)
    return steps


def bench_shipped(runs: int) -> list[Result]:
    """Budget 6 (as loaded at start-up) and the same bundles fully re-checked, warm."""
    paths = _shipped()
    names = ", ".join(p.name for p in paths)
    steps = _check_all(paths)
    result = Result(6, "Loading and checking the shipped flows, warm", "≤ 50 ms", "ms")
    stats = fill(result, repeat(lambda: [load_bundle(p) for p in paths], runs, warmup=2), 1e3)
    result.notes.append(f"load_bundle of {names} ({steps} steps) in one process, {runs} runs")
    result.judge(stats.median <= 50)
    full = Result("6b", "… the same with a full parse and check (no cache)", "(information)", "ms")
    fill(full, repeat(lambda: _check_all(paths), runs, warmup=1), 1e3)
    full.status = "INFO"
    full.notes.append("read_bundle: what 'support-plan check flows/' does")
    return [result, full]


def bench_generated(runs: int, workdir: Path) -> list[Result]:
    """Budget 7: a 2,000-step flow, parsed and checked from YAML; then from the cache."""
    root = write_bundle(workdir / "generated")
    bundle, problems = read_bundle(root)
    if problems or bundle is None:
        raise RuntimeError(f"the generated flow has problems: {problems[:3]}")
    result = Result(
        7, f"Loading and checking a generated {len(bundle.steps):,}-step flow", "≤ 500 ms", "ms"
    )
    stats = fill(result, repeat(lambda: read_bundle(root), runs, warmup=1), 1e3)
    result.notes.append(
        f"read_bundle (no cache) of {len(bundle.modules)} modules, {len(bundle.steps)} steps, "
        f"{runs} runs"
    )
    result.judge(stats.median <= 500)
    cached = Result(
        "7b", "… the same flow again through load_bundle (cache)", "(information)", "ms"
    )
    fill(cached, repeat(lambda: load_bundle(root), runs, warmup=1), 1e3)
    cached.status = "INFO"
    return [result, cached]
