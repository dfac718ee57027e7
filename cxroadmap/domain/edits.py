"""Reversible edits: every change to a strategy is one small object with apply() and revert().

Each call returns a `Change` saying what was touched, so storage can write just that
in one transaction and views can refresh just that (the way Anki's operations do).
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Protocol

from cxroadmap.domain.cx_links import (
    Detached,
    check_initiative_links,
    detach_initiative,
    reattach_initiative,
    rename_initiative_refs,
)
from cxroadmap.domain.durations import parse_duration
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_text
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.progress_checks import (
    check_initiative_change,
    check_progress,
    touches_progress,
)
from cxroadmap.domain.validation import (
    check_new_dependency,
    coerce_initiative_value,
    coerce_strategy_value,
    normalise_dependency_type,
    validate_strategy,
)

Pair = tuple[str, str]


@dataclass
class Change:
    """What an edit touched: strategy fields, initiatives and dependencies by key or pair.

    An initiative named here includes its own touchpoint and support links; `touchpoints`
    and `measures` mean the strategy's touchpoint list (with opportunities) or measure
    list (with the initiatives linked to each measure) changed.
    """

    strategy: bool = False
    initiatives: set[str] = field(default_factory=set)
    removed_initiatives: set[str] = field(default_factory=set)
    dependencies: set[Pair] = field(default_factory=set)
    removed_dependencies: set[Pair] = field(default_factory=set)
    touchpoints: bool = False
    measures: bool = False
    baselines: bool = False  # the baselines list or the chosen one (baseline_edits.py)

    def merge(self, other: Change) -> Change:
        self.strategy |= other.strategy
        self.touchpoints |= other.touchpoints
        self.measures |= other.measures
        self.baselines |= other.baselines
        self.initiatives = (self.initiatives - other.removed_initiatives) | other.initiatives
        self.removed_initiatives = (
            self.removed_initiatives - other.initiatives
        ) | other.removed_initiatives
        self.dependencies = (self.dependencies - other.removed_dependencies) | other.dependencies
        self.removed_dependencies = (
            self.removed_dependencies - other.dependencies
        ) | other.removed_dependencies
        return self


class Edit(Protocol):
    """An undoable change; `text` is what the Edit menu shows ("Undo <text>")."""

    text: str

    def apply(self, strategy: Strategy) -> Change: ...

    def revert(self, strategy: Strategy) -> Change: ...


def _insert_at(strategy: Strategy, index: int, ini: Initiative) -> None:
    items = list(strategy.initiatives.items())
    items.insert(min(index, len(items)), (ini.key, ini))
    strategy.initiatives = dict(items)


class AddInitiative:
    """Add an initiative (at the end, or at `index`)."""

    def __init__(self, initiative: Initiative, index: int | None = None) -> None:
        self.initiative = initiative
        self.index = index
        self.text = f"Add {initiative.title!r}"

    def apply(self, strategy: Strategy) -> Change:
        ini = self.initiative
        if ini.key in strategy.initiatives:
            raise ValidationError(f"initiatives[{ini.key}].key", f"duplicate key {ini.key!r}")
        check_text(ini.title, f"initiatives[{ini.key}].title", required=True)
        if ini.phase is not None and ini.phase not in strategy.phase_names():
            raise ValidationError(f"initiatives[{ini.key}].phase", f"no phase named {ini.phase!r}")
        check_initiative_links(strategy, ini.key, ini.touchpoints, ini.supports)
        _insert_at(strategy, len(strategy.initiatives) if self.index is None else self.index, ini)
        return Change(initiatives={ini.key})

    def revert(self, strategy: Strategy) -> Change:
        del strategy.initiatives[self.initiative.key]
        return Change(removed_initiatives={self.initiative.key})


class RemoveInitiative:
    """Remove an initiative with every dependency that touches it; links to it are dropped."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.text = f"Delete {key}"
        self._saved: Initiative | None = None
        self._index = 0
        self._deps: list[tuple[int, Dependency]] = []
        self._detached = Detached()

    def apply(self, strategy: Strategy) -> Change:
        if self.key not in strategy.initiatives:
            raise ValidationError(
                f"initiatives[{self.key}]", f"no initiative with key {self.key!r}"
            )
        self._index = list(strategy.initiatives).index(self.key)
        self._saved = strategy.initiatives.pop(self.key)
        self.text = f"Delete {self._saved.title!r}"
        self._deps = [
            (i, d)
            for i, d in enumerate(strategy.dependencies)
            if self.key in (d.from_key, d.to_key)
        ]
        gone = {id(d) for _, d in self._deps}
        strategy.dependencies = [d for d in strategy.dependencies if id(d) not in gone]
        self._detached = detach_initiative(strategy, self.key)
        return Change(
            removed_initiatives={self.key},
            removed_dependencies={d.pair for _, d in self._deps},
            touchpoints=self._detached.touchpoints_touched,
            measures=self._detached.measures_touched,
        )

    def revert(self, strategy: Strategy) -> Change:
        assert self._saved is not None
        _insert_at(strategy, self._index, self._saved)
        for i, dep in self._deps:
            strategy.dependencies.insert(i, dep)
        reattach_initiative(strategy, self.key, self._detached)
        return Change(
            initiatives={self.key},
            dependencies={d.pair for _, d in self._deps},
            touchpoints=self._detached.touchpoints_touched,
            measures=self._detached.measures_touched,
        )


