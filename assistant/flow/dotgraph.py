"""Graphviz dot text for a bundle, so ``dot -Tsvg`` can draw it without extra Python packages."""

from __future__ import annotations

from assistant.flow.bundle import Bundle


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(bundle: Bundle) -> str:
    """One node per step (shaped by kind) and one edge per way on, labelled with its condition."""
    shapes = {
        "say": "note",
        "ask": "box",
        "branch": "diamond",
        "link": "cds",
        "end": "doublecircle",
    }
    lines = [f"digraph {_quote(bundle.id)} {{", "  rankdir=TB;", '  node [fontname="sans-serif"];']
    for key, info in bundle.steps.items():
        kind = type(info.step).__name__.lower()
        lines.append(f"  {_quote(key)} [shape={shapes.get(kind, 'box')}];")
        for edge in info.edges:
            if edge.condition is not None:
                label = f" [label={_quote(edge.condition.source)}]"
            else:  # a branch's default way on is its 'else'
                label = ' [label="else", style=dashed]' if kind == "branch" else ""
            lines.append(f"  {_quote(key)} -> {_quote(edge.target)}{label};")
    lines.append("}")
    return "\n".join(lines) + "\n"
