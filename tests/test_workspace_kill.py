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
# A child stops at each phase its sync reports until told to go on, and is killed at a
# random one: stopped there, or a random moment after being let go (it stops again at the
# next). It is never let past the file's last statement, so every kill lands mid-sync.
LAST_STOP = "file: about to commit"
BEFORE_SERVER_COMMIT = {"read", "connected", "server: began", "server: fetched", "server: put"}
AFTER_SERVER_COMMIT = {"server committed", "file: items written", LAST_STOP}


def sync_child(path, pipe):
    """The sync a child process runs, stopping at each phase until the parent says go."""
    from cxroadmap.storage.workspace.sync import sync

    def stop(phase):
        pipe.send(phase)
        pipe.recv()

    with Document.open(path) as doc:
        sync(doc, stop)


def start_child(path):
    """A sync in a process forked from a warm server (a fresh Python would start slowly)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["cxroadmap.storage.workspace.sync", "psycopg"])
    mine, theirs = context.Pipe()
    child = context.Process(target=sync_child, args=(str(path), theirs), daemon=True)
    child.start()
    theirs.close()
    return child, mine


def kill_mid_sync(path, rng):
    """Run one sync and SIGKILL it at a random phase it reports, or a random moment just
    after; returns the phase it was killed at or after."""
    child, pipe = start_child(path)
    target = rng.randrange(1, 12)  # about as many phases as a sync here reports
    for _ in range(target):
        assert pipe.poll(60), "the sync reported no phase"
        phase = pipe.recv()
        if phase == LAST_STOP:
            break  # killed here, before the file's commit
        pipe.send("go")
    else:
        # Let go of the target phase: killed on its way to the next one, wherever it got.
        time.sleep(rng.uniform(0, 0.01))
    child.kill()
    child.join(60)
    assert child.exitcode == -9
    pipe.close()
    return phase


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
    killed_at = []
    for i in range(KILLS):
        key = rng.choice(care)
        assert main(["set", str(a), "--strategy", "CARE", key, f"owner=a{i}"]) == 0
        expected[key] = f"a{i}"
        if i % 4 == 0:  # others keep working meanwhile: remote changes to pull
            other = rng.choice(stores)
            assert main(["set", str(b), "--strategy", "STORES", other, f"owner=b{i}"]) == 0
            assert main(["sync", str(b)]) == 0
        killed_at.append(kill_mid_sync(a, rng))
        # The file is sound after every kill (a kill inside its save leaves SQLite's
        # journal, which the next open for editing plays back), and so is the server.
        problems = check(a)
        if problems:
            assert len(problems) == 1 and problems[0].lower().startswith(INTERRUPTED), problems
            with Document.open(a):
                pass
        assert check(a) == []
        server_is_consistent(ws.url())
    assert len(killed_at) >= 30  # each one killed mid-sync
    # Kills fell on both sides of the server's commit, and inside the file's transaction.
    assert BEFORE_SERVER_COMMIT & set(killed_at) and AFTER_SERVER_COMMIT & set(killed_at)
    assert any(p.startswith("file:") for p in killed_at)
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
