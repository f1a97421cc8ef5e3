"""The core never imports Textual or Rich: proved in a fresh interpreter per package."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = [
    "assistant.engine.session",
    "assistant.engine.reports",
    "assistant.flow.bundle",
    "assistant.flow.cli",
    "assistant.i18n",
    "assistant.plain.console",
    "assistant.safety",
    "assistant.cli",
    "assistant.frontends",
    "assistant.money",
    "assistant.money.report",
    "assistant.rules",
    "assistant.store",
    "assistant.plan",
    "assistant.plan.files",
    "assistant.transcript",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_does_not_import_textual_or_rich(module: str) -> None:
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(' '.join(bad) or 'CLEAN')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "CLEAN", result.stdout + result.stderr
