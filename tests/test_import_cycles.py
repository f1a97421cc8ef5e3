"""No two modules of the assistant import each other, however indirectly.

Every ``import`` counts: at the top of a module, inside a function (the lazy imports that
keep start-up fast), and under ``if TYPE_CHECKING:``. Each module's source is parsed with
:mod:`ast`, so nothing is imported to find out. A package's ``__init__`` is the module of
that package's name; importing a submodule is not counted as importing its parent, as
import-linter and grimp count it. A cycle is reported as the chain of modules that
closes it, so the message says where to cut.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``root``, by dotted name."""
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _targets(
    node: ast.Import | ast.ImportFrom, module: str, is_package: bool, modules: dict[str, Path]
) -> set[str]:
    """The modules of the package that an import statement loads."""
    if isinstance(node, ast.Import):
        found = {_owner(alias.name, modules) for alias in node.names}
    else:
        base = node.module or ""
        if node.level:
            parent = module.split(".") if is_package else module.split(".")[:-1]
            parent = parent[: len(parent) - node.level + 1]
            base = ".".join([*parent, *([node.module] if node.module else [])])
        found = set()
        for alias in node.names:  # ``from package import module`` or ``from module import x``
            name = f"{base}.{alias.name}"
            found.add(name if name in modules else _owner(base, modules))
    return {name for name in found if name is not None and name != module}


def _owner(name: str, modules: dict[str, Path]) -> str | None:
    """The module that ``name`` is, or is defined in (None outside the package)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """module → the modules of the package it imports anywhere in its source."""
    modules = module_names(root, package)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                graph[name] |= _targets(node, name, path.name == "__init__.py", modules)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a chain ``[a, b, ..., a]``, or None if there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    for start in sorted(graph):
        if state.get(start):
            continue
        path = [start]
        stack = [iter(sorted(graph[start]))]
        state[start] = 1
        while stack:
            target = next(stack[-1], None)
            if target is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(target) == 1:
                return [*path[path.index(target) :], target]
            elif not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append(iter(sorted(graph[target])))
    return None


def test_the_assistant_has_no_import_cycles() -> None:
    graph = import_graph(ROOT, "assistant")
    assert len(graph) > 100 and graph["assistant.cli"]  # the whole package was read
    cycle = find_cycle(graph)
    assert cycle is None, "modules import each other: " + " -> ".join(cycle or [])


def test_a_cycle_through_a_lazy_import_is_found(tmp_path: Path) -> None:
    """The check fails on the cycles it is for: hidden in a function, or under TYPE_CHECKING."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg.sub import b\n")
    (package / "sub" / "b.py").write_text("def f():\n    from .. import c\n")
    (package / "c.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pkg.a\n"
    )
    (package / "d.py").write_text("from pkg import a\n")  # into the cycle, not part of it
    graph = import_graph(tmp_path, "pkg")
    assert graph["pkg.a"] == {"pkg.sub.b"} and graph["pkg.sub.b"] == {"pkg.c"}
    assert find_cycle(graph) == ["pkg.a", "pkg.sub.b", "pkg.c", "pkg.a"]
    (package / "c.py").write_text("import pkg.sub\n")  # the parent package: no cycle
    assert find_cycle(import_graph(tmp_path, "pkg")) is None
