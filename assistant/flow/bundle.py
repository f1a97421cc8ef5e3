"""A bundle: the modules of one conversation, resolved into one graph (the types).

Step keys are ``module.step`` everywhere after loading, so links between modules are
ordinary edges and the whole conversation can be checked (and run) as one graph. Every
check imports these types; reading and checking a bundle is :mod:`assistant.flow.loading`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from assistant.flow import model
from assistant.flow.conditions import Condition
from assistant.values import Value

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
    """A loaded conversation. Build it with :func:`assistant.flow.loading.load_bundle`."""

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
