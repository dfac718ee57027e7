"""The .cxroadmap document: round trips, file tagging, refusing foreign files, save_as."""

import os
import sqlite3
import sys

import pytest
from storage_samples import big_strategy, digest, rich_strategy, second_strategy

from cxroadmap.domain import Change
from cxroadmap.storage import DocumentError
from cxroadmap.storage.checks import check
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.storage.schema import APPLICATION_ID, SCHEMA_VERSION


def _same(a, b):
    assert a == b
    assert list(a.initiatives) == list(b.initiatives)


def test_a_rich_strategy_comes_back_unchanged(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    [back] = read_document(path)
    _same(back, rich_strategy())


def test_several_strategies_share_one_file_in_order(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy(), second_strategy(), rich_strategy()])
    back = read_document(path)
    assert back == [rich_strategy(), second_strategy(), rich_strategy()]
    with Document.open(path, readonly=True) as doc:
        ids = doc.strategy_ids()
        assert len(ids) == 3
        _same(doc.load(ids[1]), second_strategy())
        _same(doc.load(), rich_strategy())


def test_a_new_document_is_tagged_and_holds_its_strategies_in_order(tmp_path):
    path = tmp_path / "new.cxroadmap"
    write_document(path, [second_strategy(), rich_strategy()])
    with Document.open(path) as doc:
        first, second = doc.strategy_ids()
        assert first < second
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert read_document(path) == [second_strategy(), rich_strategy()]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.cxroadmap"]


def test_loading_an_empty_document_says_it_holds_no_strategy(tmp_path):
    write_document(tmp_path / "empty.cxroadmap", [])
    with Document.open(tmp_path / "empty.cxroadmap") as doc, pytest.raises(DocumentError) as info:
        doc.load()
    assert "holds no strategy" in str(info.value)
    assert "empty.cxroadmap" in str(info.value)


def test_foreign_keys_are_enforced_on_every_connection(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    with Document.open(path) as doc:
        assert doc._engine is not None
        with doc._engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_replace_strategy_rewrites_it_whole_and_keeps_its_id(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy(), second_strategy()])
    with Document.open(path) as doc:
        first, second = doc.strategy_ids()
        doc.replace_strategy(first, rich_strategy())
        assert doc.strategy_ids() == [first, second]
    assert read_document(path) == [rich_strategy(), second_strategy()]


def test_a_large_strategy_round_trips(tmp_path):
    path = tmp_path / "big.cxroadmap"
    write_document(path, [big_strategy(2000)])
    [back] = read_document(path)
    _same(back, big_strategy(2000))


def _not_ours_cases(tmp_path):
    random_bytes = tmp_path / "random.cxroadmap"
    random_bytes.write_bytes(os.urandom(4096))
    other_app = tmp_path / "other.cxroadmap"
    conn = sqlite3.connect(other_app)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    untagged = tmp_path / "untagged.cxroadmap"
    conn = sqlite3.connect(untagged)
    conn.execute("CREATE TABLE initiative (key TEXT)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.cxroadmap"
    write_document(newer, [second_strategy()])
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    truncated = tmp_path / "truncated.cxroadmap"
    write_document(truncated, [big_strategy(500)])
    data = truncated.read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    empty = tmp_path / "empty.cxroadmap"
    empty.write_bytes(b"")
    return {
        random_bytes: "not an SQLite database",
        other_app: "another program",
        untagged: "another program",
        newer: "newer version of cxroadmap",
        truncated: "damaged",
        empty: "not an SQLite database",
    }


@pytest.mark.parametrize("readonly", [False, True])
def test_a_file_that_is_not_ours_is_refused_and_left_untouched(tmp_path, readonly):
    for path, reason in _not_ours_cases(tmp_path).items():
        before = digest(path)
        with pytest.raises(DocumentError) as info:
            Document.open(path, readonly=readonly)
        assert str(path) in str(info.value)
        assert info.value.path == str(path)
        assert reason in info.value.problem, (path.name, info.value.problem)
        assert digest(path) == before
    assert not list(tmp_path.glob("*.lock"))
    assert not list(tmp_path.glob("*-journal"))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        Document.open(tmp_path / "nowhere.cxroadmap")
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "nowhere.cxroadmap")


