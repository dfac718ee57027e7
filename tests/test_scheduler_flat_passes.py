"""The passes over the graph's one flat link list give what per-initiative link lists give."""

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.scheduling.graph import DependencyGraph, Link, build_graph, links_into, make_graph
from cxroadmap.scheduling.passes import backward_pass, forward_pass, release_times


def plain_held(
    n: int, order: list[int], links: list[Link], lower: list[int], start: list[int] | None
) -> tuple[list[int], list[Link | None]]:
    """The plain way: each initiative in topological order, its links in dependency order;
    the first link reaching the most (at least the lower bound) holds it."""
    release = list(lower)
    held: list[Link | None] = [None] * n
    for s in order:
        best, holding = lower[s] - 1, None
        for link in (link for link in links if link[1] == s):
            bound = (release if start is None else start)[link[0]] + link[2]
            if bound > best:
                best, holding = bound, link
        if best >= lower[s]:
            release[s] = best
            if start is None or best == start[s]:
                held[s] = holding
    return release, held


def plain_latest(order: list[int], links: list[Link], durations: list[int], f: int) -> list[int]:
    """Latest starts, the plain way: each initiative last to first, its links out."""
    latest = [f - d for d in durations]
    for p in reversed(order):
        for link in (link for link in links if link[0] == p):
            latest[p] = min(latest[p], latest[link[1]] - link[2])
    return latest


@st.composite
def graphs(draw: st.DrawFn) -> tuple[DependencyGraph, list[int], list[int]]:
    """A random DAG whose document order is shuffled (links point both ways, so the
    order is not the document's), links listed in a random order, with ties in bounds."""
    n = draw(st.integers(1, 12))
    rank = list(range(n))
    random.Random(draw(st.integers(0, 999))).shuffle(rank)
    order = sorted(range(n), key=rank.__getitem__)
    pairs = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=25))
    ends = [(p, s) for p, s in pairs if rank[p] < rank[s]]
    if draw(st.booleans()):  # in document order: the sort's other branch
        order = list(range(n))
        ends = [(p, s) for p, s in pairs if p < s]
    random.Random(draw(st.integers(0, 999))).shuffle(ends)
    links = [(p, s, draw(st.integers(-3, 4)), i) for i, (p, s) in enumerate(ends)]
    durations = draw(st.lists(st.integers(0, 5), min_size=n, max_size=n))
    lower = draw(st.lists(st.integers(0, 4), min_size=n, max_size=n))
    start = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    graph = make_graph([f"K{i}" for i in range(n)], durations, links, order)
    return graph, lower, start


@settings(max_examples=400, deadline=None)
@given(graphs())
def test_the_flat_passes_match_the_plain_way(
    case: tuple[DependencyGraph, list[int], list[int]],
) -> None:
    graph, lower, start = case
    n, order, links = len(graph.keys), graph.order, graph.links
    early, binding = forward_pass(graph, lower)
    assert (early, binding) == plain_held(n, order, links, lower, None)
    # Release times read given starts (levelled ones: any starts at all will do here).
    assert release_times(graph, lower, start) == plain_held(n, order, links, lower, start)
    finish = max([e + d for e, d in zip(early, graph.durations, strict=True)], default=0)
    assert backward_pass(graph, finish) == plain_latest(order, links, graph.durations, finish)
    for i in range(n):
        assert links_into(graph, i) == [link for link in links if link[1] == i]
        assert graph.preds[i] == [link for link in links if link[1] == i]
        assert graph.succs[i] == [link for link in links if link[0] == i]


@pytest.mark.parametrize(
    "pairs",
    [
        [(0, 2), (1, 2), (0, 3), (2, 4), (3, 4), (1, 4)],  # by successor: the survey's column
        [(0, 3), (1, 2), (2, 4), (0, 2)],  # down the document, successors out of order
        [(3, 1), (0, 3), (1, 4)],  # a link up the document: a topological order of its own
    ],
)
def test_the_links_into_each_initiative_are_found_however_the_graph_was_made(
    pairs: list[tuple[int, int]],
) -> None:
    s = Strategy("Plan", dt.date(2027, 1, 4))
    for i in range(5):
        s.initiatives[f"K{i}"] = Initiative(f"K{i}", f"Work {i}", i % 3)
    s.dependencies = [Dependency(f"K{a}", f"K{b}", "FF", 1) for a, b in pairs]
    for survey in (validate_strategy(s, check_cycles=False), None):
        graph = build_graph(s, survey)
        for i in range(5):
            expected = [link for link in graph.links if link[1] == i]
            assert links_into(graph, i) == expected
        if graph.into_succ is not None:
            assert graph.into_succ == [link[1] for link in graph.into]
        place = {i: at for at, i in enumerate(graph.order)}
        assert sorted(place) == list(range(5))
        assert all(place[p] < place[s] for p, s, _, _ in graph.links)
        # The document order is kept as a range (no int object per index).
        assert (graph.order == range(5)) == all(a < b for a, b in pairs)
