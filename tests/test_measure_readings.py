"""Measure readings: the on-track rule (hand-computed), their edits, the file, JSON and XLSX."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from cx_samples import touchpoint_strategy

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.measures import Measure, Reading
from cxroadmap.domain.reading_edits import AddReading, ChangeReading, RemoveReading, SetReading
from cxroadmap.domain.readings import line_value, on_track, reading_on_track
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.interop.jsonfile import parse_json_text, strategy_to_json
from cxroadmap.interop.xlsxfile import read_xlsx, write_xlsx
from cxroadmap.scheduling.planner import schedule
from cxroadmap.storage.document import Document, read_document, write_document

START = dt.date(2027, 1, 4)
# 100 calendar days from the strategy start to the target date.
UP = Measure("FCR", "First-contact resolution", "%", 62.0, 80.0, dt.date(2027, 4, 14))
DOWN = Measure("CES", "Customer effort", "", 4.0, 3.0, dt.date(2027, 4, 14))
HALFWAY = dt.date(2027, 2, 23)  # day 50 of 100


def test_the_line_runs_from_the_baseline_at_the_start_to_the_target_at_the_target_date():
    assert line_value(UP, START, START) == 62.0
    assert line_value(UP, START, HALFWAY) == 71.0  # 62 + 18 x 50/100
    assert line_value(UP, START, dt.date(2027, 1, 29)) == 66.5  # 62 + 18 x 25/100
    assert line_value(UP, START, dt.date(2027, 4, 14)) == 80.0
    # Outside the span the line holds: before the start the baseline, after the target date
    # the target (a measure is never asked to beat its target).
    assert line_value(UP, START, dt.date(2026, 12, 1)) == 62.0
    assert line_value(UP, START, dt.date(2028, 1, 1)) == 80.0
    assert line_value(DOWN, START, HALFWAY) == 3.5


def test_up_is_on_track_at_or_above_the_line_and_down_at_or_below_it():
    assert reading_on_track(UP, START, Reading(HALFWAY, 71.0)) is True
    assert reading_on_track(UP, START, Reading(HALFWAY, 70.9)) is False
    assert reading_on_track(UP, START, Reading(HALFWAY, 75.0)) is True
    assert reading_on_track(DOWN, START, Reading(HALFWAY, 3.5)) is True
    assert reading_on_track(DOWN, START, Reading(HALFWAY, 3.6)) is False
    assert reading_on_track(DOWN, START, Reading(HALFWAY, 3.2)) is True
    # After the target date the target itself is the bar.
    assert reading_on_track(UP, START, Reading(dt.date(2027, 6, 30), 79.5)) is False


def test_the_latest_reading_decides_and_no_verdict_without_what_the_rule_needs():
    measure = copy.deepcopy(UP)
    assert on_track(measure, START) is None  # no reading yet
    measure.readings = [Reading(dt.date(2027, 1, 29), 60.0), Reading(HALFWAY, 71.5)]
    assert on_track(measure, START) is True  # the early miss no longer counts
    measure.readings.append(Reading(dt.date(2027, 3, 15), 72.0))  # line 62 + 18 x 70/100 = 74.6
    assert on_track(measure, START) is False
    for unknown in ({"target": None}, {"baseline": None}, {"target_date": None}):
        blind = copy.deepcopy(measure)
        for name, value in unknown.items():
            setattr(blind, name, value)
        assert on_track(blind, START) is None
    flat = copy.deepcopy(measure)
    flat.target = flat.baseline  # no direction: neither up nor down
    assert on_track(flat, START) is None


def _strategy():
    strategy = touchpoint_strategy()
    strategy.measures[0].readings = [
        Reading(dt.date(2027, 3, 31), 64.0),
        Reading(dt.date(2027, 6, 30), 69.5),
    ]
    return strategy


READING_EDITS = [
    lambda: AddReading("FCR", "2027-09-30", "72,5"),
    lambda: AddReading("FCR", dt.date(2027, 1, 31), 63),
    lambda: ChangeReading("FCR", "2027-06-30", new_value=70),
    lambda: ChangeReading("FCR", "2027-06-30", new_date="2027-02-28"),
    lambda: RemoveReading("FCR", "2027-03-31"),
]


@pytest.mark.parametrize("make", READING_EDITS)
def test_every_reading_edit_keeps_dates_ascending_reverts_and_is_stored_exactly(tmp_path, make):
    strategy = _strategy()
    before = copy.deepcopy(strategy)
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [strategy])
    with Document.open(path) as doc:
        [sid] = doc.strategy_ids()
        edit = make()
        doc.write_change(sid, strategy, edit.apply(strategy))
        dates = [r.date for r in strategy.measures[0].readings]
        assert dates == sorted(set(dates)) and strategy != before
        validate_strategy(strategy)
        assert doc.load(sid) == strategy
        doc.write_change(sid, strategy, edit.revert(strategy))
        assert strategy == before
        assert doc.load(sid) == strategy


def test_reading_edits_say_exactly_what_is_wrong():
    cases = [
        (AddReading("FCR", "2027-03-31", 1), r"measures\[FCR\].readings.date: there is already"),
        (AddReading("FCR", "2027-13-01", 1), r"measures\[FCR\].readings.date"),
        (AddReading("FCR", "2027-04-01", "lots"), r"readings.value: expected a number"),
        (AddReading("FCR", "2027-04-01", None), r"readings.value: must not be empty"),
        (AddReading("NPS", "2027-04-01", 1), r"no measure with key 'NPS'"),
        (ChangeReading("FCR", "2027-04-01", new_value=1), r"no reading on 2027-04-01"),
        (ChangeReading("FCR", "2027-06-30", new_date="2027-03-31"), "already a reading on"),
        (RemoveReading("FCR", "2027-01-01"), r"no reading on 2027-01-01"),
    ]
    for edit, message in cases:
        strategy = _strategy()
        before = copy.deepcopy(strategy)
        with pytest.raises(ValidationError, match=message):
            edit.apply(strategy)
        assert strategy == before


def test_set_reading_adds_a_new_date_and_changes_an_existing_one():
    strategy = _strategy()
    before = copy.deepcopy(strategy)
    first, second = SetReading("FCR", "2027-06-30", "71"), SetReading("FCR", "2027-12-31", 79)
    first.apply(strategy)
    second.apply(strategy)
    assert strategy.measures[0].readings == [
        Reading(dt.date(2027, 3, 31), 64.0),
        Reading(dt.date(2027, 6, 30), 71.0),
        Reading(dt.date(2027, 12, 31), 79.0),
    ]
    second.revert(strategy)
    first.revert(strategy)
    assert strategy == before


def test_readings_out_of_order_or_repeated_are_refused_by_validation():
    strategy = _strategy()
    strategy.measures[0].readings.reverse()
    with pytest.raises(ValidationError, match=r"measures\[FCR\].readings\[1\].date: 2027-03-31 "):
        validate_strategy(strategy)
    strategy.measures[0].readings[1] = Reading(dt.date(2027, 6, 30), 1.0)
    with pytest.raises(ValidationError, match="2027-06-30 repeats 2027-06-30"):
        validate_strategy(strategy)


def test_readings_travel_through_json_as_date_value_pairs_in_order():
    strategy = _strategy()
    out = strategy_to_json(strategy)
    assert out["measures"][0]["readings"] == [
        {"date": "2027-03-31", "value": 64},
        {"date": "2027-06-30", "value": 69.5},
    ]
    back = parse_json_text(json.dumps(out))
    assert back.measures == strategy.measures
    # A measure without readings writes none (files from before readings are unchanged).
    assert "readings" not in strategy_to_json(touchpoint_strategy())["measures"][0]


@pytest.mark.parametrize(
    ("readings", "message"),
    [
        ([{"date": "2027-03-31", "value": 1}, {"date": "2027-03-01", "value": 2}],
         r"measures\[FCR\].readings\[1\].date: 2027-03-01 comes before 2027-03-31"),
        ([{"date": "2027-03-31", "value": 1}, {"date": "2027-03-31", "value": 2}],
         r"measures\[FCR\].readings\[1\].date: 2027-03-31 repeats"),
        ([{"date": "2027-03-31", "value": "1"}], r"readings\[0\].value: expected a number"),
        ([{"date": "2027-03-31"}], r"readings\[0\]"),
        ([{"date": "2027-03-31", "value": 1, "note": "x"}], r"readings\[0\].*note"),
        ({"date": "2027-03-31"}, r"measures\[FCR\].readings: expected a list"),
    ],
)  # fmt: skip
def test_bad_readings_in_json_name_the_measure_and_the_reading(readings, message):
    out = strategy_to_json(touchpoint_strategy())
    out["measures"][0]["readings"] = readings
    with pytest.raises(ValidationError, match=message):
        parse_json_text(json.dumps(out))


def test_readings_survive_the_file_and_xlsx(tmp_path):
    strategy = _strategy()
    write_document(tmp_path / "plan.cxroadmap", [strategy])
    assert read_document(tmp_path / "plan.cxroadmap") == [strategy]
    write_xlsx(strategy, schedule(strategy), tmp_path / "plan.xlsx")
    assert read_xlsx(tmp_path / "plan.xlsx").measures == strategy.measures
