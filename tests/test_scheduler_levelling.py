"""Capacity levelling on hand-computed cases: order, reasons, warnings and the critical path."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain import Dependency, Initiative, Strategy
from cxroadmap.scheduling.planner import schedule


def make(durations: dict[str, int], deps: list[Dependency], max_parallel: int) -> Strategy:
    strategy = Strategy("Levelled", dt.date(2027, 1, 4), max_parallel=max_parallel)
    for key, duration in durations.items():
        strategy.initiatives[key] = Initiative(key, f"{key} title", duration)
    strategy.dependencies = deps
    return strategy


def test_one_at_a_time_runs_the_least_latest_start_first() -> None:
    result = schedule(make({"A": 3, "B": 2, "C": 4}, [], max_parallel=1))
    # Unlevelled, all start at 0 and F = 4, so the latest starts are A 1, B 2, C 0.
    spans = {k: (i.start_day, i.finish_day) for k, i in result.items.items()}
    assert spans == {"A": (4, 7), "B": (7, 9), "C": (0, 4)}
    assert [result.items[k].early_start for k in "ABC"] == [0, 0, 0]
    assert [result.items[k].reason for k in "ABC"] == [
        "capacity (max 1 in parallel)",
        "capacity (max 1 in parallel)",
        "project start",
    ]
    assert [result.items[k].slack_days for k in "ABC"] == [2, 0, 5]
    assert result.critical_path == ["B"]
    assert result.finish_day == 9
    assert result.warnings == [
        "Levelling to at most 1 in parallel moves the finish from 2027-01-07 to 2027-01-14, "
        "5 working days later"
    ]


def test_levelling_keeps_dependencies_and_milestones_take_no_capacity() -> None:
    strategy = make(
        {"A": 5, "B": 5, "C": 5, "D": 2, "M": 0},
        [Dependency("A", "D"), Dependency("D", "M")],
        max_parallel=2,
    )
    result = schedule(strategy)
    spans = {k: (i.start_day, i.finish_day) for k, i in result.items.items()}
    # Latest starts unlevelled (F = 7): A 0, B 2, C 2, D 5; A and B go first, then C and D.
    assert spans == {"A": (0, 5), "B": (0, 5), "C": (5, 10), "D": (5, 7), "M": (7, 7)}
    assert result.items["C"].reason == "capacity (max 2 in parallel)"
    assert result.items["D"].reason == "FS from A"
    assert result.items["M"].reason == "FS from D"
    assert result.finish_day == 10
    assert result.critical_path == ["C"]


def test_enough_capacity_leaves_the_early_start_schedule_and_warns_of_nothing() -> None:
    deps = [Dependency("A", "B"), Dependency("A", "C", "SS", 2)]
    levelled = schedule(make({"A": 4, "B": 3, "C": 6}, deps, max_parallel=2))
    one_at_a_time = schedule(make({"A": 4, "B": 3, "C": 6}, list(deps), max_parallel=1))
    assert {k: i.start_day for k, i in levelled.items.items()} == {"A": 0, "B": 4, "C": 2}
    assert levelled.warnings == []
    # With one at a time, C (least latest start after A) waits for A, then B waits for C.
    assert {k: i.start_day for k, i in one_at_a_time.items.items()} == {"A": 0, "B": 10, "C": 4}
    assert one_at_a_time.finish_day == 13


def test_a_successor_of_a_delayed_initiative_follows_its_levelled_finish() -> None:
    strategy = make({"A": 4, "B": 4, "C": 1}, [Dependency("B", "C", "FF", 1)], max_parallel=1)
    result = schedule(strategy)
    # Unlevelled (F = 5): latest starts A 1, B 0, C 4. B runs first; at day 4 C is released
    # (finish >= B's finish + 1) but A has the lesser latest start, so A runs 4-8, C 8-9.
    spans = {k: (i.start_day, i.finish_day) for k, i in result.items.items()}
    assert spans == {"A": (4, 8), "B": (0, 4), "C": (8, 9)}
    assert result.items["C"].reason == "capacity (max 1 in parallel)"


def test_a_successor_held_by_finish_to_finish_may_start_before_its_predecessor() -> None:
    strategy = make(
        {"P": 5, "A": 2, "B": 10}, [Dependency("P", "A"), Dependency("A", "B", "FF")], 2
    )
    result = schedule(strategy)
    # B only has to finish after A (day 7); starting at 0 it runs beside P, then beside A.
    spans = {k: (i.start_day, i.finish_day) for k, i in result.items.items()}
    assert spans == {"P": (0, 5), "A": (5, 7), "B": (0, 10)}
    assert result.items["B"].reason == "project start"
    assert result.warnings == []


def test_a_lower_priority_initiative_fills_the_gap_before_a_later_one() -> None:
    strategy = make({"X": 3, "Y": 2, "Z": 3}, [], max_parallel=1)
    strategy.initiatives["X"].not_before = dt.date(2027, 1, 11)  # day 5
    result = schedule(strategy)
    # Unlevelled F = 8, latest starts X 5, Y 6, Z 5. X goes first (document order breaks
    # the tie with Z) at day 5; Z then takes days 0-2 and Y the two days left, 3 and 4.
    spans = {k: (i.start_day, i.finish_day) for k, i in result.items.items()}
    assert spans == {"X": (5, 8), "Y": (3, 5), "Z": (0, 3)}
    assert result.finish_day == 8
    assert [result.items[k].reason for k in "XYZ"] == [
        "not before 2027-01-11",
        "capacity (max 1 in parallel)",
        "project start",
    ]
