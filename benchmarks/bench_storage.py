"""Timings of the .cxroadmap document: write and read of 1k and 5k initiatives, single edits.

Run: python benchmarks/bench_storage.py   (prints a Markdown table for docs/performance.md)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from timing import median_ms

from cxroadmap.domain import (
    AddInitiative,
    ChangeInitiative,
    Dependency,
    Initiative,
    RemoveInitiative,
    Strategy,
)
from cxroadmap.storage.document import Document, read_document, write_document

REPEATS = 9


def make_strategy(count: int) -> Strategy:
    """`count` initiatives in chains, about 1.5 dependencies per initiative."""
    strategy = Strategy(name=f"Benchmark {count}", start=dt.date(2027, 1, 4))
    keys = [f"I{i:05d}" for i in range(count)]
    for i, key in enumerate(keys):
        strategy.initiatives[key] = Initiative(
            key, f"Initiative {i} — Café", 1 + i % 15, "training", description="x" * 40
        )
    for i in range(1, count):
        strategy.dependencies.append(Dependency(keys[i - 1], keys[i]))
        if i % 2 == 0 and i >= 10:
            strategy.dependencies.append(Dependency(keys[i - 10], keys[i], "SS", 2))
    return strategy


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-storage-"))
    print(f"Python {sys.version.split()[0]}, median of {REPEATS} runs\n")
    print("| initiatives | dependencies | write_document | read_document | open + load |")
    print("|---:|---:|---:|---:|---:|")
    for count in (1000, 5000):
        strategy = make_strategy(count)
        path = folder / f"bench-{count}.cxroadmap"
        write_ms = median_ms(lambda: write_document(path, [strategy]), REPEATS)  # noqa: B023
        read_ms = median_ms(lambda: read_document(path), REPEATS)  # noqa: B023

        def open_load() -> None:
            with Document.open(path, readonly=True) as doc:  # noqa: B023
                doc.load()

        load_ms = median_ms(open_load, REPEATS)
        print(
            f"| {count:,} | {len(strategy.dependencies):,} | {write_ms:.0f} ms "
            f"| {read_ms:.0f} ms | {load_ms:.0f} ms |"
        )
    path = folder / "bench-5000.cxroadmap"
    print("\n| single edit on 5,000 initiatives | write_change |")
    print("|---|---:|")
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        strategy = doc.load(sid)
        counter = iter(range(10**6))

        def change_title() -> None:
            edit = ChangeInitiative("I02500", {"title": f"Title {next(counter)}"})
            doc.write_change(sid, strategy, edit.apply(strategy))

        def add_then_remove() -> None:
            key = f"N{next(counter)}"
            add = AddInitiative(Initiative(key, "New", 3), index=10)
            doc.write_change(sid, strategy, add.apply(strategy))
            doc.write_change(sid, strategy, RemoveInitiative(key).apply(strategy))

        def rename() -> None:
            old = next(k for k in strategy.initiatives if k.startswith("I025"))
            edit = ChangeInitiative(old, {"key": f"R{next(counter)}"})
            doc.write_change(sid, strategy, edit.apply(strategy))

        print(f"| change a title | {median_ms(change_title, REPEATS):.1f} ms |")
        insert_ms = median_ms(add_then_remove, REPEATS)
        print(f"| insert near the top, then delete it | {insert_ms:.1f} ms |")
        print(f"| rename a key with 3 dependencies | {median_ms(rename, REPEATS):.1f} ms |")
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
