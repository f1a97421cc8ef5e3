"""What starting the assistant imports: only what the first question needs (issue 20).

Each start is a fresh interpreter (the imports of this test process would hide the
answer). A first start reads the flow's YAML and fills the flow cache; every later start
takes the flow from the cache and must not import PyYAML at all (8 ms of ``--plain``'s
start). Timings belong to ``make bench``; these tests only check what is imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Starts plain mode on empty input (it shows the first question, then stops), then says
#: which of the modules named on the command line were imported.
PLAIN_START = """
import sys
from assistant.__main__ import main
main(["--plain", "--no-save"])
print("imported:", sorted(name for name in sys.argv[1:] if name in sys.modules), file=sys.stderr)
"""


def _plain_start(tmp_path: Path, *watched: str) -> str:
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "C.UTF-8",
    }
    env.pop("SUPPORT_PLAN_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-c", PLAIN_START, *watched],
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
    assert _plain_start(tmp_path, "yaml") == "imported: ['yaml']"
    assert _plain_start(tmp_path, "yaml") == "imported: []"
