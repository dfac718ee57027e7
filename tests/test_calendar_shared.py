"""Calendars with the same start, week and holidays share the dates made so far, exactly."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain import calendar
from cxroadmap.domain.calendar import WorkCalendar

START = dt.date(2027, 1, 6)
HOLIDAYS = [dt.date(2027, 12, 24), dt.date(2028, 1, 3), dt.date(2031, 5, 1)]


def made_alone(days: tuple[str, ...], holidays: list[dt.date], count: int) -> list[dt.date]:
    """The first `count` working days, made by a calendar with nothing shared."""
    calendar._MADE.clear()
    made = list(WorkCalendar(START, days, holidays).dates(count)[:count])
    calendar._MADE.clear()
    return made


def test_a_new_calendar_starts_from_the_dates_another_made_and_extends_them_the_same() -> None:
    days = ("mon", "tue", "thu")
    expected = made_alone(days, HOLIDAYS, 2_000)
    first = WorkCalendar(START, days, HOLIDAYS)
    assert first.date_of(700) == expected[700]
    second = WorkCalendar(START, days, HOLIDAYS)
    assert len(second.dates(1)) > 700  # it began with the first one's dates
    assert list(second.dates(2_000)[:2_000]) == expected
    assert second.index_on_or_after(expected[1_500]) == 1_500
    first.date_of(1_999)  # the first goes on making its own, the same
    assert list(first.dates(2_000)[:2_000]) == expected


def test_another_week_start_or_holidays_is_not_shared() -> None:
    week = ("mon", "tue", "wed", "thu", "fri")
    WorkCalendar(START, week, HOLIDAYS).date_of(900)
    assert list(WorkCalendar(START, week).dates(900)[:900]) == made_alone(week, [], 900)
    WorkCalendar(START, week).date_of(900)
    other_start = START + dt.timedelta(days=1)
    shared = WorkCalendar(other_start, week).dates(900)[:900]
    calendar._MADE.clear()
    assert list(shared) == list(WorkCalendar(other_start, week).dates(900)[:900])
    WorkCalendar(START, ("sat",)).date_of(50)
    assert list(WorkCalendar(START, week, HOLIDAYS).dates(900)[:900]) == made_alone(
        week, HOLIDAYS, 900
    )
