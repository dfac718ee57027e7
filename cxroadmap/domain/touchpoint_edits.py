"""Reversible edits for touchpoints and their opportunities, and initiative<->touchpoint links.

They follow edits.py: `apply(strategy) -> Change`, `revert(strategy) -> Change`, `.text`.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from cxroadmap.domain.cx_links import rename_touchpoint_refs
from cxroadmap.domain.cx_validation import (
    TOUCHPOINT_FIELDS,
    check_touchpoint,
    coerce_touchpoint_value,
)
from cxroadmap.domain.edits import AddInitiative, Change
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.domain.touchpoints import Opportunity, Touchpoint


def find_touchpoint(strategy: Strategy, key: str) -> tuple[int, Touchpoint]:
    """(index, touchpoint) for `key`; ValidationError naming it when there is none."""
    for i, tp in enumerate(strategy.touchpoints):
        if tp.key == key:
            return i, tp
    raise ValidationError(f"touchpoints[{key}]", f"no touchpoint with key {key!r}")


def find_initiative(strategy: Strategy, key: str) -> Initiative:
    ini = strategy.initiatives.get(key)
    if ini is None:
        raise ValidationError(f"initiatives[{key}]", f"no initiative with key {key!r}")
    return ini


class AddTouchpoint:
    """Add a touchpoint (at the end, or at `index`)."""

    def __init__(self, touchpoint: Touchpoint, index: int | None = None) -> None:
        self.touchpoint = touchpoint
        self.index = index
        self.text = f"Add touchpoint {touchpoint.name!r}"

    def apply(self, strategy: Strategy) -> Change:
        tp = self.touchpoint
        check_touchpoint(tp, f"touchpoints[{tp.key}]")
        if strategy.touchpoint(tp.key) is not None:
            raise ValidationError(f"touchpoints[{tp.key}].key", f"duplicate key {tp.key!r}")
        for opp in tp.opportunities:
            if opp.initiative_key is not None:
                find_initiative(strategy, opp.initiative_key)
        at = len(strategy.touchpoints) if self.index is None else self.index
        strategy.touchpoints.insert(at, tp)
        return Change(touchpoints=True)

    def revert(self, strategy: Strategy) -> Change:
        strategy.touchpoints.remove(self.touchpoint)
        return Change(touchpoints=True)


class RemoveTouchpoint:
    """Remove a touchpoint; initiatives that addressed it lose the link."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.text = f"Delete touchpoint {key}"
        self._index = 0
        self._saved: Touchpoint | None = None
        self._links: dict[str, list[str]] = {}

    def apply(self, strategy: Strategy) -> Change:
        self._index, tp = find_touchpoint(strategy, self.key)
        self.text = f"Delete touchpoint {tp.name!r}"
        self._saved = strategy.touchpoints.pop(self._index)
        self._links = {}
        for ini in strategy.initiatives.values():
            if self.key in ini.touchpoints:
                self._links[ini.key] = ini.touchpoints
                ini.touchpoints = [k for k in ini.touchpoints if k != self.key]
        return Change(touchpoints=True, initiatives=set(self._links))

    def revert(self, strategy: Strategy) -> Change:
        assert self._saved is not None
        strategy.touchpoints.insert(self._index, self._saved)
        for key, links in self._links.items():
            strategy.initiatives[key].touchpoints = links
        return Change(touchpoints=True, initiatives=set(self._links))


