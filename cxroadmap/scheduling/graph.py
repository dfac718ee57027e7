"""The dependency graph of a strategy as integer-indexed arrays in topological order."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import count, islice
from operator import attrgetter, itemgetter, le, lt

from cxroadmap.domain.errors import CycleError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.quick_checks import Survey
from cxroadmap.domain.validation import find_cycle
from cxroadmap.scheduling.scans import indices

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
_DURATION, _FROM, _TO = attrgetter("duration"), attrgetter("from_key"), attrgetter("to_key")
_TYPE, _LAG = attrgetter("type"), attrgetter("lag")
_SUCC = itemgetter(1)


@dataclass(frozen=True)
class DependencyGraph:
    """Initiatives as indices 0..n-1 in document order, with links and a topological order.

    The passes walk `into`, one flat list (no list per initiative to make): every link
    after all the links into its predecessor (by the successor's place in `order`, each
    successor's links in dependency order); backwards, every link comes after all the
    links out of its successor.
    """

    keys: list[str]
    durations: list[int]
    links: list[Link]  # in dependency order
    # A range when it is the document order: a list would make an int object per index.
    order: list[int] | range
    into: list[Link]
    # Each index's place in `order`; None when `order` is the document order.
    place: list[int] | None = None
    # When `place` is None, the successor of each link of `into`, in order (what
    # `links_into` searches); None: read from `into` when first asked for.
    into_succ: list[int] | None = None

    @cached_property
    def milestones(self) -> list[int]:
        """The milestones (duration 0) in document order, found by C scans (`list.index`):
        about one initiative in twenty is one (read by the moments and the items)."""
        return indices(self.durations, 0)

    @cached_property
    def preds(self) -> list[list[Link]]:
        """The links into each initiative, in dependency order (levelling reads these)."""
        return links_at(self.links, len(self.keys), 1)

    @cached_property
    def succs(self) -> list[list[Link]]:
        """The links out of each initiative, in dependency order."""
        return links_at(self.links, len(self.keys), 0)


def links_at(links: list[Link], n: int, end: int) -> list[list[Link]]:
    """Per initiative 0..n-1, the links (in their order) with it at `end` (0: the
    predecessor, 1: the successor)."""
    found: list[list[Link]] = [[] for _ in range(n)]
    for link in links:
        found[link[end]].append(link)
    return found


def in_degrees(links: list[Link], n: int) -> list[int]:
    """Per initiative 0..n-1, how many links lead into it (counted: lists of them cost
    twice as much to make, and at 20k 2.5 MB that only their lengths were read of)."""
    waiting = [0] * n
    for link in links:
        waiting[link[1]] += 1
    return waiting


def make_graph(
    keys: list[str], durations: list[int], links: list[Link], order: list[int]
) -> DependencyGraph:
    """The graph of these links (in dependency order) and topological `order`."""
    if order == list(range(len(keys))):
        return _in_document_order(keys, durations, links, list(map(_SUCC, links)))
    place = [0] * len(keys)
    for at, i in enumerate(order):
        place[i] = at
    into = sorted(links, key=lambda link: place[link[1]])
    return DependencyGraph(keys, durations, links, order, into, place)


def links_into(graph: DependencyGraph, i: int) -> list[Link]:
    """The links into initiative `i`, in dependency order (a binary search of `into`)."""
    into, place = graph.into, graph.place
    if place is None:
        # A plain search of the successors' column: with a key function each step of
        # the search was a call (10,000 instructions per milestone at 5k).
        succ = graph.into_succ
        if succ is None:
            succ = list(map(_SUCC, into))
            object.__setattr__(graph, "into_succ", succ)
        at = bisect_left(succ, i)
        end = bisect_right(succ, i, at)
    else:

        def ranked(link: Link) -> int:
            return place[link[1]]

        at, end = bisect_left(into, place[i], key=ranked), bisect_right(into, place[i], key=ranked)
    return into[at:end]


def link_offset(kind: str, lag: int, pred_duration: int, succ_duration: int) -> int:
    """The offset of a dependency of type `kind` (any case) between these durations."""
    from_finish, to_finish = _ENDS[_canonical(kind)]
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
    if survey is None:
        deps = strategy.dependencies
        durations = list(map(_DURATION, strategy.initiatives.values()))
        position = dict(zip(keys, range(len(keys)), strict=True))
        froms = list(map(position.__getitem__, map(_FROM, deps)))
        tos = list(map(position.__getitem__, map(_TO, deps)))
        kinds = list(map(_canonical, map(_TYPE, deps)))
        lags: list[int] = list(map(_LAG, deps))
    else:
        # What validation's quick pass read, so the dependencies are not walked again (at
        # 20k a second walk over them was most of this function's cache misses).
        durations, froms, tos = list(survey.durations), survey.froms, survey.tos
        kinds, lags = survey.kinds, survey.lags
    table = _ENDS
    links: list[Link] = []
    for i, p, s, kind, offset in zip(count(), froms, tos, kinds, lags):
        from_finish, to_finish = table[kind]
        if from_finish:
            offset += durations[p]
        if to_finish:
            offset -= durations[s]
        links.append((p, s, offset, i))
    # Roadmaps are mostly written in order: when every link points down the document,
    # the document order is a topological order (and there is no cycle).
    if all(map(lt, froms, tos)):
        return _in_document_order(keys, durations, links, tos)
    n = len(keys)
    order = _topological_order(in_degrees(links, n), links_at(links, n, 0))
    if len(order) < len(keys):
        # The domain words the cycle (keys in order, from the earliest in the document),
        # so the message is the same wherever a cycle is found.
        cycle = find_cycle(strategy.initiatives, strategy.dependencies)
        raise CycleError(cycle or [])
    return make_graph(keys, durations, links, order)


def _canonical(kind: str) -> str:
    """The type a dependency stored as `kind` counts as: itself, else upper-cased, else SS
    (see _ENDS)."""
    if kind in _ENDS:
        return kind
    return kind.upper() if kind.upper() in _ENDS else "SS"


def _in_document_order(
    keys: list[str], durations: list[int], links: list[Link], tos: list[int]
) -> DependencyGraph:
    """`make_graph` when every link points down the document (a topological order);
    `tos`: each link's successor, in order."""
    # Links listed by successor already (most roadmaps) are what the stable sort gives:
    # each one's links stay in dependency order, and `into` is `links` itself (a copy
    # was 240 KB at 20k; the plan memo patches a link in both, the same slot here).
    ordered = all(map(le, tos, islice(tos, 1, None)))
    if ordered:
        return DependencyGraph(keys, durations, links, range(len(keys)), links, None, tos)
    into = sorted(links, key=_SUCC)
    return DependencyGraph(keys, durations, links, range(len(keys)), into)


def _topological_order(waiting: list[int], succs: list[list[Link]]) -> list[int]:
    """Every index after all its predecessors (`waiting`: how many each has, counted down
    here); shorter than n when there is a cycle."""
    order = [i for i, count in enumerate(waiting) if count == 0]
    append = order.append
    for p in order:  # grows while it is walked: each index is appended once, when ready
        for _, s, _, _ in succs[p]:
            waiting[s] -= 1
            if waiting[s] == 0:
                append(s)
    return order
