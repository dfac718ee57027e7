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
from cxroadmap.domain.model import Dependency, Strategy
from cxroadmap.scheduling.passes import Binding
from cxroadmap.scheduling.progress import Progress
from cxroadmap.scheduling.result import (
    COMPLETE,
    NOT_STARTED,
    ScheduledInitiative,
    scheduled_items,
)
from cxroadmap.scheduling.scans import indices

_TITLE = attrgetter("title")
# The words before the predecessor's key in a reason ("FS from "), per type as stored.
_PREFIX = {kind: f"{kind} from " for kind in ("FS", "SS", "FF", "SF")}

T = TypeVar("T")

# Working-day lists for one schedule: start, finish, early start, latest start, and
# whether each shows the start of its day (moments.py).
Days = tuple[list[int], list[int], list[int], list[int], list[bool]]


def build_items(
    strategy: Strategy,
    keys: list[str],
    milestones: Sequence[int],
    calendar: WorkCalendar,
    days: Days,
    finish_day: int,
    reasons: list[str],
    progress: Progress | None,
    titles: list[str] | None = None,
) -> dict[str, ScheduledInitiative]:
    """Each initiative's ScheduledInitiative by key (`keys`, in order; `milestones` the
    positions of those with no duration); `finish_day` is the latest finish, `reasons`
    why each starts when it does (`start_reasons`), `titles` the initiatives' titles when
    validation has read them (else read here)."""
    start, finish, early, latest, at_start = days
    n = len(start)
    # Shown dates: the first and the last working day a bar covers, start and finish - 1;
    # a milestone shows one day, its start, or the day before when it shows the end of
    # that day. Each column is picked as if all were work, then the few milestones (one C
    # scan finds them) are put right: two comprehensions over every item cost 5 M at 5k.
    # The dates up to the last one shown: finish_day - 1 for work, or a milestone's start.
    shown = finish_day
    for i in milestones:
        if at_start[i] and start[i] >= shown:
            shown = start[i] + 1
    dates = calendar.dates(shown)
    # Starts are never negative (lower bounds are not, and the passes only move later).
    # One entry more: a milestone at finish_day showing the end of the day before is
    # picked one past the days shown first.
    first_dates = _pick([*dates, None], start)
    phase_at = _phase_table(strategy, calendar, shown + 1)
    phases = _pick(phase_at, start)
    # Day f - 1 at index f: work's last shown date picked by its finish.
    last_dates = _pick([None, *dates], finish)
    for i in milestones:
        if not at_start[i]:
            day = start[i] - 1
            if day < 0:
                calendar.date_of(day)  # raises: the picks would wrap round instead
            first_dates[i], phases[i] = dates[day], phase_at[day]
        last_dates[i] = first_dates[i]
    # Never negative: every start meets its links and finishes by finish_day, so the
    # backward pass's latest start is at least it.
    slack = list(map(sub, latest, start))
    # Few have no slack: a C scan finds them (a comprehension over all cost 0.4 M more).
    critical = [False] * n
    for i in indices(slack, 0):
        critical[i] = True
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
        keys,
        map(_TITLE, strategy.initiatives.values()) if titles is None else titles,
        start,
        finish,
        early,
        latest,
        slack,
        critical,
        phases,
        first_dates,
        last_dates,
        reasons,
        at_start,
        states,
        behind,
    )
    return items


def start_reasons(
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
    prefixes = dict(_PREFIX)
    lags = {0: ""}
    # Only the links: `filter` skips the Nones in C (a loop over every item cost 1.8 M of
    # 6.7 M at 5k), and a link's successor is the item it holds.
    for _, i, _, d in filter(None, binding):
        dep = deps[d]
        # Subscripts in `try` (free in 3.11 unless raised) cost less than `.get` calls.
        try:
            reasons[i] = f"{prefixes[dep.type]}{dep.from_key}{lags[dep.lag]}"
        except KeyError:
            reasons[i] = _reason(dep, prefixes, lags)
    if release is not start:  # the same list when nothing was levelled: none is delayed
        capacity = f"capacity (max {strategy.max_parallel} in parallel)"
        for i, s, r in zip(range(len(start)), start, release, strict=True):
            if s > r:
                reasons[i] = capacity
    return reasons


def _reason(dep: Dependency, prefixes: dict[str, str], lags: dict[int, str]) -> str:
    """A link's reason when its type or lag is not in the tables yet (then it is)."""
    kind, lag = dep.type, dep.lag
    if kind not in prefixes:
        prefixes[kind] = f"{kind.upper()} from "
    if lag not in lags:
        lags[lag] = f" {lag:+d}d"
    return f"{prefixes[kind]}{dep.from_key}{lags[lag]}"


def _pick(values: Sequence[T], positions: list[int]) -> list[T]:
    """values[i] for each i in positions (by one itemgetter: a C loop with no call per value)."""
    if len(positions) > 1:
        return list(itemgetter(*positions)(values))
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
