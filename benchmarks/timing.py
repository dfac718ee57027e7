"""The benchmarks' one timing loop: median wall time of repeated calls, in milliseconds."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable


def median_ms(work: Callable[[], object], runs: int, collect: bool = False) -> float:
    """Median of `runs` timed calls of `work`; `collect` runs the garbage collector before each."""
    times = []
    for _ in range(runs):
        if collect:
            gc.collect()
        began = time.perf_counter()
        work()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)
