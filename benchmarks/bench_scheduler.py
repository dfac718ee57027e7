"""Scheduler timings on random DAG strategies of 1,000 and 5,000 initiatives (fixed seed).

Run: python benchmarks/bench_scheduler.py    (figures go into docs/performance.md)
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import statistics
import time
from collections.abc import Callable

from cxroadmap.domain.model import Dependency, Initiative, Strategy
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.scheduling.graph import build_graph
from cxroadmap.scheduling.planner import schedule

TYPES = ("FS", "FS", "FS", "FS", "SS", "FF", "SF")  # mostly FS, as real roadmaps are
RUNS = 21


def random_strategy(
    n: int, seed: int = 20270104, max_parallel: int | None = None, window: int = 500
) -> Strategy:
    """n initiatives and 1.5 n dependencies, each on one of the `window` initiatives before it.

    Durations 1-40 working days (5% milestones), lags 0, 2, 5 or -3, some holidays: a
    5,000-initiative roadmap comes out about three years long unlevelled.
    """
    rng = random.Random(seed)
    strategy = Strategy("Benchmark", dt.date(2027, 1, 4), max_parallel=max_parallel)
    strategy.holidays = [dt.date(2027, 12, 24), dt.date(2028, 1, 1)]
    for i in range(n):
        key = f"I{i:05d}"
        duration = 0 if rng.random() < 0.05 else rng.randint(1, 40)
        strategy.initiatives[key] = Initiative(key, f"Initiative {i}", duration)
    keys = list(strategy.initiatives)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < n * 3 // 2:
        b = rng.randrange(1, n)
        pairs.add((rng.randrange(max(0, b - window), b), b))
    for a, b in sorted(pairs):
        lag = rng.choice((0, 0, 0, 2, 5, -3))
        strategy.dependencies.append(Dependency(keys[a], keys[b], rng.choice(TYPES), lag))
    return strategy


def timed(fn: Callable[[], object]) -> tuple[float, float, float]:
    """(best wall, median wall, best CPU) in ms over RUNS calls, garbage collector on.

    CPU time (this process only) is shown because the 2-core machine is shared: when
    other work preempts the benchmark, wall time grows but CPU time does not.
    """
    walls = []
    cpus = []
    for _ in range(RUNS):
        gc.collect()
        c0 = time.process_time()
        t0 = time.perf_counter()
        fn()
        walls.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    return min(walls), statistics.median(walls), min(cpus)


def independent(n: int, max_parallel: int) -> Strategy:
    """No dependencies at all: the heaviest case for levelling (everything competes)."""
    strategy = Strategy("Independent", dt.date(2027, 1, 4), max_parallel=max_parallel)
    rng = random.Random(7)
    for i in range(n):
        strategy.initiatives[f"I{i}"] = Initiative(f"I{i}", "x", rng.randint(1, 40))
    return strategy


def main() -> None:
    schedule(random_strategy(50))  # warm imports outside the timings
    print(f"{'case':<52} {'best ms':>8} {'median ms':>10} {'best CPU ms':>12}")
    for n in (1000, 5000):
        plain = random_strategy(n)
        cases: list[tuple[str, Strategy, Callable[[Strategy], object]]] = [
            (f"{n}: validate_strategy only (domain)", plain, validate_strategy),
            (f"{n}: build graph + topological order", plain, build_graph),
            (f"{n}: schedule(), no capacity limit", plain, schedule),
        ]
        for k in (10, 50):
            cases.append(
                (f"{n}: schedule(), levelled to {k}", random_strategy(n, max_parallel=k), schedule)
            )
        cases.append(
            (f"{n}: schedule(), no dependencies, levelled to 3", independent(n, 3), schedule)
        )
        for label, strategy, fn in cases:
            best, median, cpu = timed(lambda s=strategy, f=fn: f(s))
            print(f"{label:<52} {best:8.1f} {median:10.1f} {cpu:12.1f}")
        unlevelled = schedule(plain)
        print(
            f"  {n}: {len(plain.dependencies)} dependencies, finish day {unlevelled.finish_day} "
            f"({unlevelled.finish.isoformat()}), {unlevelled.critical_count} critical"
        )
        work = sum(ini.duration for ini in plain.initiatives.values())
        for k in (10, 50):
            levelled = schedule(random_strategy(n, max_parallel=k))
            bound = max(unlevelled.finish_day, -(-work // k))
            print(
                f"  {n} levelled to {k}: finish day {levelled.finish_day}, lower bound {bound} "
                f"(ratio {levelled.finish_day / bound:.3f})"
            )


if __name__ == "__main__":
    main()
