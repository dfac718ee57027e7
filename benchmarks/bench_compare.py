"""Comparison timings: two 5,000-initiative strategies, and a schedule against a baseline.

Run: python benchmarks/bench_compare.py    (figures go into docs/performance.md, "Compare")

The "other" plan is the same random roadmap with a tenth of the durations lengthened, 250
initiatives removed and 250 added, and a holiday more, so most keys moved and every kind of
difference is found. The schedules are made once; the timings are of the comparison alone
(`compare_schedules`, `compare_to_baseline`), then of the whole "what changed" page's data.
"""

from __future__ import annotations

import datetime as dt
import random

from bench_scheduler import random_strategy, timed

from cxroadmap.cli.compare_command import comparison_to_json
from cxroadmap.domain.model import Initiative
from cxroadmap.domain.scenarios import CopyAsScenario
from cxroadmap.scheduling.baselines import take
from cxroadmap.scheduling.changes import what_changed
from cxroadmap.scheduling.compare import compare_schedules, compare_to_baseline
from cxroadmap.scheduling.planner import schedule


def main() -> None:
    n = 5000
    original = random_strategy(n)
    original.key = "PLAN"
    other = random_strategy(n)
    rng = random.Random(11)
    for key in rng.sample(list(other.initiatives), n // 10):
        other.initiatives[key].duration += rng.randint(1, 10)
    gone = set(rng.sample(list(other.initiatives), 250))
    other.dependencies = [d for d in other.dependencies if not ({d.from_key, d.to_key} & gone)]
    for key in gone:
        del other.initiatives[key]
    for i in range(250):
        other.initiatives[f"NEW{i}"] = Initiative(f"NEW{i}", "Added", rng.randint(1, 30))
    other.holidays.append(dt.date(2028, 4, 14))
    before, after = schedule(original), schedule(other)
    other.baselines = [take(before, "Board approval", dt.date(2027, 1, 4))]
    other.chosen_baseline = "Board approval"
    calendar = other.calendar()
    found = compare_schedules(before, after, calendar)
    print(
        f"{len(found.deltas)} keys in both ({len(found.slipped())} slipped), "
        f"{len(found.added)} added, {len(found.removed)} removed, "
        f"{len(found.critical_now_only)} critical only now; "
        f"finish {found.finish_variance_days:+d} working days"
    )
    print(f"{'case (5,000 initiatives)':<52} {'best ms':>8} {'median ms':>10} {'best CPU ms':>12}")
    for label, work in (
        ("compare_schedules (two strategies)", lambda: compare_schedules(before, after, calendar)),
        ("compare_to_baseline", lambda: compare_to_baseline(after, other.baselines[0], calendar)),
        ("what_changed (page data, reasons included)", lambda: what_changed(other, after)),
        ("take a baseline", lambda: take(after, "Again", dt.date(2027, 6, 1))),
        ("Copy as Scenario (a deep copy)", lambda: CopyAsScenario(original).apply([original])),
        (
            "compare --json's data (from the comparison)",
            lambda: comparison_to_json(original, other, before, after, found),
        ),
    ):
        best, median, cpu = timed(work)
        print(f"{label:<52} {best:8.1f} {median:10.1f} {cpu:12.1f}")


if __name__ == "__main__":
    main()
