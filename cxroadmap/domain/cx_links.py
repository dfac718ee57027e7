"""Keep touchpoint opportunities and measures in step when an initiative goes or is renamed."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxroadmap.domain.model import Strategy


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
