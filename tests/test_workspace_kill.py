"""SIGKILL of a sync at random moments: the file and the server stay consistent, and the
next sync finishes the job with nothing lost and nothing applied twice."""

import random
import subprocess
import sys
import time

import psycopg
from workspace_helpers import new_workspace, strategy

from cxroadmap.app import main
from cxroadmap.domain.model import Dependency
from cxroadmap.domain.validation import find_cycle
from cxroadmap.storage.document import check, read_document
from cxroadmap.storage.workspace.items import document_items, split_dependency_key

KILLS = 30

CHILD = """
import sys
from cxroadmap.app import main
import cxroadmap.cli.workspace_commands, cxroadmap.storage.workspace.sync, psycopg  # warm
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(["sync", sys.argv[1]]))
"""


def start_child(path):
    """A `sync` process that imports everything, then waits for `go()` to sync."""
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def go(child):
    assert child.stdout.readline() == "ready\n"
    child.stdin.write("go\n")
    child.stdin.flush()


def server_is_consistent(url):
    """Every live dependency joins two live initiatives, and no strategy has a cycle."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT strategy, kind, key FROM cxroadmap.item WHERE NOT deleted"
        ).fetchall()
    by_strategy = {}
    for s, kind, key in rows:
        by_strategy.setdefault(s, ([], []))[0 if kind == "initiative" else 1].append((kind, key))
    for inis, others in by_strategy.values():
        keys = {k for _, k in inis}
        deps = [Dependency(*split_dependency_key(k)) for kind, k in others if kind == "dependency"]
        assert all(d.from_key in keys and d.to_key in keys for d in deps)
        assert find_cycle(sorted(keys), deps) is None


def test_sync_killed_at_random_moments_then_a_clean_sync(pg_cluster, tmp_path, capsys):
    ws = new_workspace(pg_cluster, tmp_path)
    a, b = ws.laptop("a"), ws.laptop("b")
    rng = random.Random(13)
    care = list(strategy(a, "CARE").initiatives)
    stores = list(strategy(a, "STORES").initiatives)
    expected = {}
    # How long a whole sync takes here: the kills fall inside that window.
    child = start_child(a)
    assert child.stdout.readline() == "ready\n"
    began = time.perf_counter()
    child.stdin.write("go\n")
    child.stdin.flush()
    assert child.wait(60) == 0
    window = time.perf_counter() - began
    killed = 0
    child = start_child(a)  # the next one starts while this one works: Python starts slowly
    for i in range(KILLS):
        key = rng.choice(care)
        assert main(["set", str(a), "--strategy", "CARE", key, f"owner=a{i}"]) == 0
        expected[key] = f"a{i}"
        if i % 4 == 0:  # others keep working meanwhile: remote changes to pull
            other = rng.choice(stores)
            assert main(["set", str(b), "--strategy", "STORES", other, f"owner=b{i}"]) == 0
            assert main(["sync", str(b)]) == 0
        go(child)
        time.sleep(rng.uniform(0, window * 1.2))
        child.kill()
        code = child.wait(60)
        killed += code == -9
        child = start_child(a)
        # The file is sound after every kill, and so is the server.
        assert check(a) == []
        server_is_consistent(ws.url())
    child.kill()
    child.wait(60)
    assert killed >= 20  # most of them really were killed mid-way
    assert main(["sync", str(a)]) == 0
    assert main(["sync", str(b)]) == 0
    assert main(["sync", str(a)]) == 0
    items_a = document_items(read_document(a))
    items_b = document_items(read_document(b))
    assert items_a == items_b
    for key, owner in expected.items():
        assert ws.server_items("CARE")[("initiative", key)]["owner"] == owner
        assert items_b[("CARE", "initiative", key)]["owner"] == owner
    with psycopg.connect(ws.url()) as conn:
        # Each edit was pushed once: one history row per change of an owner.
        rows = conn.execute(
            "SELECT new_value #>> '{}', count(*) FROM cxroadmap.history "
            "WHERE strategy = 'CARE' AND field = 'owner' AND role = %s GROUP BY 1",
            (ws.owner,),
        ).fetchall()
    assert all(count == 1 for value, count in rows if value.startswith("a"))