class ChangeTouchpoint:
    """Change fields of a touchpoint (see TOUCHPOINT_FIELDS); a new key follows into links."""

    def __init__(self, key: str, changes: dict[str, Any], text: str | None = None) -> None:
        self.key = key
        self.changes = dict(changes)
        self.text = text or f"Change {', '.join(changes)} of touchpoint {key}"
        self._old: dict[str, Any] = {}
        self._new: dict[str, Any] = {}

    def apply(self, strategy: Strategy) -> Change:
        _, tp = find_touchpoint(strategy, self.key)
        new: dict[str, Any] = {}
        for name, value in self.changes.items():
            where = f"touchpoints[{self.key}].{name}"
            if name not in TOUCHPOINT_FIELDS:
                raise ValidationError(where, f"unknown touchpoint field {name!r}")
            new[name] = coerce_touchpoint_value(name, value, where)
        new_key = new.get("key", self.key)
        if new_key != self.key and strategy.touchpoint(new_key) is not None:
            raise ValidationError(f"touchpoints[{self.key}].key", f"duplicate key {new_key!r}")
        for j, opp in enumerate(new.get("opportunities", [])):
            if opp.initiative_key is not None and opp.initiative_key not in strategy.initiatives:
                raise ValidationError(
                    f"touchpoints[{self.key}].opportunities[{j}].initiative",
                    f"no initiative with key {opp.initiative_key!r}",
                )
        self._old = {name: getattr(tp, name) for name in new}
        self._new = new
        return self._set(strategy, tp, self.key, new)

    def _set(self, strategy: Strategy, tp: Touchpoint, key: str, values: dict[str, Any]) -> Change:
        for name, value in values.items():
            setattr(tp, name, value)
        touched: set[str] = set()
        if tp.key != key:
            touched = rename_touchpoint_refs(strategy, key, tp.key)
        return Change(touchpoints=True, initiatives=touched)

    def revert(self, strategy: Strategy) -> Change:
        _, tp = find_touchpoint(strategy, self._new.get("key", self.key))
        return self._set(strategy, tp, tp.key, self._old)


class AddOpportunity:
    """Add an improvement opportunity to a touchpoint."""

    def __init__(self, touchpoint_key: str, text: str, index: int | None = None) -> None:
        self.touchpoint_key = touchpoint_key
        self.opportunity = Opportunity(text)
        self.index = index
        self.text = f"Add opportunity to {touchpoint_key}"

    def apply(self, strategy: Strategy) -> Change:
        _, tp = find_touchpoint(strategy, self.touchpoint_key)
        where = f"touchpoints[{self.touchpoint_key}].opportunities"
        coerce_touchpoint_value("opportunities", [self.opportunity], where)
        at = len(tp.opportunities) if self.index is None else self.index
        tp.opportunities.insert(at, self.opportunity)
        return Change(touchpoints=True)

    def revert(self, strategy: Strategy) -> Change:
        _, tp = find_touchpoint(strategy, self.touchpoint_key)
        tp.opportunities.remove(self.opportunity)
        return Change(touchpoints=True)


class RemoveOpportunity:
    """Remove an opportunity; an initiative made from it stays."""

    def __init__(self, touchpoint_key: str, index: int) -> None:
        self.touchpoint_key = touchpoint_key
        self.index = index
        self.text = f"Delete opportunity of {touchpoint_key}"
        self._saved: Opportunity | None = None

    def apply(self, strategy: Strategy) -> Change:
        _, tp = find_touchpoint(strategy, self.touchpoint_key)
        if not 0 <= self.index < len(tp.opportunities):
            raise ValidationError(
                f"touchpoints[{self.touchpoint_key}].opportunities[{self.index}]",
                "no such opportunity",
            )
        self._saved = tp.opportunities.pop(self.index)
        return Change(touchpoints=True)

    def revert(self, strategy: Strategy) -> Change:
        assert self._saved is not None
        _, tp = find_touchpoint(strategy, self.touchpoint_key)
        tp.opportunities.insert(self.index, self._saved)
        return Change(touchpoints=True)


# Words in an opportunity that suggest its pillar; the first match wins.
_PILLAR_HINTS = (
    ("training", r"train|coach(ing)? session|workshop|role-?play|refresher|skills"),
    ("recruitment", r"hir(e|ing)|recruit|interview|onboard"),
    ("recognition", r"recogni|reward|thank|celebrat"),
    ("measurement", r"measur|kpi|dashboard|survey|score|track"),
    ("empowerment", r"empower|authori|decide|decision|discretion|budget"),
    ("leadership", r"leader|manager|coach"),
    ("performance", r"standard|one-to-one|feedback|objective"),
    ("retention", r"retain|retention|career|stay"),
)


def suggest_pillar(text: str) -> str:
    lowered = text.lower()
    for pillar, pattern in _PILLAR_HINTS:
        if re.search(pattern, lowered):
            return pillar
    return "touchpoints"


def suggest_initiative(strategy: Strategy, touchpoint_key: str, index: int) -> Initiative:
    """A starting point for ConvertOpportunity: title from the text, a free key, a pillar."""
    _, tp = find_touchpoint(strategy, touchpoint_key)
    if not 0 <= index < len(tp.opportunities):
        raise ValidationError(
            f"touchpoints[{touchpoint_key}].opportunities[{index}]", "no such opportunity"
        )
    text = tp.opportunities[index].text.strip()
    n = 1
    while f"{touchpoint_key}-{n}" in strategy.initiatives:
        n += 1
    return Initiative(
        key=f"{touchpoint_key}-{n}",
        title=text,
        duration=10,
        pillar=suggest_pillar(text),
        description=f"From touchpoint {tp.name!r}: {text}",
        status="idea",
    )


