"""Comparing two plans: a schedule against a baseline, or against another strategy's schedule.

The API (tracking.md, "Baselines" and "Scenarios"), for the table, the timeline, the
exports, `schedule --baseline` and `compare`:

- `compare_to_baseline(current, baseline, calendar)` and
  `compare_schedules(before, current, calendar)` return a `Comparison`.
- `Comparison.deltas` maps each key present in both plans, in the current plan's order,
  to a `Delta`: dates before and now, `start_variance_days` and `finish_variance_days`
  (working days on `calendar`, positive when later), both phases (`phase_changed`), and
  both critical flags (None on a baseline's side: a baseline does not record them).
- `added` (only in the current plan, its order) and `removed` (only in the other, its
  order); `finish_before`, `finish_now` and `finish_variance_days` for the project
  finish (a plan's finish is its latest initiative finish; None when it has none);
  `critical_now_only` and `critical_before_only` list the keys critical in one plan and
  not the other (present in both; empty against a baseline).

Working days are counted by the contract's rule: for dates a <= b, the working days d
of the calendar with a <= d < b (weekdays and holidays only: the calendar's start plays
no part, so dates before it count too); negative when b < a.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from cxroadmap.domain.baselines import Baseline
from cxroadmap.domain.calendar import WEEKDAY_NAMES, WorkCalendar
from cxroadmap.scheduling.result import Schedule


class WorkdayCounter:
    """Working days between two dates in O(log holidays): weeks by arithmetic, holidays
    by bisection. One per calendar; `between(a, b)` is the contract's counting rule."""

    def __init__(self, calendar: WorkCalendar) -> None:
        working = frozenset(WEEKDAY_NAMES.index(d) for d in calendar.working_days)
        self._per_week = len(working)
        # _prefix[r]: working weekdays among the first r days of a week starting on Monday.
        self._prefix = [sum(1 for w in range(r) if w in working) for r in range(8)]
        self._holidays = sorted(d.toordinal() for d in calendar.holidays if d.weekday() in working)

    def _before(self, ordinal: int) -> int:
        """Working weekdays on days 1 .. ordinal - 1 (proleptic ordinals; day 1 is a Monday)."""
        weeks, rest = divmod(ordinal - 1, 7)
        return weeks * self._per_week + self._prefix[rest]

    def between(self, a: dt.date, b: dt.date) -> int:
        """Signed count of working days d with a <= d < b (negative when b < a)."""
        lo, hi = sorted((a.toordinal(), b.toordinal()))
        holidays = bisect.bisect_left(self._holidays, hi) - bisect.bisect_left(self._holidays, lo)
        count = self._before(hi) - self._before(lo) - holidays
        return count if a <= b else -count


@dataclass(frozen=True)
class Side:
    """One plan's view of one initiative."""

    start: dt.date
    finish: dt.date
    phase: str
    critical: bool | None = None  # None: not recorded (a baseline)


@dataclass(frozen=True)
class Delta:
    """One initiative in both plans and how it moved (positive variance: later now)."""

    key: str
    before: Side
    now: Side
    start_variance_days: int
    finish_variance_days: int

    @property
    def phase_changed(self) -> bool:
        return self.before.phase != self.now.phase

    @property
    def slipped(self) -> bool:
        return self.finish_variance_days > 0


@dataclass
class Comparison:
    """What changed from one plan (`before`: a baseline or a strategy) to the current one."""

    deltas: dict[str, Delta] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    finish_before: dt.date | None = None
    finish_now: dt.date | None = None
    finish_variance_days: int = 0
    critical_now_only: list[str] = field(default_factory=list)
    critical_before_only: list[str] = field(default_factory=list)

    def slipped(self) -> list[Delta]:
        """Initiatives that finish later than before, most slipped first (then plan order)."""
        late = [d for d in self.deltas.values() if d.finish_variance_days > 0]
        return sorted(late, key=lambda d: -d.finish_variance_days)

    def moved_phase(self) -> list[Delta]:
        return [d for d in self.deltas.values() if d.phase_changed]


def schedule_sides(schedule: Schedule) -> dict[str, Side]:
    return {k: Side(i.start, i.finish, i.phase, i.critical) for k, i in schedule.items.items()}


def baseline_sides(baseline: Baseline) -> dict[str, Side]:
    return {e.key: Side(e.start, e.finish, e.phase) for e in baseline.entries}


def compare_sides(
    before: dict[str, Side], now: dict[str, Side], calendar: WorkCalendar
) -> Comparison:
    """The comparison of two plans given as key -> Side, each in its own order."""
    between = WorkdayCounter(calendar).between
    result = Comparison()
    deltas = result.deltas
    added = result.added
    for key, side in now.items():
        old = before.get(key)
        if old is None:
            added.append(key)
            continue
        deltas[key] = Delta(
            key, old, side, between(old.start, side.start), between(old.finish, side.finish)
        )
    result.removed = [key for key in before if key not in now]
    result.finish_before = _latest(s.finish for s in before.values())
    result.finish_now = _latest(s.finish for s in now.values())
    if result.finish_before is not None and result.finish_now is not None:
        result.finish_variance_days = between(result.finish_before, result.finish_now)
    result.critical_now_only = [
        k for k, d in deltas.items() if d.now.critical and d.before.critical is False
    ]
    result.critical_before_only = [
        k for k, d in deltas.items() if d.before.critical and d.now.critical is False
    ]
    return result


def _latest(finishes: Iterable[dt.date]) -> dt.date | None:
    return max(finishes, default=None)


def compare_to_baseline(
    current: Schedule, baseline: Baseline, calendar: WorkCalendar
) -> Comparison:
    """The current schedule against a baseline, counted on the current `calendar`."""
    return compare_sides(baseline_sides(baseline), schedule_sides(current), calendar)


def compare_schedules(before: Schedule, current: Schedule, calendar: WorkCalendar) -> Comparison:
    """Two strategies' schedules (a scenario and its original, or any two) on `calendar`."""
    return compare_sides(schedule_sides(before), schedule_sides(current), calendar)
