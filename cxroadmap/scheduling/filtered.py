"""A strategy and its schedule narrowed to a saved view: what every view and export then shows."""

from __future__ import annotations

import dataclasses

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.pillars import pillar_label
from cxroadmap.domain.view_filter import ViewFilter
from cxroadmap.scheduling.result import Schedule


def shown_keys(strategy: Strategy, schedule: Schedule, view: ViewFilter) -> list[str]:
    """Keys of the initiatives `view` lets through, in the strategy's order."""
    keys = []
    for key, item in schedule.items.items():
        ini = strategy.initiatives.get(key)
        if ini is not None and view.matches(
            ini, item.phase, item.critical, pillar_label(ini.pillar)
        ):
            keys.append(key)
    return keys


def apply_view(
    strategy: Strategy, schedule: Schedule, view: ViewFilter | None
) -> tuple[Strategy, Schedule]:
    """Copies holding only what `view` shows; dates stay as scheduled for the whole roadmap
    (a filter hides initiatives, it does not move the others).

    Links between shown initiatives stay unless the view hides links; measures stay unless
    it hides measures (their initiatives narrowed to those shown); touchpoints stay, less
    the opportunities that became hidden initiatives.
    """
    if view is None:
        return strategy, schedule
    keys = shown_keys(strategy, schedule, view) if view.filters else list(schedule.items)
    kept = set(keys)
    links = [d for d in strategy.dependencies if d.from_key in kept and d.to_key in kept]
    measures = []
    if view.show_measures:
        measures = [
            dataclasses.replace(m, initiatives=[k for k in m.initiatives if k in kept])
            for m in strategy.measures
        ]
    # Touchpoints stay (what the customer meets does not depend on who owns the work), but
    # opportunities that became initiatives the view hides go with those initiatives.
    touchpoints = [
        dataclasses.replace(
            tp,
            opportunities=[
                o for o in tp.opportunities if o.initiative_key is None or o.initiative_key in kept
            ],
        )
        for tp in strategy.touchpoints
    ]
    narrowed = dataclasses.replace(
        strategy,
        initiatives={k: strategy.initiatives[k] for k in keys},
        touchpoints=touchpoints,
        dependencies=links if view.show_links else [],
        measures=measures,
    )
    items = {k: schedule.items[k] for k in keys}
    path = [k for k in schedule.critical_path if k in kept]
    plan = dataclasses.replace(schedule, items=items, critical_path=path)
    return narrowed, plan


def narrowed_to(
    strategy: Strategy, schedule: Schedule, keys: set[str]
) -> tuple[Strategy, Schedule]:
    """Copies with only the initiatives `keys` (and the links among them)."""
    kept = [k for k in schedule.items if k in keys]
    narrowed = dataclasses.replace(
        strategy,
        initiatives={k: strategy.initiatives[k] for k in kept if k in strategy.initiatives},
        dependencies=[d for d in strategy.dependencies if d.from_key in keys and d.to_key in keys],
    )
    plan = dataclasses.replace(
        schedule,
        items={k: schedule.items[k] for k in kept},
        critical_path=[k for k in schedule.critical_path if k in keys],
    )
    return narrowed, plan
