"""Every import made inside a function says why it is not at the top of its module.

Imports inside functions keep starting fast (a command, the first screen, plain mode
never load what they do not use), but they also hide a module's dependencies from
readers. So each one, or the block of imports it belongs to, carries a comment saying
which start it serves (or why else it waits); the rest are at the top of their modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def unexplained_imports(path: Path, root: Path = ROOT) -> list[str]:
    """``file:line`` of each block of imports inside a function with no comment at it."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, str(path))
    skipped = _type_checking_lines(tree)
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            body = getattr(node, "body", None)
            if not isinstance(body, list):
                continue
            block: list[ast.stmt] = []
            for statement in [*body, None]:
                if isinstance(statement, ast.Import | ast.ImportFrom):
                    block.append(statement)
                    continue
                if block and block[0].lineno not in skipped:
                    first, last = block[0].lineno, block[-1].end_lineno or block[-1].lineno
                    if not any("#" in line for line in lines[first - 2 : last]):
                        found.append(f"{path.relative_to(root)}:{first}")
                block = []
    return found


def test_every_import_inside_a_function_says_why() -> None:
    found = [
        where
        for path in sorted((ROOT / "assistant").rglob("*.py"))
        for where in unexplained_imports(path)
    ]
    assert not found, "imports inside functions with no comment saying why: " + ", ".join(found)


def test_an_unexplained_import_is_found(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def quiet():\n    import json\n\n"
        "def explained():\n    # start-up: json is not needed to begin\n    import json\n"
        "    import csv\n\n"
        "def typed():\n    if TYPE_CHECKING:\n        import json\n"
    )
    assert unexplained_imports(sample, tmp_path) == ["sample.py:2"]
