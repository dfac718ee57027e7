"""schedule(strategy): validate, run the passes, level to capacity, and explain the result."""

from __future__ import annotations

from operator import add
from typing import TYPE_CHECKING

from cxroadmap.common.collector import collector_paused
from cxroadmap.domain.calendar import WorkCalendar
from cxroadmap.domain.cx_checks import touchpoint_warnings
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.scheduling.graph import DependencyGraph, build_graph
from cxroadmap.scheduling.items import build_items, start_reasons
from cxroadmap.scheduling.levelling import level
from cxroadmap.scheduling.moments import milestone_at_day_start
from cxroadmap.scheduling.passes import Binding, backward_pass, forward_pass, release_times
from cxroadmap.scheduling.progress import (
    apply_progress,
    progress_lower_bounds,
    progress_warnings,
    read_progress,
)
from cxroadmap.scheduling.result import COMPLETE, Schedule, ScheduledInitiative
from cxroadmap.scheduling.scans import indices, positions

if TYPE_CHECKING:
    from cxroadmap.scheduling.memo import PlanMemo


def schedule(strategy: Strategy, memo: PlanMemo | None = None) -> Schedule:
    """Schedule a strategy per scheduling.md; raises ValidationError or CycleError on bad input.

    `memo`: only for strategies never changed once planned (the worker's copies): what
    the last plans checked and built is reused where the objects are the same
    (scheduling/memo.py); the schedule, or the error, is the same as without it.
    """
    # The passes make a few objects per initiative and link; collecting them while they
    # are made is what made scheduling superlinear (common/collector.py).
    with collector_paused():
        return _schedule(strategy, memo)


def _schedule(strategy: Strategy, memo: PlanMemo | None) -> Schedule:
    # The topological sort in build_graph finds any cycle; checking twice costs ~7 ms
    # at 5,000 initiatives.
    # What validation's quick pass found (None when it looked closer): where each link's
    # ends are, and the keys of the few initiatives with a start bound, progress, links
    # or a dropped status, the only ones the loops below need to visit.
    quick = None if memo is None else memo.survey
    survey = validate_strategy(strategy, check_cycles=False, quick=quick)
    unusual = None if survey is None else survey.unusual
    calendar = strategy.calendar()
    graph = build_graph(strategy, survey) if memo is None else memo.graph(strategy, survey)
    unusual_at = None if unusual is None else positions(graph.keys, unusual)
    lower, lower_reasons = _lower_bounds(strategy, calendar, unusual_at)
    # Progress (tracking.md): facts keep their days, links into them are left out, and
    # nothing else starts before the status day. None for a plan that records none.
    progress = read_progress(strategy, calendar, unusual)
    fixed = None
    if progress is not None:
        graph = apply_progress(strategy, graph, progress)
        progress_lower_bounds(strategy, progress, lower, lower_reasons)
        fixed = {i: days[0] for i, days in progress.fixed.items()}
    early, binding = forward_pass(graph, lower)
    durations = graph.durations
    # Each initiative's finish day, made once: the items and the critical path read it too.
    finish = list(map(add, early, durations))
    early_finish = finish_day = max(finish, default=0)
    start = release = early
    capacity = strategy.max_parallel
    if capacity is not None:
        start = level(graph, early, backward_pass(graph, early_finish), capacity, fixed)
        release, binding = release_times(graph, lower, start)
        finish = list(map(add, start, durations))
        finish_day = max(finish, default=0)
    latest = backward_pass(graph, finish_day)
    # Shown dates per "Milestone dates": a milestone shows the moment that binds it, the
    # start of its day or the end of the day before.
    at_start = milestone_at_day_start(strategy, graph, start, lower)
    path = _critical_path(graph, finish, finish_day, binding)
    reasons = start_reasons(strategy, start, release, lower_reasons, binding)
    keys, milestones = graph.keys, graph.milestones
    titles = None if survey is None else survey.titles
    # The graph's links and what validation found (at 20k, 30,000 link tuples and 50,000
    # ints) are freed before the items are made, so the items take their memory: fresh
    # pages cost this machine 4 us each to fault in, 900 of them at 20k (docs/performance).
    del graph, binding, survey
    items = build_items(
        strategy,
        keys,
        milestones,
        calendar,
        (start, finish, early, latest, at_start),
        finish_day,
        reasons,
        progress,
        titles,
    )
    warnings = _warnings(strategy, items, early_finish, finish_day, calendar, unusual)
    if progress is not None:
        path = [key for key in path if items[key].state != COMPLETE]
        warnings += progress_warnings(strategy, progress, calendar)
    return Schedule(
        strategy=strategy.name,
        start=strategy.start,
        finish=calendar.date_of(finish_day - 1) if finish_day > 0 else strategy.start,
        finish_day=finish_day,
        items=items,
        # Customer-experience warnings (domain/cx_checks.py) come after the scheduling ones.
        warnings=warnings + touchpoint_warnings(strategy),
        critical_path=path,
    )


