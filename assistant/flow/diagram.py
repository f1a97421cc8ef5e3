"""Pictures of flows for content designers, drawn by transitions' diagrams extension.

A fresh model is used so no step is marked as the current one, which keeps the output
stable enough to commit and compare.
"""

from __future__ import annotations

import re
from typing import Literal

from transitions.extensions import GraphMachine

from assistant.engine.graph import build_machine
from assistant.flow.bundle import Bundle
from assistant.flow.dotgraph import to_dot


class _Model:
    """A model of its own for the drawing, so no conversation's step is marked."""


def _graph_machine(bundle: Bundle, engine: Literal["mermaid"]) -> GraphMachine:
    """The engine's machine for the bundle, built with transitions' diagram extension."""
    machine = build_machine(
        bundle,
        machine_class=GraphMachine,
        graph_engine=engine,
        show_conditions=True,
        title=bundle.manifest.title,
    )
    machine.add_model(_Model())
    return machine


def mermaid(bundle: Bundle) -> str:
    """The bundle as a Mermaid state diagram (paste into GitHub, GitLab or mermaid.live)."""
    machine = _graph_machine(bundle, "mermaid")
    text = machine.models[0].get_graph().draw(None)
    lines = [
        _mermaid_ids(line)
        for line in str(text).splitlines()
        if not line.strip().startswith("Class ")
    ]
    return "\n".join(lines) + "\n"


_STATE = re.compile(r'^(\s*state "[^"]*" as )(\S+)$')
_EDGE = re.compile(r"^(\s*)(\S+) --> (\S+?)(:.*)?$")


def _mermaid_ids(line: str) -> str:
    """Mermaid ids cannot contain dots, so ``module.step`` becomes ``module__step`` (labels keep dots)."""
    if match := _STATE.match(line):
        return match.group(1) + match.group(2).replace(".", "__")
    if match := _EDGE.match(line):
        source, target = (part.replace(".", "__") for part in match.group(2, 3))
        return f"{match.group(1)}{source} --> {target}{match.group(4) or ''}"
    return line


def dot(bundle: Bundle) -> str:
    """The bundle in Graphviz dot format, for SVG output."""
    return to_dot(bundle)
