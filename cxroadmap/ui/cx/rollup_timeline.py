"""The timeline's roll-up picture: the current strategy and every strategy below it, a lane each.

Built as one read-only strategy and schedule for the ordinary timeline scene: a child's
initiative keys get their strategy's key in front ("CARE/STD"), and the lane is named after
its strategy (indented by level). A supporting initiative that finishes late is flagged ⚑.
"""

from __future__ import annotations

import dataclasses

from cxroadmap.domain.model import Dependency, Strategy
from cxroadmap.scheduling.cascade import strategy_label
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative
from cxroadmap.ui.cx.cascade_state import cascade_state
from cxroadmap.ui.document import OpenDocument

LATE_MARK = "⚑ "


def rollup_picture(document: OpenDocument) -> tuple[Strategy, Schedule | None, str]:
    """(strategy, schedule, error) of the roll-up, for TimelineView.source."""
    state = cascade_state(document)
    current = document.strategy
    if document.schedule is None:
        return current, None, document.schedule_error or ""
    late = state.late()
    combined = dataclasses.replace(
        current, initiatives={}, dependencies=[], touchpoints=[], measures=list(current.measures)
    )
    items: dict[str, ScheduledInitiative] = {}
    for lane in state.lanes():
        label = strategy_label(lane.strategy)
        prefix = "" if lane.depth == 0 else f"{label}/"
        name = "    " * lane.depth + f"{lane.strategy.name} ({lane.strategy.level})"
        for item in lane.items:
            ini = lane.strategy.initiatives.get(item.key)
            if ini is None:
                continue
            key = prefix + item.key
            title = (LATE_MARK if (label, item.key) in late else "") + item.title
            combined.initiatives[key] = dataclasses.replace(
                ini, key=key, title=title, owner=name, touchpoints=[], supports=[]
            )
            items[key] = item._replace(key=key, title=title)
        for dep in lane.strategy.dependencies:
            combined.dependencies.append(
                Dependency(prefix + dep.from_key, prefix + dep.to_key, dep.type, dep.lag)
            )
    schedule = document.schedule
    finish = max([schedule.finish, *(i.finish for i in items.values())])
    result = Schedule(
        strategy=current.name,
        start=schedule.start,
        finish=finish,
        finish_day=max([schedule.finish_day, *(i.finish_day for i in items.values())]),
        items=items,
        warnings=[],
        critical_path=list(schedule.critical_path),
    )
    return combined, result, ""


def has_children(document: OpenDocument) -> bool:
    """Whether the document holds strategies below the current one."""
    if document.store is None or not document.strategy.key:
        return False
    key = document.strategy.key
    # A scenario hangs under its original's parent but never rolls up into it.
    outlines = document.store.load_outlines()  # not load_all: no initiatives are needed
    return any(s.parent == key and s.scenario_of is None for _, s in outlines)
