"""The transitions state machine for a bundle, and the tables progress is computed from.

One :class:`transitions.Machine` is built per bundle and shared by every conversation
through ``add_model``. ``auto_transitions=False`` matters: the default adds a ``to_<state>``
trigger from every state to every other, N² transitions (5.4 s and 447 MiB at 1,000 states).
Conditions are our compiled, whitelisted :class:`Condition` objects passed as callables,
never strings: transitions would import any dotted path it is given as a string.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar, overload

import msgspec  # its Structs are made at once; a dataclass type took 0.4 ms of the start
from transitions import Machine

from assistant.engine.progress import PartTables
from assistant.flow import model
from assistant.flow.bundle import Bundle, scoped
from assistant.flow.conditions import Condition
from assistant.values import Value

ADVANCE = "advance"


#: Convenience methods transitions adds to every model it is given: ``is_<step>`` for each
#: of the bundle's states, ``may_<trigger>``, ``trigger`` and ``may_trigger``.
_CONVENIENCE = ("is_", "may_", "trigger")


class Conversation:
    """The transitions *model*: holds the state and the answers conditions can see.

    It keeps only what the engine uses: ``state``, ``env`` and the ``advance`` trigger.
    transitions would otherwise give each model a bound ``is_<step>`` method per step (368
    in England: 160 KiB per model, and a session has two); the engine asks the state
    directly, so those are not kept.
    """

    state: str

    def __init__(self) -> None:
        self.env: dict[str, Value] = {}

    def __setattr__(self, name: str, value: Any) -> None:
        # Only what transitions makes (a partial of the machine's own method) is left out:
        # an attribute of ours whose name happens to start "is_" is kept.
        if not (isinstance(value, partial) and name.startswith(_CONVENIENCE)):
            super().__setattr__(name, value)

    if TYPE_CHECKING:  # transitions adds the real trigger method when the model is added

        def advance(self) -> bool: ...


class Tables(msgspec.Struct, frozen=True):
    """Per-step counts of questions left, computed once per bundle (the graph is acyclic)."""

    most: dict[str, int]
    least: dict[str, int]
    most_in_section: dict[str, int]
    #: The section of every question, so progress counts answers without looking at steps.
    ask_sections: dict[str, str]
    #: The parts (modules with a screen) ahead of every step, for "step k of n".
    parts: PartTables


class Graph(msgspec.Struct):
    """A bundle's shared machine and tables."""

    bundle: Bundle
    machine: Machine
    tables: Tables


def _condition_callable(condition: Condition, module: str) -> Callable[[Any], bool]:
    def check(event: Any) -> bool:
        return condition.evaluate(scoped(event.model.env, module))

    check.__name__ = condition.source
    check.__qualname__ = condition.source
    return check


def _transitions(bundle: Bundle) -> list[dict[str, Any]]:
    specs: list[dict[str, Any]] = []
    for key, info in bundle.steps.items():
        for edge in info.edges:
            spec: dict[str, Any] = {"trigger": ADVANCE, "source": key, "dest": edge.target}
            if edge.condition is not None:
                spec["conditions"] = [_condition_callable(edge.condition, info.module)]
            specs.append(spec)
    return specs


MachineT = TypeVar("MachineT", bound=Machine)


@overload
def build_machine(bundle: Bundle) -> Machine: ...
@overload
def build_machine(bundle: Bundle, machine_class: type[MachineT], **options: Any) -> MachineT: ...
def build_machine(
    bundle: Bundle, machine_class: type[Machine] = Machine, **options: Any
) -> Machine:
    """A machine over the bundle's steps with one ``advance`` trigger, guarded by conditions.

    ``machine_class`` and ``options`` are for transitions' extensions (the diagrams in
    :mod:`assistant.flow.diagram` use its GraphMachine); conversations use the plain one.
    """
    return machine_class(
        model=None,
        states=list(bundle.steps),
        transitions=_transitions(bundle),
        initial=bundle.start,
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=False,
        **options,
    )


def _post_order(bundle: Bundle) -> list[str]:
    """Steps ordered so that every step comes after all the steps it leads to."""
    order: list[str] = []
    done: set[str] = set()
    for root in bundle.steps:
        stack = [(root, iter(bundle.steps[root].edges))]
        if root in done:
            continue
        done.add(root)
        while stack:
            key, edges = stack[-1]
            edge = next(edges, None)
            if edge is None:
                stack.pop()
                order.append(key)
            elif edge.target not in done and edge.target in bundle.steps:
                done.add(edge.target)
                stack.append((edge.target, iter(bundle.steps[edge.target].edges)))
    return order


def _tables(bundle: Bundle) -> Tables:
    most: dict[str, int] = {}
    least: dict[str, int] = {}
    in_section: dict[str, int] = {}
    order = _post_order(bundle)
    for key in order:
        info = bundle.steps[key]
        own = 1 if isinstance(info.step, model.Ask) else 0
        targets = [e.target for e in info.edges if e.target in most]
        most[key] = own + max((most[t] for t in targets), default=0)
        least[key] = own + min((least[t] for t in targets), default=0)
        same = [in_section[t] for t in targets if bundle.steps[t].section == info.section]
        in_section[key] = own + max(same, default=0)
    asks = {k: i.section for k, i in bundle.steps.items() if isinstance(i.step, model.Ask)}
    return Tables(most, least, in_section, asks, PartTables.build(bundle, order))


_GRAPHS: dict[str, Graph] = {}


def graph_for(bundle: Bundle) -> Graph:
    """The shared graph for a bundle, built on first use and cached by content digest."""
    graph = _GRAPHS.get(bundle.digest)
    if graph is None or graph.bundle is not bundle:
        graph = Graph(bundle, build_machine(bundle), _tables(bundle))
        _GRAPHS[bundle.digest] = graph
    return graph
