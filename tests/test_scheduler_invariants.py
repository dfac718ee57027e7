"""Invariants of every schedule, checked on random strategies (hypothesis and seeded graphs)."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxroadmap.domain import Dependency, Initiative, Phase, Strategy
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import Schedule

START = dt.date(2027, 1, 4)
PHASES = [Phase("Short term", 3), Phase("Medium term", 6), Phase("Long term")]


def constraint_bounds(strategy: Strategy, result: Schedule, key: str) -> list[int]:
    """Every lower bound on `key`'s start under the scheduled starts of its predecessors."""
    calendar = strategy.calendar()
    items = result.items
    ini = strategy.initiatives[key]
    bounds = [0]
    if ini.not_before is not None:
        bounds.append(calendar.index_on_or_after(ini.not_before))
    if ini.phase is not None:
        begin = {name: b for name, b, _ in strategy.phase_bounds()}[ini.phase]
        bounds.append(calendar.index_on_or_after(begin))
    for dep in strategy.dependencies:
        if dep.to_key != key:
            continue
        p, d = items[dep.from_key], ini.duration
        bounds.append(
            {
                "FS": p.finish_day + dep.lag,
                "SS": p.start_day + dep.lag,
                "FF": p.finish_day + dep.lag - d,
                "SF": p.start_day + dep.lag - d,
            }[dep.type]
        )
    return bounds


def check_schedule(strategy: Strategy, result: Schedule) -> None:
    items = result.items
    assert list(items) == list(strategy.initiatives)
    finishes = [i.finish_day for i in items.values()]
    assert result.finish_day == max(finishes, default=0)
    for key, item in items.items():
        assert item.finish_day - item.start_day == strategy.initiatives[key].duration
        bounds = constraint_bounds(strategy, result, key)
        assert item.start_day >= max(bounds)
        assert item.start_day >= item.early_start
        assert item.slack_days >= 0
        assert item.slack_days == item.latest_start - item.start_day
        assert item.critical == (item.slack_days == 0)
        assert item.finish_day + item.slack_days <= result.finish_day
        if strategy.max_parallel is None:
            # Early start: held exactly by one of its constraints, never later.
            assert item.start_day == max(bounds) == item.early_start
            assert not item.reason.startswith("capacity")
    path = result.critical_path
    if items:
        assert path
        assert items[path[-1]].finish_day == result.finish_day
        assert all(items[k].critical for k in path)
        pairs = {d.pair for d in strategy.dependencies}
        assert all((a, b) in pairs for a, b in itertools.pairwise(path))
    else:
        assert path == []
    if strategy.max_parallel is not None:
        check_capacity(strategy, result)


def check_capacity(strategy: Strategy, result: Schedule) -> None:
    """At most K initiatives with work in progress on any day (a sweep over start/finish)."""
    events: list[tuple[int, int]] = []
    for item in result.items.values():
        if item.finish_day > item.start_day:
            events.append((item.start_day, 1))
            events.append((item.finish_day, -1))
    running = 0
    for _, change in sorted(events):  # a finish (-1) sorts before a start on the same day
        running += change
        assert running <= (strategy.max_parallel or 0)


