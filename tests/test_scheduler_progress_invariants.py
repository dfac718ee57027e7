"""Invariants of schedules with progress (tracking.md), on random plans drawn by hypothesis."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from test_scheduler_invariants import constraint_bounds, strategies

from cxroadmap.domain import Strategy, validate_strategy
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import COMPLETE, NOT_STARTED, STARTED, Schedule

START = dt.date(2027, 1, 4)


@st.composite
def tracked(draw: st.DrawFn) -> Strategy:
    """A random plan with a status date and valid progress on some initiatives."""
    strategy = draw(strategies())
    status = START + dt.timedelta(days=draw(st.integers(0, 40)))
    strategy.status_date = status if draw(st.integers(0, 4)) else None
    last = strategy.status_date or START + dt.timedelta(days=40)
    span = (last - START).days
    for ini in strategy.initiatives.values():
        state = draw(st.sampled_from([NOT_STARTED, NOT_STARTED, STARTED, COMPLETE]))
        if state == NOT_STARTED:
            continue
        began = START + dt.timedelta(days=draw(st.integers(0, span)))
        if state == STARTED:
            ini.actual_start = began
            ini.percent_complete = draw(st.integers(0, 100))
            continue
        ended = began + dt.timedelta(days=draw(st.integers(0, (last - began).days)))
        ini.actual_finish = ended
        if ini.duration == 0:
            ini.actual_start = ended if draw(st.booleans()) else None
        else:
            ini.actual_start = began
            ini.percent_complete = draw(st.sampled_from([0, 100]))
    validate_strategy(strategy)
    return strategy


def check_progress(strategy: Strategy, result: Schedule) -> None:
    calendar = strategy.calendar()
    status_day = (
        None if strategy.status_date is None else calendar.index_on_or_after(strategy.status_date)
    )
    items = result.items
    assert result.finish_day == max((i.finish_day for i in items.values()), default=0)
    for key, item in items.items():
        ini = strategy.initiatives[key]
        assert item.slack_days >= 0
        assert item.finish_day + item.slack_days <= result.finish_day
        if ini.actual_finish is not None:
            # Actuals are never moved.
            assert item.state == COMPLETE
            first = ini.actual_start or ini.actual_finish
            assert item.start_day == calendar.index_on_or_after(first)
            if ini.duration == 0:
                assert item.finish_day == item.start_day
            else:
                last = calendar.index_on_or_after(ini.actual_finish + dt.timedelta(days=1))
                assert item.finish_day == max(last, item.start_day + 1)
            assert (item.slack_days, item.critical) == (0, False)
        elif ini.actual_start is not None:
            assert item.state == STARTED
            assert item.start_day == calendar.index_on_or_after(ini.actual_start)
            assert item.finish_day >= item.start_day + ini.duration
            assert item.behind_days == item.finish_day - item.start_day - ini.duration
            assert item.critical == (item.slack_days == 0)
        else:
            assert item.state == NOT_STARTED
            # Nothing not started before the status day; every link and own bound kept.
            if status_day is not None:
                assert item.start_day >= status_day
            assert item.finish_day - item.start_day == ini.duration
            assert item.start_day >= max(constraint_bounds(strategy, result, key))
            assert item.critical == (item.slack_days == 0)
    if strategy.max_parallel is not None:
        check_planned_capacity(strategy, result)


def check_planned_capacity(strategy: Strategy, result: Schedule) -> None:
    """Facts may crowd a day; on any day planned work is in progress, at most K in all."""
    capacity = strategy.max_parallel or 0
    horizon = result.finish_day
    load = [0] * (horizon + 1)
    planned = [False] * (horizon + 1)
    for item in result.items.values():
        for day in range(item.start_day, item.finish_day):
            load[day] += 1
            if item.state == NOT_STARTED:
                planned[day] = True
    for day in range(horizon):
        if planned[day]:
            assert load[day] <= capacity, f"day {day}: {load[day]} in progress"


@settings(max_examples=300, deadline=None)
@given(tracked())
def test_progress_keeps_actuals_slack_and_the_status_day(strategy: Strategy) -> None:
    check_progress(strategy, schedule(strategy))


@settings(max_examples=100, deadline=None)
@given(tracked())
def test_progress_schedules_are_deterministic(strategy: Strategy) -> None:
    assert schedule(strategy) == schedule(strategy)
