"""The dependency graph of a strategy as integer-indexed arrays, ordered by networkx."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from cxroadmap.domain.errors import CycleError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.validation import find_cycle

# Dependency types whose constraint reads the predecessor's finish / binds the successor's finish.
_FROM_FINISH = frozenset({"FS", "FF"})
_TO_FINISH = frozenset({"FF", "SF"})


class Link(NamedTuple):
    """One dependency as a difference constraint: start(succ) >= start(pred) + offset.

    Every type reduces to this form because durations are fixed: FS has offset
    d(pred) + lag, SS lag, FF d(pred) + lag - d(succ), SF lag - d(succ).
    """

    pred: int
    succ: int
    offset: int
    dependency: int  # position in strategy.dependencies, to name it in reasons


@dataclass(frozen=True)
class DependencyGraph:
    """Initiatives as indices 0..n-1 in document order, with links and a topological order."""

    keys: list[str]
    durations: list[int]
    preds: list[list[Link]]
    succs: list[list[Link]]
    order: list[int]


def build_graph(strategy: Strategy) -> DependencyGraph:
    """Index a validated (acyclic) strategy and order it topologically with networkx.

    Nodes and edges are added in document order, so the order is deterministic; nothing
    the planner reports depends on which topological order it is.
    """
    import networkx as nx  # imported here: networkx costs ~150 ms and is not needed at start-up

    keys = list(strategy.initiatives)
    position = {key: i for i, key in enumerate(keys)}
    durations = [ini.duration for ini in strategy.initiatives.values()]
    preds: list[list[Link]] = [[] for _ in keys]
    succs: list[list[Link]] = [[] for _ in keys]
    edges: list[tuple[int, int]] = []
    for i, dep in enumerate(strategy.dependencies):
        p = position[dep.from_key]
        s = position[dep.to_key]
        kind = dep.type.upper()
        offset = dep.lag
        if kind in _FROM_FINISH:
            offset += durations[p]
        if kind in _TO_FINISH:
            offset -= durations[s]
        link = Link(p, s, offset, i)
        preds[s].append(link)
        succs[p].append(link)
        edges.append((p, s))
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(keys)))
    graph.add_edges_from(edges)
    try:
        order: list[int] = list(nx.topological_sort(graph))
    except nx.NetworkXUnfeasible:
        # The domain words the cycle (keys in order, from the earliest in the document),
        # so the message is the same wherever a cycle is found.
        cycle = find_cycle(strategy.initiatives, strategy.dependencies)
        raise CycleError(cycle or []) from None
    return DependencyGraph(keys, durations, preds, succs, order)
