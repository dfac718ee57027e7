"""SIGKILL of a sync at random moments: the file and the server stay consistent, and the
next sync finishes the job with nothing lost and nothing applied twice."""

import multiprocessing
import random
import time

import psycopg
from workspace_helpers import new_workspace, strategy

from cxroadmap.app import main
from cxroadmap.domain.model import Dependency
from cxroadmap.domain.validation import find_cycle
from cxroadmap.storage.checks import check
from cxroadmap.storage.document import Document, read_document
from cxroadmap.storage.schema import INTERRUPTED
from cxroadmap.storage.workspace.items import document_items, split_dependency_key

KILLS = 30


def sync_child(path):
    """The sync a child process runs (it is killed before, during or after it)."""
    from cxroadmap.storage.workspace.sync import sync

    with Document.open(path) as doc:
        sync(doc)


def start_child(path):
    """A sync in a process forked from a warm server (a fresh Python would start slowly)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["cxroadmap.storage.workspace.sync", "psycopg"])
    child = context.Process(target=sync_child, args=(str(path),), daemon=True)
    child.start()
    return child


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
    start_child(a).join(60)  # the fork server starts
    began = time.perf_counter()
    child = start_child(a)
    child.join(60)
    assert child.exitcode == 0
    window = time.perf_counter() - began
    killed = interrupted = 0
    for i in range(KILLS):
        key = rng.choice(care)
        assert main(["set", str(a), "--strategy", "CARE", key, f"owner=a{i}"]) == 0
        expected[key] = f"a{i}"
        if i % 4 == 0:  # others keep working meanwhile: remote changes to pull
            other = rng.choice(stores)
            assert main(["set", str(b), "--strategy", "STORES", other, f"owner=b{i}"]) == 0
            assert main(["sync", str(b)]) == 0
        child = start_child(a)
        time.sleep(rng.uniform(0, window * 1.2))
        child.kill()
        child.join(60)
        killed += child.exitcode == -9
        # The file is sound after every kill (a kill inside its save leaves SQLite's
        # journal, which the next open for editing plays back), and so is the server.
        problems = check(a)
        if problems:
            assert len(problems) == 1 and problems[0].lower().startswith(INTERRUPTED), problems
            interrupted += 1
            with Document.open(a):
                pass
        assert check(a) == []
        server_is_consistent(ws.url())
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
