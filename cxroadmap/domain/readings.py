"""Measure readings: their checks and the on-track rule of tracking.md ("Measures over time")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.fields import coerce_named
from cxroadmap.domain.measures import Measure, Reading
from cxroadmap.domain.registry import READING


def coerce_reading(
    date: object, value: object, where: str, where_value: str | None = None
) -> Reading:
    """A reading from a date and a value as a person or a file gave them (text allowed).

    Errors name `where`.date and `where`.value, or `where` and `where_value` when given.
    """
    at_date, at_value = (f"{where}.date", f"{where}.value") if where_value is None else (
        where, where_value)  # fmt: skip
    day = coerce_named(READING, "reading", "date", date, at_date)
    number = coerce_named(READING, "reading", "value", value, at_value)
    assert isinstance(day, dt.date) and isinstance(number, float)
    return Reading(day, number)


def check_readings(readings: Sequence[object], where: str) -> list[Reading]:
    """Each reading checked; dates must be unique and ascending. Returns them normalised."""
    if not isinstance(readings, list | tuple):
        raise ValidationError(where, f"expected a list of readings, got {readings!r}")
    out: list[Reading] = []
    for i, reading in enumerate(readings):
        if not isinstance(reading, Reading):
            raise ValidationError(f"{where}[{i}]", f"expected a reading, got {reading!r}")
        checked = coerce_reading(reading.date, reading.value, f"{where}[{i}]")
        if out and checked.date <= out[-1].date:
            said = "repeats" if checked.date == out[-1].date else "comes before"
            raise ValidationError(
                f"{where}[{i}].date",
                f"{checked.date.isoformat()} {said} {out[-1].date.isoformat()}: "
                "dates must be unique and ascending",
            )
        out.append(checked)
    return out


def direction(measure: Measure) -> str | None:
    """ "up" when the target is above the baseline, "down" when below, None when unknown."""
    higher = measure.higher_is_better
    return None if higher is None else "up" if higher else "down"


def line_value(measure: Measure, start: dt.date, on: dt.date) -> float | None:
    """The straight line from the baseline at `start` to the target at the target date.

    Before `start` it is the baseline, after the target date the target: a measure is not
    asked to be better than its target, nor to have moved before the strategy began.
    None when the baseline, target or target date is unknown.
    """
    if measure.baseline is None or measure.target is None or measure.target_date is None:
        return None
    span = (measure.target_date - start).days
    if span <= 0 or on >= measure.target_date:
        return measure.target
    if on <= start:
        return measure.baseline
    return measure.baseline + (measure.target - measure.baseline) * (on - start).days / span


def reading_on_track(measure: Measure, start: dt.date, reading: Reading) -> bool | None:
    """Up: value >= line; down: value <= line; None when the line or direction is unknown."""
    way = direction(measure)
    line = line_value(measure, start, reading.date)
    if way is None or line is None:
        return None
    return reading.value >= line if way == "up" else reading.value <= line


def on_track(measure: Measure, start: dt.date) -> bool | None:
    """Whether the measure's current (latest) reading is on track; None without one."""
    current = measure.current
    return None if current is None else reading_on_track(measure, start, current)


@dataclass(frozen=True)
class Trend:
    """What a trend chart of one measure draws, in dates and values (each view scales it).

    `line` is the on-track line (baseline at the start to target at the target date, then
    flat); `points` are the readings with each one's verdict; the ranges hold them all.
    """

    first: dt.date
    last: dt.date
    low: float
    high: float
    line: tuple[tuple[dt.date, float], ...]
    points: tuple[tuple[Reading, bool | None], ...]
    target: float | None


def trend(measure: Measure, start: dt.date) -> Trend | None:
    """The chart of a measure, or None when there is nothing to draw (no reading, no line)."""
    has_line = line_value(measure, start, start) is not None
    if not measure.readings and not has_line:
        return None
    dates = [r.date for r in measure.readings]
    values = [r.value for r in measure.readings]
    line: tuple[tuple[dt.date, float], ...] = ()
    if has_line:
        assert measure.baseline is not None and measure.target is not None
        assert measure.target_date is not None
        dates += [start, measure.target_date]
        values += [measure.baseline, measure.target]
    first, last = min(dates), max(dates)
    if has_line:
        assert measure.target is not None and measure.target_date is not None
        line = tuple(
            (day, value)
            for day in sorted({first, start, measure.target_date, last})
            if (value := line_value(measure, start, day)) is not None
        )
    if first == last:
        last = first + dt.timedelta(days=1)
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    points = tuple((r, reading_on_track(measure, start, r)) for r in measure.readings)
    return Trend(first, last, low, high, line, points, measure.target)
