"""Progress in the schedule (tracking.md): the three states, the facts they fix, the warnings.

The planner asks `read_progress` once; for a plan that records no progress at all it
returns None and the schedule is computed exactly as before. Otherwise it gives each
initiative's state, the days a complete or started one occupies (facts the passes do
not move), and a graph in which links into those facts are left out and links out of
them read their actual or projected length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cxroadmap.domain.calendar import WorkCalendar
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.scheduling.graph import DependencyGraph, Link, link_offset
from cxroadmap.scheduling.result import COMPLETE, NOT_STARTED, STARTED

__all__ = ["COMPLETE", "NOT_STARTED", "STARTED", "Progress", "read_progress"]

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Progress:
    """What progress fixes, by initiative index (document order)."""

    status_day: int | None
    states: list[str]
    # index -> (start_day, finish_day) of each complete or started initiative.
    fixed: dict[int, tuple[int, int]]
    # index -> working days a started initiative's projected finish is past its planned one.
    behind: dict[int, int]


def uses_progress(strategy: Strategy, only: Iterable[str] | None = None) -> bool:
    """True when the plan records a status date or any actual date or % complete.

    `only`: the keys of the initiatives that may (validate_strategy's unusual ones).
    """
    if strategy.status_date is not None:
        return True
    initiatives = strategy.initiatives
    return any(
        ini.actual_start is not None or ini.actual_finish is not None or ini.percent_complete
        for ini in (initiatives.values() if only is None else map(initiatives.__getitem__, only))
    )


def read_progress(
    strategy: Strategy, calendar: WorkCalendar, only: Iterable[str] | None = None
) -> Progress | None:
    """Each initiative's state and the days the facts hold; None for a plan without progress
    (`only`: the keys of the initiatives that may record any, as in `uses_progress`)."""
    if not uses_progress(strategy, only):
        return None
    status = strategy.status_date
    status_day = None if status is None else calendar.index_on_or_after(status)
    states: list[str] = []
    fixed: dict[int, tuple[int, int]] = {}
    behind: dict[int, int] = {}
    # Actual dates repeat (work reported weekly): each is looked up in the calendar once.
    days: dict[dt.date, int] = {}

    def index(day: dt.date) -> int:
        found = days.get(day)
        if found is None:
            found = days[day] = calendar.index_on_or_after(day)
        return found

    for i, ini in enumerate(strategy.initiatives.values()):
        if ini.actual_finish is not None:
            states.append(COMPLETE)
            fixed[i] = _complete_days(ini, index)
        elif ini.actual_start is not None:
            states.append(STARTED)
            start = index(ini.actual_start)
            planned = start + ini.duration
            finish = planned
            if status_day is not None and ini.duration > 0:
                remaining = -(-ini.duration * (100 - ini.percent_complete) // 100)
                finish = max(planned, status_day + remaining)
                if finish > planned:
                    behind[i] = finish - planned
            fixed[i] = (start, finish)
        else:
            states.append(NOT_STARTED)
    return Progress(status_day, states, fixed, behind)


def _complete_days(ini: Initiative, index: Callable[[dt.date], int]) -> tuple[int, int]:
    """(start_day, finish_day) of a complete initiative; a milestone sits at its date.
    `index` is the calendar's first working day on or after a date."""
    ended = ini.actual_finish
    assert ended is not None
    if ini.duration == 0:
        day = index(ended)
        return day, day
    began = ini.actual_start or ended  # validation requires it for work; be safe anyway
    start = index(began)
    # The last working day on or before the date, plus one; at least one day of work.
    finish = max(index(ended + _ONE_DAY), start + 1)
    return start, finish


def apply_progress(
    strategy: Strategy, graph: DependencyGraph, progress: Progress
) -> DependencyGraph:
    """The graph the passes see: facts' lengths, links into facts left out, the rest re-offset.

    Leaving links out keeps the old topological order valid, so it is reused.
    """
    fixed = progress.fixed
    durations = list(graph.durations)
    for i, (start, finish) in fixed.items():
        durations[i] = finish - start
    deps = strategy.dependencies
    # Per dependency: None to leave it out, else its link (re-offset from a fact).
    changed: dict[int, Link | None] = {}
    for link in graph.links:
        pred, succ, _, dependency = link
        if succ in fixed:
            changed[dependency] = None  # a fact: an out-of-sequence start is allowed
        elif pred in fixed:
            dep = deps[dependency]
            offset = link_offset(dep.type, dep.lag, durations[pred], durations[succ])
            changed[dependency] = (pred, succ, offset, dependency)

    def kept(links: list[Link]) -> list[Link]:
        """`links` in their order, changed as above (the order stays valid: nothing added)."""
        if not changed:
            return links
        redone = (changed.get(link[3], link) for link in links)
        return [link for link in redone if link is not None]

    return DependencyGraph(
        graph.keys, durations, kept(graph.links), graph.order, kept(graph.into), graph.place
    )


def progress_lower_bounds(
    strategy: Strategy, progress: Progress, lower: list[int], reasons: list[str]
) -> None:
    """Facts start where they started; nothing else before the status day (in place)."""
    status_day = progress.status_day
    status = strategy.status_date
    held = "" if status is None else f"status date {status.isoformat()}"
    fixed = progress.fixed
    for i, ini in enumerate(strategy.initiatives.values()):
        days = fixed.get(i)
        if days is not None:
            lower[i] = days[0]
            # Read after "Starts at" in the inspector and the hover text.
            if ini.actual_start is not None:
                reasons[i] = f"actual start {ini.actual_start.isoformat()}"
            elif ini.actual_finish is not None:
                reasons[i] = f"reached {ini.actual_finish.isoformat()}"
        elif status_day is not None and status_day > lower[i]:
            lower[i] = status_day
            reasons[i] = held


def progress_warnings(strategy: Strategy, progress: Progress, calendar: WorkCalendar) -> list[str]:
    """tracking.md's warnings, by initiative in document order."""
    warnings: list[str] = []
    for i, ini in enumerate(strategy.initiatives.values()):
        key = ini.key
        if ini.status == "done" and ini.actual_finish is None:
            warnings.append(f"{key} is done but has no actual finish")
        if ini.actual_finish is not None and ini.status != "done":
            status = ini.status.replace("_", " ")
            warnings.append(f"{key} has an actual finish but its status is {status}")
        days = progress.behind.get(i)
        if days is not None:
            plural = "s" if days != 1 else ""
            finish = progress.fixed[i][1]
            now = calendar.date_of(finish - 1).isoformat()
            planned = calendar.date_of(finish - days - 1).isoformat()
            warnings.append(
                f"{key} is behind by {days} working day{plural}: "
                f"it now finishes {now} instead of {planned}"
            )
    return warnings
