"""Graph algorithms for flow checks: reachability, loops and "which steps come before".

They work on a bundle's resolved steps (``module.step`` keys with their edges) and are
iterative, so a flow of thousands of steps cannot exhaust Python's recursion limit.
"""

from __future__ import annotations

from collections import deque

from assistant.flow.bundle import StepInfo


def reachable(steps: dict[str, StepInfo], *origins: str, forward: bool) -> set[str]:
    """Steps reachable from any of ``origins`` going forward, or from which one is reached.

    Several origins are searched together (one pass, not one per origin), so finding the
    steps that lead to any 'end' costs the same however many ends a flow has.
    """
    incoming: dict[str, list[str]] = {}
    if not forward:
        for key, info in steps.items():
            for edge in info.edges:
                incoming.setdefault(edge.target, []).append(key)
    seen = {origin for origin in origins if origin in steps}
    queue = deque(seen)
    while queue:
        key = queue.popleft()
        following = [e.target for e in steps[key].edges] if forward else incoming.get(key, [])
        for nxt in following:
            if nxt not in seen and nxt in steps:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def find_cycle(steps: dict[str, StepInfo], keys: set[str]) -> list[str]:
    """One loop among ``keys`` as the list of steps round it, or [] if there is none."""
    state: dict[str, int] = {}
    for root in sorted(keys):
        stack: list[tuple[str, int]] = [(root, 0)]
        trail: list[str] = []
        while stack:
            key, index = stack.pop()
            if index == 0:
                if state.get(key) == 2:
                    continue
                state[key] = 1
                trail.append(key)
            edges = steps[key].edges
            if index < len(edges):
                stack.append((key, index + 1))
                target = edges[index].target
                if state.get(target) == 1 and target in trail:
                    return [*trail[trail.index(target) :], target]
                if state.get(target) is None and target in steps:
                    stack.append((target, 0))
            else:
                state[key] = 2
                trail.pop()
    return []


class Ancestors:
    """A set of steps held as bits of an int: ``target in before`` without walking the graph."""

    def __init__(self, bits: int, index: dict[str, int]) -> None:
        self.bits, self.index = bits, index

    def __contains__(self, key: object) -> bool:
        position = self.index.get(key) if isinstance(key, str) else None
        return position is not None and bool(self.bits >> position & 1)


def ancestor_bits(steps: dict[str, StepInfo]) -> dict[str, int] | None:
    """For each step, the steps before it as bits (one pass in graph order); None if it loops."""
    index = {k: i for i, k in enumerate(steps)}
    incoming: dict[str, list[str]] = {k: [] for k in steps}
    waiting = dict.fromkeys(steps, 0)
    for key, info in steps.items():
        for edge in info.edges:
            if edge.target in steps:
                incoming[edge.target].append(key)
                waiting[edge.target] += 1
    ready = deque(k for k, n in waiting.items() if n == 0)
    bits: dict[str, int] = {}
    while ready:
        key = ready.popleft()
        mask = 0
        for source in incoming[key]:
            mask |= bits[source] | 1 << index[source]
        bits[key] = mask
        for edge in steps[key].edges:
            if edge.target in waiting:
                waiting[edge.target] -= 1
                if waiting[edge.target] == 0:
                    ready.append(edge.target)
    return bits if len(bits) == len(steps) else None
