"""The dependency graph of a strategy as integer-indexed arrays in topological order."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from operator import attrgetter, lt

from cxroadmap.domain.errors import CycleError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.quick_checks import Survey
from cxroadmap.domain.validation import find_cycle

# One dependency as a difference constraint: start(succ) >= start(pred) + offset, as
# (pred, succ, offset, dependency), `dependency` its position in strategy.dependencies (to
# name it in reasons). Every type reduces to this form because durations are fixed: FS has
# offset d(pred) + lag, SS lag, FF d(pred) + lag - d(succ), SF lag - d(succ). A plain tuple,
# unpacked where read: a NamedTuple's constructor was a third of building the graph.
Link = tuple[int, int, int, int]

# Per dependency type as stored: whether the offset adds the predecessor's duration (the
# constraint reads its finish) and subtracts the successor's (it binds the successor's
# finish). Other spellings are upper-cased first ("fs" passes validation); one that is
# still none of the four (" FS " does too) reads as SS, as it always has.
_ENDS = {"FS": (True, False), "SS": (False, False), "FF": (True, True), "SF": (False, True)}
_NEITHER = (False, False)
_DURATION, _FROM, _TO = attrgetter("duration"), attrgetter("from_key"), attrgetter("to_key")


@dataclass(frozen=True)
class DependencyGraph:
    """Initiatives as indices 0..n-1 in document order, with links and a topological order."""

    keys: list[str]
    durations: list[int]
    preds: list[list[Link]]
    succs: list[list[Link]]
    order: list[int]


def link_offset(kind: str, lag: int, pred_duration: int, succ_duration: int) -> int:
    """The offset of a dependency of type `kind` (any case) between these durations."""
    from_finish, to_finish = _ENDS.get(kind) or _ENDS.get(kind.upper(), _NEITHER)
    return lag + (pred_duration if from_finish else 0) - (succ_duration if to_finish else 0)


def build_graph(strategy: Strategy, survey: Survey | None = None) -> DependencyGraph:
    """Index a strategy and order it topologically; raises CycleError if it has a cycle.

    `survey`: what validation's quick pass read on its way (durations, the positions of
    every dependency's ends), when it has, so it is not read again.
    The order is the document order when every link points down the document, else
    Kahn's algorithm over the integer links, ready initiatives taken in document order,
    so the order is deterministic; nothing the planner reports depends on which
    topological order it is. (networkx did this before: its graph cost more than the
    whole schedule and its import 150 ms of every `cxroadmap schedule`.)
    """
    keys = list(strategy.initiatives)
    deps = strategy.dependencies
    if survey is None:
        durations = list(map(_DURATION, strategy.initiatives.values()))
        position = dict(zip(keys, range(len(keys)), strict=True))
        froms = list(map(position.__getitem__, map(_FROM, deps)))
        tos = list(map(position.__getitem__, map(_TO, deps)))
    else:
        durations, froms, tos = list(survey.durations), survey.froms, survey.tos
    preds: list[list[Link]] = [[] for _ in keys]
    succs: list[list[Link]] = [[] for _ in keys]
    table = _ENDS
    # Roadmaps are mostly written in order: when every link points down the document,
    # the document order is a topological order (and there is no cycle).
    forward = all(map(lt, froms, tos))
    for i, p, s, dep in zip(count(), froms, tos, deps):
        kind = dep.type
        from_finish, to_finish = table.get(kind) or table.get(kind.upper(), _NEITHER)
        offset = dep.lag
        if from_finish:
            offset += durations[p]
        if to_finish:
            offset -= durations[s]
        link = (p, s, offset, i)
        preds[s].append(link)
        succs[p].append(link)
    order = list(range(len(keys))) if forward else _topological_order(preds, succs)
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
        for _, s, _, _ in succs[p]:
            waiting[s] -= 1
            if waiting[s] == 0:
                append(s)
    return order
