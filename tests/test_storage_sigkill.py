"""SIGKILL at random moments during edits, import, export and backup: nothing committed is lost,
nothing half-done is kept, and nothing is left behind once the next run has been.

The figures of docs/reliability.md come from this test (KILLS per kind, seeded).
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from storage_samples import rich_strategy, second_strategy

from cxroadmap.app import main
from cxroadmap.storage import check
from cxroadmap.storage.backups import backup_dir, list_backups
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.storage.verify import file_problems

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

WORKER = Path(__file__).with_name("kill_worker.py")
KILLS = {"edits": 25, "import": 12, "export": 10, "backup": 10}


@pytest.fixture(scope="module")
def zygote():
    """One warm Python that forks each process to kill (a fresh one would spend most of a
    second importing before it did any work)."""
    proc = subprocess.Popen(
        [sys.executable, str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().strip() == "warm"
    yield proc
    proc.stdin.close()
    proc.wait(timeout=30)


class Victim:
    """A forked worker and the file where it says how far it got."""

    def __init__(self, zygote, progress, *args):
        self.progress = progress
        progress.write_text("")
        zygote.stdin.write("\t".join(map(str, (args[0], progress, *args[1:]))) + "\n")
        zygote.stdin.flush()
        self.pid = int(zygote.stdout.readline().split()[1])
        deadline = time.monotonic() + 60
        while not self.lines() and time.monotonic() < deadline:
            time.sleep(0.005)
        first = self.lines()[0].split()
        assert first[0] == "ready", first
        self.first = first

    def lines(self):
        return [line for line in self.progress.read_text().split("\n") if line]

    def kill_after(self, seconds, first_line=None):
        """SIGKILL `seconds` after now, or after the worker first writes a line beginning
        `first_line` (so that on a loaded machine the kill still lands while it works)."""
        deadline = time.monotonic() + 60
        while first_line and time.monotonic() < deadline:
            if any(line.startswith(first_line) for line in self.lines()):
                break
            time.sleep(0.002)
        time.sleep(seconds)
        os.kill(self.pid, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while _alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.002)
        return self.lines()


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _left_behind(folder, keep):
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_sigkill_during_edits_keeps_exactly_a_prefix_of_the_committed_edits(tmp_path, zygote):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    rng = random.Random(20261206)
    expected = 0
    for _ in range(KILLS["edits"]):
        victim = Victim(zygote, tmp_path.parent / f"progress-{tmp_path.name}", "edits", path)
        assert int(victim.first[1]) == expected
        lines = victim.kill_after(rng.uniform(0.0, 0.1), first_line="committed")
        committed = [int(line.split()[1]) for line in lines if line.startswith("committed")]
        said = committed[-1] if committed else expected
        with Document.open(path) as doc:  # undoes a save cut short, on a copy
            keys = [k for k in doc.load().initiatives if k.startswith("K")]
        count = len(keys)
        # The edit in flight may have committed before it could say so: one more, never less.
        assert count in (said, said + 1)
        assert keys == [f"K{n}" for n in range(1, count + 1)]
        assert check(path) == []
        assert _left_behind(tmp_path, {"plan.cxroadmap"}) == []
        expected = count
    assert expected >= KILLS["edits"] // 2  # the kills did land in the middle of edits


def test_sigkill_during_import_leaves_the_old_or_the_new_document_and_no_temp(tmp_path, zygote):
    path = tmp_path / "plan.cxroadmap"
    source = tmp_path / "big.json"
    write_document(path, [rich_strategy()])
    big = [rich_strategy(), second_strategy()]
    write_document(tmp_path / "big.cxroadmap", big)
    assert main(["export", str(tmp_path / "big.cxroadmap"), "-o", str(source)]) == 0
    (tmp_path / "big.cxroadmap").unlink()
    old, new = [rich_strategy()], read_document_json(source)
    rng = random.Random(7)
    seen = set()
    for _ in range(KILLS["import"]):
        victim = Victim(
            zygote,
            tmp_path.parent / f"progress-{tmp_path.name}",
            "import",
            source,
            "-o",
            path,
            "--force",
        )
        victim.kill_after(rng.uniform(0.0, 0.3))
        with Document.open(path):  # the next run: recovers, cleans the killed run's temp
            pass
        content = read_document(path)
        assert content in (old, new)
        seen.add("new" if content == new else "old")
        assert check(path) == []
        assert _left_behind(tmp_path, {"plan.cxroadmap", "big.json"}) == []
        write_document(path, old)
    assert seen  # at least one outcome observed


def read_document_json(source):
    from cxroadmap.interop.jsonfile import load_json_cascade

    return load_json_cascade(source)


def test_sigkill_during_export_leaves_no_half_file_and_no_temp(tmp_path, zygote):
    path = tmp_path / "plan.cxroadmap"
    out = tmp_path / "out.json"
    write_document(path, [rich_strategy(), second_strategy()])
    rng = random.Random(11)
    for _ in range(KILLS["export"]):
        victim = Victim(
            zygote, tmp_path.parent / f"progress-{tmp_path.name}", "export", path, "-o", out
        )
        victim.kill_after(rng.uniform(0.0, 0.3))
        if out.exists():
            assert json.loads(out.read_text(encoding="utf-8"))["format"] == "cxroadmap/1"
        assert main(["export", str(path), "-o", str(out)]) == 0  # the next run cleans up
        assert _left_behind(tmp_path, {"plan.cxroadmap", "out.json"}) == []
        assert check(path) == []


def test_sigkill_during_backup_keeps_the_document_and_only_whole_backups(tmp_path, zygote):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    rng = random.Random(5)
    for _ in range(KILLS["backup"]):
        victim = Victim(zygote, tmp_path.parent / f"progress-{tmp_path.name}", "backup", path)
        victim.kill_after(rng.uniform(0.0, 0.3))
        with Document.open(path) as doc:  # the next run: a backup of its own, then an edit
            doc.replace_strategy(doc.strategy_ids()[0], doc.load())
        assert check(path) == []
        assert _left_behind(tmp_path, {"plan.cxroadmap"}) == []
        folder = backup_dir(path)
        assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
        for backup in list_backups(path):
            assert file_problems(backup.path) == []
    assert os.environ["XDG_DATA_HOME"] in str(backup_dir(path))
