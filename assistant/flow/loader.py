"""Turn flow YAML into typed models, collecting every structural problem with its position.

msgspec stops at the first error in a value, so each step is converted on its own and
unknown keys are found before conversion. That way one run of ``support-plan check``
lists every typo in a file, each with file:line:column and a suggested fix.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path as FsPath
from typing import Any, TypeVar

import msgspec

from assistant.flow import model
from assistant.flow.positions import Path, Positions
from assistant.flow.problems import Problem
from assistant.flow.reading import UnusableFlowFile, read_flow_text

T = TypeVar("T")

STEP_KINDS: dict[str, type[model.StepBase]] = {
    "say": model.Say,
    "ask": model.Ask,
    "branch": model.Branch,
    "link": model.Link,
    "end": model.End,
}
_AT_PATH = re.compile(r" - at `\$((?:\.[A-Za-z_][\w]*|\[\d+\])*)`$")


_FIELD_NAMES: dict[type[Any], frozenset[str]] = {}


def field_names(cls: type[Any]) -> frozenset[str]:
    """The keys a YAML mapping may use for ``cls`` (as written in files, ``kind`` included).

    Cached: msgspec re-reads the class annotations on every call, which was most of the
    time spent loading a 300-step flow.
    """
    names = _FIELD_NAMES.get(cls)
    if names is None:
        found = [f.encode_name for f in msgspec.structs.fields(cls)]
        config = getattr(cls, "__struct_config__", None)
        if config is not None and config.tag_field:
            found.append(config.tag_field)
        names = _FIELD_NAMES[cls] = frozenset(found)
    return names


class FileReader:
    """Reads one YAML file and converts its parts, recording problems as it goes."""

    def __init__(self, file: FsPath, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []
        try:
            text = read_flow_text(file)  # only a regular, small, text file reaches the parser
        except UnusableFlowFile as refused:
            self.data: Any = None
            self.positions = Positions()
            self.problems.append(refused.problem(display))
            return
        from assistant.flow.yamlpos import parse  # PyYAML only when YAML is read (start-up)

        self.data, self.positions, problems = parse(text, display)
        self.problems.extend(problems)

    def problem(self, path: Path, rule: str, message: str, fix: str) -> None:
        """Record a problem at the position of ``path`` in this file."""
        line, column = self.positions.of(path)
        self.problems.append(Problem(self.display, line, column, rule, message, fix))

    def convert(self, data: Any, cls: type[T], path: Path) -> T | None:
        """Convert ``data`` to ``cls``; report unknown keys and type errors at their positions."""
        if isinstance(data, dict):
            data = self._drop_unknown_keys(data, cls, path)
        try:
            return msgspec.convert(data, cls, str_keys=True)
        except msgspec.ValidationError as error:
            self._report_validation(str(error), path, cls)
            return None

    def _drop_unknown_keys(
        self, data: dict[str, Any], cls: type[Any], path: Path
    ) -> dict[str, Any]:
        allowed = field_names(cls)
        if allowed.issuperset(data):  # the usual case: nothing to drop or report
            return data
        kept: dict[str, Any] = {}
        for key, value in data.items():
            if key in allowed:
                kept[key] = value
                continue
            close = difflib.get_close_matches(str(key), sorted(allowed), n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            self.problem(
                (*path, key),
                "unknown-key",
                f"'{key}' is not a key that {_describe(cls)} can have.",
                f"{hint}Allowed keys are: {', '.join(sorted(allowed))}.",
            )
        return kept

    def _report_validation(self, text: str, path: Path, cls: type[Any]) -> None:
        match = _AT_PATH.search(text)
        inner: Path = ()
        if match:
            text = text[: match.start()]
            inner = tuple(
                int(part[1:-1]) if part.startswith("[") else part
                for part in re.findall(r"\.[A-Za-z_]\w*|\[\d+\]", match.group(1))
            )
            inner = tuple(p[1:] if isinstance(p, str) else p for p in inner)
        self.problem(
            (*path, *inner),
            "wrong-type",
            f"{_humanise(text)} (in {_describe(cls)}).",
            "See flows/README.md for what each key takes.",
        )


def _describe(cls: type[Any]) -> str:
    for kind, step_cls in STEP_KINDS.items():
        if cls is step_cls:
            return f"{'an' if kind in ('ask', 'end') else 'a'} '{kind}' step"
    names: dict[type[Any], str] = {
        model.Module: "a flow module",
        model.Choice: "a choice",
        model.Case: "a branch case",
        model.Section: "a section",
        model.Source: "a source",
        model.BundleManifest: "bundle.yaml",
        model.SourcesFile: "sources.yaml",
    }
    return names.get(cls, cls.__name__)


def _humanise(text: str) -> str:
    text = text.replace("Expected `str`, got", "Expected text, got")
    text = text.replace("Expected `array`, got", "Expected a list, got")
    text = text.replace("Expected `object`, got", "Expected a set of 'key: value' lines, got")
    text = text.replace("Expected `bool`, got", "Expected true or false, got")
    text = text.replace("Expected `float | null`, got", "Expected a number, got")
    text = text.replace("Object missing required field", "This is missing the required key")
    text = re.sub(r"Invalid enum value '([^']*)'", r"'\1' is not one of the allowed values", text)
    return text.replace("`", "'")


def display_name(path: FsPath, base: FsPath) -> str:
    """How a flow file is named in problems: relative to ``base`` where it can be."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def read_module(file: FsPath, display: str) -> tuple[model.Module | None, FileReader]:
    """Read one module file. Returns the module (None if unusable) and the reader with problems."""
    reader = FileReader(file, display)
    data = reader.data
    if reader.problems and data is None:
        return None, reader
    if not isinstance(data, dict):
        reader.problem(
            (),
            "wrong-type",
            "A flow file must be a set of 'key: value' lines.",
            "Start the file with 'flow:', 'title:' and 'steps:'.",
        )
        return None, reader
    raw_steps = data.get("steps")
    steps = _read_steps(reader, raw_steps) if isinstance(raw_steps, list) else None
    header = reader.convert({**data, "steps": []}, model.Module, ())
    if header is None or steps is None:
        if raw_steps is not None and not isinstance(raw_steps, list):
            reader.problem(
                ("steps",),
                "wrong-type",
                "'steps' must be a list of steps.",
                "Write each step on its own line starting with '- id: ...'.",
            )
        return None, reader
    return msgspec.structs.replace(header, steps=tuple(steps)), reader


def _read_steps(reader: FileReader, raw_steps: list[Any]) -> list[model.Step] | None:
    steps: list[model.Step] = []
    usable = True
    for index, raw in enumerate(raw_steps):
        path: Path = ("steps", index)
        kind = raw.get("kind") if isinstance(raw, dict) else None
        cls = STEP_KINDS.get(kind) if isinstance(kind, str) else None
        if cls is None:
            usable = False
            reader.problem(
                path if kind is None else (*path, "kind"),
                "unknown-kind",
                f"This step has {'no kind' if kind is None else f'the unknown kind {kind!r}'}.",
                f"Give it 'kind:' with one of: {', '.join(STEP_KINDS)}.",
            )
            continue
        step = reader.convert(raw, cls, path)
        if step is None:
            usable = False
        else:
            steps.append(step)  # type: ignore[arg-type]
    return steps if usable else None
