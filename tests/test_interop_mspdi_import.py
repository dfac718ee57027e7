"""MS Project XML (MSPDI) import of real files from other tools (see SOURCES.md beside them)."""

import datetime as dt
import os
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from cxroadmap.interop.mspdi_read import read_mspdi, read_mspdi_with_notes
from cxroadmap.scheduling.planner import schedule

# CI lays shared/ beside the clone; a worktree elsewhere names it in CXROADMAP_SHARED.
SHARED = Path(os.environ.get("CXROADMAP_SHARED", Path(__file__).parents[2] / "shared"))
DATA = SHARED / "data" / "mspdi"
NS = {"p": "http://schemas.microsoft.com/project"}

pytestmark = pytest.mark.skipif(
    not (DATA / "SOURCES.md").exists(),
    reason=f"shared MSPDI test files not found at {DATA}",
)

# file: (tasks in the file incl. summaries, summaries, links in the file, Counter of link types)
COUNTS = {
    "task-links-project2016-mspdi.xml": (17, 1, 8, {"FS": 5, "SS": 1, "FF": 1, "SF": 1}),
    "task-links-project2007-mspdi.xml": (17, 1, 8, {"FS": 5, "SS": 1, "FF": 1, "SF": 1}),
    "task-dates-project2016-mspdi.xml": (11, 1, 0, {}),
    "calendar-calendars-project2016-mspdi.xml": (1, 1, 0, {}),
    "Cronograma.xml": (40, 1, 0, {}),
    "Gantt.xml": (9, 1, 4, {"FS": 4}),
    # Four of its eight links lead into manual tasks that they would move: left out.
    "not updated.xml": (11, 1, 8, {"FS": 4}),
    "New Product.xml": (43, 7, 37, None),
}


def _stored(path):
    """(UID, Start date, Finish date) of every task as the file stores them."""
    root = ET.parse(path).getroot()
    for task in root.iterfind(".//p:Task", NS):
        start = dt.datetime.fromisoformat(task.findtext("p:Start", "", NS)).date()
        finish = dt.datetime.fromisoformat(task.findtext("p:Finish", "", NS)).date()
        yield task.findtext("p:UID", "", NS), start, finish


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_real_task_becomes_an_initiative_and_every_link_a_dependency(name):
    tasks, summaries, links, types = COUNTS[name]
    root = ET.parse(DATA / name).getroot()
    assert len(root.findall(".//p:Task", NS)) == tasks
    assert len(root.findall(".//p:PredecessorLink", NS)) == links
    strategy = read_mspdi(DATA / name)
    assert len(strategy.initiatives) == tasks - summaries
    if types is not None:
        assert Counter(d.type for d in strategy.dependencies) == Counter(types)


@pytest.mark.parametrize(
    "name",
    [
        "New Product.xml",
        "task-links-project2007-mspdi.xml",
        "task-links-project2016-mspdi.xml",
        "task-dates-project2016-mspdi.xml",
        "Gantt.xml",
        "Cronograma.xml",
    ],
)
def test_scheduling_the_import_reproduces_the_stored_dates_of_every_task(name):
    strategy = read_mspdi(DATA / name)
    result = schedule(strategy)
    compared = 0
    for uid, start, finish in _stored(DATA / name):
        item = result.items.get(f"T{uid}")
        if item is not None:
            assert (item.start, item.finish) == (start, finish), f"UID {uid}"
            compared += 1
    assert compared == len(strategy.initiatives)


def test_new_product_keeps_its_outline_as_pillars_and_its_milestones():
    strategy = read_mspdi(DATA / "New Product.xml")
    assert strategy.name == "Product #23 Development"
    assert strategy.start == dt.date(2001, 1, 1)
    assert strategy.working_days == ("mon", "tue", "wed", "thu", "fri")
    pillars = Counter(ini.pillar for ini in strategy.initiatives.values())
    assert pillars == {
        "": 1,
        "Design Phase": 3,
        "Finance Phase": 8,
        "Production Phase": 6,
        "Marketing and Sales Phase": 6,
        "Distribution Phase": 5,
        "Regional Promotions": 7,
    }
    milestones = [ini.title for ini in strategy.initiatives.values() if ini.duration == 0]
    assert len(milestones) == 12
    assert strategy.initiatives["T18"].title == "Hire assemblers"
    assert strategy.initiatives["T18"].duration == 50  # PT400H0M0S at 480 minutes a day


def test_new_product_links_carry_their_type_and_lag():
    strategy = read_mspdi(DATA / "New Product.xml")
    assert strategy.dependency("T17", "T18").type == "FF"
    # LinkLag -72000 tenths of a minute = -7200 minutes = 15 days of 480 minutes: a lead.
    lead = strategy.dependency("T25", "T28")
    assert (lead.type, lead.lag) == ("FS", -15)


