"""Keep an initiative's links sound: touchpoints it names exist, opportunities and measures
follow it when it goes or is renamed."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.support import SupportLink


@dataclass
class Detached:
    """Where a removed initiative was referenced, so an undo can put every link back."""

    opportunities: list[tuple[int, int]] = field(default_factory=list)  # touchpoint, opportunity
    measures: list[tuple[int, int]] = field(default_factory=list)  # measure, position in its list

    @property
    def touchpoints_touched(self) -> bool:
        return bool(self.opportunities)

    @property
    def measures_touched(self) -> bool:
        return bool(self.measures)


def detach_initiative(strategy: Strategy, key: str) -> Detached:
    """Drop references to initiative `key` from opportunities and measures."""
    detached = Detached()
    for t, tp in enumerate(strategy.touchpoints):
        for o, opp in enumerate(tp.opportunities):
            if opp.initiative_key == key:
                opp.initiative_key = None
                detached.opportunities.append((t, o))
    for m, measure in enumerate(strategy.measures):
        if key in measure.initiatives:
            detached.measures.append((m, measure.initiatives.index(key)))
            measure.initiatives.remove(key)
    return detached


def reattach_initiative(strategy: Strategy, key: str, detached: Detached) -> None:
    for t, o in detached.opportunities:
        strategy.touchpoints[t].opportunities[o].initiative_key = key
    for m, position in detached.measures:
        strategy.measures[m].initiatives.insert(position, key)


def rename_initiative_refs(strategy: Strategy, old: str, new: str) -> tuple[bool, bool]:
    """Carry a new initiative key into opportunities and measures.

    Returns whether touchpoints and whether measures were touched.
    """
    touchpoints = measures = False
    for tp in strategy.touchpoints:
        for opp in tp.opportunities:
            if opp.initiative_key == old:
                opp.initiative_key = new
                touchpoints = True
    for measure in strategy.measures:
        if old in measure.initiatives:
            measure.initiatives = [new if k == old else k for k in measure.initiatives]
            measures = True
    return touchpoints, measures


def rename_touchpoint_refs(strategy: Strategy, old: str, new: str) -> set[str]:
    """Carry a new touchpoint key into the initiatives that address it; returns their keys."""
    touched: set[str] = set()
    for ini in strategy.initiatives.values():
        if old in ini.touchpoints:
            ini.touchpoints = [new if k == old else k for k in ini.touchpoints]
            touched.add(ini.key)
    return touched


def check_initiative_links(
    strategy: Strategy, key: str, touchpoints: list[str], supports: list[SupportLink]
) -> None:
    """Refuse links an edit would give initiative `key`: unknown touchpoints, or support
    links in a strategy that has no parent (the cascade checks where links point)."""
    known = {t.key for t in strategy.touchpoints}
    for j, tp_key in enumerate(touchpoints):
        if tp_key not in known:
            raise ValidationError(
                f"initiatives[{key}].touchpoints[{j}]", f"no touchpoint with key {tp_key!r}"
            )
    for j, link in enumerate(supports):
        where = f"initiatives[{key}].supports[{j}]"
        if strategy.parent is None:
            raise ValidationError(where, f"supports {link}, but the strategy has no parent")
        if link.strategy == strategy.key:
            raise ValidationError(where, f"{link} is in the same strategy")
