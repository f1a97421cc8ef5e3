"""Calculations a flow may show: a ``say`` step names one with ``show:``.

A report is computed from the answers by pure code (for example the PA cost check from
``assistant.money``) and handed to front ends as typed data; each provider also says how
to render it, so the engine still never produces translated text. Providers add
themselves to :data:`REPORTS` with :func:`register_report`; the registry imports them
the first time it is read (see :mod:`assistant.flow.registry`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.flow.registry import Registry
from assistant.values import Value


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
    #: The result in a sentence or two, shown first where space is short (the app at 80x24).
    render_summary: Callable[[Any, Callable[[str], str], str], list[str]] | None = None


#: Every calculation flows may show, by name; providers are imported when first read.
REPORTS: Registry[ReportSpec] = Registry("report", providers=("assistant.money.pa_cost",))


def register_report(spec: ReportSpec) -> ReportSpec:
    """Make a report available to flows by name."""
    REPORTS.add(spec.name, spec)
    return spec
