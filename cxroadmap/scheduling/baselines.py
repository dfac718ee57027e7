"""Taking a baseline from a schedule, and the schedule output's `baseline` parts (tracking.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxroadmap.domain.baselines import Baseline, BaselineEntry, check_baseline_name
from cxroadmap.domain.calendar import WorkCalendar
from cxroadmap.scheduling.compare import compare_to_baseline
from cxroadmap.scheduling.result import Schedule


def take(schedule: Schedule, name: str, taken_on: dt.date) -> Baseline:
    """A baseline of `schedule`: each initiative's dates and phase exactly as shown."""
    return Baseline(
        check_baseline_name(name, "baseline name"),
        taken_on,
        [
            BaselineEntry(i.key, i.start, i.finish, i.duration, i.phase)
            for i in schedule.items.values()
        ],
    )


def with_baseline(
    data: dict[str, Any], schedule: Schedule, baseline: Baseline, calendar: WorkCalendar
) -> dict[str, Any]:
    """`cxroadmap-schedule/1` data (from schedule_to_json) with the contract's `baseline`
    object on each initiative in both plans and at the top level (after `finish_day`)."""
    comparison = compare_to_baseline(schedule, baseline, calendar)
    for item in data["initiatives"]:
        delta = comparison.deltas.get(item["key"])
        if delta is not None:
            item["baseline"] = {
                "start": delta.before.start.isoformat(),
                "finish": delta.before.finish.isoformat(),
                "start_variance_days": delta.start_variance_days,
                "finish_variance_days": delta.finish_variance_days,
                "phase": delta.before.phase,
            }
    top = {
        "name": baseline.name,
        "taken_on": baseline.taken_on.isoformat(),
        "added": comparison.added,
        "removed": comparison.removed,
        "finish_variance_days": comparison.finish_variance_days,
    }
    out: dict[str, Any] = {}
    for key, value in data.items():
        out[key] = value
        if key == "finish_day":
            out["baseline"] = top
    return out