class ChangeInitiative:
    """Change fields of one initiative; a new `key` is carried into its dependencies."""

    def __init__(self, key: str, changes: dict[str, Any], text: str | None = None) -> None:
        self.key = key
        self.changes = dict(changes)
        self.text = text or f"Change {', '.join(changes)} of {key}"
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}

    def _set(self, strategy: Strategy, key: str, values: dict[str, Any]) -> Change:
        ini = strategy.initiatives[key]
        for name, value in values.items():
            if name != "key":
                setattr(ini, name, value)
        new_key = values.get("key", key)
        change = Change(initiatives={new_key})
        if new_key != key:
            ini.key = new_key
            strategy.initiatives = {
                (new_key if k == key else k): v for k, v in strategy.initiatives.items()
            }
            for dep in strategy.dependencies:
                if key in dep.pair:
                    change.removed_dependencies.add(dep.pair)
                    dep.from_key = new_key if dep.from_key == key else dep.from_key
                    dep.to_key = new_key if dep.to_key == key else dep.to_key
                    change.dependencies.add(dep.pair)
            change.removed_initiatives.add(key)
            change.touchpoints, change.measures = rename_initiative_refs(strategy, key, new_key)
        return change

    def apply(self, strategy: Strategy) -> Change:
        ini = strategy.initiatives.get(self.key)
        if ini is None:
            raise ValidationError(
                f"initiatives[{self.key}]", f"no initiative with key {self.key!r}"
            )
        new: dict[str, Any] = {}
        for name, value in self.changes.items():
            where = f"initiatives[{self.key}].{name}"
            new[name] = coerce_initiative_value(name, value, where, strategy.days_per_week)
        if new.get("phase") is not None and new["phase"] not in strategy.phase_names():
            raise ValidationError(
                f"initiatives[{self.key}].phase", f"no phase named {new['phase']!r}"
            )
        if "key" in new and new["key"] != self.key and new["key"] in strategy.initiatives:
            raise ValidationError(f"initiatives[{self.key}].key", f"duplicate key {new['key']!r}")
        check_initiative_links(
            strategy, self.key, new.get("touchpoints", []), new.get("supports", [])
        )
        check_initiative_change(strategy, self.key, new)
        self._old = {name: getattr(ini, name) for name in new}
        self._new = new
        return self._set(strategy, self.key, new)

    def revert(self, strategy: Strategy) -> Change:
        return self._set(strategy, self._new.get("key", self.key), self._old)


class AddDependency:
    """Make `to_key` wait on `from_key`; refused when it would close a cycle."""

    def __init__(self, dependency: Dependency) -> None:
        self.dependency = dependency
        self.text = f"Add dependency {dependency.from_key} -> {dependency.to_key}"

    def apply(self, strategy: Strategy) -> Change:
        dep = self.dependency
        dep.type = normalise_dependency_type(dep.type, "dependency.type")
        check_new_dependency(strategy, dep)
        strategy.dependencies.append(dep)
        return Change(dependencies={dep.pair})

    def revert(self, strategy: Strategy) -> Change:
        strategy.dependencies.remove(self.dependency)
        return Change(removed_dependencies={self.dependency.pair})


class RemoveDependency:
    def __init__(self, from_key: str, to_key: str) -> None:
        self.pair = (from_key, to_key)
        self.text = f"Remove dependency {from_key} -> {to_key}"
        self._index = 0
        self._dep: Dependency | None = None

    def apply(self, strategy: Strategy) -> Change:
        dep = strategy.dependency(*self.pair)
        if dep is None:
            raise ValidationError("dependency", f"no dependency {self.pair[0]} -> {self.pair[1]}")
        self._index = strategy.dependencies.index(dep)
        self._dep = strategy.dependencies.pop(self._index)
        return Change(removed_dependencies={self.pair})

    def revert(self, strategy: Strategy) -> Change:
        assert self._dep is not None
        strategy.dependencies.insert(self._index, self._dep)
        return Change(dependencies={self.pair})


