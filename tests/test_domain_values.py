"""Durations, dates, the working calendar and phases in the domain layer."""

import copy
import datetime as dt
import pickle
from dataclasses import replace

import pytest

from cxroadmap.domain import (
    Dependency,
    Initiative,
    Phase,
    Strategy,
    ValidationError,
    WorkCalendar,
    parse_duration,
)
from cxroadmap.domain.durations import format_duration


@pytest.mark.parametrize(
    ("text", "days"),
    [(12, 12), ("12", 12), ("12d", 12), ("3w", 15), ("2m", 40), (" 4 W ", 20), (0, 0), ("0d", 0)],
)
def test_durations_are_whole_working_days(text, days):
    assert parse_duration(text, "duration") == days


def test_a_week_is_as_long_as_the_working_week():
    assert parse_duration("3w", "duration", days_per_week=4) == 12
    assert parse_duration("1m", "duration", days_per_week=6) == 24


@pytest.mark.parametrize("bad", ["3x", "w3", "1.5w", "", True, None, [3], 2.5])
def test_a_malformed_duration_names_its_field(bad):
    with pytest.raises(ValidationError) as info:
        parse_duration(bad, "initiatives[REC1].duration")
    assert info.value.where == "initiatives[REC1].duration"


def test_a_negative_duration_is_refused_but_a_negative_lag_is_a_lead():
    with pytest.raises(ValidationError, match="negative"):
        parse_duration("-2d", "initiatives[A].duration")
    assert parse_duration("-1w", "dependencies[0].lag", allow_negative=True) == -5


def test_durations_format_in_weeks_when_they_divide():
    assert format_duration(15) == "3w"
    assert format_duration(7) == "7d"
    assert format_duration(0) == "0d"


def test_day_zero_is_the_first_working_day_on_or_after_the_start():
    saturday = dt.date(2027, 1, 2)
    cal = WorkCalendar(saturday)
    assert cal.date_of(0) == dt.date(2027, 1, 4)
    assert cal.date_of(5) == dt.date(2027, 1, 11)
    assert cal.index_on_or_after(dt.date(2027, 1, 9)) == 5
    assert cal.index_on_or_after(dt.date(2026, 1, 1)) == 0


def test_holidays_and_a_custom_working_week_are_skipped():
    cal = WorkCalendar(dt.date(2027, 1, 4), ["mon", "tue", "wed", "thu"], [dt.date(2027, 1, 5)])
    days = [cal.date_of(i) for i in range(5)]
    assert days == [
        dt.date(2027, 1, 4),
        dt.date(2027, 1, 6),
        dt.date(2027, 1, 7),
        dt.date(2027, 1, 11),
        dt.date(2027, 1, 12),
    ]
    assert cal.index_on_or_after(dt.date(2027, 1, 8)) == 3


def test_a_calendar_far_into_the_future_stays_consistent():
    cal = WorkCalendar(dt.date(2027, 1, 4))
    assert cal.date_of(5200) == dt.date(2027, 1, 4) + dt.timedelta(weeks=1040)
    assert cal.index_on_or_after(cal.date_of(4321)) == 4321


def test_an_unknown_weekday_names_the_field():
    with pytest.raises(ValidationError) as info:
        WorkCalendar(dt.date(2027, 1, 4), ["mon", "funday"])
    assert info.value.where == "strategy.working_days[1]"


def test_phases_cover_calendar_weeks_and_the_last_is_open_ended():
    s = Strategy(name="S", start=dt.date(2027, 1, 4))
    assert s.phase_bounds() == [
        ("Short term", dt.date(2027, 1, 4), dt.date(2027, 4, 5)),
        ("Medium term", dt.date(2027, 4, 5), dt.date(2028, 1, 3)),
        ("Long term", dt.date(2028, 1, 3), None),
    ]


def test_a_last_phase_with_weeks_is_still_open_ended():
    s = Strategy(name="S", start=dt.date(2027, 1, 4), phases=[Phase("Now", 2), Phase("Next", 2)])
    assert s.phase_bounds()[-1] == ("Next", dt.date(2027, 1, 18), None)


def test_initiatives_and_dependencies_hold_their_fields_in_slots_and_still_copy():
    # Slots, not a dictionary per object: a plan of 20,000 initiatives is 2.3 MB smaller and
    # the scheduler's reads of it miss the cache far less (docs/performance.md).
    ini = Initiative("A", "Map the journey", 5, touchpoints=["T1"])
    dep = Dependency("A", "B", "SS", 2)
    for record in (ini, dep):
        assert not hasattr(record, "__dict__")
        assert copy.deepcopy(record) == record and pickle.loads(pickle.dumps(record)) == record
    moved = replace(ini, key="B")
    assert (moved.key, moved.title, moved.touchpoints) == ("B", "Map the journey", ["T1"])
    with pytest.raises(AttributeError):
        ini.colour = "red"  # a misspelt field is an error, not a new attribute
