"""The checksum is recomputed only for file contents not verified before (seal_cache.py)."""

import os

import pytest
from storage_samples import rich_strategy, second_strategy

from cxroadmap.storage import DocumentError, seal, seal_cache
from cxroadmap.storage.document import Document, read_document, write_document

CHECKSUM = "its checksum does not match its contents"


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy(), second_strategy()])
    return path


@pytest.fixture
def computed(monkeypatch):
    """How many times the checksum was recomputed from the rows."""
    calls = []
    real = seal.compute

    def counting(conn):
        calls.append(1)
        return real(conn)

    monkeypatch.setattr(seal, "compute", counting)
    monkeypatch.setattr(seal_cache, "_known", set())
    return calls


def _flip_keeping_times(path, needle):
    """One bit of a stored value flipped, size and modification time as they were."""
    before = os.stat(path)
    data = bytearray(path.read_bytes())
    at = data.find(needle)
    assert at > 0
    data[at + len(needle) - 2] ^= 1
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_the_same_bytes_are_verified_once_then_taken_from_the_cache(path, computed):
    read_document(path)
    assert len(computed) == 1
    read_document(path)
    with Document.open(path, readonly=True):
        pass
    assert len(computed) == 1


def test_the_cache_outlives_the_process(path, computed):
    read_document(path)
    seal_cache._known.clear()  # as in a new process: only the cache file remembers
    read_document(path)
    assert len(computed) == 1
    assert seal_cache.file_key(path) in (seal_cache._store()).read_text().split()


def test_a_bit_flipped_after_a_verified_open_is_still_found(path, computed):
    read_document(path)
    _flip_keeping_times(path, b"Hire for service mindset")
    with pytest.raises(DocumentError, match=CHECKSUM):
        read_document(path)
    with pytest.raises(DocumentError, match=CHECKSUM):
        Document.open(path, readonly=True)
    assert len(computed) == 3


def test_an_edit_through_cxroadmap_is_verified_again_at_the_next_open(path, computed):
    from cxroadmap.domain.edits import ChangeInitiative

    read_document(path)
    with Document.open(path) as doc:
        [(sid, strategy)] = doc.load_all_with_ids()[:1]
        key = next(iter(strategy.initiatives))
        doc.write_change(sid, strategy, ChangeInitiative(key, {"title": "Renamed"}).apply(strategy))
    computed.clear()
    assert read_document(path)[0].initiatives[key].title == "Renamed"
    assert len(computed) == 1


def test_a_failure_is_never_remembered(path, computed):
    _flip_keeping_times(path, b"Hire for service mindset")
    for _ in range(2):
        with pytest.raises(DocumentError, match=CHECKSUM):
            read_document(path)
    assert len(computed) == 2
    assert not seal_cache._store().exists()


def test_a_file_with_a_journal_beside_it_is_not_keyed(path):
    assert seal_cache.file_key(path) is not None
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"")
    assert seal_cache.file_key(path) is None


def test_an_unwritable_cache_folder_only_costs_time(path, computed, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr(seal_cache, "_store", lambda: blocker / "sealed")
    read_document(path)
    seal_cache._known.clear()
    read_document(path)
    assert len(computed) == 2


def test_sqlites_structural_check_runs_only_for_bytes_not_found_sound_before(
    path, computed, monkeypatch
):
    from cxroadmap.storage import schema

    statements = []
    real = schema.connect

    def traced(*args, **kwargs):
        conn = real(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(schema, "connect", traced)

    def checks():
        return sum("quick_check" in s for s in statements)

    schema.inspect_file(path)
    assert checks() == 1
    schema.inspect_file(path)
    with Document.open(path, readonly=True):
        pass
    assert checks() == 1  # the same bytes: passed it already
    _flip_keeping_times(path, b"Hire for service mindset")
    with pytest.raises(DocumentError, match=CHECKSUM):
        schema.inspect_file(path)
    assert checks() == 2  # other bytes: checked in full again
