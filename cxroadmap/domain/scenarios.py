"""Scenarios: what-if copies of a strategy in the same document, and adopting one.

A scenario is a strategy marked `scenario_of: KEY` (tracking.md, "Scenarios"). It is edited
like any strategy and never rolls up into the cascade (cascade.py leaves it out of
children, descendants and alignment). Copying is a document edit (it adds a strategy);
adopting is an ordinary edit of the original, so one undo brings the original back.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cxroadmap.domain.baselines import (
    MAX_BASELINE_NAME,
    MAX_BASELINES,
    Baseline,
    check_new_name,
    find_baseline,
)
from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.edits import Change, ChangeInitiative, Edit
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.limits import MAX_KEY_LENGTH
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.support import SupportLink

# What makes a strategy itself rather than its plan: kept by the original when it adopts
# a scenario. Every other field (initiatives, dependencies, phases, calendar, touchpoints,
# measures, budgets, progress, ...) is the plan and comes from the scenario.
IDENTITY = ("key", "parent", "name", "level", "scenario_of", "brand", "views", "baselines",
            "chosen_baseline")  # fmt: skip


def is_scenario(strategy: Strategy) -> bool:
    return strategy.scenario_of is not None


def _key_from_name(name: str, taken: set[str]) -> str:
    """A strategy key made from a name's letters ("Service culture 2027" -> "SERVICE")."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    base = (words[0].upper() if words else "PLAN")[:12]
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def scenario_names(original: Strategy, strategies: Sequence[Strategy]) -> tuple[str, str]:
    """The key and name of the next scenario of `original`: `CARE-S1`, "Care plan (scenario 1)".

    The number is the lowest one whose key and name are both free in the document.
    """
    keys = {s.key for s in strategies if s.key}
    names = {s.name for s in strategies}
    n = 1
    while True:
        key = f"{original.key[: MAX_KEY_LENGTH - 8]}-S{n}"
        name = f"{original.name} (scenario {n})"
        if key not in keys and name not in names:
            return key, name
        n += 1


def scenario_copy(original: Strategy, key: str, name: str) -> Strategy:
    """A deep copy of `original` as its scenario `key`, `name` (same parent, no baselines).

    Initiatives, dependencies, phases, calendar, touchpoints (with opportunities), measures,
    budgets, brand and saved views are copied; support links stay valid, since the scenario
    hangs under the same parent. Baselines stay with the original: a scenario is compared
    with its original instead.
    """
    scenario = copy.deepcopy(original)
    scenario.key, scenario.name = key, name
    scenario.scenario_of = original.key
    scenario.baselines, scenario.chosen_baseline = [], None
    return scenario


@dataclass
class DocumentChange:
    """What a document edit did: strategies added or removed, and per-strategy Changes."""

    added: list[Strategy] = field(default_factory=list)
    removed: list[Strategy] = field(default_factory=list)
    changed: list[tuple[Strategy, Change]] = field(default_factory=list)


class CopyAsScenario:
    """Add a scenario copy of one strategy to the document's strategies (one undo step).

    A scenario of a scenario is a new scenario of the same original. An original without
    a key is given one first (a scenario names its original by key); revert takes it back.
    """

    def __init__(self, source: Strategy) -> None:
        self.source = source
        self.text = f"Copy {source.name!r} as scenario"
        self.scenario: Strategy | None = None
        self._original: Strategy | None = None
        self._old_key: str | None = None

    def apply(self, strategies: list[Strategy]) -> DocumentChange:
        if not any(s is self.source for s in strategies):
            raise ValidationError("strategy", f"{self.source.name!r} is not in the document")
        original = self.source
        if original.scenario_of is not None:
            found = next((s for s in strategies if s.key == original.scenario_of), None)
            if found is None:
                raise ValidationError(
                    "strategy.scenario_of", f"no strategy with key {original.scenario_of!r}"
                )
            original = found
        change = DocumentChange()
        self._original, self._old_key = original, None
        if not original.key:
            self._old_key = original.key
            original.key = _key_from_name(original.name, {s.key for s in strategies})
            change.changed.append((original, Change(strategy=True)))
        key, name = scenario_names(original, strategies)
        # The source's plan (a scenario's own edits included), under the original.
        scenario = scenario_copy(self.source, key, name)
        scenario.scenario_of, scenario.parent = original.key, original.parent
        strategies.append(scenario)
        self.scenario = scenario
        change.added.append(scenario)
        return change

    def revert(self, strategies: list[Strategy]) -> DocumentChange:
        assert self.scenario is not None and self._original is not None
        strategies[:] = [s for s in strategies if s is not self.scenario]
        change = DocumentChange(removed=[self.scenario])
        if self._old_key is not None:
            self._original.key = self._old_key
            change.changed.append((self._original, Change(strategy=True)))
        return change


