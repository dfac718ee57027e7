"""The schedule of seeded benchmark DAGs stays byte-identical through performance work."""

from __future__ import annotations

import gc
import hashlib
import importlib.util
import json
from pathlib import Path

import pytest

from cxroadmap.common.collector import collector_paused
from cxroadmap.domain.errors import CycleError
from cxroadmap.domain.model import Dependency
from cxroadmap.scheduling.output import schedule_to_json
from cxroadmap.scheduling.planner import schedule

_spec = importlib.util.spec_from_file_location(
    "bench_dag", Path(__file__).resolve().parents[1] / "benchmarks" / "dag.py"
)
assert _spec is not None and _spec.loader is not None
dag = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dag)

# sha256 of `cxroadmap schedule --json` output for `layered_dag(n, max_parallel=k)`, computed
# with main's own planner (networkx topological sort, collector on), not the faster one: first
# at 7cb485f, then again at c89c9ac once milestone dates moved (scheduling.md "Milestone
# dates", 45286c9). (finish, finish_day, warning count) alongside to read a failure.
PINNED = [
    (
        1000,
        None,
        "2029-11-21",
        751,
        1,
        "720b2c675dac64ed87f1d62871342aa30cf1c7186cbb924abbf837d161657685",
    ),
    (
        1000,
        10,
        "2034-07-24",
        1969,
        6,
        "998bfc4901966fd2857e8d696406b82151ea898969fabc08cf098ccaa348f13a",
    ),
    (
        3000,
        None,
        "2032-06-02",
        1411,
        11,
        "3db592fe30ff3466590bffb16e77973b13cd53370bf4cc87372be5c5b5b1aa89",
    ),
    (
        3000,
        30,
        "2034-07-27",
        1972,
        19,
        "30569c0b5e8738e8c3ee902c567e982460071ca8f02af7889adf118e5684e38c",
    ),
]


@pytest.mark.parametrize(("n", "capacity", "finish", "finish_day", "warnings", "digest"), PINNED)
def test_the_schedule_of_a_generated_dag_is_byte_identical(
    n: int, capacity: int | None, finish: str, finish_day: int, warnings: int, digest: str
) -> None:
    strategy = dag.layered_dag(n, max_parallel=capacity)
    assert len(strategy.dependencies) == n * 3 // 2
    assert {d.type for d in strategy.dependencies} == {"FS", "SS", "FF", "SF"}
    result = schedule(strategy)
    text = json.dumps(schedule_to_json(result), indent=2, ensure_ascii=False)
    assert (result.finish.isoformat(), result.finish_day, len(result.warnings)) == (
        finish,
        finish_day,
        warnings,
    )
    assert hashlib.sha256(text.encode()).hexdigest() == digest


def test_the_generator_is_seeded() -> None:
    one, two = dag.layered_dag(500), dag.layered_dag(500)
    assert one == two
    assert dag.layered_dag(500, seed=1) != one


@pytest.mark.parametrize("enabled", [True, False])
def test_scheduling_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    strategy = dag.layered_dag(200)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        schedule(strategy)
        assert gc.isenabled() is enabled
        first = next(iter(strategy.initiatives))
        strategy.dependencies.append(Dependency(list(strategy.initiatives)[-1], first))
        with pytest.raises(CycleError):
            schedule(strategy)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_nested_pauses_bring_the_collector_back_only_at_the_last() -> None:
    assert gc.isenabled()
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
