"""The core never imports Textual or Rich: proved in a fresh interpreter per package."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "assistant.engine.session",
    "assistant.flow.bundle",
    "assistant.flow.cli",
    "assistant.i18n",
    "assistant.plain.console",
    "assistant.safety",
    "assistant.cli",
    "assistant.frontends",
]
OPTIONAL_CORE = [
    "assistant.money",
    "assistant.store",
    "assistant.plan",
    "assistant.transcript",
    "assistant.rules",
]


@pytest.mark.parametrize("module", CORE + OPTIONAL_CORE)
def test_core_module_does_not_import_textual_or_rich(module: str) -> None:
    code = (
        "import importlib, sys\n"
        f"try:\n    importlib.import_module({module!r})\n"
        "except ModuleNotFoundError as e:\n"
        f"    print('MISSING' if e.name == {module!r} else 'ERR'); raise SystemExit(0)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(' '.join(bad) or 'CLEAN')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    if result.stdout.strip() == "MISSING" and module in OPTIONAL_CORE:
        pytest.skip(f"{module} is not built yet")
    assert result.stdout.strip() == "CLEAN", result.stdout + result.stderr
