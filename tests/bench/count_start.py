"""Budget 1 counted rather than timed: instructions to the first frame, app and bare app.

On the 2-core project machine a start's wall-clock time moves by a tenth with whatever
else is running; the number of instructions a start executes before its first frame is
written hardly moves at all, so a change of a few milliseconds shows up even on a busy
machine. Each side runs under ``valgrind --tool=callgrind`` on an 80×24 pty (as
``make bench`` runs row 1) and stops as soon as its first frame is written (see
``children/first_frame``). Each runs twice and the second count is reported, so byte
code is warm, as on every start but the first.

Usage: ``.venv/bin/python -m tests.bench.count_start`` (needs valgrind; about two
minutes). The README's budget 1 notes give these counts alongside the timed ratio.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

from assistant.paths import ROOT

from .__main__ import child_env
from .bench_startup import CHILDREN, _support_plan
from .pty_run import Terminal

FIRST_FRAME = CHILDREN / "first_frame"
SIDES = {
    "support-plan --no-save": [_support_plan(), "--no-save"],
    "bare Textual app": [sys.executable, str(CHILDREN / "bare_app.py")],
}


def instructions(report: str) -> int:
    """The instructions counted, from a callgrind output file's ``summary:`` line."""
    found = re.search(r"^(?:summary|totals):\s*(\d+)", report, re.MULTILINE)
    if found is None:
        raise ValueError("no 'summary:' or 'totals:' line: did valgrind finish?")
    return int(found.group(1))


def count(argv: list[str], timeout: float = 300.0) -> int:
    """Instructions ``argv`` executes on a pty until its first frame is written."""
    env = dict(child_env(), PYTHONPATH=f"{FIRST_FRAME}:{ROOT}")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv]
        terminal = Terminal.start(command, env, str(ROOT))
        deadline = time.perf_counter() + timeout
        try:
            while terminal.process.poll() is None and time.perf_counter() < deadline:
                terminal.read(0.5)
        finally:
            terminal.stop()
        return instructions(out.read_text(encoding="utf-8", errors="replace"))


def main() -> int:
    """Count both sides (twice each, the second reported) and print the ratio."""
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: nothing to count", file=sys.stderr)
        return 1
    counts = {}
    for name, argv in SIDES.items():
        count(argv)  # the first run may compile byte code
        counts[name] = count(argv)
        print(f"{name}: {counts[name] / 1e6:,.1f} million instructions to the first frame")
    app, bare = counts.values()
    print(f"ratio {app / bare:.3f} ({(app - bare) / 1e6:,.1f} million more than the bare app)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
