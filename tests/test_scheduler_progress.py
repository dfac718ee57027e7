"""Progress in the schedule (tracking.md): each rule on a hand-computed case, the worked example
exactly, and the warnings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cxroadmap.app import main
from cxroadmap.domain import Dependency, Initiative, Strategy
from cxroadmap.scheduling.output import format_table, schedule_to_json
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import COMPLETE, NOT_STARTED, STARTED

MON = dt.date(2027, 1, 4)  # working day 0; Mon-Fri, no holidays: day 5 is Mon 01-11


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def plan(*initiatives: Initiative, links=(), status: str | None = None, **kw) -> Strategy:
    strategy = Strategy("P", MON, status_date=None if status is None else d(status), **kw)
    strategy.initiatives = {i.key: i for i in initiatives}
    strategy.dependencies = [Dependency(*link) for link in links]
    return strategy


def days(result, key):
    item = result.items[key]
    return item.start_day, item.finish_day, item.slack_days, item.critical


WORKED = {
    "format": "cxroadmap/1",
    "strategy": {"name": "Worked example", "start": "2027-01-04", "status_date": "2027-01-20"},
    "initiatives": [
        {"key": "A", "title": "Agree the vision", "duration": 5, "status": "done",
         "actual_start": "2027-01-04", "actual_finish": "2027-01-08"},
        {"key": "B", "title": "Train the team leads", "duration": 10, "status": "in_progress",
         "actual_start": "2027-01-11", "percent_complete": 30},
        {"key": "C", "title": "Roll out", "duration": 2},
        {"key": "D", "title": "Map touchpoints", "duration": 3},
        {"key": "M", "title": "Touchpoints mapped", "duration": 0},
        {"key": "E", "title": "Brief the board", "duration": 1},
    ],
    "dependencies": [
        {"from": "A", "to": "B"}, {"from": "B", "to": "C"}, {"from": "D", "to": "M"},
        {"from": "B", "to": "E", "type": "SS", "lag": 2},
    ],
}  # fmt: skip

WORKED_TABLE = """\
Key  Title                 Start       Finish      Days  Slack  Crit  Phase
---  --------------------  ----------  ----------  ----  -----  ----  ----------
A    Agree the vision      2027-01-04  2027-01-08     5      0        Short term
B    Train the team leads  2027-01-11  2027-01-28    14      0  *     Short term
C    Roll out              2027-01-29  2027-02-01     2      0  *     Short term
D    Map touchpoints       2027-01-20  2027-01-22     3      6        Short term
M    Touchpoints mapped    2027-01-22  2027-01-22     0      6        Short term
E    Brief the board       2027-01-20  2027-01-20     1      8        Short term

Worked example: finishes 2027-02-01 (working day 21); 2 of 6 initiatives critical

