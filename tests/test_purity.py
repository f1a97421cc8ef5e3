"""The core never imports Textual or Rich: every module outside the app, checked two ways.

Statically, no ``import`` of them appears anywhere in a core module's source, not even
inside a function. Dynamically, importing every core module in a fresh interpreter loads
neither (this also catches one pulled in by a third-party package we use).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "assistant"
#: The Textual app, the module that starts it and the browser server (textual-serve brings
#: Rich) are the only places the UI may live.
FRONT_END = ("assistant.ui", "assistant.__main__", "assistant.serve")
FORBIDDEN = ("textual", "rich")


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


CORE = sorted(name for name in map(_name, PACKAGE.rglob("*.py")) if not name.startswith(FRONT_END))


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def test_the_core_is_most_of_the_package() -> None:
    assert len(CORE) > 60 and "assistant.engine.session" in CORE and "assistant.ui.app" not in CORE


@pytest.mark.parametrize("module", CORE)
def test_no_core_source_imports_textual_or_rich(module: str) -> None:
    path = ROOT / Path(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    bad = [name for name in _imports(path) if name.split(".")[0] in FORBIDDEN]
    assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_importing_every_core_module_loads_neither() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(' '.join(bad) or 'CLEAN')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "CLEAN", result.stdout + result.stderr
