"""Hand-computed schedules: dependency types and lags, calendars, constraints, milestones, path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest

from cxroadmap.domain import (
    CycleError,
    Dependency,
    Initiative,
    Phase,
    Strategy,
    ValidationError,
    parse_duration,
)
from cxroadmap.scheduling.planner import schedule

MONDAY = dt.date(2027, 1, 4)


def make(durations: dict[str, int], deps: Sequence[Dependency] = (), **strategy: Any) -> Strategy:
    result = Strategy("Test strategy", MONDAY, **strategy)
    for key, duration in durations.items():
        result.initiatives[key] = Initiative(key, f"{key} title", duration)
    result.dependencies = list(deps)
    return result


def row(strategy: Strategy, key: str) -> tuple[int, int, int, bool]:
    item = schedule(strategy).items[key]
    return item.start_day, item.finish_day, item.slack_days, item.critical


# A lasts 10 days, B 5 days; B depends on A. (type, lag) -> B's (start, finish, slack,
# critical), A's (slack, critical), project finish day, B's reason.
CASES = [
    ("FS", 0, (10, 15, 0, True), (0, True), 15, "FS from A"),
    ("FS", 3, (13, 18, 0, True), (0, True), 18, "FS from A +3d"),
    ("FS", -4, (6, 11, 0, True), (0, True), 11, "FS from A -4d"),
    ("SS", 0, (0, 5, 5, False), (0, True), 10, "SS from A"),
    ("SS", 3, (3, 8, 2, False), (0, True), 10, "SS from A +3d"),
    ("SS", -2, (0, 5, 5, False), (0, True), 10, "project start"),
    ("FF", 0, (5, 10, 0, True), (0, True), 10, "FF from A"),
    ("FF", 2, (7, 12, 0, True), (0, True), 12, "FF from A +2d"),
    ("FF", -3, (2, 7, 3, False), (0, True), 10, "FF from A -3d"),
    ("SF", 0, (0, 5, 5, False), (0, True), 10, "project start"),
    ("SF", 8, (3, 8, 2, False), (0, True), 10, "SF from A +8d"),
    ("SF", 12, (7, 12, 0, True), (0, True), 12, "SF from A +12d"),
    ("SF", -1, (0, 5, 5, False), (0, True), 10, "project start"),
]


@pytest.mark.parametrize(("kind", "lag", "b", "a", "finish", "reason"), CASES)
def test_each_dependency_type_and_lag_gives_the_hand_computed_schedule(
    kind: str,
    lag: int,
    b: tuple[int, int, int, bool],
    a: tuple[int, bool],
    finish: int,
    reason: str,
) -> None:
    strategy = make({"A": 10, "B": 5}, [Dependency("A", "B", kind, lag)])
    result = schedule(strategy)
    item_a, item_b = result.items["A"], result.items["B"]
    assert (item_b.start_day, item_b.finish_day, item_b.slack_days, item_b.critical) == b
    assert (item_a.start_day, item_a.finish_day) == (0, 10)
    assert (item_a.slack_days, item_a.critical) == a
    assert result.finish_day == finish
    assert item_b.reason == reason
    assert item_a.reason == "project start"
    assert item_b.latest_start == item_b.start_day + item_b.slack_days


def test_dates_are_working_days_on_a_monday_to_friday_week() -> None:
    result = schedule(make({"A": 10, "B": 5}, [Dependency("A", "B", "FS", 3)]))
    a, b = result.items["A"], result.items["B"]
    assert (a.start, a.finish) == (dt.date(2027, 1, 4), dt.date(2027, 1, 15))
    # Day 13 is Thursday 21 January; five days end on Wednesday 27 January.
    assert (b.start, b.finish) == (dt.date(2027, 1, 21), dt.date(2027, 1, 27))
    assert result.start == MONDAY
    assert result.finish == dt.date(2027, 1, 27)
    assert result.finish_day == 18


def test_a_monday_to_thursday_week_with_a_holiday_counts_weeks_of_four_days() -> None:
    weeks = parse_duration("2w", "duration", days_per_week=4)
    strategy = make(
        {"X": weeks, "Y": 1},
        [Dependency("X", "Y")],
        working_days=("mon", "tue", "wed", "thu"),
        holidays=[dt.date(2027, 1, 12)],
    )
    result = schedule(strategy)
    x, y = result.items["X"], result.items["Y"]
    assert weeks == 8
    # Working days: 4, 5, 6, 7 Jan; 11, (12 is a holiday) 13, 14 Jan; 18 Jan is day 7.
    assert (x.start_day, x.finish_day) == (0, 8)
    assert (x.start, x.finish) == (dt.date(2027, 1, 4), dt.date(2027, 1, 18))
    assert (y.start_day, y.start, y.finish) == (8, dt.date(2027, 1, 19), dt.date(2027, 1, 19))
    assert result.finish == dt.date(2027, 1, 19)


def test_a_strategy_starting_on_a_saturday_begins_work_on_monday() -> None:
    strategy = make({"A": 1, "M": 0})
    strategy.start = dt.date(2027, 1, 2)
    result = schedule(strategy)
    assert result.start == dt.date(2027, 1, 2)
    assert result.items["A"].start == dt.date(2027, 1, 4)
    assert result.items["M"].start == dt.date(2027, 1, 4)
    assert result.finish == dt.date(2027, 1, 4)


def test_not_before_holds_an_initiative_until_the_first_working_day_on_or_after_it() -> None:
    strategy = make({"A": 3, "N": 2, "E": 2})
    strategy.initiatives["N"].not_before = dt.date(2027, 1, 9)  # a Saturday
    strategy.initiatives["E"].not_before = dt.date(2026, 12, 1)  # before the start: harmless
    result = schedule(strategy)
    n, e = result.items["N"], result.items["E"]
    assert (n.start_day, n.start, n.reason) == (5, dt.date(2027, 1, 11), "not before 2027-01-09")
    assert (n.early_start, n.critical) == (5, True)
    assert (e.start_day, e.reason) == (0, "project start")
    assert result.warnings == []


def test_a_dependency_later_than_not_before_is_the_reason() -> None:
    strategy = make({"A": 10, "B": 2}, [Dependency("A", "B")])
    strategy.initiatives["B"].not_before = dt.date(2027, 1, 6)
    assert schedule(strategy).items["B"].reason == "FS from A"
    assert row(strategy, "B") == (10, 12, 0, True)


SHORT_PHASES = [Phase("Short term", 2), Phase("Medium term", 2), Phase("Long term")]


def test_a_phase_pin_starts_an_initiative_at_the_first_working_day_of_its_phase() -> None:
    strategy = make({"P": 5, "Q": 3}, phases=list(SHORT_PHASES))
    strategy.initiatives["P"].phase = "Medium term"
    strategy.initiatives["Q"].phase = "Short term"
    result = schedule(strategy)
    p, q = result.items["P"], result.items["Q"]
    assert (p.start_day, p.start, p.phase, p.reason) == (
        10,
        dt.date(2027, 1, 18),
        "Medium term",
        "pinned to Medium term",
    )
    assert (q.start_day, q.phase, q.reason) == (0, "Short term", "project start")
    assert result.warnings == []


def test_a_pinned_initiative_pushed_past_its_phase_is_warned_about() -> None:
    strategy = make({"Q": 30, "R": 2}, [Dependency("Q", "R")], phases=list(SHORT_PHASES))
    strategy.initiatives["R"].phase = "Short term"
    result = schedule(strategy)
    r = result.items["R"]
    assert (r.start_day, r.start, r.phase) == (30, dt.date(2027, 2, 15), "Long term")
    assert result.warnings == ["R is pinned to Short term but starts on 2027-02-15, in Long term"]


def test_phases_follow_the_calendar_weeks_of_each_start_date() -> None:
    strategy = make({"A": 9, "B": 1, "C": 1}, phases=list(SHORT_PHASES))
    strategy.dependencies = [Dependency("A", "B"), Dependency("A", "C", "FS", 10)]
    result = schedule(strategy)
    # Day 9 is Friday 15 January (Short term); day 19 is Friday 29 January (Medium term).
    assert [result.items[k].phase for k in "ABC"] == ["Short term", "Short term", "Medium term"]


def test_a_milestone_shows_the_date_of_the_working_day_before_it() -> None:
    strategy = make({"A": 10, "M": 0, "Z": 0}, [Dependency("A", "M")], phases=list(SHORT_PHASES))
    result = schedule(strategy)
    m, z = result.items["M"], result.items["Z"]
    # M is at day 10 (Monday 18 January, Medium term) but marks the end of Friday 15 January.
    assert (m.start_day, m.finish_day) == (10, 10)
    assert (m.start, m.finish) == (dt.date(2027, 1, 15), dt.date(2027, 1, 15))
    assert m.phase == "Short term"
    assert (m.critical, m.reason) == (True, "FS from A")
    # A milestone at day 0 shows the date of day 0.
    assert (z.start_day, z.finish_day, z.start, z.finish) == (0, 0, MONDAY, MONDAY)
    assert z.phase == "Short term"
    assert (z.slack_days, z.critical) == (10, False)


def test_a_strategy_of_milestones_only_finishes_on_its_start_date() -> None:
    result = schedule(make({"M": 0}))
    assert (result.finish_day, result.finish, result.critical_path) == (0, MONDAY, ["M"])


def test_an_empty_strategy_schedules_to_nothing() -> None:
    result = schedule(make({}))
    assert result.finish_day == 0
    assert result.finish == MONDAY
    assert result.items == {}
    assert result.warnings == []
    assert result.critical_path == []


def test_the_critical_path_follows_the_binding_chain_to_a_closing_milestone() -> None:
    strategy = make(
        {"A": 10, "C": 2, "B": 5, "D": 1, "GO": 0},
        [
            Dependency("A", "B"),
            Dependency("A", "C"),
            Dependency("C", "D"),
            Dependency("B", "GO"),
            Dependency("D", "GO"),
        ],
    )
    result = schedule(strategy)
    assert result.critical_path == ["A", "B", "GO"]
    assert [k for k, item in result.items.items() if item.critical] == ["A", "B", "GO"]
    assert [result.items[k].slack_days for k in ("C", "D")] == [2, 2]
    assert result.finish_day == 15


def test_the_critical_path_starts_where_a_not_before_date_holds_it() -> None:
    strategy = make({"A": 3, "B": 4, "C": 2}, [Dependency("B", "C")])
    strategy.initiatives["B"].not_before = dt.date(2027, 1, 11)
    result = schedule(strategy)
    assert result.critical_path == ["B", "C"]
    assert result.finish_day == 11


def test_a_cycle_is_refused_with_its_keys_in_order_from_the_earliest_key() -> None:
    strategy = make(
        {"B": 1, "A": 1, "C": 1},
        [Dependency("A", "B"), Dependency("B", "C"), Dependency("C", "A")],
    )
    with pytest.raises(CycleError) as caught:
        schedule(strategy)
    assert str(caught.value) == "dependency cycle: B -> C -> A -> B"
    assert caught.value.cycle == ["B", "C", "A", "B"]


@pytest.mark.parametrize(
    ("durations", "dep", "where", "named"),
    [
        ({"A": 1}, Dependency("A", "NOPE"), "dependencies[0].to", "'NOPE'"),
        ({"A": 1}, Dependency("A", "A"), "dependencies[0]", "'A'"),
        ({"A": -1, "B": 1}, Dependency("A", "B"), "initiatives[A].duration", "-1"),
        ({"A": 1, "B": 1}, Dependency("A", "B", "XX"), "dependencies[0].type", "'XX'"),
    ],
)
def test_bad_input_surfaces_from_schedule_naming_the_key_or_field(
    durations: dict[str, int], dep: Dependency, where: str, named: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        schedule(make(durations, [dep]))
    assert caught.value.where == where
    assert named in str(caught.value)


def test_dependency_types_are_read_case_insensitively() -> None:
    assert row(make({"A": 10, "B": 5}, [Dependency("A", "B", "ss", 3)]), "B") == (3, 8, 2, False)


def test_a_lower_case_type_is_worded_upper_case_in_the_reason_and_lags_keep_their_sign() -> None:
    plan = make(
        {"A": 10, "B": 5, "C": 4, "D": 2},
        [Dependency("A", "B", "ss", 3), Dependency("A", "C", "FS", -2), Dependency("C", "D", "Ff")],
    )
    items = schedule(plan).items
    assert [items[k].reason for k in "BCD"] == ["SS from A +3d", "FS from A -2d", "FF from C"]


def test_an_initiative_depending_on_a_dropped_one_is_warned_about() -> None:
    strategy = make({"A": 2, "B": 2, "C": 2}, [Dependency("A", "B"), Dependency("A", "C")])
    strategy.initiatives["A"].status = "dropped"
    strategy.initiatives["C"].status = "dropped"
    assert schedule(strategy).warnings == ["B depends on A, which is dropped"]
