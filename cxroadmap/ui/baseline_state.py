"""The comparison with the chosen baseline, made once per schedule and shared by the views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cxroadmap.domain.baselines import Baseline
from cxroadmap.domain.model import Strategy
from cxroadmap.scheduling.result import Schedule

if TYPE_CHECKING:
    from cxroadmap.scheduling.compare import Comparison

# (schedule, baseline, its name, the comparison): the table, the timeline and the status
# bar ask for it after every edit; a new schedule or another chosen baseline remakes it.
_last: tuple[Schedule, Baseline, str, Comparison] | None = None


def chosen_comparison(strategy: Strategy | None, schedule: Schedule | None) -> Comparison | None:
    """The schedule compared with the strategy's chosen baseline (None without either)."""
    global _last
    baseline = strategy.baseline() if strategy is not None else None
    if strategy is None or schedule is None or baseline is None:
        return None
    last = _last
    if (
        last is not None
        and last[0] is schedule
        and last[1] is baseline
        and last[2] == baseline.name
    ):
        return last[3]
    from cxroadmap.scheduling.compare import compare_to_baseline  # only with a baseline chosen

    comparison = compare_to_baseline(schedule, baseline, strategy.calendar())
    _last = (schedule, baseline, baseline.name, comparison)
    return comparison


def baseline_line(strategy: Strategy, schedule: Schedule | None, key: str) -> str:
    """The inspector's line about the chosen baseline ("" without one), starting "\\n"."""
    comparison = chosen_comparison(strategy, schedule)
    if comparison is None:
        return ""
    name = strategy.chosen_baseline
    delta = comparison.deltas.get(key)
    if delta is None:
        return f"\nNew since baseline {name!r}"
    was = delta.before
    when = (
        f"{was.start:%d %b %Y}"
        if was.start == was.finish
        else (f"{was.start:%d %b} – {was.finish:%d %b %Y}")
    )
    n = delta.finish_variance_days
    moved = "finish on time" if n == 0 else f"finish {n:+d} working day{'s' if abs(n) != 1 else ''}"
    return f"\nBaseline {name!r}: {when}, {moved}"