class ChangeDependency:
    """Change the type and/or lag of an existing dependency."""

    def __init__(self, from_key: str, to_key: str, type: str | None = None, lag: object = None):
        self.pair = (from_key, to_key)
        self.type = type
        self.lag = lag
        self.text = f"Change dependency {from_key} -> {to_key}"
        self._old: tuple[str, int] = ("FS", 0)

    def apply(self, strategy: Strategy) -> Change:
        dep = strategy.dependency(*self.pair)
        if dep is None:
            raise ValidationError("dependency", f"no dependency {self.pair[0]} -> {self.pair[1]}")
        new_type = (
            dep.type
            if self.type is None
            else normalise_dependency_type(self.type, "dependency.type")
        )
        new_lag = (
            dep.lag
            if self.lag is None
            else parse_duration(
                self.lag, "dependency.lag", strategy.days_per_week, allow_negative=True
            )
        )
        self._old = (dep.type, dep.lag)
        dep.type, dep.lag = new_type, new_lag
        return Change(dependencies={self.pair})

    def revert(self, strategy: Strategy) -> Change:
        dep = strategy.dependency(*self.pair)
        assert dep is not None
        dep.type, dep.lag = self._old
        return Change(dependencies={self.pair})


class ChangeStrategy:
    """Change strategy fields (name, level, dates, calendar, capacity, ...)."""

    def __init__(self, changes: dict[str, Any], text: str | None = None) -> None:
        self.changes = dict(changes)
        self.text = text or f"Change {', '.join(changes)}"
        self._old: dict[str, Any] = {}

    def apply(self, strategy: Strategy) -> Change:
        new = {}
        for name, value in self.changes.items():
            new[name] = coerce_strategy_value(name, value, f"strategy.{name}")
        self._old = {name: copy.copy(getattr(strategy, name)) for name in new}
        for name, value in new.items():
            setattr(strategy, name, value)
        if touches_progress(new):
            try:
                check_progress(strategy)  # an earlier status date can strand actual dates
            except ValidationError:
                self.revert(strategy)
                raise
        return Change(strategy=True)

    def revert(self, strategy: Strategy) -> Change:
        for name, value in self._old.items():
            setattr(strategy, name, value)
        return Change(strategy=True)


class SetPhases:
    """Replace the phase list; `renames` carries pins along, pins to removed phases are cleared."""

    def __init__(self, phases: list[Phase], renames: dict[str, str] | None = None) -> None:
        self.phases = [dataclasses.replace(p) for p in phases]
        self.renames = dict(renames or {})
        self.text = "Change phases"
        self._old: list[Phase] = []
        self._old_pins: dict[str, str | None] = {}

    def apply(self, strategy: Strategy) -> Change:
        trial = Strategy(name=strategy.name, start=strategy.start, phases=self.phases)
        validate_strategy(trial)
        names = {p.name for p in self.phases}
        self._old = strategy.phases
        self._old_pins = {}
        for ini in strategy.initiatives.values():
            if ini.phase is None:
                continue
            renamed = self.renames.get(ini.phase, ini.phase)
            pin = renamed if renamed in names else None
            if pin != ini.phase:
                self._old_pins[ini.key] = ini.phase
                ini.phase = pin
        strategy.phases = self.phases
        return Change(strategy=True, initiatives=set(self._old_pins))

    def revert(self, strategy: Strategy) -> Change:
        strategy.phases = self._old
        for key, pin in self._old_pins.items():
            strategy.initiatives[key].phase = pin
        return Change(strategy=True, initiatives=set(self._old_pins))


class CompositeEdit:
    """Several edits as one undo step; if one fails, those already applied are reverted."""

    def __init__(self, text: str, edits: list[Edit]) -> None:
        self.text = text
        self.edits = list(edits)

    def apply(self, strategy: Strategy) -> Change:
        change = Change()
        done: list[Edit] = []
        try:
            for edit in self.edits:
                change.merge(edit.apply(strategy))
                done.append(edit)
        except Exception:
            for edit in reversed(done):
                edit.revert(strategy)
            raise
        return change

    def revert(self, strategy: Strategy) -> Change:
        change = Change()
        for edit in reversed(self.edits):
            change.merge(edit.revert(strategy))
        return change