def _lower_bounds(
    strategy: Strategy, calendar: WorkCalendar, only: list[int] | None
) -> tuple[list[int], list[str]]:
    """Each initiative's own earliest start (project start, not_before, phase pin) and why.

    `only`: the positions of the initiatives that may have a not_before date or a pin.
    """
    phase_begin = {name: begin for name, begin, _ in strategy.phase_bounds()}
    pin_day: dict[str, int] = {}
    n = len(strategy.initiatives)
    lower = [0] * n
    reasons = ["project start"] * n
    initiatives = list(strategy.initiatives.values())
    for i in range(n) if only is None else only:
        ini = initiatives[i]
        after, pin = ini.not_before, ini.phase
        if after is None and pin is None:
            continue  # most initiatives: held by the project start alone
        day = 0
        if after is not None:
            nb = calendar.index_on_or_after(after)
            if nb > day:
                day, reasons[i] = nb, f"not before {after.isoformat()}"
        if pin is not None:
            if pin not in pin_day:
                pin_day[pin] = calendar.index_on_or_after(phase_begin[pin])
            if pin_day[pin] > day:
                day, reasons[i] = pin_day[pin], f"pinned to {pin}"
        lower[i] = day
    return lower, reasons


def _critical_path(
    graph: DependencyGraph, finish: list[int], finish_day: int, binding: Binding
) -> list[str]:
    """One chain of critical initiatives ending at the project finish, walked back in time.

    It ends at the first initiative (in document order) that finishes at F and is not
    what holds another such initiative in place, so a closing milestone is included; it
    follows each one's binding dependency back. A binding predecessor of a critical
    initiative is itself critical.
    """
    # Those finishing at F (`finish`: each one's finish day): few, each found by a C scan.
    at_finish = indices(finish, finish_day)
    holding = {link[0] for i in at_finish if (link := binding[i]) is not None}
    end = next((i for i in at_finish if i not in holding), None)
    if end is None:
        return []
    chain = [end]
    link = binding[end]
    while link is not None:
        chain.append(link[0])
        link = binding[link[0]]
    return [graph.keys[i] for i in reversed(chain)]


def _warnings(
    strategy: Strategy,
    items: dict[str, ScheduledInitiative],
    early_finish: int,
    finish_day: int,
    calendar: WorkCalendar,
    unusual: list[str] | None,
) -> list[str]:
    """Plain sentences a planner should see: project-wide first, then by initiative.

    `unusual`: the keys of the initiatives that may be pinned or dropped (None: any).
    """
    warnings: list[str] = []
    if finish_day > early_finish:
        before = calendar.date_of(early_finish - 1).isoformat()
        after = calendar.date_of(finish_day - 1).isoformat()
        extra = finish_day - early_finish
        warnings.append(
            f"Levelling to at most {strategy.max_parallel} in parallel moves the finish "
            f"from {before} to {after}, {extra} working day{'s' if extra != 1 else ''} later"
        )
    order = {name: i for i, name in enumerate(strategy.phase_names())}
    initiatives = strategy.initiatives
    keys = list(initiatives) if unusual is None else unusual
    dropped = {key for key in keys if initiatives[key].status == "dropped"}
    dropped_preds: dict[str, list[str]] = {}
    if dropped:
        # Any initiative may depend on a dropped one: every initiative is visited then.
        keys = list(initiatives)
        for dep in strategy.dependencies:
            if dep.from_key in dropped:
                dropped_preds.setdefault(dep.to_key, []).append(dep.from_key)
    for key in keys:
        ini = initiatives[key]
        pin = ini.phase
        if pin is not None:
            item = items[key]
            if order[item.phase] > order[pin]:
                warnings.append(
                    f"{key} is pinned to {pin} but starts on {item.start.isoformat()}, "
                    f"in {item.phase}"
                )
        if dropped_preds and ini.status != "dropped":
            for pred in dropped_preds.get(key, ()):
                warnings.append(f"{key} depends on {pred}, which is dropped")
    return warnings
