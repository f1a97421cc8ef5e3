"""A bundle: the modules of one conversation, read, resolved into one graph and checked.

Step keys are ``module.step`` everywhere after loading, so links between modules are
ordinary edges and the whole conversation can be checked (and run) as one graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from assistant.engine.values import Value
from assistant.flow import model
from assistant.flow.conditions import Condition
from assistant.flow.loader import FileReader, read_module
from assistant.flow.problems import FlowError, Problem
from assistant.flow.reading import UnusableFlowFile, read_flow_bytes

MANIFEST = "bundle.yaml"


@dataclass(frozen=True)
class Edge:
    """A way out of a step: to ``target`` when ``condition`` holds (None means always)."""

    target: str
    condition: Condition | None = None


@dataclass
class StepInfo:
    """A step with everything resolved: its key, file position, section and outgoing edges."""

    key: str
    module: str
    step: model.Step
    file: str
    line: int
    section: str
    edges: list[Edge] = field(default_factory=list)


@dataclass(frozen=True)
class SectionInfo:
    """A section in conversation order."""

    key: str
    title: str
    module: str


@dataclass
class Bundle:
    """A loaded conversation. Build it with :func:`load_bundle`."""

    root: Path
    manifest: model.BundleManifest
    modules: dict[str, model.Module]
    steps: dict[str, StepInfo]
    sections: list[SectionInfo]
    sources: dict[str, model.Source]
    start: str
    digest: str

    @property
    def id(self) -> str:
        """The bundle id from bundle.yaml, e.g. ``england``."""
        return self.manifest.id

    def section_index(self, key: str) -> int:
        """Position of a section in the conversation, counting from 0."""
        for index, section in enumerate(self.sections):
            if section.key == key:
                return index
        raise KeyError(key)


def resolve(target: str, module: str) -> str:
    """Make a target absolute: ``step`` → ``module.step``; ``other.step`` stays as it is."""
    return target if "." in target else f"{module}.{target}"


def scoped(env: Mapping[str, Value], module: str) -> Mapping[str, Value]:
    """A view of the answers in which bare names mean questions of ``module``."""
    return _Scoped(env, module)


class _Scoped(Mapping[str, Value]):
    __slots__ = ("_env", "_module")

    def __init__(self, env: Mapping[str, Value], module: str) -> None:
        self._env = env
        self._module = module

    def __getitem__(self, name: str) -> Value:
        return self._env[name if "." in name else f"{self._module}.{name}"]

    def __iter__(self) -> Iterator[str]:
        return iter(self._env)

    def __len__(self) -> int:
        return len(self._env)


def load_bundle(root: Path, display_root: Path | None = None) -> Bundle:
    """Load and check the bundle in ``root``; raise :class:`FlowError` listing every problem.

    A bundle that loaded cleanly before comes from the private, checked cache in
    :mod:`assistant.flow.cache` (it is re-checked, and never stale), saving the YAML parse.
    """
    from assistant.flow.cache import cached_load

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
    from assistant.flow.validate import compile_and_check

    base = display_root if display_root is not None else root.parent
    display = _display(root / MANIFEST, base)
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
            problems.append(refused.problem(_display(file, base)))
            continue
        module, module_reader = read_module(file, _display(file, base))
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
        return {}, [refused.problem(_display(file, base))]
    reader = FileReader(file, _display(file, base))
    parsed = reader.convert(reader.data, model.SourcesFile, ()) if reader.data is not None else None
    return (parsed.sources if parsed else {}), reader.problems


def _unlisted_files(root: Path, manifest: model.BundleManifest, base: Path) -> list[Problem]:
    listed = {f"{name}.yaml" for name in manifest.modules} | {MANIFEST, Path(manifest.sources).name}
    return [
        Problem(
            _display(path, base),
            1,
            1,
            "unlisted-module",
            f"{path.name} is in the bundle folder but not listed in bundle.yaml.",
            f"Add '{path.stem}' to 'modules' in bundle.yaml, or move the file elsewhere.",
        )
        for path in sorted(root.glob("*.yaml"))
        if path.name not in listed
    ]


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def find_bundles(path: Path) -> list[Path]:
    """Every bundle folder at or below ``path`` (a folder holding bundle.yaml)."""
    if (path / MANIFEST).exists():
        return [path]
    return sorted(p.parent for p in path.rglob(MANIFEST))
