"""Honest progress: "Step 3 of 8", counting the parts (modules) on this person's own path.

A *part* is a module of the bundle in which the person is shown a question, or an
explanation with a screen of its own (beside the question in an adviser's panel: the count
is the same whichever way the explanations are shown). An explanation shown only above
the next question belongs to that question's part: a module of nothing else (the rights
summary above "what to ask the council") was counted, and the step number seen jumped
from 7 to 9 in a walkthrough. The step number counts the parts
met so far; the total adds the fewest parts still ahead, from the answers given so far:
a branch whose questions are all answered goes only the way those answers send it, and
any other branch may go either way, so the fewest parts along any of them is counted.
Only ways that reach an end in the bundle's last module are counted (someone outside
England may stop after the first part, but most people go on); where none is left, every
way is.

That estimate never falls while the person moves forward and can still reach the last
module: whatever happens next was one of the ways counted, so the parts it meets are at
least the fewest counted. It may rise, when an answer sends the person along a way with
more parts; the first question that shows a larger total says so (``grew``). At an end
the count is exact (someone who chose to stop early meets fewer parts). Going back or
changing an answer starts the count again.

The fewest parts from every step, over all ways, is worked out once per bundle
(:class:`PartTables`); at each new part only the steps whose branches the answers so far
can decide are walked again.
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec  # its Structs are made at once; a dataclass type took 0.4 ms of the start

from assistant.flow import model
from assistant.flow.bundle import Bundle, StepInfo, resolve, scoped
from assistant.values import Value

#: The parts ahead of a step: keyed by the module of the first screen on the way (None: no
#: screen before the end), valued by the fewest new parts after that first screen; with
#: ``early`` true when every way from here stops before the bundle's last module.
Ahead = dict[str | None, int]


class Way(msgspec.Struct, frozen=True):
    """The parts ahead of one step, and whether only early stops are ahead."""

    ahead: Ahead
    early: bool = False


def is_screen(step: model.Step, *, panels: bool = False) -> bool:
    """Whether a step is shown on a screen of its own (a question or an explanation).

    ``panels``: an adviser-led call, where explanations go beside the next question
    (only one that shows a calculation keeps its own screen).
    """
    if isinstance(step, model.Say):
        return not step.with_next and not (panels and step.show is None)
    return isinstance(step, model.Ask)


def shows(step: model.Step) -> bool:
    """Whether a step makes its module a part: a question, or an explanation with a screen
    of its own (in any mode; one shown only above the next question goes with that one)."""
    return is_screen(step)


def parts_after(way: Way, module: str | None) -> int:
    """The fewest parts still to come, for someone whose last screen was in ``module``."""
    return min(
        (0 if first is None else int(first != module)) + rest for first, rest in way.ahead.items()
    )


class Estimate(msgspec.Struct):
    """A session's running estimate: worked out on entering each part, kept through it."""

    #: The parts met when the total was worked out, and the total (None: not yet).
    met: int = 0
    total: int | None = None
    #: The total rose and no question has said so yet; the question that said so.
    grew_pending: bool = False
    grew_at: str | None = None


class PartTables(msgspec.Struct, frozen=True):
    """For each step: the parts ahead over every way, and the questions branches ahead read."""

    ways: dict[str, Way]
    #: Every answer a branch from this step onwards reads; none answered: nothing to decide.
    reads: dict[str, frozenset[str]]
    #: The bundle's last module: ways that end there are the ones counted.
    last: str

    @classmethod
    def build(cls, bundle: Bundle, order: list[str]) -> PartTables:
        """Fill the tables in ``order``: each step after every step it leads to."""
        ways: dict[str, Way] = {}
        reads: dict[str, frozenset[str]] = {}
        last = bundle.manifest.modules[-1]
        for key in order:
            info = bundle.steps[key]
            targets = [e.target for e in info.edges if e.target in ways]
            ways[key] = step_way(info, [ways[t] for t in targets], last)
            own = frozenset(
                resolve(name, info.module)
                for edge in info.edges
                if edge.condition is not None
                for name in edge.condition.names
            )
            merged = own.union(*(reads[t] for t in targets))
            # Share a following step's set when it is the same (most steps read nothing
            # themselves): one set per branch, not one per step (0.5 MiB for England).
            reads[key] = next((reads[t] for t in targets if len(reads[t]) == len(merged)), merged)
        return cls(ways, reads, last)


def step_way(info: StepInfo, following: list[Way], last: str) -> Way:
    """The parts ahead of one step, from those ahead of the steps it leads to.

    Ways that stop early count only where no way on to the last module is left.
    """
    if isinstance(info.step, model.End) or not following:
        return Way({None: 0}, early=info.module != last)
    full = [w for w in following if not w.early]
    counted = full or following
    if shows(info.step):
        best = min(parts_after(w, info.module) for w in counted)
        return Way({info.module: best}, early=not full)
    merged: Ahead = {}
    for way in counted:
        for first, rest in way.ahead.items():
            if first not in merged or rest < merged[first]:
                merged[first] = rest
    return Way(merged, early=not full)


def estimate_ahead(
    bundle: Bundle, tables: PartTables, start: str, answers: Mapping[str, Value]
) -> int:
    """The fewest parts after the screen ``start``, going only where the answers send.

    Walks the steps after ``start`` whose branches read an answer already given (the rest
    come from the tables), each step once, so it costs at most one pass over the flow.
    """
    known: dict[str, Way] = {}
    going: dict[str, list[str]] = {}  # where each step walked can go: worked out once
    first = _ways(bundle, start, answers)
    stack: list[str] = list(first)
    while stack:
        key = stack.pop()
        if key in known:
            continue
        if answers.keys().isdisjoint(tables.reads[key]):
            known[key] = tables.ways[key]
            continue
        if key not in going:  # first visit: come back once the steps after it are known
            going[key] = ways = _ways(bundle, key, answers)
            stack.append(key)
            stack.extend(t for t in ways if t not in known)
            continue
        known[key] = step_way(bundle.steps[key], [known[t] for t in going[key]], tables.last)
    info = bundle.steps[start]
    way = step_way(info, [known[t] for t in first], tables.last)
    return parts_after(way, None) - 1 if shows(info.step) else parts_after(way, info.module)


def _ways(bundle: Bundle, key: str, answers: Mapping[str, Value]) -> list[str]:
    """Where a step can go next: a branch's answered cases decide, up to the first that cannot."""
    info = bundle.steps[key]
    if not isinstance(info.step, model.Branch):
        return [e.target for e in info.edges]
    env = scoped(answers, info.module)
    ways: list[str] = []
    for edge in info.edges:
        condition = edge.condition
        if condition is None:  # the branch's 'else'
            ways.append(edge.target)
            break
        decided = all(resolve(n, info.module) in answers for n in condition.names)
        if not decided:
            ways.append(edge.target)  # it may hold, or not: keep going
        elif condition.evaluate(env):
            ways.append(edge.target)
            break
    return ways