def test_links_on_summary_tasks_reach_only_the_leaves_that_need_them():
    strategy = read_mspdi(DATA / "New Product.xml")
    assert len(strategy.dependencies) == 40
    pairs = {d.pair for d in strategy.dependencies}
    # Finance Phase -> Marketing and Sales Phase: from the Finance tasks that nothing inside
    # Finance follows, to the Marketing tasks that nothing inside Marketing holds back (and
    # Sales training, whose only inside link is a lead).
    assert {p for p in pairs if p[1] in ("T24", "T28") and p[0] in ("T10", "T15")} == {
        ("T10", "T24"),
        ("T15", "T24"),
        ("T10", "T28"),
        ("T15", "T28"),
    }
    # Production Phase -> Distribution Phase and -> Regional Promotions.
    assert ("T22", "T31") in pairs
    assert ("T22", "T37") in pairs
    assert not any(p[0] == "T17" and p[1] in ("T31", "T37") for p in pairs)


def test_link_lags_in_tenths_of_minutes_become_working_days():
    strategy = read_mspdi(DATA / "task-links-project2016-mspdi.xml")
    links = {(d.to_key, d.type, d.lag) for d in strategy.dependencies}
    assert links == {
        ("T2", "FS", 0),
        ("T4", "FS", 1),
        ("T6", "FS", 2),
        ("T8", "FS", 5),  # 24000 tenths shown in weeks (LagFormat 9): one week
        ("T10", "FS", 10),
        ("T12", "SF", 2),
        ("T14", "SS", 2),
        ("T16", "FF", 2),
    }


def test_manual_tasks_keep_their_dates_as_not_before():
    strategy = read_mspdi(DATA / "Cronograma.xml")
    assert all(ini.not_before is not None for k, ini in strategy.initiatives.items() if k != "T97")
    assert strategy.initiatives["T46"].not_before == dt.date(2016, 2, 26)


def test_non_ascii_task_names_arrive_intact():
    cronograma = read_mspdi(DATA / "Cronograma.xml")
    titles = [ini.title for ini in cronograma.initiatives.values()]
    assert sum(1 for t in titles if not t.isascii()) == 17
    assert "Diseñar la arquitectura del software" in titles
    gantt = read_mspdi(DATA / "Gantt.xml")
    assert "Diagramme état de transition" in [i.title for i in gantt.initiatives.values()]


def test_a_file_with_a_byte_order_mark_and_stale_dates_is_rescheduled():
    assert (DATA / "not updated.xml").read_bytes().startswith(b"\xef\xbb\xbf")
    strategy = read_mspdi(DATA / "not updated.xml")
    result = schedule(strategy)
    # The file was saved without recalculation (every task starts 2000-01-27); the chain
    # T1 -> T2 -> T3 (1 day lag, LagFormat minutes) -> T4 -> T5 is scheduled afresh.
    assert [(result.items[k].start, result.items[k].finish) for k in ("T2", "T3", "T5")] == [
        (dt.date(2000, 1, 28), dt.date(2000, 1, 31)),
        (dt.date(2000, 2, 2), dt.date(2000, 2, 4)),
        (dt.date(2000, 2, 9), dt.date(2000, 2, 10)),
    ]


def test_a_calendars_only_file_gives_an_empty_strategy_with_its_start():
    strategy = read_mspdi(DATA / "calendar-calendars-project2016-mspdi.xml")
    assert strategy.initiatives == {}
    assert strategy.start == dt.date(2016, 2, 8)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_manual_tasks_stay_exactly_where_the_file_put_them(name):
    root = ET.parse(DATA / name).getroot()
    manual = {
        t.findtext("p:UID", "", NS)
        for t in root.iterfind(".//p:Task", NS)
        if t.findtext("p:Manual", "", NS) == "1"
    }
    strategy, notes = read_mspdi_with_notes(DATA / name)
    result = schedule(strategy)
    placed = 0
    for uid, start, finish in _stored(DATA / name):
        item = result.items.get(f"T{uid}")
        if uid in manual and item is not None:
            assert (item.start, item.finish) == (start, finish), f"UID {uid}"
            placed += 1
    if placed:
        assert notes[0].startswith(f"{placed} manually scheduled task")
        assert "not-before date" in notes[0]


def test_a_link_that_would_move_a_manual_task_is_named_in_the_import_summary():
    strategy, notes = read_mspdi_with_notes(DATA / "not updated.xml")
    assert notes == [
        "5 manually scheduled tasks kept where the file put them, pinned by a not-before "
        "date (clear it to let the scheduler place the task)",
        "links that would have moved a manual task were left out: T6 -> T7 (FS), "
        "T7 -> T8 (FS), T8 -> T9 (FS), T9 -> T10 (FS)",
        # The file's actual dates (2000-01-01 ..) are stale: before its own start date.
        "progress left out (actual dates before the project start): T1, T2, T3, T4, T5, T6, "
        "T7, T8, T9, T10",
    ]
    result = schedule(strategy)
    assert {result.items[f"T{n}"].start for n in range(6, 11)} == {dt.date(2000, 1, 27)}
