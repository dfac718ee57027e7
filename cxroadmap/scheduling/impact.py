"""What an edit does to the rest of the plan: how many initiatives move, the finish, phases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import compress

from cxroadmap.domain.edits import Edit
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.domain.model import Phase, Strategy
from cxroadmap.scheduling.result import Schedule

# Above this many initiatives a trial schedule per mouse move would be felt: the drag then
# says what it will do after the drop only.
LIVE_LIMIT = 1500


@dataclass(frozen=True)
class Impact:
    """Initiatives whose dates change, the finish before and after, and those that now start
    in another phase than before."""

    moved: tuple[str, ...]
    finish_before: dt.date
    finish_after: dt.date
    left_phase: tuple[str, ...]

    @property
    def anything(self) -> bool:
        return bool(self.moved or self.left_phase) or self.finish_before != self.finish_after

    def describe(self) -> str:
        """One line, such as "28 initiatives move · finish 12 Jul 2028 → 3 Jun 2029 · 2 leave
        their phase"."""
        count = len(self.moved)
        parts = [f"{count} initiative{'s' if count != 1 else ''} move{'s' if count == 1 else ''}"]
        if self.finish_after != self.finish_before:
            parts.append(f"finish {_day(self.finish_before)} → {_day(self.finish_after)}")
        else:
            parts.append(f"finish stays {_day(self.finish_after)}")
        if self.left_phase:
            n = len(self.left_phase)
            parts.append(f"{n} leave{'s' if n == 1 else ''} {'its' if n == 1 else 'their'} phase")
        return " · ".join(parts)


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def compare(before: Schedule, after: Schedule, among: Collection[str] | None = None) -> Impact:
    """What moved from `before` to `after`; `among`: the only keys that can have moved."""
    moved, left = [], []
    keys: Iterable[str] = after.items
    if among is not None:
        # In the schedule's order, looking only at those keys: a pass at C speed over the
        # schedule's keys (after every edit), not a dictionary of all their positions.
        wanted = among if isinstance(among, set | frozenset) else set(among)
        keys = compress(after.items, map(wanted.__contains__, after.items))
    for key in keys:
        new = after.items[key]
        old = before.items.get(key)
        if old is None:
            continue
        if (old.start, old.finish) != (new.start, new.finish):
            moved.append(key)
        if old.phase != new.phase:
            left.append(key)
    return Impact(tuple(moved), before.finish, after.finish, tuple(left))


def trial_copy(strategy: Strategy) -> Strategy:
    """A copy an edit can be tried on without touching `strategy` (initiatives, links and
    phases are copied; edits replace the other fields whole)."""
    return dataclasses.replace(
        strategy,
        phases=[Phase(p.name, p.weeks) for p in strategy.phases],
        initiatives={k: dataclasses.replace(i) for k, i in strategy.initiatives.items()},
        dependencies=[dataclasses.replace(d) for d in strategy.dependencies],
    )


def impact_of(strategy: Strategy, schedule: Schedule, edit: Edit) -> Impact | None:
    """What `edit` would do, tried on a copy; None when it would be refused or cannot be
    scheduled (the real edit then says why)."""
    from cxroadmap.scheduling.planner import schedule as plan

    trial = trial_copy(strategy)
    try:
        edit.apply(trial)
        return compare(schedule, plan(trial))
    except CxRoadmapError:
        return None
