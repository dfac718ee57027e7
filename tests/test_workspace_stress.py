"""20 laptops syncing random edits for 60 s against one server on loopback."""

import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from workspace_helpers import new_workspace

from cxroadmap.storage.document import Document, read_document
from cxroadmap.storage.workspace.copies import conflict_lines, resolve
from cxroadmap.storage.workspace.items import document_items
from cxroadmap.storage.workspace.sync import sync

CLIENTS = 20
SECONDS = 60
CLIENT = Path(__file__).with_name("workspace_client.py")


def settle(paths):
    """Sync every laptop in turn, taking theirs on any conflict, until nothing moves."""
    for _ in range(5):
        moved = 0
        for path in paths:
            with Document.open(path) as doc:
                report = sync(doc)
                moved += report.pushed + report.pulled
                for line in conflict_lines(report.conflicts):
                    resolve(doc, f"{line.key}.{line.field}", "theirs", line.strategy)
                    moved += 1
        if moved == 0:
            return
    raise AssertionError("the laptops did not settle")


@pytest.mark.slow
def test_twenty_laptops_for_a_minute(pg_cluster, tmp_path):
    ws = new_workspace(pg_cluster, tmp_path)
    first = ws.laptop("c0")
    paths = [first]
    for i in range(1, CLIENTS):
        paths.append(tmp_path / f"c{i}.cxroadmap")
        shutil.copyfile(first, paths[-1])
    clients = [
        subprocess.Popen(
            [sys.executable, str(CLIENT), str(path), str(i), str(SECONDS)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i, path in enumerate(paths)
    ]
    reports = [json.loads(c.communicate(timeout=SECONDS + 240)[0]) for c in clients]
    assert [c.returncode for c in clients] == [0] * CLIENTS
    settle(paths)
    settle(paths)
    expected = document_items(read_document(paths[0]))
    for path in paths[1:]:
        assert document_items(read_document(path)) == expected
    with psycopg.connect(ws.url()) as conn:
        rows = conn.execute(
            "SELECT strategy, kind, key, fields FROM cxroadmap.item WHERE NOT deleted"
        ).fetchall()
    assert {(s, k, key): f for s, k, key, f in rows} == expected
    added = [tuple(pair) for r in reports for pair in r["added"]]
    assert len(added) == len(set(added)) > CLIENTS
    for strategy, key in added:
        assert (strategy, "initiative", key) in expected  # each present, once (keys are unique)
    latencies = [ms for r in reports for ms in r["latencies"]]
    cuts = statistics.quantiles(latencies, n=20)
    summary = (
        f"{len(latencies)} syncs by {CLIENTS} clients in {SECONDS} s: "
        f"median {statistics.median(latencies):.0f} ms, p95 {cuts[18]:.0f} ms, "
        f"{sum(r['conflicts'] for r in reports)} conflicts resolved"
    )
    (tmp_path / "latency.txt").write_text(summary)
    print(summary)
