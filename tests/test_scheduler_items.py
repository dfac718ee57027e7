"""The schedule's items as scheduling/items.py builds them: phases and dates of edge cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
import weakref

import pytest

from cxroadmap.domain.calendar import WorkCalendar
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.scheduling import planner
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


def _first_block(start: dt.date) -> list[dt.date]:
    """The dates of a fresh calendar's first block of working days from `start`."""
    return list(WorkCalendar(start, holidays=[start + dt.timedelta(days=4000)]).dates(1))


def _plan_to_the_block_end(start: dt.date, milestone: Initiative) -> Strategy:
    # A holiday far off makes this calendar's dates nobody else's: the calendar holds
    # exactly its first block, so the finish day is the first day past its dates.
    s = Strategy("Edge", start, holidays=[start + dt.timedelta(days=4000)])
    s.initiatives = {"A": Initiative("A", "All of it", len(_first_block(start))), "M": milestone}
    return s


def test_a_closing_milestone_at_the_end_of_the_calendar_s_dates_shows_the_last_day() -> None:
    start = dt.date(2031, 3, 3)
    s = _plan_to_the_block_end(start, Initiative("M", "Closed", 0))
    s.dependencies = [Dependency("A", "M")]
    dates = _first_block(start)
    m = schedule(s).items["M"]
    assert (m.start_day, m.at_day_start, m.start, m.finish) == (
        len(dates),
        False,
        dates[-1],
        dates[-1],
    )


def test_a_milestone_at_the_start_of_the_finish_day_shows_a_date_past_the_work() -> None:
    start = dt.date(2032, 3, 1)
    dates = _first_block(start)
    s = _plan_to_the_block_end(start, Initiative("M", "Launch", 0))
    # Start-based: M shows the start of day len(dates), the first past the calendar's.
    s.dependencies = [Dependency("A", "M", "SS", lag=len(dates))]
    result = schedule(s)
    m = result.items["M"]
    after = dates[-1] + dt.timedelta(days=1)  # the next working day
    while after.weekday() > 4:
        after += dt.timedelta(days=1)
    assert (result.finish_day, m.start_day, m.at_day_start) == (len(dates), len(dates), True)
    assert (m.start, m.finish, result.items["A"].finish) == (after, after, dates[-1])


def test_reasons_name_a_lower_case_type_upper_case_and_each_lag_signed() -> None:
    s = Strategy("Reasons", MONDAY)
    s.initiatives = {k: Initiative(k, k, 2) for k in "ABCD"}
    s.dependencies = [
        Dependency("A", "B", "fs", lag=3),
        Dependency("A", "C", "SS", lag=-1),
        Dependency("B", "D", "FS", lag=3),
    ]
    items = schedule(s).items
    assert [items[k].reason for k in "ABCD"] == [
        "project start",
        "FS from A +3d",
        "project start",  # a lead before the project start: held by the start
        "FS from B +3d",
    ]


def test_a_milestone_shown_at_the_end_of_the_day_before_day_0_is_refused(monkeypatch) -> None:
    # Not reachable (day 0 shows its start); the picks would wrap round to the last date.
    monkeypatch.setattr(planner, "milestone_at_day_start", lambda *_: [False])
    s = Strategy("Edge", MONDAY)
    s.initiatives = {"M": Initiative("M", "Kick-off", 0)}
    with pytest.raises(ValueError, match="index must be >= 0"):
        schedule(s)


class _Watched(list):  # type: ignore[type-arg]
    """A list a weak reference can watch (a plain list cannot)."""


def test_the_graph_its_links_and_the_binding_are_freed_before_the_items_are_made(
    monkeypatch,
) -> None:
    # The items then reuse the links' memory (fresh pages cost 4 us each to fault in on the
    # development machine: docs/performance.md); a reference left to the graph, its links
    # or the binding links would keep them alive while the items are made.
    s = Strategy("Freed", MONDAY)
    s.initiatives = {k: Initiative(k, f"Step {k}", 2) for k in "ABCD"}
    s.dependencies = [Dependency("A", "B"), Dependency("B", "C"), Dependency("A", "D", lag=3)]
    seen: dict[str, weakref.ref[object]] = {}
    real_graph, real_forward = planner.build_graph, planner.forward_pass
    real_items = planner.build_items

    def build_graph(strategy, survey=None):  # type: ignore[no-untyped-def]
        graph = real_graph(strategy, survey)
        links = _Watched(graph.links)
        into = links if graph.into is graph.links else _Watched(graph.into)
        graph = dataclasses.replace(graph, links=links, into=into)
        seen.update(graph=weakref.ref(graph), links=weakref.ref(links), into=weakref.ref(into))
        return graph

    def forward_pass(graph, lower):  # type: ignore[no-untyped-def]
        early, binding = real_forward(graph, lower)
        binding = _Watched(binding)
        seen["binding"] = weakref.ref(binding)
        return early, binding

    def build_items(*args, **kwargs):  # type: ignore[no-untyped-def]
        # Reference counting alone frees them: no collection here, it would hide a cycle.
        assert {name: ref() is None for name, ref in seen.items()} == dict.fromkeys(
            ("graph", "links", "into", "binding"), True
        )
        return real_items(*args, **kwargs)

    monkeypatch.setattr(planner, "build_graph", build_graph)
    monkeypatch.setattr(planner, "forward_pass", forward_pass)
    monkeypatch.setattr(planner, "build_items", build_items)
    plan = schedule(s)
    reasons = [plan.items[k].reason for k in "ABCD"]
    assert reasons == ["project start", "FS from A", "FS from B", "FS from A +3d"]
    assert plan.critical_path == ["A", "D"]
