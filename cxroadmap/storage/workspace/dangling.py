"""After a merge: references to what is gone are dropped, as deleting it in the app would.

A dependency on a deleted initiative, a pin on a deleted phase, a link to a deleted
touchpoint or initiative, the choice of a deleted baseline.
"""

from __future__ import annotations

from cxroadmap.domain.model import Strategy
from cxroadmap.storage.workspace.items import (
    DEPENDENCY,
    INITIATIVE,
    MEASURE,
    STRATEGY,
    TOUCHPOINT,
    ItemKey,
    dependency_key,
)


def drop_dangling(strategies: list[Strategy]) -> set[ItemKey]:
    """Remove references to what is gone: dependencies, pins, touchpoint and support links.

    After a merge or a resolution deleted an initiative, a phase or a touchpoint, what
    pointed at it goes too, as deleting it in the app would have done. Returns the items
    changed that way.
    """
    keys = {s.key: set(s.initiatives) for s in strategies}
    touched: set[ItemKey] = set()
    for s in strategies:
        present = keys[s.key]
        kept = [d for d in s.dependencies if d.from_key in present and d.to_key in present]
        if len(kept) != len(s.dependencies):
            touched |= {
                (s.key, DEPENDENCY, dependency_key(*d.pair))
                for d in s.dependencies
                if d not in kept
            }
            s.dependencies = kept
        phases = set(s.phase_names())
        touchpoints = {t.key for t in s.touchpoints}
        for ini in s.initiatives.values():
            before = (ini.phase, list(ini.touchpoints), list(ini.supports))
            if ini.phase is not None and ini.phase not in phases:
                ini.phase = None
            ini.touchpoints = [t for t in ini.touchpoints if t in touchpoints]
            ini.supports = [
                link
                for link in ini.supports
                if link.strategy not in keys or link.initiative in keys[link.strategy]
            ]
            if before != (ini.phase, ini.touchpoints, ini.supports):
                touched.add((s.key, INITIATIVE, ini.key))
        for m in s.measures:
            if any(k not in present for k in m.initiatives):
                m.initiatives = [k for k in m.initiatives if k in present]
                touched.add((s.key, MEASURE, m.key))
        for t in s.touchpoints:
            for o in t.opportunities:
                if o.initiative_key is not None and o.initiative_key not in present:
                    o.initiative_key = None
                    touched.add((s.key, TOUCHPOINT, t.key))
        if s.chosen_baseline is not None and s.baseline() is None:
            s.chosen_baseline = None  # chosen on one side, deleted on the other
            touched.add((s.key, STRATEGY, ""))
    return touched