class ConvertOpportunity:
    """Turn an opportunity into an initiative that addresses its touchpoint: one undo step.

    Without `initiative`, one is suggested from the opportunity (suggest_initiative).
    """

    def __init__(
        self, touchpoint_key: str, opportunity_index: int, initiative: Initiative | None = None
    ) -> None:
        self.touchpoint_key = touchpoint_key
        self.index = opportunity_index
        self.initiative = initiative
        self.text = f"Make an initiative of an opportunity of {touchpoint_key}"
        self._add: AddInitiative | None = None

    def apply(self, strategy: Strategy) -> Change:
        _, tp = find_touchpoint(strategy, self.touchpoint_key)
        where = f"touchpoints[{self.touchpoint_key}].opportunities[{self.index}]"
        if not 0 <= self.index < len(tp.opportunities):
            raise ValidationError(where, "no such opportunity")
        opportunity = tp.opportunities[self.index]
        if opportunity.initiative_key is not None:
            raise ValidationError(
                where, f"already made into initiative {opportunity.initiative_key!r}"
            )
        if self.initiative is None:
            self.initiative = suggest_initiative(strategy, self.touchpoint_key, self.index)
        ini = copy.copy(self.initiative)
        ini.touchpoints = list(ini.touchpoints)
        ini.supports = list(ini.supports)
        if self.touchpoint_key not in ini.touchpoints:
            ini.touchpoints.append(self.touchpoint_key)
        self.text = f"Make initiative {ini.title!r} from touchpoint {tp.name!r}"
        self._add = AddInitiative(ini)
        change = self._add.apply(strategy)
        opportunity.initiative_key = ini.key
        change.touchpoints = True
        return change

    def revert(self, strategy: Strategy) -> Change:
        assert self._add is not None
        _, tp = find_touchpoint(strategy, self.touchpoint_key)
        tp.opportunities[self.index].initiative_key = None
        change = self._add.revert(strategy)
        change.touchpoints = True
        return change


class LinkTouchpoint:
    """Record that an initiative addresses a touchpoint."""

    def __init__(self, initiative_key: str, touchpoint_key: str) -> None:
        self.initiative_key = initiative_key
        self.touchpoint_key = touchpoint_key
        self.text = f"Link {initiative_key} to touchpoint {touchpoint_key}"

    def apply(self, strategy: Strategy) -> Change:
        ini = find_initiative(strategy, self.initiative_key)
        find_touchpoint(strategy, self.touchpoint_key)
        if self.touchpoint_key in ini.touchpoints:
            raise ValidationError(
                f"initiatives[{ini.key}].touchpoints",
                f"already addresses touchpoint {self.touchpoint_key!r}",
            )
        ini.touchpoints = [*ini.touchpoints, self.touchpoint_key]
        return Change(initiatives={ini.key})

    def revert(self, strategy: Strategy) -> Change:
        ini = strategy.initiatives[self.initiative_key]
        ini.touchpoints = [k for k in ini.touchpoints if k != self.touchpoint_key]
        return Change(initiatives={ini.key})


class UnlinkTouchpoint:
    def __init__(self, initiative_key: str, touchpoint_key: str) -> None:
        self.initiative_key = initiative_key
        self.touchpoint_key = touchpoint_key
        self.text = f"Unlink {initiative_key} from touchpoint {touchpoint_key}"
        self._old: list[str] = []

    def apply(self, strategy: Strategy) -> Change:
        ini = find_initiative(strategy, self.initiative_key)
        if self.touchpoint_key not in ini.touchpoints:
            raise ValidationError(
                f"initiatives[{ini.key}].touchpoints",
                f"does not address touchpoint {self.touchpoint_key!r}",
            )
        self._old = ini.touchpoints
        ini.touchpoints = [k for k in ini.touchpoints if k != self.touchpoint_key]
        return Change(initiatives={ini.key})

    def revert(self, strategy: Strategy) -> Change:
        strategy.initiatives[self.initiative_key].touchpoints = self._old
        return Change(initiatives={self.initiative_key})
