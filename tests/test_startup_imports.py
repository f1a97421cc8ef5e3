"""What starting the assistant imports: only what the first question needs (issue 20).

Each start is a fresh interpreter (the imports of this test process would hide the
answer). A first start reads the flow's YAML and fills the flow cache; every later start
takes the flow from the cache and must not import PyYAML at all (8 ms of ``--plain``'s
start); a start with flags only must not import argparse (see assistant.cli_flags). Timings belong to ``make bench``; these tests only check what is imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Starts plain mode on empty input (it shows the first question, then stops), then says
#: which of the modules named (comma-separated) on its command line were imported; the
#: rest of its command line is added to the assistant's.
PLAIN_START = """
import sys
from assistant.__main__ import main
watched, extra = sys.argv[1].split(","), sys.argv[2:]
main(["--plain", "--no-save", *extra])
print("imported:", sorted(name for name in watched if name in sys.modules), file=sys.stderr)
"""


def _plain_start(tmp_path: Path, *watched: str, extra: Sequence[str] = ()) -> str:
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
    }
    env.pop("SUPPORT_PLAN_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-c", PLAIN_START, ",".join(watched), *extra],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Type the number of your answer." in done.stdout  # the first question was asked
    return done.stderr.strip().splitlines()[-1]


def test_plain_mode_with_the_flow_cached_never_imports_pyyaml(tmp_path: Path) -> None:
    # The first start has no cache: it parses the YAML (so the check below can see yaml).
    assert _plain_start(tmp_path, "yaml", "argparse") == "imported: ['yaml']"
    assert _plain_start(tmp_path, "yaml", "argparse") == "imported: []"


def test_a_start_with_flags_only_never_imports_argparse(tmp_path: Path) -> None:
    # (the same start with an option taking a value imports it, so the check can see it)
    assert _plain_start(tmp_path, "argparse") == "imported: []"
    assert _plain_start(tmp_path, "argparse", extra=["--lang", "en_GB"]) == "imported: ['argparse']"


def test_the_full_screen_start_does_not_load_the_line_front_end() -> None:
    """The app's start (``assistant.frontends`` → ``assistant.ui.launch``) needs nothing of
    plain mode: its line reader and terminal dialogue load only when plain mode runs, or
    when the app has closed and has something to say on the terminal."""
    check = (
        "import sys, assistant.frontends, assistant.ui.launch\n"
        "print(sorted(m for m in sys.modules if m.startswith('assistant.plain')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
