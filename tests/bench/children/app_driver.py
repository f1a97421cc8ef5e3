"""Budgets 3 and 9, inside the app: the whole England conversation on a real terminal.

Run by :mod:`tests.bench.bench_app` on a pty, as ``python -m tests.bench.children.app_driver``.
The app is the real :class:`AssistantApp` with two measuring hooks:

- when a key event arrives from the terminal driver, the time is noted;
- when the app has shown the engine's next step, a ``call_after_refresh`` callback notes
  the time once that step has been rendered and written to the terminal.

The difference is one key-to-next-question latency. After each step the driver asks the
parent, over the pipe named by ``BENCH_CONTROL_FD``, to type the autopilot's keys for it.
At the end it reports every latency and the peak RSS of this process.
"""

# ruff: noqa: E402 - garbage collection goes off before the imports, as in support-plan
from __future__ import annotations

import gc

gc.disable()  # as support-plan starts (assistant.__main__); the app turns it back on

# The app's package before Textual, as support-plan imports it: it imports asyncio and
# hashlib without OpenSSL (assistant.ui.openssl_free).
import assistant.ui  # noqa: F401

# isort: split

import asyncio
import json
import os
import resource
import time
from pathlib import Path
from typing import Any

from textual import events

from assistant.engine.outputs import AnswerRejected, ConversationEnded, Output, StepShown
from assistant.flow.loading import load_bundle
from assistant.paths import bundle_path
from assistant.ui.app import AssistantApp

from .. import autopilot

CONTROL = int(os.environ["BENCH_CONTROL_FD"])
PICK = os.environ.get("BENCH_PICK", "first")
#: A probe called after each step is drawn (set by memory investigations, never by the bench).
TRACE: Any = None


def peak_rss_kib(field: str = "VmHWM") -> int:
    """This program's peak resident set size so far, in KiB (``field="VmRSS"``: the current).

    Linux's ``VmHWM`` belongs to this program alone; ``ru_maxrss`` would also count the
    parent process it was forked from (Linux keeps the high-water mark across exec).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def send(message: dict[str, Any]) -> None:
    """One JSON line to the parent."""
    os.write(CONTROL, (json.dumps(message) + "\n").encode())


class TimedApp(AssistantApp):
    """The real app, plus the two hooks described above."""

    key_at: float | None = None
    _settled: asyncio.Event | None = None
    first_rss = 0
    latencies: list[float] = []  # noqa: RUF012 - one app per process
    rss_steps: list[int] = []  # noqa: RUF012 - resident KiB after each step is drawn
    step_keys: list[str] = []  # noqa: RUF012 - the step drawn, for each of rss_steps

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.key_at = time.perf_counter()
        await super().on_event(event)

    async def show(self, outputs: list[Output]) -> None:
        await super().show(outputs)
        if any(isinstance(o, AnswerRejected) for o in outputs):
            send({"error": "an autopilot answer was refused", "outputs": repr(outputs)[:400]})
            self.exit(1)
            return
        view = next((o for o in outputs if isinstance(o, StepShown | ConversationEnded)), None)
        if view is not None:
            pressed, self.key_at = self.key_at, None
            self.call_after_refresh(self._rendered, pressed, view)

    def _rendered(self, pressed: float | None, view: StepShown | ConversationEnded) -> None:
        if pressed is not None:
            self.latencies.append(time.perf_counter() - pressed)
        else:
            self.first_rss = peak_rss_kib()
        self.rss_steps.append(peak_rss_kib("VmRSS"))
        self.step_keys.append(view.step)
        if TRACE is not None:
            TRACE(self, view)
        if isinstance(view, ConversationEnded):
            report = {
                "latencies": self.latencies,
                "maxrss_kib": peak_rss_kib(),
                "rss_steps_kib": self.rss_steps,
                "step_keys": self.step_keys,
            }
            send({"done": {**report, "first_step_maxrss_kib": self.first_rss}})
            self.exit(0)
            return
        keys = {"keys": autopilot.screen_keys(view, PICK), "step": view.step}
        if pressed is None:  # the first question: typed once the app has settled
            self.call_later(self._send_when_settled, keys)
        else:
            send(keys)

    async def _send_when_settled(self, keys: dict[str, Any]) -> None:
        """Ask for the first question's keys once the app's loading behind it has finished
        (Babel's data, the crisis phrases, the cost check's rates: see ``App._settle``).

        A person reads the first question for seconds, and in use that loading runs behind
        the start screen anyway; typed within milliseconds, the first answer paid for it
        (or waited for its thread) and was the slowest key press of every conversation,
        which made it budget 3's p99.
        """
        await self.settled.wait()
        await self.workers.wait_for_complete()
        send(keys)

    async def _settle(self) -> None:
        await super()._settle()  # starts the loading behind the first question, if any
        self.settled.set()

    @property
    def settled(self) -> asyncio.Event:
        """Set once the app has settled after its first question (made on first use, on
        the app's event loop)."""
        if self._settled is None:
            self._settled = asyncio.Event()
        return self._settled


def saving() -> Any:
    """The per-event callback for autosave, when ``BENCH_STORE`` names a store file."""
    path = os.environ.get("BENCH_STORE")
    if not path:
        return None
    from assistant.store import open_store
    from assistant.store.recorder import ScreenRecorder

    store = open_store(path)  # a file, or a postgresql:// URL (budget 11)
    reference = store.create(bundle="england", locale="en_GB", mode="self")
    return ScreenRecorder(store, reference)


def main() -> None:
    """Run the conversation to its end (under pyinstrument when ``BENCH_PROFILE`` names a file)."""
    bundle = load_bundle(bundle_path("england"))
    app = TimedApp(bundle, "en_GB", "self", on_event=saving())
    profile = os.environ.get("BENCH_PROFILE")
    if not profile:
        app.run()
        return
    if profile.endswith(".prof"):  # cProfile statistics, for sorting by own time
        import cProfile

        cProfile.runctx("app.run()", globals(), {"app": app}, profile)
        return
    from pyinstrument import Profiler

    with Profiler(interval=0.005, async_mode="disabled") as profiler:
        app.run()
    Path(profile).write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")


if __name__ == "__main__":
    main()
