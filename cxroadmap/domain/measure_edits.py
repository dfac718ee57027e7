"""Reversible edits for measures (KPIs) and the initiatives linked to them."""

from __future__ import annotations

from typing import Any

from cxroadmap.domain.cx_validation import MEASURE_FIELDS, check_measure, coerce_measure_value
from cxroadmap.domain.edits import Change
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.touchpoint_edits import find_initiative


def find_measure(strategy: Strategy, key: str) -> tuple[int, Measure]:
    """(index, measure) for `key`; ValidationError naming it when there is none."""
    for i, measure in enumerate(strategy.measures):
        if measure.key == key:
            return i, measure
    raise ValidationError(f"measures[{key}]", f"no measure with key {key!r}")


class AddMeasure:
    def __init__(self, measure: Measure, index: int | None = None) -> None:
        self.measure = measure
        self.index = index
        self.text = f"Add measure {measure.name!r}"

    def apply(self, strategy: Strategy) -> Change:
        measure = self.measure
        check_measure(measure, f"measures[{measure.key}]")
        if strategy.measure(measure.key) is not None:
            raise ValidationError(f"measures[{measure.key}].key", f"duplicate key {measure.key!r}")
        for j, key in enumerate(measure.initiatives):
            if key not in strategy.initiatives:
                raise ValidationError(
                    f"measures[{measure.key}].initiatives[{j}]", f"no initiative with key {key!r}"
                )
        at = len(strategy.measures) if self.index is None else self.index
        strategy.measures.insert(at, measure)
        return Change(measures=True)

    def revert(self, strategy: Strategy) -> Change:
        strategy.measures.remove(self.measure)
        return Change(measures=True)


class RemoveMeasure:
    def __init__(self, key: str) -> None:
        self.key = key
        self.text = f"Delete measure {key}"
        self._index = 0
        self._saved: Measure | None = None

    def apply(self, strategy: Strategy) -> Change:
        self._index, measure = find_measure(strategy, self.key)
        self.text = f"Delete measure {measure.name!r}"
        self._saved = strategy.measures.pop(self._index)
        return Change(measures=True)

    def revert(self, strategy: Strategy) -> Change:
        assert self._saved is not None
        strategy.measures.insert(self._index, self._saved)
        return Change(measures=True)


class ChangeMeasure:
    """Change fields of a measure (see MEASURE_FIELDS); numbers may be given as text."""

    def __init__(self, key: str, changes: dict[str, Any], text: str | None = None) -> None:
        self.key = key
        self.changes = dict(changes)
        self.text = text or f"Change {', '.join(changes)} of measure {key}"
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}

    def apply(self, strategy: Strategy) -> Change:
        _, measure = find_measure(strategy, self.key)
        new: dict[str, Any] = {}
        for name, value in self.changes.items():
            where = f"measures[{self.key}].{name}"
            if name not in MEASURE_FIELDS:
                raise ValidationError(where, f"unknown measure field {name!r}")
            new[name] = coerce_measure_value(name, value, where)
        new_key = new.get("key", self.key)
        if new_key != self.key and strategy.measure(new_key) is not None:
            raise ValidationError(f"measures[{self.key}].key", f"duplicate key {new_key!r}")
        for j, key in enumerate(new.get("initiatives", [])):
            if key not in strategy.initiatives:
                raise ValidationError(
                    f"measures[{self.key}].initiatives[{j}]", f"no initiative with key {key!r}"
                )
        self._old = {name: getattr(measure, name) for name in new}
        self._new = new
        for name, value in new.items():
            setattr(measure, name, value)
        return Change(measures=True)

    def revert(self, strategy: Strategy) -> Change:
        _, measure = find_measure(strategy, self._new.get("key", self.key))
        for name, value in self._old.items():
            setattr(measure, name, value)
        return Change(measures=True)


class LinkMeasure:
    """Record that an initiative is expected to move a measure."""

    def __init__(self, measure_key: str, initiative_key: str) -> None:
        self.measure_key = measure_key
        self.initiative_key = initiative_key
        self.text = f"Link {initiative_key} to measure {measure_key}"

    def apply(self, strategy: Strategy) -> Change:
        _, measure = find_measure(strategy, self.measure_key)
        find_initiative(strategy, self.initiative_key)
        if self.initiative_key in measure.initiatives:
            raise ValidationError(
                f"measures[{self.measure_key}].initiatives",
                f"already linked to {self.initiative_key!r}",
            )
        measure.initiatives = [*measure.initiatives, self.initiative_key]
        return Change(measures=True)

    def revert(self, strategy: Strategy) -> Change:
        _, measure = find_measure(strategy, self.measure_key)
        measure.initiatives = [k for k in measure.initiatives if k != self.initiative_key]
        return Change(measures=True)


class UnlinkMeasure:
    def __init__(self, measure_key: str, initiative_key: str) -> None:
        self.measure_key = measure_key
        self.initiative_key = initiative_key
        self.text = f"Unlink {initiative_key} from measure {measure_key}"
        self._old: list[str] = []

    def apply(self, strategy: Strategy) -> Change:
        _, measure = find_measure(strategy, self.measure_key)
        if self.initiative_key not in measure.initiatives:
            raise ValidationError(
                f"measures[{self.measure_key}].initiatives",
                f"not linked to {self.initiative_key!r}",
            )
        self._old = measure.initiatives
        measure.initiatives = [k for k in measure.initiatives if k != self.initiative_key]
        return Change(measures=True)

    def revert(self, strategy: Strategy) -> Change:
        _, measure = find_measure(strategy, self.measure_key)
        measure.initiatives = self._old
        return Change(measures=True)
