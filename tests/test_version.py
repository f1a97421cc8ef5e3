"""``--version`` on every way in: the program, python -m assistant, and every command."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from support_plan_cli import ROOT, support_plan

from assistant.cli import SUBCOMMANDS

VERSION = re.compile(r"support-plan \d+\.\d+\.\d+\n")


@pytest.mark.parametrize("command", [None, *SUBCOMMANDS])
def test_every_command_says_its_version(command: str | None) -> None:
    result = support_plan(*([command] if command else []), "--version")
    assert result.returncode == 0, result.stderr
    assert VERSION.fullmatch(result.stdout), result.stdout


def test_the_installed_script_says_its_version_too() -> None:
    script = ROOT / ".venv" / "bin" / "support-plan"
    if not script.exists():
        pytest.skip("not installed in .venv")
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and VERSION.fullmatch(result.stdout)
    assert result.stdout == support_plan("--version").stdout
    assert sys.executable  # the module form above ran under this interpreter
