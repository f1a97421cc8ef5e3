"""Reading a bundle from its folder and checking it: every problem found, or a Bundle.

:func:`load_bundle` is what the assistant uses (through the private cache of
:mod:`assistant.flow.cache`); :func:`read_bundle` is what ``support-plan check`` uses, to
list every problem. The checks themselves are :mod:`assistant.flow.checks` and its family.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from assistant.flow import model
from assistant.flow.bundle import MANIFEST, Bundle
from assistant.flow.cache import cached_load
from assistant.flow.checks import compile_and_check
from assistant.flow.loader import FileReader, display_name, read_module
from assistant.flow.problems import FlowError, Problem
from assistant.flow.reading import UnusableFlowFile, read_flow_bytes


def load_bundle(root: Path, display_root: Path | None = None) -> Bundle:
    """Load and check the bundle in ``root``; raise :class:`FlowError` listing every problem.

    A bundle that loaded cleanly before comes from the private, checked cache in
    :mod:`assistant.flow.cache` (it is re-checked, and never stale), saving the YAML parse.
    """
    return cached_load(root, display_root, _load_checked)


def _load_checked(root: Path, display_root: Path | None) -> Bundle:
    bundle, problems = read_bundle(root, display_root)
    if problems or bundle is None:
        raise FlowError(problems)
    return bundle


def read_bundle(
    root: Path, display_root: Path | None = None
) -> tuple[Bundle | None, list[Problem]]:
    """Load a bundle and return it with every problem found (the bundle is None if unusable)."""
    base = display_root if display_root is not None else root.parent
    display = display_name(root / MANIFEST, base)
    reader = FileReader(root / MANIFEST, display)
    manifest = (
        reader.convert(reader.data, model.BundleManifest, ()) if reader.data is not None else None
    )
    problems = list(reader.problems)
    if manifest is None:
        return None, problems
    digest = hashlib.sha256()
    modules, readers, module_problems = _read_modules(root, manifest, reader, base, digest)
    problems.extend(module_problems)
    problems.extend(p for p in reader.problems if p not in problems)
    problems.extend(_unlisted_files(root, manifest, base))
    sources, source_problems = _read_sources(root / manifest.sources, base, digest)
    problems.extend(source_problems)
    bundle = Bundle(root, manifest, modules, {}, [], sources, "", digest.hexdigest())
    problems.extend(compile_and_check(bundle, readers, reader))
    return bundle, problems


def _read_modules(
    root: Path,
    manifest: model.BundleManifest,
    reader: FileReader,
    base: Path,
    digest: hashlib._Hash,
) -> tuple[dict[str, model.Module], dict[str, FileReader], list[Problem]]:
    """The listed modules, their readers and problems; a missing file is bundle.yaml's problem."""
    modules: dict[str, model.Module] = {}
    readers: dict[str, FileReader] = {}
    problems: list[Problem] = []
    for name in manifest.modules:
        file = root / f"{name}.yaml"
        if not file.exists():
            reader.problem(
                ("modules",),
                "missing-module",
                f"bundle.yaml lists '{name}' but {file.name} does not exist.",
                f"Create {file.name}, or remove '{name}' from 'modules'.",
            )
            continue
        try:
            digest.update(read_flow_bytes(file))
        except UnusableFlowFile as refused:  # a folder, a FIFO, a device, too large
            problems.append(refused.problem(display_name(file, base)))
            continue
        module, module_reader = read_module(file, display_name(file, base))
        problems.extend(module_reader.problems)
        if module is not None:
            modules[name] = module
            readers[name] = module_reader
            if module.flow != name:
                module_reader.problem(
                    ("flow",),
                    "module-name",
                    f"This file is {file.name} but says 'flow: {module.flow}'.",
                    f"Write 'flow: {name}' so links and answers can find it.",
                )
                problems.extend(module_reader.problems[-1:])
    return modules, readers, problems


def _read_sources(
    file: Path, base: Path, digest: hashlib._Hash
) -> tuple[dict[str, model.Source], list[Problem]]:
    if not file.exists():
        return {}, []
    try:
        digest.update(read_flow_bytes(file))
    except UnusableFlowFile as refused:
        return {}, [refused.problem(display_name(file, base))]
    reader = FileReader(file, display_name(file, base))
    parsed = reader.convert(reader.data, model.SourcesFile, ()) if reader.data is not None else None
    return (parsed.sources if parsed else {}), reader.problems


def _unlisted_files(root: Path, manifest: model.BundleManifest, base: Path) -> list[Problem]:
    listed = {f"{name}.yaml" for name in manifest.modules} | {MANIFEST, Path(manifest.sources).name}
    return [
        Problem(
            display_name(path, base),
            1,
            1,
            "unlisted-module",
            f"{path.name} is in the bundle folder but not listed in bundle.yaml.",
            f"Add '{path.stem}' to 'modules' in bundle.yaml, or move the file elsewhere.",
        )
        for path in sorted(root.glob("*.yaml"))
        if path.name not in listed
    ]


def find_bundles(path: Path) -> list[Path]:
    """Every bundle folder at or below ``path`` (a folder holding bundle.yaml)."""
    if (path / MANIFEST).exists():
        return [path]
    return sorted(p.parent for p in path.rglob(MANIFEST))
