"""Graph helpers used by the checker: reachability from several steps at once, loops."""

from __future__ import annotations

from assistant.flow import model
from assistant.flow.bundle import Edge, StepInfo
from assistant.flow.graphs import ancestor_bits, find_cycle, reachable


def _steps(edges: dict[str, list[str]]) -> dict[str, StepInfo]:
    return {
        key: StepInfo(
            key, "m", model.End(id=key.split(".")[1]), "m.yaml", 1, "m", [Edge(t) for t in targets]
        )
        for key, targets in edges.items()
    }


GRAPH = _steps(
    {
        "m.a": ["m.b", "m.c"],
        "m.b": ["m.end1"],
        "m.c": ["m.end2"],
        "m.end1": [],
        "m.end2": [],
        "m.x": [],
    }
)


def test_reachable_from_several_origins_is_the_union() -> None:
    both = reachable(GRAPH, "m.end1", "m.end2", forward=False)
    one = reachable(GRAPH, "m.end1", forward=False)
    other = reachable(GRAPH, "m.end2", forward=False)
    assert both == one | other == {"m.a", "m.b", "m.c", "m.end1", "m.end2"}
    assert reachable(GRAPH, "m.a", forward=True) == GRAPH.keys() - {"m.x"}
    assert reachable(GRAPH, "m.nowhere", forward=True) == set()
    assert reachable(GRAPH, forward=False) == set()


def test_a_loop_is_found_and_has_no_order() -> None:
    looping = _steps({"m.a": ["m.b"], "m.b": ["m.c"], "m.c": ["m.a", "m.d"], "m.d": []})
    assert ancestor_bits(looping) is None
    assert find_cycle(looping, set(looping)) == ["m.a", "m.b", "m.c", "m.a"]
    assert ancestor_bits(GRAPH) is not None
    assert find_cycle(GRAPH, set(GRAPH)) == []
