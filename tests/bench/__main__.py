"""``make bench``: run the benchmark suite, print the budget table, write JSON.

Usage: ``.venv/bin/python -m tests.bench [--quick] [--only 1,4,6]``

The table goes to standard output as Markdown (ready for the README's Performance
section); progress goes to standard error. Results, raw samples included, are written to
``bench-results/bench-<time>.json`` and ``bench-results/latest.json``, and the table to
``bench-results/latest.md``. The exit code is 0 even when a budget is missed: a miss is a
finding to report, not a crash. It is 2 if a benchmark itself broke.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench-results"


def _private_homes() -> None:
    """Point the assistant's cache, data and config folders into bench-results/.

    The suite then never touches the user's own saved conversations or flow cache, and
    every child process inherits the same folders (so the flow cache warms once).
    """
    for name in ("CACHE", "DATA", "CONFIG", "STATE"):
        folder = RESULTS / "xdg" / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[f"XDG_{name}_HOME"] = str(folder)
    os.environ.pop("SUPPORT_PLAN_STORE", None)
    os.environ.pop("SUPPORT_PLAN_CACHE", None)


def child_env() -> dict[str, str]:
    """The environment of programs run on a pty: a plain xterm, British English by default.

    Byte-code is cached (in bench-results/pycache, not beside the sources) even where
    PYTHONDONTWRITEBYTECODE is set, so starts are measured with warm .pyc files, as
    people's installed copies have and as in the baselines.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    for name in ("COLUMNS", "LINES", "NO_COLOR", "LC_ALL", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    env.update(
        TERM="xterm-256color",
        LANG="C.UTF-8",
        PYTHONPATH=str(ROOT),
        PYTHONPYCACHEPREFIX=str(RESULTS / "pycache"),
    )
    return env


def _runs(quick: bool) -> dict[str, int]:
    if quick:
        return {"start": 5, "app": 1, "engine": 5, "goldens": 20, "flows": 10, "big": 3, "store": 1}
    return {"start": 15, "app": 1, "engine": 20, "goldens": 100, "flows": 30, "big": 5, "store": 3}


def _plan(quick: bool, workdir: Path) -> list[tuple[set[int], Callable[[], Any]]]:
    """(budget numbers, function returning a Result or a list of them), in running order."""
    from . import bench_app, bench_engine, bench_flows, bench_helpline, bench_startup, bench_store

    runs, env = _runs(quick), child_env()
    # Programs on a pty first, while this process is still small (it forks them).
    return [
        ({1}, lambda: bench_startup.bench_app_start(runs["start"], env)),
        ({2}, lambda: bench_startup.bench_plain_start(runs["start"], env)),
        ({3, 9}, lambda: bench_app.bench_app(runs["app"], env, workdir)),
        ({6}, lambda: bench_flows.bench_shipped(runs["flows"])),
        ({7}, lambda: bench_flows.bench_generated(runs["big"], workdir)),
        ({4}, lambda: bench_engine.bench_answer(runs["engine"])),
        ({5}, lambda: bench_engine.bench_goldens(runs["goldens"])),
        ({8}, lambda: bench_store.bench_autosave(runs["store"], workdir)),
        ({11}, lambda: bench_helpline.bench_served_memory(workdir, env)),
        ({10}, lambda: bench_helpline.bench_advisers(workdir)),
    ]


def _git() -> dict[str, Any]:
    def run(*args: str) -> str:
        try:
            done = subprocess.run(  # noqa: S603 - fixed git commands
                ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
            )
            return done.stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    changed = run("status", "--porcelain", "--", "assistant", "flows")
    return {"commit": run("rev-parse", "HEAD"), "uncommitted_changes": bool(changed)}


def _machine() -> dict[str, Any]:
    from importlib.metadata import version

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "loadavg": os.getloadavg(),
        "textual": version("textual"),
        "transitions": version("transitions"),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks; print the table; write JSON and Markdown."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--only", metavar="N,N", help="budget numbers to run, e.g. 1,4,6")
    args = parser.parse_args(argv)
    only = {int(n) for n in args.only.split(",")} if args.only else None
    _private_homes()
    sys.path.insert(0, str(ROOT))
    from .harness import Result, markdown_table

    started = dt.datetime.now(dt.UTC)
    machine = _machine()
    results: list[Result] = []
    broken = False
    workdir = Path(tempfile.mkdtemp(prefix="work-", dir=RESULTS))
    try:
        for numbers, bench in _plan(args.quick, workdir):
            if only is not None and not numbers & only:
                continue
            print(f"budget {', '.join(map(str, sorted(numbers)))} ...", file=sys.stderr, flush=True)
            begun = time.perf_counter()
            try:
                produced = bench()
            except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
                broken = True
                traceback.print_exc()
                produced = [
                    Result(n, "(benchmark failed)", "", "").skip(
                        "the benchmark raised an error; see the log"
                    )
                    for n in sorted(numbers)
                ]
            made = produced if isinstance(produced, list) else [produced]
            results.extend(made)
            for result in made:
                print(
                    f"  {result.number}: {result.status} ({time.perf_counter() - begun:.0f} s)",
                    file=sys.stderr,
                )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    results.sort(key=lambda r: (int(str(r.number)[0]), str(r.number)))
    machine["loadavg_after"] = os.getloadavg()
    table = markdown_table(results)
    report = {
        "format": 1,
        "started": started.isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": machine,
        "git": _git(),
        "results": [r.as_json() for r in results],
    }
    stamp = started.strftime("%Y%m%d-%H%M%S")
    text = json.dumps(report, indent=1, ensure_ascii=False)
    for name in (f"bench-{stamp}.json", "latest.json"):
        (RESULTS / name).write_text(text, encoding="utf-8")
    (RESULTS / "latest.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    print()
    for result in results:
        for note in result.notes:
            print(f"- {result.number}: {note}")
    load = ", ".join(f"{x:.1f}" for x in machine["loadavg"])
    print(f"\nLoad average before: {load}; results in {RESULTS.relative_to(ROOT)}/latest.json")
    return 2 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
