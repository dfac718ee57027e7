"""Progress fields (tracking.md): the file, the JSON, the upgrade, and each error."""

import copy
import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from cxroadmap.app import main
from cxroadmap.domain import ValidationError
from cxroadmap.interop.jsonfile import strategy_from_json, strategy_to_json
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.storage.schema import SCHEMA_VERSION, connect
from cxroadmap.storage.verify import file_problems

DATA = Path(__file__).parent / "data"

PLAN = {
    "format": "cxroadmap/1",
    "strategy": {"name": "Tracked", "start": "2027-01-04", "status_date": "2027-01-20"},
    "initiatives": [
        {"key": "A", "title": "Done", "duration": 5, "actual_start": "2027-01-04",
         "actual_finish": "2027-01-08", "percent_complete": 100, "status": "done"},
        {"key": "B", "title": "Under way", "duration": 10, "actual_start": "2027-01-11",
         "percent_complete": 30, "status": "in_progress"},
        {"key": "C", "title": "Not yet", "duration": 2},
        {"key": "M", "title": "Reached", "duration": 0, "actual_finish": "2027-01-15"},
    ],
}  # fmt: skip


def _plan(**changes: object) -> dict:
    """PLAN with `B`'s fields changed (None removes one)."""
    data = copy.deepcopy(PLAN)
    b = data["initiatives"][1]
    for name, value in changes.items():
        if value is None:
            b.pop(name, None)
        else:
            b[name] = value
    return data


def test_progress_fields_are_read_from_json_and_written_back_the_same():
    strategy = strategy_from_json(PLAN)
    assert strategy.status_date == dt.date(2027, 1, 20)
    b = strategy.initiatives["B"]
    assert (b.actual_start, b.actual_finish, b.percent_complete) == (dt.date(2027, 1, 11), None, 30)
    assert strategy.initiatives["C"].percent_complete == 0
    back = strategy_to_json(strategy)
    assert back["format"] == "cxroadmap/1"
    assert back["strategy"]["status_date"] == "2027-01-20"
    # Optional fields stay out while unset, and 0 % is the default, so C carries none.
    assert [
        {k: v for k, v in i.items() if k in ("actual_start", "actual_finish", "percent_complete")}
        for i in back["initiatives"]
    ] == [
        {"actual_start": "2027-01-04", "actual_finish": "2027-01-08", "percent_complete": 100},
        {"actual_start": "2027-01-11", "percent_complete": 30},
        {},
        {"actual_finish": "2027-01-15"},
    ]


def test_a_plan_without_progress_writes_no_progress_keys():
    data = {"format": "cxroadmap/1", "strategy": {"name": "P", "start": "2027-01-04"},
            "initiatives": [{"key": "A", "title": "a", "duration": 1}]}  # fmt: skip
    back = strategy_to_json(strategy_from_json(data))
    assert "status_date" not in back["strategy"]
    assert set(back["initiatives"][0]) == {
        "key", "title", "pillar", "duration", "owner", "not_before", "phase", "impact",
        "status", "description",
    }  # fmt: skip


def test_progress_fields_survive_the_document_file(tmp_path):
    strategy = strategy_from_json(PLAN)
    write_document(tmp_path / "plan.cxroadmap", [strategy])
    assert read_document(tmp_path / "plan.cxroadmap") == [strategy]
    assert file_problems(tmp_path / "plan.cxroadmap") == []


