"""The worker's memo of its last plans gives the same schedule, or error, as a plain plan."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_scheduler_survey import START, plans

from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.quick_checks import records_look_fine
from cxroadmap.scheduling import memo as memo_module
from cxroadmap.scheduling.graph import build_graph
from cxroadmap.scheduling.memo import PlanMemo
from cxroadmap.scheduling.planner import schedule

# Values an edit may leave in a field, good and bad (a bad one must give the plain error).
VALUES: dict[str, list[Any]] = {
    "duration": [0, 1, 5, 13, 40, -1, 10**9, 2.5, True, None],
    "title": ["Renamed", "", "   ", 7, "x" * 5000],
    "phase": [None, "Short term", "Long term", "Nowhere"],
    "not_before": [None, START + dt.timedelta(days=40), dt.date(1000, 1, 1), "2027-02-01"],
    "status": ["planned", "dropped", "done", "in_progress", "bogus"],
    "percent_complete": [0, 50, 100, 150],
    "actual_start": [None, START + dt.timedelta(days=3)],
    "touchpoints": [[], ["TP1"], ["TPX"]],
    "impact": [1, 3, 5, 9],
    "cost": [None, 10.0, -5.0],
    "key": ["ZZ"],  # not the key it is filed under
}


def outcome(plan: Any) -> tuple[str, str]:
    """The schedule's whole repr, or the error's type and message."""
    try:
        return "schedule", repr(plan())
    except Exception as exc:
        return type(exc).__name__, str(exc)


def next_copy(current: Strategy, rng: random.Random, serial: int) -> Strategy:
    """A copy of `current` with one random edit, sharing every object the edit did not
    touch (as ui/snapshots.py's copies do): `current` itself is never changed."""
    made = replace(
        current,
        initiatives=dict(current.initiatives),
        dependencies=list(current.dependencies),
        phases=list(current.phases),
    )
    keys = list(made.initiatives)
    kind = rng.randrange(12)
    if kind <= 3 and keys:  # the most common edit: one field of one initiative
        key = rng.choice(keys)
        name = rng.choice(sorted(VALUES))
        made.initiatives[key] = replace(made.initiatives[key], **{name: rng.choice(VALUES[name])})
    elif kind == 4:  # a new initiative somewhere in the document
        items = list(made.initiatives.items())
        new = Initiative(f"N{serial}", f"New {serial}", rng.choice([0, 3, 8]))
        items.insert(rng.randint(0, len(items)), (new.key, new))
        made.initiatives = dict(items)
    elif kind == 5 and keys:  # an initiative removed, with its links or leaving them dangling
        key = rng.choice(keys)
        del made.initiatives[key]
        if rng.random() < 0.8:
            made.dependencies = [d for d in made.dependencies if key not in d.pair]
    elif kind == 6 and len(keys) > 1:  # a new link, maybe a duplicate, on itself or a cycle
        a, b = rng.choice(keys), rng.choice(keys)
        made.dependencies.insert(
            rng.randint(0, len(made.dependencies)),
            Dependency(a, b, rng.choice(["FS", "SS", "FF", "SF"]), rng.choice([0, 2, -3])),
        )
    elif kind == 7 and made.dependencies:  # a link removed or changed
        at = rng.randrange(len(made.dependencies))
        if rng.random() < 0.5:
            del made.dependencies[at]
        else:
            change = rng.choice(
                [{"type": "ss"}, {"type": "XX"}, {"type": "FF"}, {"lag": 5}, {"lag": 1.5}]
            )
            made.dependencies[at] = replace(made.dependencies[at], **change)
    elif kind == 8:  # a phase renamed or resized (pins to its old name then fail)
        at = rng.randrange(len(made.phases))
        phase = made.phases[at]
        renamed = rng.random() < 0.5 and at < len(made.phases)
        made.phases[at] = replace(phase, name="Renamed") if renamed else replace(phase, weeks=5)
    elif kind == 9:
        made.max_parallel = rng.choice([None, 1, 3, 0])
    elif kind == 10 and len(keys) > 1:  # the same objects in another order
        items = list(made.initiatives.items())
        item = items.pop(rng.randrange(len(items)))
        items.insert(rng.randrange(len(items) + 1), item)
        made.initiatives = dict(items)
    elif kind == 11:  # a whole copy: equal objects, none of them the same
        made.initiatives = {k: replace(i) for k, i in made.initiatives.items()}
        made.dependencies = [replace(d) for d in made.dependencies]
    return made


@settings(max_examples=120, deadline=None)
@given(plans(), st.integers(0, 10**6), st.integers(1, 25))
def test_every_plan_of_a_sequence_of_edits_is_the_plain_plan(
    first: Strategy, seed: int, edits: int
) -> None:
    rng = random.Random(seed)
    memo = PlanMemo()
    current = first
    for serial in range(edits + 1):
        remembered = outcome(lambda s=current: schedule(s, memo))
        assert remembered == outcome(lambda s=current: schedule(s))
        if remembered[0] == "schedule" and records_look_fine(current) is not None:
            _same_graph(memo, current)  # kept or patched, it is the graph made afresh
        current = next_copy(current, rng, serial)


def _same_graph(memo: PlanMemo, strategy: Strategy) -> None:
    kept, fresh = memo._graph, build_graph(strategy)
    assert kept is not None
    assert (kept.keys, kept.durations, kept.links, kept.order, kept.into, kept.place) == (
        fresh.keys,
        fresh.durations,
        fresh.links,
        fresh.order,
        fresh.into,
        fresh.place,
    )


def _tested_counts(monkeypatch: Any) -> list[int]:
    """How many initiatives each run of the compiled record tests was given."""
    counts: list[int] = []
    fine = memo_module.initiatives_fine

    def counted(initiatives: Any, names: set[str]) -> Any:
        counts.append(len(initiatives))
        return fine(initiatives, names)

    monkeypatch.setattr(memo_module, "initiatives_fine", counted)
    return counts


def _plan(n: int) -> Strategy:
    s = Strategy("Plan", START)
    for i in range(n):
        s.initiatives[f"K{i}"] = Initiative(f"K{i}", f"Work {i}", 1 + i % 7)
    keys = list(s.initiatives)
    s.dependencies = [Dependency(keys[i - 1 - i % 3], keys[i], "FS", 0) for i in range(3, n)]
    return s


def test_only_the_initiatives_not_seen_are_tested_and_the_graph_is_kept(monkeypatch) -> None:
    counts = _tested_counts(monkeypatch)
    memo = PlanMemo()
    first = _plan(40)
    schedule(first, memo)
    graph = memo._graph
    assert counts == [40] and graph is not None
    second = replace(first, initiatives=dict(first.initiatives))
    second.initiatives["K5"] = replace(first.initiatives["K5"], title="Renamed")
    assert repr(schedule(second, memo)) == repr(schedule(second))
    assert counts == [40, 1] and memo._graph is graph  # same durations: the very graph
    third = replace(second, initiatives=dict(second.initiatives))
    # K2 comes before K3, K4 and K5 (finish to start): their links' offsets change.
    third.initiatives["K2"] = replace(second.initiatives["K2"], duration=30)
    assert repr(schedule(third, memo)) == repr(schedule(third))
    assert counts == [40, 1, 1]
    kept = memo._graph
    assert kept is not None and kept is not graph and kept.order is graph.order
    _same_graph(memo, third)
    fourth = replace(third, initiatives=dict(third.initiatives))
    fourth.initiatives["K2"] = replace(third.initiatives["K2"], duration=1)
    assert repr(schedule(fourth, memo)) == repr(schedule(fourth))
    _same_graph(memo, fourth)


def test_a_new_link_or_a_new_order_builds_the_graph_again(monkeypatch) -> None:
    memo = PlanMemo()
    first = _plan(30)
    schedule(first, memo)
    graph = memo._graph
    linked = replace(first, dependencies=[*first.dependencies, Dependency("K2", "K1", "SS", 0)])
    assert repr(schedule(linked, memo)) == repr(schedule(linked))
    assert memo._graph is not graph and memo._graph is not None
    assert list(memo._graph.order) != list(graph.order)  # a link up the document: Kahn's order
    moved = dict(reversed(list(first.initiatives.items())))
    reordered = replace(first, initiatives=moved)
    assert outcome(lambda: schedule(reordered, memo)) == outcome(lambda: schedule(reordered))


def test_a_failed_plan_leaves_the_memo_right_for_the_next(monkeypatch) -> None:
    counts = _tested_counts(monkeypatch)
    memo = PlanMemo()
    first = _plan(20)
    schedule(first, memo)
    bad = replace(first, initiatives=dict(first.initiatives))
    bad.initiatives["K3"] = replace(first.initiatives["K3"], duration=-4)
    assert outcome(lambda: schedule(bad, memo)) == outcome(lambda: schedule(bad))
    assert outcome(lambda: schedule(bad, memo))[0] == "ValidationError"
    mended = replace(bad, initiatives=dict(bad.initiatives))
    mended.initiatives["K3"] = replace(bad.initiatives["K3"], duration=4)
    assert repr(schedule(mended, memo)) == repr(schedule(mended))
    assert counts[-1] == 1  # compared with the last plan that passed, only K3 is new
