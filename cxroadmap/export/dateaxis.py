"""The timeline's date axis: weeks, months, quarters or years, as the span and width allow."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cxroadmap.domain.labels import MONTHS

# Narrowest useful cell (points) for each unit's labels at the axis font size.
_MIN_CELL = {"week": 16.0, "month": 17.0, "quarter": 15.0}


@dataclass(frozen=True)
class Cell:
    """One axis cell: dates [start, end) and its labels, longest first (the drawer picks one)."""

    start: dt.date
    end: dt.date
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Axis:
    start: dt.date
    end: dt.date  # exclusive
    unit: str  # week, month, quarter or year
    upper: tuple[Cell, ...]
    lower: tuple[Cell, ...]

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def x(self, day: dt.date, width: float) -> float:
        """Horizontal position of the start of `day` on an axis `width` points wide."""
        return (day - self.start).days * width / self.days


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def choose_unit(days: int, width: float) -> str:
    per_day = width / max(days, 1)
    if days <= 130 and 7 * per_day >= _MIN_CELL["week"]:
        return "week"
    if 30.4 * per_day >= _MIN_CELL["month"]:
        return "month"
    if 91.3 * per_day >= _MIN_CELL["quarter"]:
        return "quarter"
    return "year"


def _round_range(first: dt.date, end: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "week":
        start = first - dt.timedelta(days=first.weekday())
        stop = end + dt.timedelta(days=(7 - end.weekday()) % 7)
        return start, stop
    step = {"month": 1, "quarter": 3, "year": 12}[unit]
    start = _month_start(first)
    start = _add_months(start, -((start.month - 1) % step))
    stop = start
    while stop < end:
        stop = _add_months(stop, step)
    return start, stop


def _cells(start: dt.date, stop: dt.date, unit: str) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    day = start
    while day < stop:
        if unit == "week":
            nxt = day + dt.timedelta(days=7)
            labels: tuple[str, ...] = (f"{day.day} {MONTHS[day.month - 1][:3]}", str(day.day))
        elif unit == "month":
            nxt = _add_months(day, 1)
            name = MONTHS[day.month - 1]
            labels = (name, name[:3], name[0])
        elif unit == "quarter":
            nxt = _add_months(day, 3)
            q = (day.month - 1) // 3 + 1
            labels = (f"Q{q} {day.year}", f"Q{q}")
        else:
            nxt = dt.date(day.year + 1, 1, 1)
            labels = (str(day.year), f"’{day.year % 100:02d}")
        cells.append(Cell(day, min(nxt, stop), labels))
        day = nxt
    return tuple(cells)


def _upper(start: dt.date, stop: dt.date, unit: str) -> tuple[Cell, ...]:
    if unit == "year":
        return ()
    if unit == "week":
        cells = []
        day = _month_start(start)
        while day < stop:
            nxt = _add_months(day, 1)
            name = MONTHS[day.month - 1]
            labels = (f"{name} {day.year}", f"{name[:3]} {day.year}", name[:3], name[0])
            cells.append(Cell(max(day, start), min(nxt, stop), labels))
            day = nxt
        return tuple(cells)
    cells = []
    day = dt.date(start.year, 1, 1)
    while day < stop:
        nxt = dt.date(day.year + 1, 1, 1)
        years = (str(day.year), f"’{day.year % 100:02d}")
        cells.append(Cell(max(day, start), min(nxt, stop), years))
        day = nxt
    return tuple(cells)


def build_axis(first: dt.date, end: dt.date, width: float) -> Axis:
    """An axis covering [first, end) rounded out to whole units, for a chart `width` points wide."""
    if end <= first:
        end = first + dt.timedelta(days=1)
    unit = choose_unit((end - first).days, width)
    start, stop = _round_range(first, end, unit)
    return Axis(start, stop, unit, _upper(start, stop, unit), _cells(start, stop, unit))
