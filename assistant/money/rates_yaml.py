"""Reading the rate files: safe YAML whose mappings remember their lines, and shape checks.

A wrong figure silently becomes a wrong bill for somebody, so every mistake in a rate
file is a :class:`RatesError` naming ``file:line`` and the fix. Only the safe loader is
used (no YAML tag can build a Python object), duplicate keys are refused rather than
silently overwritten, and each mapping keeps its own line and the line of each key for
the checks in :mod:`assistant.money.rates_data`.

The flow's :mod:`assistant.flow.yamlpos` is not used here: it gives the line of a key
where these messages name the first line of the mapping under it ("'effective' is
missing" points inside the figure), and it refuses aliases (``*name``), which rate files,
shipped with the code and so trusted, have always been allowed to use.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.private_cache import cached_parse

if TYPE_CHECKING:
    import yaml


class RatesError(Exception):
    """A rates data file is wrong. The message says where (file:line) and how to fix it."""

    def __init__(self, path: Path | str, line: int, problem: str, fix: str) -> None:
        super().__init__(f"{path}:{line}: {problem} Fix: {fix}")
        self.path, self.line, self.problem, self.fix = str(path), line, problem, fix


class Lined(dict[str, Any]):
    """A YAML mapping that remembers its own line and the line of each key."""

    line: int = 1
    key_lines: dict[str, int]


@cache
def _loader() -> Any:
    """The safe loader whose mappings remember line numbers and refuse duplicate keys
    (libyaml's where there is one). Made when a rate file is first parsed: one read from
    the cache (:func:`assistant.private_cache.cached_parse`) needs no PyYAML."""
    import yaml  # only to parse a file: see above

    class LineSafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        """Safe loader whose mappings remember line numbers and refuse duplicate keys."""

    LineSafeLoader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
    )
    LineSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)
    return LineSafeLoader


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Lined:
    mapping = Lined()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        line = key_node.start_mark.line + 1
        if key in mapping:
            raise _DuplicateKey(key, line)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
    return mapping


class _DuplicateKey(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key, self.line = key, line


class _ImpossibleDate(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _NotYaml(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _construct_date(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date, or :class:`_ImpossibleDate` for one like 2026-02-30 (not a traceback)."""
    import yaml  # loaded already: this runs inside a parse

    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise _ImpossibleDate(node.start_mark.line + 1) from None


def _parse(data: bytes) -> Any:
    """A rate file's bytes, parsed (raises the exceptions above for what read_mapping says)."""
    import yaml  # only to parse a file: see _loader

    try:
        return yaml.load(data.decode("utf-8"), Loader=_loader())  # noqa: S506 - a safe loader
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise _NotYaml(mark.line + 1 if mark is not None else 1) from None


def read_mapping(path: Path, first_key: str) -> Lined:
    """Read a file that must be one mapping, or raise :class:`RatesError`.

    ``first_key`` is named in the fix when the file is not a mapping. A syntax error is
    reported at the line where YAML noticed it. A file parsed before (the same bytes)
    comes from the private cache, with the same lines, without importing PyYAML.
    """
    try:
        data = cached_parse(path, _parse, __file__, Lined)
    except _DuplicateKey as dup:
        raise RatesError(path, dup.line, f"'{dup.key}' appears twice.", "keep one.") from None
    except _ImpossibleDate as bad:
        fix = "write a real date as YYYY-MM-DD."
        raise RatesError(path, bad.line, "this date does not exist.", fix) from None
    except _NotYaml as bad:
        raise RatesError(path, bad.line, "this is not valid YAML.", "check indentation.") from None
    if not isinstance(data, Lined):
        raise RatesError(path, 1, "the file is not a mapping.", f"start with '{first_key}:'.")
    return data


def check_keys(path: Path, data: Lined, allowed: tuple[str, ...], what: str) -> None:
    """Refuse a key not in ``allowed`` (``what`` names the kind) and any missing one."""
    for key in data:
        if key not in allowed:
            fix = f"use one of: {', '.join(allowed)}."
            raise RatesError(path, data.key_lines[key], f"unknown {what} '{key}'.", fix)
    for key in allowed:
        if key not in data:
            raise RatesError(path, data.line, f"'{key}' is missing.", f"add '{key}:'.")


def date_field(path: Path, data: Lined, key: str) -> date:
    """``data[key]`` as a date, or a RatesError at its line."""
    value = data[key]
    if not isinstance(value, date):
        line = data.key_lines[key]
        raise RatesError(path, line, f"{key} is not a date.", "write it as YYYY-MM-DD, unquoted.")
    return value