@st.composite
def strategies(draw: st.DrawFn) -> Strategy:
    n = draw(st.integers(0, 12))
    strategy = Strategy(
        "Random",
        START,
        working_days=draw(st.sampled_from([("mon", "tue", "wed", "thu", "fri"), ("mon", "wed")])),
        holidays=draw(st.lists(st.dates(START, START + dt.timedelta(days=60)), max_size=4)),
        max_parallel=draw(st.one_of(st.none(), st.integers(1, 3))),
        phases=list(PHASES),
    )
    for i in range(n):
        key = f"K{i}"
        ini = Initiative(key, f"Initiative {i}", draw(st.integers(0, 10)))
        if draw(st.integers(0, 5)) == 0:
            ini.not_before = START + dt.timedelta(days=draw(st.integers(-10, 60)))
        if draw(st.integers(0, 5)) == 0:
            ini.phase = draw(st.sampled_from(["Short term", "Medium term", "Long term"]))
        strategy.initiatives[key] = ini
    if n >= 2:
        pairs = draw(
            st.sets(
                st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
                    lambda ab: ab[0] < ab[1]
                ),
                max_size=2 * n,
            )
        )
        for a, b in sorted(pairs):
            kind = draw(st.sampled_from(["FS", "SS", "FF", "SF"]))
            lag = draw(st.integers(-5, 5))
            strategy.dependencies.append(Dependency(f"K{a}", f"K{b}", kind, lag))
        # Document order need not be topological: shuffle it.
        order = draw(st.permutations(list(strategy.initiatives)))
        strategy.initiatives = {k: strategy.initiatives[k] for k in order}
    return strategy


@settings(max_examples=300, deadline=None)
@given(strategies())
def test_every_schedule_meets_its_constraints_and_has_a_critical_chain(strategy: Strategy) -> None:
    check_schedule(strategy, schedule(strategy))


@settings(max_examples=100, deadline=None)
@given(strategies())
def test_scheduling_is_deterministic(strategy: Strategy) -> None:
    first = schedule(strategy)
    second = schedule(strategy)
    assert first == second


@settings(max_examples=100, deadline=None)
@given(strategies())
def test_levelling_never_starts_before_the_early_start_schedule(strategy: Strategy) -> None:
    levelled = schedule(strategy)
    strategy.max_parallel = None
    early = schedule(strategy)
    for key, item in levelled.items.items():
        assert item.early_start == early.items[key].start_day
        assert item.start_day >= early.items[key].start_day
    assert levelled.finish_day >= early.finish_day


def random_dag(seed: int, n: int, capacity: int) -> Strategy:
    """A roadmap-like DAG: mixed dependency types and lags, some milestones and dates."""
    rng = random.Random(seed)
    strategy = Strategy("Random DAG", START, max_parallel=capacity, phases=list(PHASES))
    for i in range(n):
        key = f"I{i:03d}"
        ini = Initiative(key, key, 0 if rng.random() < 0.08 else rng.randint(1, 30))
        if rng.random() < 0.05:
            ini.not_before = START + dt.timedelta(days=rng.randint(0, 120))
        strategy.initiatives[key] = ini
    keys = list(strategy.initiatives)
    pairs = set()
    for _ in range(n * 3 // 2):
        b = rng.randrange(1, n)
        pairs.add((rng.randrange(0, b), b))
    for a, b in sorted(pairs):
        kind = rng.choice(["FS", "FS", "FS", "SS", "FF", "SF"])
        strategy.dependencies.append(Dependency(keys[a], keys[b], kind, rng.choice([0, 0, 3, -2])))
    return strategy


@pytest.mark.parametrize("seed", range(14))
def test_levelling_random_graphs_is_valid_and_near_the_lower_bound(seed: int) -> None:
    # Small capacities make total work the bound, large ones the critical path.
    capacity = (1, 2, 3, 5, 8, 12, 20)[seed % 7]
    strategy = random_dag(seed, 150, capacity)
    result = schedule(strategy)
    check_schedule(strategy, result)
    strategy.max_parallel = None
    critical_length = schedule(strategy).finish_day
    work = sum(ini.duration for ini in strategy.initiatives.values())
    bound = max(critical_length, -(-work // capacity))
    assert bound <= result.finish_day <= 1.5 * bound


@settings(max_examples=100, deadline=None)
@given(strategies())
def test_capacity_for_everything_levels_to_the_early_start_schedule(strategy: Strategy) -> None:
    strategy.max_parallel = max(1, len(strategy.initiatives))
    levelled = schedule(strategy)
    assert all(item.start_day == item.early_start for item in levelled.items.values())
    assert levelled.warnings == [w for w in levelled.warnings if not w.startswith("Levelling")]
