"""Levelling's day-by-day load (bytes searched in C) places exactly as the plain way does."""

from __future__ import annotations

import heapq

from hypothesis import given, settings
from hypothesis import strategies as st

from cxroadmap.scheduling.graph import DependencyGraph, Link, make_graph
from cxroadmap.scheduling.levelling import _Load, level


def plain_level(
    graph: DependencyGraph,
    early: list[int],
    latest: list[int],
    capacity: int,
    fixed: dict[int, int],
) -> list[int]:
    """The serial scheme of level()'s docstring, written the plain way: one count per day,
    each start tried in turn until every day of the duration has room."""
    n = len(graph.keys)
    durations = graph.durations
    load: dict[int, int] = {}
    for i, day in fixed.items():
        for d in range(day, day + durations[i]):
            load[d] = load.get(d, 0) + 1
    start = [0] * n
    release = list(early)
    waiting = [len(links) for links in graph.preds]
    ready = [(latest[i], i) for i in range(n) if waiting[i] == 0]
    heapq.heapify(ready)
    while ready:
        _, i = heapq.heappop(ready)
        day = release[i]
        if durations[i] > 0 and i not in fixed:
            while any(load.get(d, 0) >= capacity for d in range(day, day + durations[i])):
                day += 1
            for d in range(day, day + durations[i]):
                load[d] = load.get(d, 0) + 1
        start[i] = day
        for _, s, offset, _ in graph.succs[i]:
            release[s] = max(release[s], day + offset)
            waiting[s] -= 1
            if waiting[s] == 0:
                heapq.heappush(ready, (latest[s], s))
    return start


@st.composite
def plans(draw: st.DrawFn) -> tuple[DependencyGraph, list[int], list[int], dict[int, int]]:
    """A random DAG (links point down the index order) with early and latest starts."""
    n = draw(st.integers(1, 14))
    durations = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
    links: list[Link] = []
    pairs = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=20))
    for p, s in sorted((p, s) for p, s in pairs if p < s):
        links.append((p, s, draw(st.integers(-4, 12)), 0))
    early = draw(st.lists(st.integers(0, 15), min_size=n, max_size=n))
    latest = draw(st.lists(st.integers(-3, 30), min_size=n, max_size=n))
    fixed = draw(st.dictionaries(st.integers(0, n - 1), st.integers(0, 20), max_size=3))
    graph = make_graph([f"K{i}" for i in range(n)], durations, links, list(range(n)))
    return graph, early, latest, fixed


@settings(max_examples=300, deadline=None)
@given(plans(), st.sampled_from([1, 2, 3, 5, 254, 255, 256, 1000]))
def test_level_places_every_initiative_where_the_plain_way_does(
    plan: tuple[DependencyGraph, list[int], list[int], dict[int, int]], capacity: int
) -> None:
    graph, early, latest, fixed = plan
    expected = plain_level(graph, early, latest, capacity, fixed)
    assert level(graph, early, latest, capacity, fixed) == expected


def _chain_free(n: int, duration: int) -> DependencyGraph:
    """n initiatives of one duration and no links."""
    return make_graph([f"K{i}" for i in range(n)], [duration] * n, [], list(range(n)))


def test_counts_past_one_byte_are_kept_exactly() -> None:
    # 300 initiatives at most 256 at a time: the first 256 start at 0, the rest wait.
    graph = _chain_free(300, 2)
    starts = level(graph, [0] * 300, [0] * 300, 256)
    assert starts == [0] * 256 + [2] * 44
    # With a capacity of 254 the bytes count stops at the capacity and stays full.
    starts = level(graph, [0] * 300, [0] * 300, 254)
    assert starts == [0] * 254 + [2] * 46


def test_fixed_work_beyond_capacity_keeps_its_days_full() -> None:
    # Two fixed at day 0..4 with capacity 1: day 0 to 3 stay full for the third.
    graph = _chain_free(3, 4)
    assert level(graph, [0, 0, 0], [0, 0, 0], 1, {0: 0, 1: 0}) == [0, 0, 4]
    # A fixed block at days 10 to 13 (its early start is its fixed day): the fourth,
    # which would cross it at day 8, goes after it.
    graph = _chain_free(4, 4)
    assert level(graph, [10, 0, 0, 0], [0, 0, 0, 0], 1, {0: 10}) == [10, 0, 4, 14]


@settings(max_examples=200, deadline=None)
@given(
    capacity=st.integers(1, 4),
    jobs=st.lists(st.tuples(st.integers(0, 30), st.integers(1, 12)), min_size=1, max_size=40),
)
def test_place_books_the_days_as_book_does(capacity: int, jobs: list[tuple[int, int]]) -> None:
    # `place` books in place when the days exist (byte counts); `book` otherwise: both
    # must leave the same counts, full days and first open day as finding then booking.
    placed, booked = _Load(capacity), _Load(capacity)
    for earliest, duration in jobs:
        at = placed.place(earliest, duration)
        t = booked.full.find(bytes(duration), max(earliest, booked._open))
        if t < 0:
            t = max(earliest, booked.full.rfind(1) + 1)
        booked.book(t, t + duration)
        assert at == t
        assert (placed.used, placed.full, placed._open) == (booked.used, booked.full, booked._open)
