"""Diagrams for content designers come from transitions' Mermaid engine."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.flow.bundle import Bundle
from assistant.flow.diagram import dot, mermaid

ROOT = Path(__file__).parents[2]


def test_mermaid_shows_every_step_and_conditions(example: Bundle) -> None:
    text = mermaid(example)
    assert text.splitlines()[3] == "stateDiagram-v2"
    for key in example.steps:
        assert f'state "{key}" as {key.replace(".", "__")}' in text
    assert "needs__route --> needs__carer_right: advance [has_carer]" in text
    assert "[*] --> welcome__hello" in text
    assert "s_active" not in text.split("stateDiagram-v2", 1)[1].split("classDef")[-1]


def test_dot_has_one_edge_per_way_on(example: Bundle) -> None:
    text = dot(example)
    edges = sum(len(info.edges) for info in example.steps.values())
    assert text.count(" -> ") == edges
    assert '[label="count(tasks) >= 2"]' in text
    assert '"needs.route" -> "needs.hours" [label="else", style=dashed];' in text


@pytest.mark.skipif(shutil.which("dot") is None, reason="graphviz is not installed")
def test_svg_is_written_when_graphviz_is_installed(tmp_path: Path) -> None:
    target = tmp_path / "example.svg"
    subprocess.run(
        [sys.executable, "-m", "assistant", "diagram", "example", "-o", str(target)],
        cwd=ROOT,
        check=True,
    )
    assert target.read_text().lstrip().startswith("<?xml")