def test_a_readonly_document_refuses_writes_and_changes_no_byte(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    before = digest(path)
    with Document.open(path, readonly=True) as doc:
        assert doc.readonly
        strategy = doc.load()
        strategy.name = "Changed"
        with pytest.raises(DocumentError, match="read-only"):
            doc.write_change(doc.strategy_ids()[0], strategy, Change(strategy=True))
        with pytest.raises(DocumentError, match="read-only"):
            doc.replace_strategy(doc.strategy_ids()[0], second_strategy())
        assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]
    assert digest(path) == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_readonly_file_in_a_readonly_folder_opens_readonly(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    folder.chmod(0o555)
    try:
        assert read_document(path) == [second_strategy()]
    finally:
        folder.chmod(0o755)


def test_save_as_makes_an_independent_copy(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    copy = tmp_path / "copy.cxroadmap"
    write_document(path, [rich_strategy(), second_strategy()])
    with Document.open(path) as doc:
        doc.save_as(copy)
        strategy = doc.load()
        strategy.name = "Only in the original"
        doc.write_change(doc.strategy_ids()[0], strategy, Change(strategy=True))
    assert read_document(copy) == [rich_strategy(), second_strategy()]
    assert read_document(path)[0].name == "Only in the original"
    with Document.open(copy) as doc:
        strategy = doc.load()
        strategy.owner = "Only in the copy"
        doc.write_change(doc.strategy_ids()[0], strategy, Change(strategy=True))
    assert read_document(path)[0].owner == rich_strategy().owner
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.cxroadmap", "plan.cxroadmap"]


def test_save_as_replaces_an_existing_file_and_works_read_only(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    target = tmp_path / "old.cxroadmap"
    target.write_text("something else")
    write_document(path, [second_strategy()])
    with Document.open(path, readonly=True) as doc:
        doc.save_as(target)
    assert read_document(target) == [second_strategy()]


def test_write_document_leaves_nothing_behind_when_it_fails(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    before = digest(path)
    broken = rich_strategy()
    broken.initiatives["REC1"].impact = 9  # refused by the file's CHECK constraint
    with pytest.raises(DocumentError, match="impact_range") as info:
        write_document(path, [second_strategy(), broken])
    assert info.value.path == str(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]


def test_importing_storage_does_not_import_sqlmodel():
    import subprocess

    code = (
        "import sys, cxroadmap.storage; "
        "print('sqlmodel' in sys.modules or 'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_save_cut_short_by_a_crash_is_undone_when_the_file_is_next_edited(tmp_path):
    import subprocess

    path = tmp_path / "plan.cxroadmap"
    write_document(path, [big_strategy(2000)])
    # A writer that dies mid-transaction after SQLite spilled changed pages into the file.
    code = (
        "import os, sys\n"
        "from cxroadmap.storage import schema\n"
        "c = schema.connect(sys.argv[1], readonly=False)\n"
        "c.execute('PRAGMA cache_size = 5')\n"
        "c.execute('BEGIN')\n"
        "c.execute(\"UPDATE initiative SET title = title || ' half-saved text'\")\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)
    assert (tmp_path / "plan.cxroadmap-journal").exists()
    problem = "a program stopped while saving it"
    assert problem in check(path)[0].lower()
    with pytest.raises(DocumentError, match=problem):
        Document.open(path, readonly=True)
    with Document.open(path) as doc:
        _same(doc.load(), big_strategy(2000))
    assert check(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]


def test_writing_over_a_file_with_a_crash_journal_drops_that_journal(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    path.write_bytes(b"old")
    (tmp_path / "plan.cxroadmap-journal").write_bytes(os.urandom(2048))
    write_document(path, [second_strategy()])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]
    assert read_document(path) == [second_strategy()]
