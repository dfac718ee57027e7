"""Milestone dates (scheduling.md "Milestone dates"): the moment that binds a milestone."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cxroadmap.content.demo import demo_strategy
from cxroadmap.domain import Dependency, Initiative, Phase, Strategy
from cxroadmap.export.chartlayout import build_lanes
from cxroadmap.export.dateaxis import Axis
from cxroadmap.interop.mspdi_write import mspdi_bytes
from cxroadmap.scheduling.planner import schedule

_SPEC = importlib.util.spec_from_file_location(
    "bench_dag", Path(__file__).resolve().parents[1] / "benchmarks" / "dag.py"
)
assert _SPEC is not None and _SPEC.loader is not None
bench_dag = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(bench_dag)

# 2027-01-04 is a Monday; "A" works Monday to Friday of the first week.
MONDAY = dt.date(2027, 1, 4)
FRIDAY = dt.date(2027, 1, 8)
NEXT_MONDAY = dt.date(2027, 1, 11)


def _plan(*extra: Initiative, deps: list[Dependency], a: int = 5) -> Strategy:
    strategy = Strategy("Milestones", MONDAY)
    for ini in (Initiative("A", "Work", a), *extra):
        strategy.initiatives[ini.key] = ini
    strategy.dependencies = deps
    return strategy


def _shown(strategy: Strategy, key: str) -> tuple[dt.date, dt.date, int]:
    item = schedule(strategy).items[key]
    return item.start, item.finish, item.start_day


def test_a_milestone_right_after_a_task_shows_the_friday_the_task_ends() -> None:
    plan = _plan(Initiative("M", "Done", 0), deps=[Dependency("A", "M")])
    assert _shown(plan, "M") == (FRIDAY, FRIDAY, 5)


def test_not_before_shows_that_monday_even_when_a_task_ends_the_friday_before() -> None:
    plan = _plan(Initiative("M", "Review", 0, not_before=NEXT_MONDAY), deps=[Dependency("A", "M")])
    # A tie: the FS moment (end of Friday) and the not-before (start of Monday) both fall on
    # boundary 5; the start of the day is the later moment.
    assert _shown(plan, "M") == (NEXT_MONDAY, NEXT_MONDAY, 5)


def test_not_before_alone_shows_its_date() -> None:
    plan = _plan(Initiative("M", "Review", 0, not_before=dt.date(2027, 1, 6)), deps=[])
    assert _shown(plan, "M") == (dt.date(2027, 1, 6), dt.date(2027, 1, 6), 2)


def test_ss_after_a_task_starting_wednesday_shows_that_wednesday() -> None:
    plan = _plan(
        Initiative("M", "Kick-off", 0),
        deps=[Dependency("A", "M", "SS", 0)],
    )
    plan.initiatives["A"].not_before = dt.date(2027, 1, 6)
    assert _shown(plan, "M") == (dt.date(2027, 1, 6), dt.date(2027, 1, 6), 2)


def test_ss_with_a_lag_and_sf_are_start_based_ff_is_finish_based() -> None:
    plan = _plan(
        Initiative("SS", "ss", 0),
        Initiative("SF", "sf", 0),
        Initiative("FF", "ff", 0),
        deps=[
            Dependency("A", "SS", "SS", 2),
            Dependency("A", "SF", "SF", 3),
            Dependency("A", "FF", "FF", 0),
        ],
    )
    assert _shown(plan, "SS")[0] == dt.date(2027, 1, 6)  # start of Wednesday
    assert _shown(plan, "SF")[0] == dt.date(2027, 1, 7)  # start of Thursday
    assert _shown(plan, "FF")[0] == FRIDAY  # end of Friday


def test_an_fs_lag_keeps_the_end_of_the_day_before() -> None:
    plan = _plan(Initiative("M", "Gate", 0), deps=[Dependency("A", "M", "FS", 2)])
    # Boundary 7: the end of working day 6, Tuesday 12th.
    assert _shown(plan, "M") == (dt.date(2027, 1, 12), dt.date(2027, 1, 12), 7)


def test_a_milestone_after_a_milestone_takes_its_moment_shifted_by_the_lag() -> None:
    plan = _plan(
        Initiative("M1", "Done", 0),
        Initiative("M2", "Signed", 0),
        Initiative("M3", "Two days on", 0),
        deps=[Dependency("A", "M1"), Dependency("M1", "M2"), Dependency("M1", "M3", "FS", 2)],
    )
    assert _shown(plan, "M1") == (FRIDAY, FRIDAY, 5)
    assert _shown(plan, "M2") == (FRIDAY, FRIDAY, 5)
    # The end of Friday, two working days on: the end of Tuesday.
    assert _shown(plan, "M3") == (dt.date(2027, 1, 12), dt.date(2027, 1, 12), 7)


def test_a_milestone_after_a_start_moment_milestone_shows_the_start() -> None:
    plan = _plan(
        Initiative("M1", "Review", 0, not_before=NEXT_MONDAY),
        Initiative("M2", "Follow-up", 0),
        deps=[Dependency("A", "M1"), Dependency("M1", "M2", "SS", 0), Dependency("A", "M2")],
    )
    # M2 is held on boundary 5 by A (end of Friday) and by M1 (start of Monday): Monday wins.
    assert _shown(plan, "M2") == (NEXT_MONDAY, NEXT_MONDAY, 5)


def test_a_milestone_at_the_project_start_shows_the_start_date() -> None:
    plan = _plan(Initiative("M", "Launch", 0), deps=[])
    assert _shown(plan, "M") == (MONDAY, MONDAY, 0)


def test_the_phase_of_a_milestone_follows_its_shown_date() -> None:
    plan = _plan(
        Initiative("END", "Short term closed", 0),
        Initiative("NB", "Medium term opened", 0, not_before=NEXT_MONDAY),
        deps=[Dependency("A", "END"), Dependency("A", "NB")],
    )
    plan.phases = [Phase("Short term", 1), Phase("Long term")]
    result = schedule(plan)
    assert (result.items["END"].start, result.items["END"].phase) == (FRIDAY, "Short term")
    assert (result.items["NB"].start, result.items["NB"].phase) == (NEXT_MONDAY, "Long term")
    # Same start day, slack and critical flag: the rule only decides the shown date.
    assert result.items["END"].start_day == result.items["NB"].start_day == 5


def test_the_demo_review_milestone_shows_its_not_before_date() -> None:
    item = schedule(demo_strategy()).items["MS3"]
    assert (item.start, item.finish) == (dt.date(2028, 1, 10), dt.date(2028, 1, 10))


@pytest.mark.parametrize(
    ("not_before", "stamp"),
    [(None, "2027-01-08T17:00:00"), (NEXT_MONDAY, "2027-01-11T08:00:00")],
)
def test_ms_project_xml_carries_the_same_moment(not_before: dt.date | None, stamp: str) -> None:
    plan = _plan(Initiative("M", "Gate", 0, not_before=not_before), deps=[Dependency("A", "M")])
    root = ET.fromstring(mspdi_bytes(plan, schedule(plan)))
    ns = {"p": "http://schemas.microsoft.com/project"}
    task = next(t for t in root.iterfind(".//p:Task", ns) if t.findtext("p:Name", "", ns) == "Gate")
    assert (task.findtext("p:Start", "", ns), task.findtext("p:Finish", "", ns)) == (stamp, stamp)


def test_the_pdf_and_the_timeline_put_the_diamond_on_the_moment() -> None:
    plan = _plan(
        Initiative("END", "Friday evening", 0),
        Initiative("NB", "Monday morning", 0, not_before=NEXT_MONDAY),
        deps=[Dependency("A", "END"), Dependency("A", "NB")],
    )
    result = schedule(plan)
    # The end of Friday and the start of Monday are both the edge after Friday's date...
    assert result.items["END"].moment == dt.date(2027, 1, 9)
    # ...and the start of Monday is Monday's left edge.
    assert result.items["NB"].moment == NEXT_MONDAY
    axis = Axis(MONDAY, MONDAY + dt.timedelta(days=20), "week", (), ())
    lanes = build_lanes(plan, result, axis, 200.0, 8.0)
    marks = {m.key: m for lane in lanes for m in lane.marks}
    # Ten points a calendar day: A covers Monday to Friday, [0, 50).
    assert (marks["A"].x0, marks["A"].x1) == (0.0, 50.0)
    assert marks["END"].x0 == marks["END"].x1 == 50.0
    assert marks["NB"].x0 == 70.0


def test_milestones_are_visited_in_topological_order_in_a_document_listing_them_backwards() -> None:
    # M2 takes M1's moment, so M1 must be settled first although the document lists it last
    # (moments.py finds milestones by scanning the durations, then sorts them by their
    # place in the topological order).
    strategy = Strategy("Backwards", MONDAY)
    for ini in (
        Initiative("M2", "Second", 0),
        Initiative("B", "Work", 3),
        Initiative("M1", "First", 0),
    ):
        strategy.initiatives[ini.key] = ini
    strategy.initiatives["A"] = Initiative("A", "Work", 5)
    strategy.dependencies = [
        Dependency("A", "M1"),
        Dependency("M1", "M2", "SS"),
        Dependency("M2", "B"),
    ]
    items = schedule(strategy).items
    assert items["M1"].at_day_start is False and items["M2"].at_day_start is False
    assert items["M2"].start == items["M1"].start == FRIDAY


def test_milestone_moments_do_not_depend_on_the_document_order() -> None:
    plan = bench_dag.layered_dag(600)
    expected = {k: i.at_day_start for k, i in schedule(plan).items.items()}
    assert not all(expected.values())  # some milestones show the end of the day before
    shuffled = list(plan.initiatives.items())
    random.Random(5).shuffle(shuffled)  # links now point both ways: Kahn's order
    plan.initiatives = dict(shuffled)
    assert {k: i.at_day_start for k, i in schedule(plan).items.items()} == expected
