"""Budgets 3 and 9: the Textual app through whole conversations on a real terminal.

Each conversation runs :mod:`tests.bench.children.app_driver` on an 80×24 pty with
autosave on (a store under ``bench-results/``), as a person who agreed to saving would
use it. This process only types the keys the driver asks for and keeps reading the
terminal; all timing is done inside the app (see the driver's docstring). One extra
conversation with saving off separates the cost of the autosave.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from assistant.engine.session import Session
from assistant.flow.loading import load_bundle
from assistant.paths import ROOT, bundle_path

from . import autopilot
from .harness import Result, fill
from .pty_run import Terminal

TIMEOUT = 300.0


def conversation(
    env: dict[str, str], pick: str, store: Path | None, profile: Path | None = None
) -> dict[str, Any]:
    """One whole conversation; the driver's report (latencies in s, peak RSS in KiB).

    With ``profile``, the app runs under pyinstrument and its profile is written there.
    """
    readable, writable = os.pipe()
    child_env = dict(env, BENCH_CONTROL_FD=str(writable), BENCH_PICK=pick)
    if profile is not None:
        child_env["BENCH_PROFILE"] = str(profile)
    if store is not None:
        child_env["BENCH_STORE"] = str(store)
    argv = [sys.executable, "-m", "tests.bench.children.app_driver"]
    terminal = Terminal.start(argv, child_env, str(ROOT), pass_fds=[writable])
    os.close(writable)
    pending = b""
    deadline = time.perf_counter() + TIMEOUT
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([terminal.master, readable], [], [], 1.0)
            if terminal.master in ready and not terminal.read(0):
                break
            if readable not in ready:
                continue
            chunk = os.read(readable, 65536)
            if not chunk:
                break
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                message = json.loads(line)
                if "done" in message:
                    _let_exit(terminal, 120.0 if "BENCH_PROFILE" in child_env else 20.0)
                    return dict(message["done"])
                if "error" in message:
                    raise RuntimeError(f"app driver: {message}")
                for key in message["keys"]:
                    terminal.write(key)
        tail = terminal.output[-800:].decode(errors="replace")
        raise RuntimeError(f"the app driver stopped before the end; terminal: {tail!r}")
    finally:
        os.close(readable)
        terminal.stop()


def _let_exit(terminal: Terminal, timeout: float = 20.0) -> None:
    """Keep reading the terminal while the app closes (and writes its profile, if any)."""
    deadline = time.perf_counter() + timeout
    while terminal.process.poll() is None and time.perf_counter() < deadline:
        terminal.read(0.1)


def warm_up(env: dict[str, str]) -> None:
    """One untimed conversation, so the measured ones start from warm caches.

    Children keep their byte code in ``bench-results/pycache`` (see ``child_env``), so the
    first app process after a fresh checkout or a change compiles every module it imports,
    Textual's too: that process was 6 MiB larger from its first step to its end (52 against
    46 MiB at the first question), and its key presses paid for compiling.
    """
    conversation(env, "first", None)


def growth_per_100_steps(report: dict[str, Any]) -> float:
    """How resident memory grows after the first section: MiB per 100 steps (least squares).

    The first section (the flow's first module) is left out: it makes the conversation's
    screens and warms Textual's caches, once. What is left should be flat.
    """
    keys: list[str] = report["step_keys"]
    first = keys[0].split(".")[0]
    start = next((i for i, key in enumerate(keys) if key.split(".")[0] != first), len(keys))
    resident: list[int] = report["rss_steps_kib"]
    points = [(i, kib / 1024) for i, kib in enumerate(resident) if i >= start]
    if len(points) < 2:
        return 0.0
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return 100 * sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def bench_app(runs: int, env: dict[str, str], workdir: Path) -> list[Result]:
    """Budget 3 (key to next question, with autosave), budget 9 (peak RSS), and 3b (no save)."""
    key = Result(
        3,
        "A key press to the next question fully rendered (in the app)",
        "median ≤ 8 ms, p99 ≤ 16 ms",
        "ms",
    )
    rss = Result(
        9,
        "Peak RSS of the Textual app through a whole conversation",
        "≤ 45 MiB, no growth after the first section",
        "MiB",
    )
    try:
        import assistant.ui.app  # noqa: F401 - is the app there yet?
    except ImportError as error:
        reason = f"the Textual app cannot be imported yet ({error})"
        return [key.skip(reason), rss.skip(reason)]
    bundle = load_bundle(bundle_path("england"))
    picks = ["first", autopilot.longest_varied(lambda: Session(bundle))]
    latencies: list[float] = []
    peaks: list[float] = []
    firsts: list[float] = []
    growths: list[float] = []
    warm_up(env)
    for run in range(runs):
        for pick in picks:
            report = conversation(env, pick, workdir / f"app-{run}-{pick}.sqlite3")
            latencies.extend(report["latencies"])
            peaks.append(report["maxrss_kib"] / 1024)
            firsts.append(report["first_step_maxrss_kib"] / 1024)
            growths.append(growth_per_100_steps(report))
            rss.samples[f"rss_steps_kib {pick} {run}"] = report["rss_steps_kib"]
    stats = fill(key, latencies, 1e3)
    key.notes.append(
        f"{runs * len(picks)} whole England conversations with autosave on ({', '.join(picks)}); "
        "from the key event reaching the app to the first refresh after the next step is shown"
    )
    key.judge(stats.median <= 8 and stats.p99 <= 16)
    per_step = rss.samples
    rss_stats = fill(rss, [p * 1e-3 for p in peaks], 1e3)
    rss.samples.update(per_step)
    rss.samples["growth_mib_per_100_steps"] = growths
    rss.notes.append(
        f"peak RSS (VmHWM) of the app process at the end of each conversation "
        f"({len(peaks)} runs); {firsts[0]:.1f} MiB when the first step was on screen; "
        f"after the first section it grew {', '.join(f'{g:+.2f}' for g in growths)} MiB "
        "per 100 steps (resident, least squares)"
    )
    rss.judge(rss_stats.maximum <= 45 and max(growths) <= 0.1)
    unsaved = Result("3b", "… the same with saving off", "(information)", "ms")
    fill(unsaved, conversation(env, "first", None)["latencies"], 1e3)
    unsaved.status = "INFO"
    return [key, rss, unsaved]


@contextmanager
def busy_cores(count: int | None = None) -> Iterator[int]:
    """One CPU-bound process per core (``count`` to choose) while the block runs; yields how many.

    They are plain busy loops at normal priority, as another program compiling or a second
    app's start would be; they are stopped (by their own process ids) when the block ends.
    """
    count = count or os.cpu_count() or 2
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])  # noqa: S603 - fixed
        for _ in range(count)
    ]
    try:
        time.sleep(0.5)  # let them take their cores
        yield count
    finally:
        for spinner in spinners:
            spinner.kill()
        for spinner in spinners:
            spinner.wait()


def bench_app_loaded(runs: int, env: dict[str, str], workdir: Path) -> Result:
    """Budget 12: budget 3's key press, measured beside a busy process on every core."""
    key = Result(
        12,
        "… the same beside a CPU-bound process on each core",
        "median ≤ 16 ms, p99 ≤ 33 ms",
        "ms",
    )
    try:
        import assistant.ui.app  # noqa: F401 - is the app there yet?
    except ImportError as error:
        return key.skip(f"the Textual app cannot be imported yet ({error})")
    bundle = load_bundle(bundle_path("england"))
    picks = ["first", autopilot.longest_varied(lambda: Session(bundle))]
    latencies: list[float] = []
    warm_up(env)
    with busy_cores() as cores:
        load = os.getloadavg()[0]
        for run in range(runs):
            for pick in picks:
                store = workdir / f"app-loaded-{run}-{pick}.sqlite3"
                latencies.extend(conversation(env, pick, store)["latencies"])
        load_after = os.getloadavg()[0]
    stats = fill(key, latencies, 1e3)
    key.notes.append(
        f"{runs * len(picks)} whole England conversations with autosave on, beside {cores} "
        f"busy processes (load average {load:.1f} at the start, {load_after:.1f} at the end)"
    )
    return key.judge(stats.median <= 16 and stats.p99 <= 33)
