"""The dependency graph of a strategy as integer-indexed arrays in topological order."""

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
    """Index a strategy and order it topologically; raises CycleError if it has a cycle.

    Kahn's algorithm over the integer links, ready initiatives taken in document order, so
    the order is deterministic; nothing the planner reports depends on which topological
    order it is. (networkx did this before: its graph cost more than the whole schedule
    and its import 150 ms of every `cxroadmap schedule`.)
    """
    keys = list(strategy.initiatives)
    position = {key: i for i, key in enumerate(keys)}
    durations = [ini.duration for ini in strategy.initiatives.values()]
    preds: list[list[Link]] = [[] for _ in keys]
    succs: list[list[Link]] = [[] for _ in keys]
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
    order = _topological_order(preds, succs)
    if len(order) < len(keys):
        # The domain words the cycle (keys in order, from the earliest in the document),
        # so the message is the same wherever a cycle is found.
        cycle = find_cycle(strategy.initiatives, strategy.dependencies)
        raise CycleError(cycle or [])
    return DependencyGraph(keys, durations, preds, succs, order)


def _topological_order(preds: list[list[Link]], succs: list[list[Link]]) -> list[int]:
    """Every index after all its predecessors; shorter than n when there is a cycle."""
    waiting = [len(links) for links in preds]
    order = [i for i, count in enumerate(waiting) if count == 0]
    append = order.append
    for p in order:  # grows while it is walked: each index is appended once, when ready
        for link in succs[p]:
            s = link.succ
            waiting[s] -= 1
            if waiting[s] == 0:
                append(s)
    return order
