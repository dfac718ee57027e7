"""CSV as Excel, GanttProject and MS Project write it: one mapping, their syntaxes, clear errors."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from interop_samples import small_strategy

from cxroadmap.domain.errors import ValidationError
from cxroadmap.interop.column_map import detect, tool_date, tool_duration
from cxroadmap.interop.csvfile import parse_csv, read_csv, write_csv
from cxroadmap.interop.links_text import parse_depends_on
from cxroadmap.scheduling.planner import schedule

DATA = Path(__file__).parent / "data"


def _stored_dates(path: Path, key: str, start: str, finish: str) -> dict[str, tuple]:
    """Each row's start and finish as the tool stored them."""
    text = path.read_text("utf-8-sig")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    return {
        row[key]: (tool_date(row[start]), tool_date(row[finish]))
        for row in csv.DictReader(lines, delimiter=delimiter)
    }


@pytest.mark.parametrize(
    ("name", "columns", "count"),
    [
        ("excel_resaved.csv", ("key", "start", "finish"), 3),
        ("ganttproject.csv", ("ID", "Begin date", "End date"), 4),
        ("msproject.csv", ("ID", "Start", "Finish"), 6),
    ],
)
def test_each_tool_file_imports_and_schedules_to_its_stored_dates(name, columns, count):
    strategy = read_csv(DATA / name)
    assert len(strategy.initiatives) == count
    result = schedule(strategy)
    stored = _stored_dates(DATA / name, *columns)
    assert {k: (i.start, i.finish) for k, i in result.items.items()} == stored


def test_excel_padding_of_the_settings_lines_is_not_part_of_the_values():
    strategy = read_csv(DATA / "excel_resaved.csv")
    assert (strategy.name, strategy.start) == ("My plan", dt.date(2027, 1, 4))
    assert strategy.initiatives["REC"].status == "in_progress"  # a label, as people type it
    assert strategy.initiatives["REC"].description == "Interview; then hire"


def test_ganttproject_columns_links_and_completion():
    strategy = read_csv(DATA / "ganttproject.csv")
    assert [(d.from_key, d.to_key, d.type, d.lag) for d in strategy.dependencies] == [
        ("1", "2", "FS", 0),
        ("2", "3", "SS", 5),
        ("3", "4", "FF", 0),
    ]
    first = strategy.initiatives["1"]
    assert (first.title, first.owner, first.status, first.description) == (
        "Define the vision",
        "Anna",
        "done",
        "Kick-off with leaders",
    )
    assert strategy.initiatives["2"].status == "in_progress"  # Completion 50


def test_ms_project_durations_predecessor_lists_and_start():
    strategy = read_csv(DATA / "msproject.csv")
    assert strategy.start == dt.date(2027, 1, 4)  # from "Mon 1/4/27": no settings line
    durations = {k: i.duration for k, i in strategy.initiatives.items()}
    assert durations == {"1": 5, "2": 10, "3": 20, "4": 60, "5": 0, "6": 1}
    assert {(d.from_key, d.to_key, d.type, d.lag) for d in strategy.dependencies} == {
        ("1", "2", "FS", 0),
        ("2", "3", "SS", 5),
        ("1", "4", "FS", 0),
        ("3", "4", "FS", 2),
        ("4", "5", "FS", 0),
    }
    assert strategy.initiatives["2"].owner == "HR"


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (12, 12),
        ("12d", 12),
        ("3w", 15),
        ("2m", 40),
        ("5 days", 5),
        ("1 day", 1),
        ("2 wks", 10),
        ("3 mons", 60),
        ("0 days", 0),
        ("5 days?", 5),
        ("16 hrs", 2),
        ("P5D", 5),
        ("P2W", 10),
        ("PT40H0M0S", 5),
        ("1.5 days", 2),
    ],
)
def test_duration_forms(text, days):
    assert tool_duration(text, "here", 5) == days


@pytest.mark.parametrize("text", ["5 dayz", "abc", "5 edays", "P", ""])
def test_a_bad_duration_names_the_accepted_forms(text):
    with pytest.raises(ValidationError) as info:
        tool_duration(text, "row 3, column duration", 5)
    assert info.value.where == "row 3, column duration"
    assert "'5 days', '2 wks', '3 mons'" in info.value.problem and "P5D" in info.value.problem


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("A", [("A", "FS", 0)]),
        ("A SS+2d; B", [("A", "SS", 2), ("B", "FS", 0)]),
        ("A FF-1w", [("A", "FF", -5)]),
        ("A+3", [("A", "FS", 3)]),
        ("AFS+2 days", [("A", "FS", 2)]),
        ("A,BSS", [("A", "FS", 0), ("B", "SS", 0)]),
        ("A-SS=P5D;B-FS", [("A", "SS", 5), ("B", "FS", 0)]),
        ("B-SF=-P1D", [("B", "SF", -1)]),
    ],
)
def test_predecessor_forms(text, links):
    deps = parse_depends_on(text, "C", {"A", "B", "C"}, "here", 5)
    assert [(d.from_key, d.type, d.lag) for d in deps] == links


def test_a_lag_typo_says_it_is_the_lag_and_names_row_and_column():
    text = "key,title,duration,depends_on\nA,a,1,\nB,b,1,A SS+2x\n"
    with pytest.raises(ValidationError) as info:
        parse_csv(text, "plan", dt.date(2027, 1, 4))
    assert info.value.where == "row 3, column depends_on"
    assert info.value.problem.startswith("lag '+2x' in 'A SS+2x' is not a duration; use 12,")
    assert "no initiative" not in info.value.problem


def test_an_unknown_column_lists_the_accepted_names():
    with pytest.raises(ValidationError) as info:
        parse_csv("key,title,duration,colour of hat\nA,a,1,red\n", "plan", dt.date(2027, 1, 4))
    assert info.value.where == "row 1, column 4"
    assert "unknown column 'colour of hat'" in info.value.problem
    assert "title (title, name, task name, task)" in info.value.problem


def test_the_mapping_knows_ours_people_s_and_the_tools_headers():
    assert detect(["Task Name", "Duration", "Predecessors", "Resource Names", "Begin date"]) == [
        "title",
        "duration",
        "depends_on",
        "owner",
        "start",
    ]
    assert detect(["Not before", "Pinned to", "Depends on", "Slack (days)", "Web Link"]) == [
        "not_before",
        "phase",
        "depends_on",
        "slack_days",
        "",
    ]


def test_pandas_reads_our_csv_export(tmp_path):
    import pandas

    strategy = small_strategy()
    path = tmp_path / "plan.csv"
    write_csv(strategy, schedule(strategy), path)
    table = pandas.read_csv(path, comment="#")
    assert list(table["key"]) == ["A", "B", "M"]
    assert list(table.columns[:4]) == ["key", "title", "pillar", "duration"]
    # Without comment="#" it reads too: the settings are the last rows.
    plain = pandas.read_csv(path)
    assert list(plain["key"]) == ["A", "B", "M", "# name: Small plan", "# start: 2027-01-04"]
    back = read_csv(path)
    assert (back.name, back.start) == ("Small plan", dt.date(2027, 1, 4))
