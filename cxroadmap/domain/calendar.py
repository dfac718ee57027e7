"""Working-day calendar: maps working-day indices to dates and back (weekdays plus holidays)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.limits import LATEST_SCHEDULED_DATE, MAX_DATE, MIN_DATE

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_WORKING_DAYS = ("mon", "tue", "wed", "thu", "fri")

# Dates are produced in blocks so that a long project does not pay one call per day.
_BLOCK_DAYS = 366
# (start, working weekday numbers, holidays) -> (a calendar's list of working days' dates,
# how many of them were made when it was noted, the first date not looked at then). The
# list only ever grows at its end, so that many of its first dates stay right to copy.
_MADE: dict[
    tuple[dt.date, frozenset[int], frozenset[dt.date]], tuple[list[dt.date], int, dt.date]
] = {}
_MADE_KEPT = 16


def parse_weekdays(names: Iterable[str], where: str = "strategy.working_days") -> tuple[str, ...]:
    """Validate weekday names (`mon` .. `sun`) and return them in calendar order, deduplicated."""
    seen: set[str] = set()
    for i, name in enumerate(names):
        if not isinstance(name, str) or name.strip().lower()[:3] not in WEEKDAY_NAMES:
            raise ValidationError(
                f"{where}[{i}]", f"unknown weekday {name!r}; use mon, tue, ... sun"
            )
        seen.add(name.strip().lower()[:3])
    if not seen:
        raise ValidationError(where, "at least one working weekday is needed")
    return tuple(d for d in WEEKDAY_NAMES if d in seen)


def parse_date(value: object, where: str) -> dt.date:
    """Parse an ISO date `YYYY-MM-DD` between MIN_DATE and MAX_DATE, naming the field."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return check_date(value, where)
    if isinstance(value, str) and len(value) <= 40:
        try:
            return check_date(dt.date.fromisoformat(value.strip()), where)
        except ValueError:
            pass
    text = repr(value) if len(repr(value)) <= 80 else repr(value)[:77] + "..."
    raise ValidationError(where, f"expected a date as YYYY-MM-DD, got {text}")


def check_date(value: dt.date, where: str) -> dt.date:
    """A date inside the limits (limits.py), so every schedule built on it stays in range."""
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValidationError(
            where,
            f"{value.isoformat()} is outside the dates a plan may use "
            f"({MIN_DATE.isoformat()} to {MAX_DATE.isoformat()})",
        )
    return value


class WorkCalendar:
    """Working days from a start date: day 0 is the first working day on or after `start`."""

    def __init__(
        self,
        start: dt.date,
        working_days: Iterable[str] = DEFAULT_WORKING_DAYS,
        holidays: Iterable[dt.date] = (),
    ) -> None:
        self.start = start
        self.working_days = parse_weekdays(working_days)
        self._weekday_numbers = frozenset(WEEKDAY_NAMES.index(d) for d in self.working_days)
        self.holidays = frozenset(holidays)
        # The dates of the working days made so far for this start, week and holidays by
        # any calendar (every schedule makes a new one; making the dates was ~7 % of a
        # schedule of 1,000 initiatives): copied, then extended here and shared again.
        self._key = (start, self._weekday_numbers, self.holidays)
        made = _MADE.get(self._key)
        self._dates: list[dt.date] = [] if made is None else made[0][: made[1]]
        self._next = start if made is None else made[2]

    @property
    def days_per_week(self) -> int:
        """Working weekdays in a week: the length of `1w` in durations."""
        return len(self.working_days)

    def is_working(self, day: dt.date) -> bool:
        return day.weekday() in self._weekday_numbers and day not in self.holidays

    def _extend(self) -> None:
        day = self._next
        if day > LATEST_SCHEDULED_DATE:
            # Input limits keep real plans far below this; it stops a runaway, not a plan.
            raise ValidationError(
                "strategy",
                f"the schedule runs past {LATEST_SCHEDULED_DATE.isoformat()}; "
                "shorten durations or lags",
            )
        end = day + dt.timedelta(days=_BLOCK_DAYS)
        # By ordinal: date(1, 1, 1), ordinal 1, was a Monday, so weekday = (ordinal + 6) % 7.
        # Only working days become dates (a loop of date arithmetic and is_working calls
        # was most of a schedule's calendar).
        first = day.toordinal()
        weekdays = self._weekday_numbers
        make = dt.date.fromordinal
        block = [make(o) for o in range(first, end.toordinal()) if (o + 6) % 7 in weekdays]
        if self.holidays:
            holidays = self.holidays
            block = [d for d in block if d not in holidays]
        self._dates.extend(block)
        self._next = end
        if not block and len(self.holidays) == 0:
            raise ValidationError("strategy.working_days", "no working day in a whole year")
        if len(_MADE) >= _MADE_KEPT:
            _MADE.clear()  # a few calendars at a time are in use; start again past that
        _MADE[self._key] = (self._dates, len(self._dates), end)  # noted, not copied

    def dates(self, count: int) -> Sequence[dt.date]:
        """The dates of working days 0 to at least `count - 1`, in order (not to be changed)."""
        if count > 0:
            self.date_of(count - 1)
        return self._dates

    def date_of(self, index: int) -> dt.date:
        """Date of working day `index` (index >= 0)."""
        if index < 0:
            raise ValueError(f"working day index must be >= 0, got {index}")
        guard = 0
        while index >= len(self._dates):
            before = len(self._dates)
            self._extend()
            guard = guard + 1 if len(self._dates) == before else 0
            if guard > 50:
                raise ValidationError("strategy.holidays", "holidays leave no working days")
        return self._dates[index]

    def index_on_or_after(self, day: dt.date) -> int:
        """Index of the first working day on or after `day` (0 for any day before the start)."""
        if day <= self.start:
            return 0
        guard = 0
        while not self._dates or self._dates[-1] < day:
            before = len(self._dates)
            self._extend()
            guard = guard + 1 if len(self._dates) == before else 0
            if guard > 50:
                raise ValidationError("strategy.holidays", "holidays leave no working days")
        return bisect.bisect_left(self._dates, day)
