"""Timings of CSV, XLSX, MS Project XML and iCalendar export and import at 1k and 5k initiatives.

Run: python benchmarks/bench_interop.py   (prints a Markdown table for docs/performance.md)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from timing import median_ms

from cxroadmap.domain import Dependency, Initiative, Strategy
from cxroadmap.interop.formats import export_file, import_file
from cxroadmap.scheduling.planner import schedule

REPEATS = 5
PILLARS = ("leadership", "vision", "training", "touchpoints", "measurement")


def make_strategy(count: int) -> Strategy:
    """`count` initiatives in five pillars, about 1.5 dependencies per initiative."""
    strategy = Strategy(name=f"Benchmark {count}", start=dt.date(2027, 1, 4))
    keys = [f"I{i:05d}" for i in range(count)]
    for i, key in enumerate(keys):
        strategy.initiatives[key] = Initiative(
            key,
            f"Initiative {i} — Café <b>",
            i % 15,
            PILLARS[i % len(PILLARS)],
            owner="Owner",
            description="x" * 40,
        )
    for i in range(1, count):
        strategy.dependencies.append(Dependency(keys[i - 1], keys[i]))
        if i % 2 == 0 and i >= 10:
            strategy.dependencies.append(Dependency(keys[i - 10], keys[i], "SS", 2))
    return strategy


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-interop-"))
    print(f"Python {sys.version.split()[0]}, median of {REPEATS} runs\n")
    print("| initiatives | format | export | import | file size |")
    print("|---:|---|---:|---:|---:|")
    for count in (1000, 5000):
        strategy = make_strategy(count)
        planned = schedule(strategy)
        for suffix in (".csv", ".xlsx", ".xml", ".ics"):
            path = folder / f"bench{suffix}"
            written = median_ms(
                lambda s=strategy, sch=planned, p=path: export_file(s, sch, p), REPEATS
            )
            read = "–"
            if suffix != ".ics":
                read = f"{median_ms(lambda p=path: import_file(p), REPEATS):,.0f} ms"
            size = path.stat().st_size / 1024
            print(f"| {count:,} | {suffix} | {written:,.0f} ms | {read} | {size:,.0f} KB |")


if __name__ == "__main__":
    main()
