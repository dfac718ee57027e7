"""The file under you: read-only files, the lock across a replace, killed writers' leftovers."""

import os
import subprocess
import sys
import textwrap

import pytest
from storage_samples import digest, rich_strategy, second_strategy

from cxroadmap.app import main
from cxroadmap.storage import DocumentLocked, DocumentReadOnly
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.storage.fileguard import clean_leftovers


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    return path


def _dead_pid():
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return int(proc.stdout)


def test_a_0444_file_opens_read_only_saying_it_is_read_only_not_open_elsewhere(path):
    path.chmod(0o444)
    with pytest.raises(DocumentReadOnly) as info:
        Document.open(path)
    assert "the file is read-only (no permission to write it)" in info.value.problem
    assert "elsewhere" not in str(info.value) and "another program" not in str(info.value)
    with Document.open(path, readonly=True) as doc:
        assert doc.load() == second_strategy()


def test_import_force_refuses_to_replace_a_0444_file(path, tmp_path, capsys):
    before = digest(path)
    source = tmp_path / "in.json"
    assert main(["export", str(path), "-o", str(source)]) == 0
    path.chmod(0o444)
    capsys.readouterr()
    assert main(["import", str(source), "-o", str(path), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err == (
        f"error: {path}: the file is read-only (no permission to write it); it was not replaced\n"
    )
    assert digest(path) == before
    with pytest.raises(DocumentReadOnly):
        write_document(path, [rich_strategy()])
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "plan.cxroadmap"]


def test_a_read_only_folder_is_named_as_the_reason(path, tmp_path):
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(DocumentReadOnly, match=f"its folder {tmp_path} is read-only"):
            Document.open(path)
    finally:
        tmp_path.chmod(0o755)


def test_temp_files_of_a_killed_import_are_cleaned_on_the_next_run(path, tmp_path):
    dead = _dead_pid()
    # Named as common.atomic.temp_beside names them: the writer's pid, then a random part.
    temp = tmp_path / f".plan.cxroadmap.{dead}-0a1b2c3d.tmp"
    journal = tmp_path / f".plan.cxroadmap.{dead}-0a1b2c3d.tmp-journal"
    live = tmp_path / f".plan.cxroadmap.{os.getppid()}-77e8a9b0.tmp"  # a running process's: kept
    for leftover in (temp, journal, live):
        leftover.write_bytes(b"half an import")
    write_document(path, [rich_strategy()])
    assert not temp.exists() and not journal.exists()
    assert live.exists()
    live.unlink()
    temp.write_bytes(b"again")
    with Document.open(path):
        assert not temp.exists()
    assert clean_leftovers(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]


_HOLDER = textwrap.dedent(
    """
    import os, sys, time
    from cxroadmap.storage.document import Document
    path, stop = sys.argv[1], sys.argv[2]
    held = replaced = 0
    while not os.path.exists(stop):
        try:
            doc = Document.open(path)
        except Exception:
            continue
        inode = os.stat(path).st_ino
        doc.replace_strategy(doc.strategy_ids()[0], doc.load())
        time.sleep(0.003)
        held += 1
        replaced += os.stat(path).st_ino != inode
        doc.close()
        time.sleep(0.003)
    print("counts", held, replaced)
    """
)

_REPLACER = textwrap.dedent(
    """
    import sys
    from cxroadmap.app import main
    path, source, stop = sys.argv[1], sys.argv[2], sys.argv[3]
    done = refused = 0
    for _ in range(30):
        code = main(["import", source, "-o", path, "--force"])
        done += code == 0
        refused += code == 2
    open(stop, "w").close()
    print("counts", done, refused)
    """
)


def _counts(proc):
    last = proc.communicate(timeout=120)[0].splitlines()[-1].split()
    assert last[0] == "counts"
    return int(last[1]), int(last[2])


def test_import_force_never_replaces_a_document_while_another_process_holds_its_lock(
    path, tmp_path
):
    """The issue's race: 5 of 30 `import --force` replaced a file the app had locked."""
    source = tmp_path / "in.json"
    assert main(["export", str(path), "-o", str(source)]) == 0
    stop = tmp_path / "stop"
    holder = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path), str(stop)],
                              stdout=subprocess.PIPE, text=True)  # fmt: skip
    replacer = subprocess.Popen(
        [sys.executable, "-c", _REPLACER, str(path), str(source), str(stop)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    done, refused = _counts(replacer)
    held, replaced_while_held = _counts(holder)
    assert done + refused == 30 and held >= 1
    assert replaced_while_held == 0
    assert read_document(path) == [second_strategy()]


def test_a_document_locked_by_another_program_is_still_refused_by_import_force(path, tmp_path):
    with Document.open(path), pytest.raises(DocumentLocked):
        write_document(path, [rich_strategy()])
    assert read_document(path) == [second_strategy()]


def test_the_lock_file_appears_whole_and_leaves_no_temp_behind(path, tmp_path):
    """Created beside it and hard-linked into place: a writer killed while taking the lock
    can never leave an empty lock that would look held for seconds."""
    import json as json_module

    from cxroadmap.storage.lock import lock_path

    with Document.open(path):
        info = json_module.loads(lock_path(path).read_text(encoding="utf-8"))
        assert info["pid"] == os.getpid()
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "plan.cxroadmap",
            "plan.cxroadmap.lock",
        ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]
