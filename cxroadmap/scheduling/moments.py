"""Which moment a milestone shows: the start of its day or the end of the day before.

scheduling.md "Milestone dates": working day `d` has two moments, its start and (just
before it) the end of day `d - 1`. A milestone shows the latest moment among the
constraints that hold it exactly at `d`; a start beats the end of the day before.
"""

from __future__ import annotations

from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.graph import DependencyGraph, links_into

# Links from an initiative with a duration whose constraint reads its start.
_START_BASED = frozenset({"SS", "SF"})


def milestone_at_day_start(
    strategy: Strategy, graph: DependencyGraph, start: list[int], lower: list[int]
) -> list[bool]:
    """Per initiative: True when it shows the start of its day (always True for work).

    Milestones are visited in topological order so that a link from another milestone
    can take that milestone's own moment (shifted by the lag: the kind is kept).
    A milestone held by nothing exactly (only possible after levelling) shows the
    start of its day, like the project start.
    """
    durations = graph.durations
    at_start = [True] * len(start)
    deps = strategy.dependencies
    for i in _milestones(graph):
        day = start[i]
        # Project start, not_before and phase pins are all start-of-day moments.
        shows_start = lower[i] == day
        held = shows_start
        for pred, _, offset, dependency in links_into(graph, i):
            if shows_start:
                break
            if start[pred] + offset != day:
                continue
            held = True
            if durations[pred] == 0:
                shows_start = at_start[pred]
            else:
                shows_start = deps[dependency].type.upper() in _START_BASED
        at_start[i] = shows_start or not held
    return at_start


def _milestones(graph: DependencyGraph) -> list[int]:
    """The milestones (duration 0) in topological order."""
    if graph.place is None:
        return graph.milestones
    return sorted(graph.milestones, key=graph.place.__getitem__)
