"""Budgets 10 and 11: a helpline's shared PostgreSQL store, and the app as ``serve`` runs it.

**10.** 200 simulated advisers at once (4 processes of 50 threads, one organisation per
process) against one local PostgreSQL with fsync on, each with a store (and pool) of its
own as a served app process has. Each adviser completes whole England conversations,
answer by answer as the app commits them (``append_many``: the answer and the screen it
leads to), pausing a random 0.1-0.5 s between answers (a busy call centre answers far
slower). Reported: the commit time of every answer (p50, p99; budget p99 ≤ 20 ms), events
lost (each case is read back and compared with what was sent: budget 0), and reads across
organisations (each adviser asks for another organisation's cases: budget 0).

**11.** Peak RSS of one app process as ``serve`` starts it (textual-serve's web driver,
the PostgreSQL store) through a whole England conversation: the budget-9 driver
(:mod:`tests.bench.children.app_driver`), fed keys the way textual-serve feeds them.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from assistant.engine.events import Event
from assistant.paths import ROOT

from .harness import Result, fill

ADVISERS = int(os.environ.get("BENCH_ADVISERS", "200"))
PROCESSES = 4
CONVERSATIONS = int(os.environ.get("BENCH_CONVERSATIONS", "2"))
THINK = (0.1, 0.5)


def _answers() -> list[list[Event]]:
    from .bench_store import _answers as england_answers

    return england_answers()


def _adviser(
    url: str, org: str, name: str, groups: list[list[Event]], others: list[str], out: dict[str, Any]
) -> None:
    """One adviser: whole conversations, then a read of another organisation's case."""
    from assistant.store import StoreError, UnknownReference
    from assistant.store.postgres import PostgresStore

    rng = random.Random(name)
    times: list[float] = []
    lost = crossed = errors = 0
    try:
        with PostgresStore(url, organisation=org, adviser=name) as store:
            mine = []
            for _ in range(CONVERSATIONS):
                reference = store.create(bundle="england", locale="en_GB", mode="adviser_call")
                mine.append(reference)
                for group in groups:
                    time.sleep(rng.uniform(*THINK))
                    begun = time.perf_counter()
                    store.append_many(reference, group)
                    times.append(time.perf_counter() - begun)
                sent = [e for g in groups for e in g]
                if store.events(reference) != sent:
                    lost += 1
            for reference in others:
                try:
                    store.events(reference)
                    crossed += 1
                except UnknownReference:
                    pass
            listed = {c.reference for c in store.conversations()}
            crossed += len(listed & set(others))
            out["mine"] = mine
    except StoreError as error:
        errors += 1
        out["error"] = error.message
    out.update(times=times, lost=lost, crossed=crossed, errors=errors)


