"""The edit lock: one writer at a time across processes; readers are never stopped."""

import json
import socket
import subprocess
import sys
import textwrap

import pytest
from storage_samples import second_strategy

from cxroadmap.storage import DocumentLocked
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.storage.lock import lock_path


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    return path


@pytest.fixture
def other_writer(path):
    """Another Python process holding `path` open for editing until its stdin closes."""
    code = textwrap.dedent(
        """
        import sys
        from cxroadmap.storage.document import Document
        doc = Document.open(sys.argv[1])
        print("open", flush=True)
        sys.stdin.read()
        doc.close()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "open"
    yield proc
    proc.stdin.close()
    proc.wait()


def test_a_second_writer_in_another_process_is_locked_out(path, other_writer):
    with pytest.raises(DocumentLocked) as info:
        Document.open(path)
    error = info.value
    assert error.pid == other_writer.pid
    assert error.host == socket.gethostname()
    assert f"process {other_writer.pid}" in error.problem
    assert "read-only" in error.problem
    assert str(path) in str(error)


def test_a_reader_is_not_stopped_by_a_writer(path, other_writer):
    with Document.open(path, readonly=True) as doc:
        assert doc.load() == second_strategy()


def test_the_lock_is_released_when_the_writer_closes(path, other_writer):
    other_writer.stdin.close()
    other_writer.wait()
    assert not lock_path(path).exists()
    with Document.open(path):
        assert lock_path(path).exists()
    assert not lock_path(path).exists()


def test_write_document_and_save_as_refuse_a_file_another_process_edits(path, other_writer):
    before = path.read_bytes()
    with pytest.raises(DocumentLocked):
        write_document(path, [second_strategy(), second_strategy()])
    copy = path.with_name("copy.cxroadmap")
    write_document(copy, [second_strategy()])
    with Document.open(copy) as doc, pytest.raises(DocumentLocked):
        doc.save_as(path)
    assert path.read_bytes() == before


def test_a_stale_lock_of_a_dead_process_is_taken_over(path):
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = {"pid": int(dead.stdout), "host": socket.gethostname(), "token": "old"}
    lock_path(path).write_text(json.dumps(stale), encoding="utf-8")
    with Document.open(path) as doc:
        assert doc.load() == second_strategy()
        holder = json.loads(lock_path(path).read_text(encoding="utf-8"))
        assert holder["pid"] != stale["pid"]
    assert not lock_path(path).exists()


def test_a_lock_from_another_machine_is_respected(path):
    lock_path(path).write_text(
        json.dumps({"pid": 1, "host": "elsewhere.example", "token": "t"}), encoding="utf-8"
    )
    with pytest.raises(DocumentLocked, match=r"elsewhere\.example"):
        Document.open(path)
    assert read_document(path) == [second_strategy()]


def test_opening_twice_for_editing_in_one_process_is_refused(path):
    with Document.open(path), pytest.raises(DocumentLocked, match="in this program"):
        Document.open(path)


def test_a_readonly_open_takes_no_lock(path):
    with Document.open(path, readonly=True), Document.open(path) as writer:
        assert writer.load() == second_strategy()
        assert lock_path(path).exists()


def test_a_file_this_user_may_not_write_is_refused_like_a_locked_one(path, monkeypatch):
    import cxroadmap.storage.document as document_module
    from cxroadmap.storage import DocumentReadOnly

    real_access = document_module.os.access

    def no_writing_in_folder(target, mode):
        return False if target == path.parent else real_access(target, mode)

    monkeypatch.setattr(document_module.os, "access", no_writing_in_folder)
    with pytest.raises(DocumentLocked) as info:
        Document.open(path)
    assert isinstance(info.value, DocumentReadOnly)
    assert "no permission" in info.value.problem
    assert not lock_path(path).exists()
    with Document.open(path, readonly=True) as doc:
        assert doc.load() == second_strategy()
