"""benchmarks/table.py: the in-process rows alternate the sizes, and the growth column."""

from __future__ import annotations

import importlib.util
import math
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def _table() -> ModuleType:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location("bench_table", ROOT / "benchmarks/table.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


def test_alternated_times_every_size_in_each_round() -> None:
    table = _table()
    calls: list[int] = []
    real = table.schedule
    table.schedule = lambda strategy: calls.append(len(strategy.initiatives)) or real(strategy)
    best = table.alternated("schedule", [40, 80], 3)
    assert set(best) == {40, 80}
    assert all(0 < wall < 1 and 0 <= cpu < 1 for wall, cpu in best.values())
    # one warm-up call per size, then the sizes in turn, round after round
    assert calls == [40, 80, 40, 80, 40, 80, 40, 80]


def test_growth_column_divides_the_20k_figure_by_the_5k_one() -> None:
    table = _table()
    assert table.leading_number("12.5 ms (12.1)") == 12.5
    assert table.leading_number("1,234 MB") == 1234
    assert math.isnan(table.leading_number("12–30 ms (10–25)"))
    assert math.isnan(table.leading_number(""))
    assert table.ratio(20.0, 92.0) == "4.6x"
    assert table.ratio(None, 92.0) == ""
    assert table.ratio(20.0, float("nan")) == ""


def test_the_table_runs_as_one_command() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    args = ["--rows", "schedule,levelled", "--sizes", "100,200", "--runs", "1"]
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks/table.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    rows = [line for line in done.stdout.splitlines() if line.startswith("| `schedule()`")]
    assert len(rows) == 2
    assert all(line.count(" ms (") == 2 for line in rows)  # a figure for each size
