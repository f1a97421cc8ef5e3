"""Calculations shown inside a conversation: a ``say`` step names one with ``show:``.

A report is computed from the answers by pure code (for example the PA cost check from
``assistant.money``) and handed to front ends as typed data; each provider also says how
to render it, so the engine still never produces translated text. Providers register
themselves here; their modules are imported only when a flow first uses them.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.engine.values import Value

#: Modules that register reports, imported on first lookup (keeps start-up light).
PROVIDERS = ("assistant.money.report",)


@dataclass(frozen=True)
class ReportSpec:
    """A named calculation: which answers it reads, how to compute it and how to show it."""

    name: str
    doc: str
    inputs: tuple[str, ...]
    compute: Callable[[Mapping[str, Value], dt.date], Any]
    render_lines: Callable[[Any, Callable[[str], str], str], list[str]]
    render_json: Callable[[Any, Callable[[str], str], str], Any]
    #: The lines as sentences to be read out (no table), for a screen reader; None: the lines.
    render_spoken: Callable[[Any, Callable[[str], str], str], list[str]] | None = None


@dataclass(frozen=True)
class Report:
    """A computed report attached to a step: its name and the provider's own result object."""

    name: str
    data: Any


_REPORTS: dict[str, ReportSpec] = {}
_loaded = False


def register_report(spec: ReportSpec) -> ReportSpec:
    """Make a report available to flows by name."""
    _REPORTS[spec.name] = spec
    return spec


def reports() -> Mapping[str, ReportSpec]:
    """Every registered report (providers are imported on first call)."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in PROVIDERS:
            importlib.import_module(module)
    return _REPORTS


def compute(name: str, answers: Mapping[str, Value], on: dt.date | None = None) -> Report:
    """Run a report over the answers; the date picks the tax year and wage rates."""
    spec = reports()[name]
    return Report(name, spec.compute(answers, on or dt.date.today()))
