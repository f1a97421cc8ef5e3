"""Run ``support-plan`` as a separate program, as a person or a script at a terminal would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def support_plan(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m assistant ARGS`` from the project's folder, with ``stdin`` piped in.

    The exit code is returned, not raised, so a test can assert on it and on stderr.
    """
    return subprocess.run(
        [sys.executable, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=60,
    )
