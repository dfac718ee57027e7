"""Reversible edits for a measure's readings: add, change or remove one (dates stay ascending)."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain.edits import Change
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.measure_edits import find_measure
from cxroadmap.domain.measures import Reading
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.readings import coerce_reading


def _index(readings: list[Reading], day: dt.date) -> int | None:
    for i, reading in enumerate(readings):
        if reading.date == day:
            return i
    return None


class _ReadingEdit:
    """Replaces the measure's reading list whole (never in place: snapshots share lists)."""

    def __init__(self, measure_key: str) -> None:
        self.measure_key = measure_key
        self._old: list[Reading] = []

    def _new_list(self, readings: list[Reading], where: str) -> list[Reading]:
        raise NotImplementedError

    def apply(self, strategy: Strategy) -> Change:
        _, measure = find_measure(strategy, self.measure_key)
        new = self._new_list(list(measure.readings), f"measures[{self.measure_key}].readings")
        self._old = measure.readings
        measure.readings = sorted(new, key=lambda r: r.date)
        return Change(measures=True)

    def revert(self, strategy: Strategy) -> Change:
        _, measure = find_measure(strategy, self.measure_key)
        measure.readings = self._old
        return Change(measures=True)


class AddReading(_ReadingEdit):
    """Add a reading; a reading on the same date already there is an error."""

    def __init__(self, measure_key: str, date: object, value: object) -> None:
        super().__init__(measure_key)
        self.date, self.value = date, value
        self.text = f"Add reading to measure {measure_key}"

    def _new_list(self, readings: list[Reading], where: str) -> list[Reading]:
        reading = coerce_reading(self.date, self.value, where)
        if _index(readings, reading.date) is not None:
            raise ValidationError(
                f"{where}.date", f"there is already a reading on {reading.date.isoformat()}"
            )
        return [*readings, reading]


class ChangeReading(_ReadingEdit):
    """Change the date and/or value of the reading on `date` (None keeps that part)."""

    def __init__(
        self, measure_key: str, date: object, new_date: object = None, new_value: object = None
    ) -> None:
        super().__init__(measure_key)
        self.date, self.new_date, self.new_value = date, new_date, new_value
        self.text = f"Change reading of measure {measure_key}"

    def _new_list(self, readings: list[Reading], where: str) -> list[Reading]:
        old = coerce_reading(self.date, 0, where)
        at = _index(readings, old.date)
        if at is None:
            raise ValidationError(f"{where}.date", f"no reading on {old.date.isoformat()}")
        now = readings.pop(at)
        reading = coerce_reading(
            now.date if self.new_date is None else self.new_date,
            now.value if self.new_value is None else self.new_value,
            where,
        )
        if _index(readings, reading.date) is not None:
            raise ValidationError(
                f"{where}.date", f"there is already a reading on {reading.date.isoformat()}"
            )
        return [*readings, reading]


class RemoveReading(_ReadingEdit):
    def __init__(self, measure_key: str, date: object) -> None:
        super().__init__(measure_key)
        self.date = date
        self.text = f"Delete reading of measure {measure_key}"

    def _new_list(self, readings: list[Reading], where: str) -> list[Reading]:
        day = coerce_reading(self.date, 0, where).date
        at = _index(readings, day)
        if at is None:
            raise ValidationError(f"{where}.date", f"no reading on {day.isoformat()}")
        del readings[at]
        return readings


class SetReading(_ReadingEdit):
    """Make the measure read `value` on `date`: added, or the value there replaced."""

    def __init__(self, measure_key: str, date: object, value: object) -> None:
        super().__init__(measure_key)
        self.date, self.value = date, value
        self.text = f"Set reading of measure {measure_key}"

    def _new_list(self, readings: list[Reading], where: str) -> list[Reading]:
        reading = coerce_reading(self.date, self.value, where)
        return [r for r in readings if r.date != reading.date] + [reading]
