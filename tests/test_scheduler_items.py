"""The schedule's items as scheduling/items.py builds them: phases and dates of edge cases."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.scheduling.planner import schedule

MONDAY = dt.date(2027, 1, 4)


def test_a_phase_with_no_working_day_holds_no_day() -> None:
    # P2 is the week of 11 January, all holidays: P2's and P3's first working day are both
    # 18 January (working day 5), which P3 holds (the date is in P3).
    s = Strategy("Holidays", MONDAY, phases=[Phase("P1", 1), Phase("P2", 1), Phase("P3")])
    s.holidays = [dt.date(2027, 1, 11) + dt.timedelta(days=k) for k in range(5)]
    s.initiatives = {
        "A": Initiative("A", "Five days", 5),
        "M": Initiative("M", "Done", 0),
        "B": Initiative("B", "After the holidays", 2, not_before=dt.date(2027, 1, 11)),
    }
    s.dependencies = [Dependency("A", "M")]
    items = schedule(s).items
    assert (items["A"].phase, items["A"].finish) == ("P1", dt.date(2027, 1, 8))
    # The milestone after A shows the end of A's last day, Friday 8 January: in P1.
    assert (items["M"].start_day, items["M"].start, items["M"].phase) == (
        5,
        dt.date(2027, 1, 8),
        "P1",
    )
    assert (items["B"].start_day, items["B"].start, items["B"].phase) == (
        5,
        dt.date(2027, 1, 18),
        "P3",
    )
    assert items["B"].reason == "not before 2027-01-11"


def test_an_empty_plan_asks_the_calendar_for_no_date() -> None:
    # Every Monday for a century is a holiday: no working day at all, yet nothing to place.
    s = Strategy("Empty", MONDAY, working_days=("mon",), phases=[Phase("All")])
    s.holidays = [MONDAY + dt.timedelta(weeks=k) for k in range(5000)]
    result = schedule(s)
    assert (result.items, result.finish, result.finish_day) == ({}, MONDAY, 0)
