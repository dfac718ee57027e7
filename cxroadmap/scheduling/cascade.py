"""Schedule every strategy of a cascade, flag late support, and roll children up into lanes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from cxroadmap.domain.cascade import Cascade, validate_cascade
from cxroadmap.domain.cx_checks import Finding, alignment_findings
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.planner import schedule
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative


def strategy_label(strategy: Strategy) -> str:
    """The key a strategy is known by in cascade results: its key, or its name without one."""
    return strategy.key or strategy.name


def finishes_of(cascade: Cascade, schedules: dict[str, Schedule]) -> dict[str, dict[str, dt.date]]:
    """Strategy key -> initiative key -> finish date, the plain form cx_checks reads."""
    found: dict[str, dict[str, dt.date]] = {}
    for strategy in cascade:
        result = schedules.get(strategy_label(strategy))
        if result is not None and strategy.key:
            found[strategy.key] = {k: item.finish for k, item in result.items.items()}
    return found


def alignment_flags(cascade: Cascade, schedules: dict[str, Schedule]) -> list[Finding]:
    """Supporting initiatives that finish after what they support, supporting side in order."""
    if not cascade.support_pairs():
        return []  # nothing supports anything: no need for every initiative's finish date
    return alignment_findings(cascade, finishes_of(cascade, schedules))


def schedule_cascade(strategies: Iterable[Strategy]) -> dict[str, Schedule]:
    """Each strategy scheduled on its own (parents first), keyed by strategy_label.

    A late-support flag is added to the warnings of the supporting strategy, after its
    other warnings. Raises ValidationError/CycleError for a bad strategy or cascade.
    """
    cascade = validate_cascade(strategies)
    schedules = {strategy_label(s): schedule(s) for s in cascade}
    for finding in alignment_flags(cascade, schedules):
        schedules[finding.strategy].warnings.append(finding.message)
    return schedules


@dataclass
class Lane:
    """One swimlane of a roll-up: a strategy of the cascade with its scheduled initiatives.

    `supports` maps an initiative key of this lane to the "STRATEGY/INITIATIVE" links it
    serves, so a view can draw the alignment.
    """

    strategy: Strategy
    depth: int
    schedule: Schedule
    items: list[ScheduledInitiative] = field(default_factory=list)
    supports: dict[str, list[str]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return self.strategy.name


def rollup(
    cascade: Cascade, schedules: dict[str, Schedule], strategy: Strategy | None = None
) -> list[Lane]:
    """Lanes for `strategy` (the root by default) and every strategy below it, parents first.

    The first lane is the strategy itself (depth 0); each descendant follows at its depth
    below it. Dates are each strategy's own (they share the calendar's real dates).
    """
    top = strategy if strategy is not None else cascade.root
    if top is None:
        return []
    lanes: list[Lane] = []
    base = cascade.depth(top)
    for member in [top, *cascade.descendants(top)]:
        result = schedules.get(strategy_label(member))
        if result is None:
            continue
        supports = {
            ini.key: [str(link) for link in ini.supports]
            for ini in member.initiatives.values()
            if ini.supports
        }
        depth = cascade.depth(member) - base
        lanes.append(Lane(member, depth, result, list(result.items.values()), supports))
    return lanes
