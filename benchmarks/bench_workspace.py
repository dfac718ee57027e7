"""Timings of the workspace on a throwaway local PostgreSQL: checkout, and a sync with
10 local and 10 remote changes, on the demo cascade and on a 5,000-initiative strategy.

Run: python benchmarks/bench_workspace.py   (prints a Markdown table for docs/performance.md)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench_storage import make_strategy
from pg_cluster import running_cluster

from cxroadmap.content.demo import demo_cascade
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.domain.model import Strategy
from cxroadmap.storage.document import Document, write_document
from cxroadmap.storage.workspace import server
from cxroadmap.storage.workspace.copies import checkout, publish
from cxroadmap.storage.workspace.items import document_items
from cxroadmap.storage.workspace.sync import SyncReport, sync

REPEATS = 7


def edit_ten(path: Path, tag: str, skip: int) -> None:
    """Ten field changes in the first strategy with initiatives, one transaction each."""
    with Document.open(path) as doc:
        for sid, strategy in doc.load_all_with_ids():
            keys = list(strategy.initiatives)[skip : skip + 10]
            for key in keys:
                change = ChangeInitiative(key, {"owner": f"{tag}"}).apply(strategy)
                doc.write_change(sid, strategy, change)
            return


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU of this process) in milliseconds: on a busy machine the two differ."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def measure(url: str, folder: Path, name: str, strategies: list[Strategy]) -> list[float]:
    """Medians: checkout (wall, CPU), sync of an open copy as the app runs it (wall, CPU),
    and open + sync + close as `cxroadmap sync` runs it, without starting Python (wall)."""
    source = folder / f"{name}.cxroadmap"
    write_document(source, strategies)
    publish(source, url)
    checkouts = [
        timed(lambda i=i: checkout(url, folder / f"{name}-copy{i}.cxroadmap"))
        for i in range(REPEATS)
    ]
    a, b = folder / f"{name}-copy0.cxroadmap", folder / f"{name}-copy1.cxroadmap"
    syncs, whole = [], []
    for i in range(2 * REPEATS):
        edit_ten(b, f"b{i}", 0)
        with Document.open(b) as doc:
            sync(doc)
        edit_ten(a, f"a{i}", 20)
        reports: list[SyncReport] = []
        if i % 2 == 0:
            with Document.open(a) as doc:  # the app has the copy open already
                syncs.append(timed(lambda d=doc, r=reports: r.append(sync(d))))
        else:

            def one_sync(reports: list[SyncReport] = reports) -> None:
                with Document.open(a) as doc:
                    reports.append(sync(doc))

            whole.append(timed(one_sync))
        assert (reports[0].pushed, reports[0].pulled, reports[0].conflicts) == (10, 10, [])
    return [
        *(statistics.median(t[j] for t in checkouts) for j in (0, 1)),
        *(statistics.median(t[j] for t in syncs) for j in (0, 1)),
        statistics.median(t[0] for t in whole),
    ]


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-workspace-"))
    print(f"Python {sys.version.split()[0]}, median of {REPEATS} runs, server on loopback\n")
    print(
        "| workspace | items | checkout | (client CPU) | sync of the open copy, 10 local + "
        "10 remote changes | (client CPU) | open + sync + close | load before / after |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    with running_cluster() as cluster:
        owner = cluster.role("bench")
        for name, strategies in (
            ("demo cascade (4 strategies)", demo_cascade()),
            ("one strategy, 5,000 initiatives", [make_strategy(5000)]),
        ):
            if len(strategies) == 1:
                strategies[0].key = "BIG"
            url = cluster.url(owner, cluster.database(owner))
            with server.connect(url) as conn:
                server.init_schema(conn, url)
            items = len(document_items(strategies))
            before = os.getloadavg()[0]
            co, co_cpu, sy, sy_cpu, cli = measure(url, folder, name.split()[0], strategies)
            print(
                f"| {name} | {items:,} | {co:.0f} ms | {co_cpu:.0f} ms "
                f"| {sy:.0f} ms | {sy_cpu:.0f} ms | {cli:.0f} ms "
                f"| {before:.1f} / {os.getloadavg()[0]:.1f} |"
            )


if __name__ == "__main__":
    main()