def _plan_fields() -> list[str]:
    return [f.name for f in dataclasses.fields(Strategy) if f.name not in IDENTITY]


def plan_change(before: Strategy, after: Strategy) -> Change:
    """The Change that turns the stored `before` into `after` (same strategy, new plan)."""
    old_pairs = {d.pair for d in before.dependencies}
    new_pairs = {d.pair for d in after.dependencies}
    return Change(
        strategy=True,
        initiatives=set(after.initiatives),
        removed_initiatives=set(before.initiatives) - set(after.initiatives),
        dependencies=new_pairs,
        removed_dependencies=old_pairs - new_pairs,
        touchpoints=True,
        measures=True,
    )


class AdoptScenario:
    """Replace the original's plan with its scenario's, keeping the old plan as a baseline.

    Applied to the original (the strategy named by the scenario's `scenario_of`): every
    field but its identity (IDENTITY) is taken from a deep copy of the scenario, and
    `baseline` (the original's schedule, taken by scheduling.baselines.take just before)
    is added and chosen, so the variance shows what adopting changed. One undo step: revert
    puts back the very objects the original held, and its baselines and choice.
    """

    def __init__(self, scenario: Strategy, baseline: Baseline) -> None:
        self.scenario = scenario
        self.baseline = baseline
        self.text = f"Adopt scenario {scenario.name!r}"
        self._old: dict[str, Any] = {}
        self._old_chosen: str | None = None
        self._change = Change()

    def apply(self, strategy: Strategy) -> Change:
        if self.scenario.scenario_of is None or self.scenario.scenario_of != strategy.key:
            raise ValidationError(
                "strategy.scenario_of",
                f"{self.scenario.name!r} is not a scenario of {strategy.name!r}",
            )
        name = self.baseline.name
        check_new_name(strategy.baselines, name, f"baseline {name!r}")
        if len(strategy.baselines) >= MAX_BASELINES:
            raise ValidationError(
                f"baseline {name!r}", f"the strategy already has {MAX_BASELINES} baselines"
            )
        names = _plan_fields()
        self._old = {n: getattr(strategy, n) for n in names}
        new = copy.deepcopy({n: getattr(self.scenario, n) for n in names})
        before = Strategy(name=strategy.name, start=strategy.start)
        before.initiatives, before.dependencies = strategy.initiatives, strategy.dependencies
        for n, value in new.items():
            setattr(strategy, n, value)
        self._old_chosen = strategy.chosen_baseline
        strategy.baselines.append(self.baseline)
        strategy.chosen_baseline = name
        self._change = plan_change(before, strategy)
        self._change.baselines = True
        return copy.deepcopy(self._change)

    def revert(self, strategy: Strategy) -> Change:
        after = Strategy(name=strategy.name, start=strategy.start)
        after.initiatives, after.dependencies = strategy.initiatives, strategy.dependencies
        for n, value in self._old.items():
            setattr(strategy, n, value)
        strategy.baselines.remove(self.baseline)
        strategy.chosen_baseline = self._old_chosen
        change = plan_change(after, strategy)
        change.baselines = True
        return change


def adoption_baseline_name(original: Strategy, scenario: Strategy) -> str:
    """ "Before adopting <scenario>", numbered when that name is taken."""
    base = f"Before adopting {scenario.name}"[:MAX_BASELINE_NAME]
    name, n = base, 1
    while find_baseline(original.baselines, name) is not None:
        n += 1
        suffix = f" ({n})"
        name = base[: MAX_BASELINE_NAME - len(suffix)] + suffix
    return name


def adopt_scenario_edits(
    cascade: Cascade, original: Strategy, edit: AdoptScenario
) -> list[tuple[Strategy, Edit]]:
    """The adopt edit, then the support links below the original that named initiatives
    the adopted plan no longer has, dropped (as deleting them would): one undo step."""
    parts: list[tuple[Strategy, Edit]] = [(original, edit)]
    gone = {SupportLink(original.key, k) for k in original.initiatives
            if k not in edit.scenario.initiatives}  # fmt: skip
    if not gone or not original.key:
        return parts
    for child in cascade.descendants(original):
        for ini in child.initiatives.values():
            kept = [link for link in ini.supports if link not in gone]
            if len(kept) != len(ini.supports):
                parts.append((child, ChangeInitiative(ini.key, {"supports": kept})))
    return parts
