"""Every initiative's ScheduledInitiative from the planner's days, built column by column.

The schedule's items were most of `schedule()` once the passes were integer loops: a
loop per initiative reading a dozen lists by index cost more than the objects it made.
Here each column (finish days, slack, shown dates, phases, reasons) is one list made by
C loops where it can be, and the items are made by one `map` over the columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter, itemgetter, sub
from typing import TypeVar

from cxroadmap.domain.calendar import WorkCalendar
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.graph import DependencyGraph
from cxroadmap.scheduling.passes import Binding
from cxroadmap.scheduling.progress import Progress
from cxroadmap.scheduling.result import (
    COMPLETE,
    NOT_STARTED,
    ScheduledInitiative,
    scheduled_items,
)

_TITLE = attrgetter("title")
# The words before the predecessor's key in a reason ("FS from "), per type as stored.
_PREFIX = {kind: f"{kind} from " for kind in ("FS", "SS", "FF", "SF")}

T = TypeVar("T")

# Working-day lists for one schedule: start, finish, early start, latest start, release,
# and whether each shows the start of its day (moments.py).
Days = tuple[list[int], list[int], list[int], list[int], list[int], list[bool]]


def build_items(
    strategy: Strategy,
    graph: DependencyGraph,
    calendar: WorkCalendar,
    days: Days,
    own_reasons: list[str],
    binding: Binding,
    progress: Progress | None,
    titles: list[str] | None = None,
) -> dict[str, ScheduledInitiative]:
    """Each initiative's ScheduledInitiative by key; `binding` is the link holding each,
    `titles` the initiatives' titles when validation has read them (else read here)."""
    start, finish, early, latest, release, at_start = days
    n = len(start)
    durations = graph.durations
    # Shown dates: the first and the last working day a bar covers; a milestone has one.
    # Work shows the start of its day, so only a milestone at the end of the day before
    # moves its first shown day back one; the last shown day of work is its finish - 1,
    # of a milestone its first (lists made in C when every item shows its day's start).
    if all(at_start):
        first_shown = start
        last_shown = list(map(sub, finish, map(bool, durations)))
    else:
        # (a comprehension: two map stages cost 60 % more here, measured)
        first_shown = [s if a else s - 1 for s, a in zip(start, at_start, strict=True)]
        last_shown = [
            f - 1 if d else s for f, d, s in zip(finish, durations, first_shown, strict=True)
        ]
    last_first = max(first_shown, default=0)
    phase_at = _phase_table(strategy, calendar, last_first + 1)
    # Never below 0 for a valid schedule (a milestone at day 0 shows its start); date_of
    # says so if it ever were.
    if n and min(first_shown) < 0:
        calendar.date_of(next(f for f in first_shown if f < 0))
    # The latest date shown: each item's last shown day (its first for a milestone).
    dates = calendar.dates(max(last_first, max(finish, default=0) - 1) + 1 if n else 0)
    slack = list(map(sub, latest, start))
    if slack and min(slack) < 0:
        # Not reachable for a valid schedule; the contract says never negative.
        slack = [s if s > 0 else 0 for s in slack]
    critical = [not s for s in slack]  # slack is never negative here
    reasons = _reasons(strategy, start, release, own_reasons, binding)
    states: list[str] | repeat[str] = repeat(NOT_STARTED, n)
    behind: list[int] | repeat[int] = repeat(0, n)
    if progress is not None:
        states = progress.states
        behind = [0] * n
        for i, late_by in progress.behind.items():
            behind[i] = late_by
        for i in progress.fixed:
            if states[i] == COMPLETE:
                slack[i], critical[i] = 0, False  # done: nothing left to delay
    items = scheduled_items(
        graph.keys,
        map(_TITLE, strategy.initiatives.values()) if titles is None else titles,
        start,
        finish,
        early,
        latest,
        slack,
        critical,
        _pick(phase_at, first_shown),
        _pick(dates, first_shown),
        _pick(dates, last_shown),
        reasons,
        at_start,
        states,
        behind,
    )
    return items


def _reasons(
    strategy: Strategy,
    start: list[int],
    release: list[int],
    own_reasons: list[str],
    binding: Binding,
) -> list[str]:
    """Why each starts when it does: levelling's delay, else the dependency holding it
    (`binding`, passes.py), else its own lower bound."""
    reasons = list(own_reasons)
    deps = strategy.dependencies
    prefixes = _PREFIX
    lags: dict[int, str] = {}
    # Subscripts in `try` (free in 3.11 unless raised) cost less than `.get` calls.
    for i, link in enumerate(binding):
        if link is not None:
            dep = deps[link[3]]
            try:
                prefix = prefixes[dep.type]
            except KeyError:
                prefix = f"{dep.type.upper()} from "
            try:
                lag_text = lags[dep.lag]
            except KeyError:
                lag = dep.lag
                lag_text = lags[lag] = f" {lag:+d}d" if lag else ""
            reasons[i] = f"{prefix}{dep.from_key}{lag_text}"
    if release is not start:  # the same list when nothing was levelled: none is delayed
        capacity = f"capacity (max {strategy.max_parallel} in parallel)"
        for i, (s, r) in enumerate(zip(start, release, strict=True)):
            if s > r:
                reasons[i] = capacity
    return reasons


def _pick(values: Sequence[T], positions: list[int]) -> Sequence[T]:
    """values[i] for each i in positions (by one itemgetter: a C loop with no call per value)."""
    if len(positions) > 1:
        return itemgetter(*positions)(values)  # type: ignore[no-any-return]
    return [values[i] for i in positions]  # itemgetter of one gives the value itself


def _phase_table(strategy: Strategy, calendar: WorkCalendar, days: int) -> list[str]:
    """The name of the phase holding the date of each working day 0..days-1 (at least).

    Dates grow with working-day indices, so the date of day x is on or after a phase's
    first date exactly when x is at least the index of its first working day: each phase
    holds the days from its first one to the next phase's (a phase with none holds none).
    """
    bounds = strategy.phase_bounds()
    if not bounds:
        return [""] * days
    firsts = [calendar.index_on_or_after(begin) for _, begin, _ in bounds]
    table: list[str] = []
    for k, (name, _, _) in enumerate(bounds):
        end = min(firsts[k + 1], days) if k + 1 < len(bounds) else days
        if end > len(table):
            table.extend([name] * (end - len(table)))
    return table