def test_an_older_file_upgrades_to_the_current_schema_with_no_progress_and_a_checked_range(
    tmp_path,
):
    path = tmp_path / "old.cxroadmap"
    shutil.copyfile(DATA / "schema1_cascade.cxroadmap", path)
    with Document.open(path) as doc:
        strategy = doc.load(doc.strategy_ids()[0])
    assert strategy.status_date is None
    assert {(i.actual_start, i.actual_finish, i.percent_complete)
            for i in strategy.initiatives.values()} == {(None, None, 0)}  # fmt: skip
    assert file_problems(path) == []
    conn = connect(path, readonly=False)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        with pytest.raises(sqlite3.IntegrityError, match="percent_complete_range"):
            conn.execute("UPDATE initiative SET percent_complete = 101")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("changes", "where", "problem"),
    [
        ({"actual_start": None, "actual_finish": "2027-01-15", "percent_complete": 100},
         "initiatives[B].actual_finish", "an actual finish needs an actual start"),
        ({"actual_finish": "2027-01-08", "percent_complete": 100},
         "initiatives[B].actual_finish", "2027-01-08 is before the actual start 2027-01-11"),
        ({"percent_complete": 101},
         "initiatives[B].percent_complete", "expected a whole number from 0 to 100, got 101"),
        ({"percent_complete": -1},
         "initiatives[B].percent_complete", "expected a whole number from 0 to 100, got -1"),
        ({"percent_complete": 2.5},
         "initiatives[B].percent_complete", "expected a whole number from 0 to 100, got 2.5"),
        ({"percent_complete": "30"},
         "initiatives[B].percent_complete", "expected a number, got '30'"),
        ({"actual_start": None},
         "initiatives[B].percent_complete", "30 % complete needs an actual start"),
        ({"actual_finish": "2027-01-15"},
         "initiatives[B].percent_complete",
         "30 % complete does not fit an actual finish (use 100, or clear the finish)"),
        ({"actual_start": "2027-01-21"},
         "initiatives[B].actual_start", "2027-01-21 is after the status date 2027-01-20"),
        ({"actual_start": "2026-12-31"},
         "initiatives[B].actual_start", "2026-12-31 is before the strategy's start 2027-01-04"),
        ({"actual_start": "2027-01-32"},
         "initiatives[B].actual_start", "expected a date as YYYY-MM-DD, got '2027-01-32'"),
    ],
)  # fmt: skip
def test_each_progress_error_names_the_key_and_the_field(changes, where, problem):
    with pytest.raises(ValidationError) as caught:
        strategy_from_json(_plan(**changes))
    assert (caught.value.where, caught.value.problem) == (where, problem)


def test_an_actual_finish_after_the_status_date_is_refused():
    data = _plan(actual_finish="2027-01-22", percent_complete=100)
    with pytest.raises(ValidationError, match=r"initiatives\[B\]\.actual_finish: 2027-01-22 is "
                       "after the status date 2027-01-20"):  # fmt: skip
        strategy_from_json(data)


def test_a_milestone_reached_needs_no_actual_start_but_one_given_must_be_the_same_day():
    data = copy.deepcopy(PLAN)
    data["initiatives"][3]["actual_start"] = "2027-01-14"
    with pytest.raises(ValidationError) as caught:
        strategy_from_json(data)
    assert caught.value.where == "initiatives[M].actual_start"
    data["initiatives"][3]["actual_start"] = "2027-01-15"
    data["initiatives"][3]["percent_complete"] = 100
    assert strategy_from_json(data).initiatives["M"].actual_start == dt.date(2027, 1, 15)


def test_without_a_status_date_actual_dates_may_be_any_day_from_the_start():
    data = _plan(actual_start="2027-03-01")
    del data["strategy"]["status_date"]
    assert strategy_from_json(data).initiatives["B"].actual_start == dt.date(2027, 3, 1)


def test_the_schedule_command_refuses_a_progress_error_with_exit_2_and_one_error_line(
    tmp_path, capsys
):
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(_plan(actual_start=None)), encoding="utf-8")
    assert main(["schedule", str(source), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"error: {source}: initiatives[B].percent_complete: 30 % complete needs an actual start"
    ]


def test_import_refuses_a_progress_error_and_writes_no_document(tmp_path, capsys):
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(_plan(actual_start="2027-01-21")), encoding="utf-8")
    doc = tmp_path / "plan.cxroadmap"
    assert main(["import", str(source), "-o", str(doc)]) == 2
    assert "initiatives[B].actual_start" in capsys.readouterr().err
    assert not doc.exists()