def _organisation(url: str, org: str, count: int, others: list[str], queue: Any) -> None:
    """One process: ``count`` advisers of one organisation, as threads."""
    os.environ["SUPPORT_PLAN_POOL_SIZE"] = "1"
    groups = _answers()
    results: list[dict[str, Any]] = [{} for _ in range(count)]
    threads = [
        threading.Thread(target=_adviser, args=(url, org, f"{org}-{i}", groups, others, results[i]))
        for i in range(count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(results)


def bench_advisers(workdir: Path) -> Result:
    """Budget 10 (see the module docstring)."""
    result = Result(
        10,
        f"{ADVISERS} advisers at once on one PostgreSQL: answer commit",
        "p99 ≤ 20 ms, 0 lost, 0 cross-org",
        "ms",
    )
    sys.path.insert(0, str(ROOT / "tests"))
    from pgcluster import Cluster, missing_reason

    reason = missing_reason()
    if reason is not None:
        return result.skip(reason)
    cluster = Cluster(fsync=True).start()
    try:
        url = cluster.create_database("helpline")
        os.environ["XDG_DATA_HOME"] = str(workdir / "keys")
        seed = _seed_other_organisation(url)
        context = multiprocessing.get_context("fork")
        queue = context.Queue()
        per = ADVISERS // PROCESSES
        begun = time.perf_counter()
        workers = [
            context.Process(target=_organisation, args=(url, f"org{p}", per, seed, queue))
            for p in range(PROCESSES)
        ]
        for worker in workers:
            worker.start()
        outcomes = [entry for _ in workers for entry in queue.get(timeout=1800)]
        for worker in workers:
            worker.join()
        took = time.perf_counter() - begun
    finally:
        cluster.stop()
    times = [t for o in outcomes for t in o.get("times", [])]
    lost = sum(o.get("lost", 0) for o in outcomes)
    crossed = sum(o.get("crossed", 0) for o in outcomes)
    errors = [o["error"] for o in outcomes if "error" in o]
    stats = fill(result, times, 1e3)
    cases = sum(len(o.get("mine", [])) for o in outcomes)
    result.notes.append(
        f"{len(outcomes)} advisers in {PROCESSES} organisations, {cases} whole England cases, "
        f"{len(times)} answers committed in {took:.0f} s ({len(times) / took:.0f}/s), fsync on; "
        f"lost events: {lost} cases; cross-organisation reads: {crossed}; errors: {len(errors)}"
        + (f" (first: {errors[0]})" if errors else "")
    )
    return result.judge(
        stats.p99 <= 20
        and lost == 0
        and crossed == 0
        and not errors
        and cases == ADVISERS * CONVERSATIONS
    )


def _seed_other_organisation(url: str) -> list[str]:
    """Cases of an organisation none of the advisers belongs to: they must never read them."""
    from assistant.store.postgres import PostgresStore

    with PostgresStore(url, organisation="elsewhere", adviser="seed") as store:
        return [store.create(bundle="england", locale="en_GB", mode="self") for _ in range(3)]


def bench_served_memory(workdir: Path, env: dict[str, str]) -> Result:
    """Budget 11 (see the module docstring)."""
    result = Result(
        11,
        "Peak RSS of one served app process (web driver, PostgreSQL) through a whole conversation",
        "report",
        "MiB",
    )
    sys.path.insert(0, str(ROOT / "tests"))
    from pgcluster import Cluster, missing_reason

    reason = missing_reason()
    if reason is not None:
        return result.skip(reason)
    cluster = Cluster().start()
    try:
        url = cluster.create_database("served")
        report = _served_conversation(dict(env, XDG_DATA_HOME=str(workdir / "keys")), url)
    finally:
        cluster.stop()
    peak = report["maxrss_kib"] / 1024
    fill(result, [peak], 1)
    result.notes.append(
        f"VmHWM of the app process at the end of a whole England conversation ({len(report['latencies'])} "
        f"answers) with TEXTUAL_DRIVER=web driver and a postgresql:// store; "
        f"{report['first_step_maxrss_kib'] / 1024:.1f} MiB at the first step"
    )
    return result.judge(True)


def _served_conversation(env: dict[str, str], url: str) -> dict[str, Any]:
    """The budget-9 driver run as textual-serve runs an app: packets on stdin and stdout."""
    from textual_serve.app_service import AppService

    readable, writable = os.pipe()
    child_env = dict(env, BENCH_CONTROL_FD=str(writable), BENCH_PICK="first", BENCH_STORE=url)
    child_env.update(
        TEXTUAL_DRIVER="textual.drivers.web_driver:WebDriver",
        TEXTUAL_FPS="60",
        TEXTUAL_COLOR_SYSTEM="truecolor",
        TERM_PROGRAM="textual",
        COLUMNS="100",
        ROWS="30",
        SUPPORT_PLAN_ADVISER="bench",
    )
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.bench.children.app_driver"],
        cwd=ROOT,
        env=child_env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        pass_fds=[writable],
    )
    os.close(writable)
    assert child.stdin is not None and child.stdout is not None
    drain = threading.Thread(
        target=lambda: [None for _ in iter(lambda: child.stdout.read(65536), b"")], daemon=True
    )  # type: ignore[union-attr]
    drain.start()
    pending = b""
    try:
        with os.fdopen(readable, "rb", buffering=0) as control:
            while True:
                chunk = control.read(65536)
                if not chunk:
                    raise RuntimeError("the app driver stopped before the end")
                pending += chunk
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    message = json.loads(line)
                    if "done" in message:
                        return dict(message["done"])
                    if "error" in message:
                        raise RuntimeError(f"app driver: {message}")
                    for key in message["keys"]:
                        child.stdin.write(AppService.encode_packet(b"D", key.encode()))
                    child.stdin.flush()
    finally:
        child.kill()
        child.wait()