Warnings:
- B is behind by 4 working days: it now finishes 2027-01-28 instead of 2027-01-22
"""


def test_the_worked_example_of_the_contract_is_scheduled_exactly(tmp_path: Path, capsys) -> None:
    source = tmp_path / "worked.json"
    source.write_text(json.dumps(WORKED), encoding="utf-8")
    assert main(["schedule", str(source)]) == 0
    assert capsys.readouterr().out == WORKED_TABLE
    assert main(["schedule", str(source), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["finish"], out["finish_day"]) == ("2027-02-01", 21)
    assert [
        (i["key"], i["start_day"], i["finish_day"], i["start"], i["finish"], i["slack_days"],
         i["critical"])
        for i in out["initiatives"]
    ] == [
        ("A", 0, 5, "2027-01-04", "2027-01-08", 0, False),
        ("B", 5, 19, "2027-01-11", "2027-01-28", 0, True),
        ("C", 19, 21, "2027-01-29", "2027-02-01", 0, True),
        ("D", 12, 15, "2027-01-20", "2027-01-22", 6, False),
        ("M", 15, 15, "2027-01-22", "2027-01-22", 6, False),
        ("E", 12, 13, "2027-01-20", "2027-01-20", 8, False),
    ]  # fmt: skip
    # The contract's keys only: progress adds no field to the schedule output.
    assert set(out["initiatives"][0]) == {
        "key", "title", "start_day", "finish_day", "start", "finish", "slack_days",
        "critical", "phase",
    }  # fmt: skip
    assert out["warnings"] == [
        "B is behind by 4 working days: it now finishes 2027-01-28 instead of 2027-01-22"
    ]


def test_the_result_gives_each_initiative_its_state_and_how_far_behind_it_is() -> None:
    from cxroadmap.interop.jsonfile import strategy_from_json

    result = schedule(strategy_from_json(WORKED))
    assert [(k, i.state, i.behind_days, i.behind) for k, i in result.items.items()] == [
        ("A", COMPLETE, 0, False),
        ("B", STARTED, 4, True),
        ("C", NOT_STARTED, 0, False),
        ("D", NOT_STARTED, 0, False),
        ("M", NOT_STARTED, 0, False),
        ("E", NOT_STARTED, 0, False),
    ]
    assert result.critical_path == ["B", "C"]
    assert result.items["B"].reason == "actual start 2027-01-11"
    assert result.items["A"].reason == "actual start 2027-01-04"
    assert result.items["D"].reason == "status date 2027-01-20"


def test_complete_takes_the_actual_dates_and_length_and_is_never_critical() -> None:
    # Planned 3 days, done in 8 (Tue 01-05 .. Sat 01-16: the Saturday counts as Friday 01-15).
    a = Initiative("A", "a", 3, actual_start=d("2027-01-05"), actual_finish=d("2027-01-16"),
                   status="done")  # fmt: skip
    b = Initiative("B", "b", 2)
    result = schedule(plan(a, b, links=[("A", "B")]))
    assert days(result, "A") == (1, 10, 0, False)
    item = result.items["A"]
    assert (item.start, item.finish, item.duration) == (d("2027-01-05"), d("2027-01-15"), 9)
    assert days(result, "B") == (10, 12, 0, True)
    assert result.warnings == []
    assert result.critical_path == ["B"]


def test_a_one_day_actual_finish_on_its_start_day_is_one_day_of_work() -> None:
    a = Initiative("A", "a", 5, actual_start=d("2027-01-06"), actual_finish=d("2027-01-06"),
                   status="done")  # fmt: skip
    assert days(schedule(plan(a)), "A") == (2, 3, 0, False)


def test_started_on_track_keeps_its_planned_finish() -> None:
    # Day 5 start, 10 days planned (finish 15); status day 10 with 60 % done: 4 remain, 14 <= 15.
    b = Initiative("B", "b", 10, actual_start=d("2027-01-11"), percent_complete=60,
                   status="in_progress")  # fmt: skip
    c = Initiative("C", "c", 1)
    result = schedule(plan(b, c, links=[("B", "C")], status="2027-01-18"))
    assert days(result, "B") == (5, 15, 0, True)
    assert days(result, "C") == (15, 16, 0, True)
    assert (result.items["B"].state, result.items["B"].behind_days) == (STARTED, 0)
    assert result.warnings == []


def test_started_behind_is_pushed_out_by_the_work_remaining_from_the_status_day() -> None:
    # Day 0 start, 4 days planned; status day 6 (Tue 01-12) with 50 %: 2 remain -> finish 8.
    b = Initiative("B", "b", 4, actual_start=MON, percent_complete=50, status="in_progress")
    result = schedule(plan(b, status="2027-01-12"))
    assert days(result, "B") == (0, 8, 0, True)
    assert result.items["B"].finish == d("2027-01-13")
    assert result.warnings == [
        "B is behind by 4 working days: it now finishes 2027-01-13 instead of 2027-01-07"
    ]


def test_remaining_work_is_rounded_up() -> None:
    # 3 days at 50 %: ceil(1.5) = 2 remain; status day 4 -> finish 6, planned 3: 3 behind.
    b = Initiative("B", "b", 3, actual_start=MON, percent_complete=50, status="in_progress")
    result = schedule(plan(b, status="2027-01-08"))
    assert result.items["B"].finish_day == 6
    assert result.items["B"].behind_days == 3
    assert result.warnings == [
        "B is behind by 3 working days: it now finishes 2027-01-11 instead of 2027-01-06"
    ]


def test_started_without_a_status_date_keeps_its_planned_length_from_the_actual_start() -> None:
    b = Initiative("B", "b", 4, actual_start=d("2027-01-09"), percent_complete=10,
                   status="in_progress")  # fmt: skip
    # A Saturday start is the first working day on or after it: Monday, day 5.
    result = schedule(plan(b))
    assert days(result, "B") == (5, 9, 0, True)
    assert result.items["B"].behind_days == 0


def test_nothing_not_started_starts_before_the_status_day() -> None:
    a = Initiative("A", "a", 2)
    b = Initiative("B", "b", 2, not_before=d("2027-01-25"))  # later than the status day
    m = Initiative("M", "m", 0)
    result = schedule(plan(a, b, m, status="2027-01-16"))  # a Saturday: day 10, Mon 01-18
    assert days(result, "A")[:2] == (10, 12)
    assert days(result, "B")[:2] == (15, 17)
    assert result.items["A"].reason == "status date 2027-01-16"
    # A milestone held by the status day shows the start of that day, like not_before.
    assert (result.items["M"].start_day, result.items["M"].start) == (10, d("2027-01-18"))


def test_a_status_date_before_the_start_holds_nothing_back() -> None:
    a = Initiative("A", "a", 2)
    result = schedule(plan(a, status="2026-12-01"))
    assert days(result, "A")[:2] == (0, 2)


def test_an_out_of_sequence_start_ignores_the_link_into_it() -> None:
    # B started on day 2 though A (5 days, not started) should come first.
    a = Initiative("A", "a", 5)
    b = Initiative("B", "b", 3, actual_start=d("2027-01-06"), percent_complete=20,
                   status="in_progress")  # fmt: skip
    c = Initiative("C", "c", 1)
    result = schedule(plan(a, b, c, links=[("A", "B"), ("B", "C")], status="2027-01-06"))
    # Status day 2: A not before it; B keeps its actual start; 3 * 0.8 -> 3 remain: 2+3 = 5.
    assert days(result, "A") == (2, 7, 0, True)
    assert days(result, "B") == (2, 5, 1, False)
    assert days(result, "C") == (5, 6, 1, False)
    assert result.items["B"].reason == "actual start 2027-01-06"


def test_links_out_of_facts_use_their_actual_or_projected_dates_for_every_type() -> None:
    # A complete: days 0..7 (planned 2); B started 0, projected finish 6 (planned 3).
    a = Initiative("A", "a", 2, actual_start=MON, actual_finish=d("2027-01-12"), status="done",
                   percent_complete=100)  # fmt: skip
    b = Initiative("B", "b", 3, actual_start=MON, percent_complete=50, status="in_progress")
    fs = Initiative("FS", "x", 1)
    ff = Initiative("FF", "x", 2)
    ss = Initiative("SS", "x", 1)
    sf = Initiative("SF", "x", 2)
    links = [("A", "FS"), ("A", "FF", "FF", 1), ("B", "SS", "SS", 3), ("B", "SF", "SF", 4)]
    result = schedule(plan(a, b, fs, ff, ss, sf, links=links, status="2027-01-13"))
    assert days(result, "A")[:2] == (0, 7)
    assert days(result, "B")[:2] == (0, 9)  # status day 7 + ceil(1.5) = 2 -> 9
    assert days(result, "FS")[:2] == (7, 8)
    assert days(result, "FF")[:2] == (7, 9)  # finish >= 7 + 1 = 8, and not before day 7
    assert days(result, "SS")[:2] == (7, 8)  # SS+3 allows day 3; the status day wins
    assert days(result, "SF")[:2] == (7, 9)


def test_a_milestone_is_reached_at_its_actual_finish_shown_as_the_start_of_that_day() -> None:
    a = Initiative("A", "a", 5)
    m = Initiative("M", "m", 0, actual_finish=d("2027-01-09"), status="done")  # a Saturday
    n = Initiative("N", "n", 2)
    result = schedule(plan(a, m, n, links=[("A", "M"), ("M", "N")], status="2027-01-20"))
    item = result.items["M"]
    assert (item.start_day, item.finish_day, item.start, item.finish) == (
        5, 5, d("2027-01-11"), d("2027-01-11"),
    )  # fmt: skip
    assert (item.state, item.slack_days, item.critical, item.at_day_start) == (
        COMPLETE, 0, False, True,
    )  # fmt: skip
    assert item.reason == "reached 2027-01-09"
    # The link into it is ignored (A is not started); N follows it, but not before day 12.
    assert days(result, "A")[:2] == (12, 17)
    assert days(result, "N")[:2] == (12, 14)


def test_a_milestone_reached_with_its_actual_start_on_the_same_day() -> None:
    m = Initiative("M", "m", 0, actual_start=d("2027-01-06"), actual_finish=d("2027-01-06"),
                   status="done")  # fmt: skip
    assert days(schedule(plan(m)), "M") == (2, 2, 0, False)


def test_levelling_places_the_facts_first_then_the_rest_from_the_status_day() -> None:
    # Capacity 1. B started day 0, projected to day 8; A complete on days 0..2 (over capacity,
    # as a fact may be). X and Y are not started: after B, one at a time, from day 4.
    a = Initiative("A", "a", 2, actual_start=MON, actual_finish=d("2027-01-05"), status="done")
    b = Initiative("B", "b", 4, actual_start=MON, percent_complete=0, status="in_progress")
    x = Initiative("X", "x", 3)
    y = Initiative("Y", "y", 2)
    result = schedule(plan(a, b, x, y, status="2027-01-08", max_parallel=1))
    assert days(result, "A")[:2] == (0, 2)
    assert days(result, "B")[:2] == (0, 8)  # status day 4 + 4 remaining
    assert days(result, "X")[:2] == (8, 11)
    assert days(result, "Y")[:2] == (11, 13)
    assert result.items["Y"].reason == "capacity (max 1 in parallel)"


def test_levelling_fills_a_gap_the_facts_leave_after_the_status_day() -> None:
    # Capacity 2: B occupies days 0..6; one slot stays free from the status day 3.
    b = Initiative("B", "b", 6, actual_start=MON, percent_complete=50, status="in_progress")
    x = Initiative("X", "x", 2)
    y = Initiative("Y", "y", 2)
    result = schedule(plan(b, x, y, status="2027-01-07", max_parallel=2))
    assert days(result, "B")[:2] == (0, 6)
    assert days(result, "X")[:2] == (3, 5)
    assert days(result, "Y")[:2] == (5, 7)


def test_status_and_actual_finish_that_disagree_are_warned_about() -> None:
    a = Initiative("A", "a", 2, status="done")
    b = Initiative("B", "b", 2, actual_start=MON, actual_finish=d("2027-01-05"),
                   status="in_progress")  # fmt: skip
    c = Initiative("C", "c", 2, actual_start=MON, actual_finish=d("2027-01-05"), status="done")
    result = schedule(plan(a, b, c, status="2027-01-06"))
    assert result.warnings == [
        "A is done but has no actual finish",
        "B has an actual finish but its status is in progress",
    ]


def test_a_plan_without_progress_gets_no_progress_warnings_for_done_work() -> None:
    a = Initiative("A", "a", 2, status="done")
    result = schedule(plan(a))
    assert result.warnings == []
    assert result.items["A"].state == NOT_STARTED


def test_the_schedule_never_reads_the_clock(monkeypatch) -> None:
    class Frozen(dt.date):
        @classmethod
        def today(cls):
            raise AssertionError("the schedule read the clock")

    b = Initiative("B", "b", 4, actual_start=MON, percent_complete=50, status="in_progress")
    monkeypatch.setattr(dt, "date", Frozen)
    assert schedule(plan(b)).items["B"].finish_day == 4


def test_schedule_output_keeps_the_contract_keys_with_progress() -> None:
    b = Initiative("B", "b", 4, actual_start=MON, percent_complete=50, status="in_progress")
    result = schedule(plan(b, status="2027-01-12"))
    out = schedule_to_json(result)
    assert out["initiatives"][0]["finish_day"] == 8
    assert "behind by 4 working days" in format_table(result)


def test_a_milestone_with_only_an_actual_start_stays_there_and_is_never_behind() -> None:
    m = Initiative("M", "m", 0, actual_start=d("2027-01-06"))
    result = schedule(plan(m, status="2027-01-20"))
    item = result.items["M"]
    assert (item.start_day, item.finish_day, item.state, item.behind_days) == (2, 2, STARTED, 0)
    assert result.warnings == []
