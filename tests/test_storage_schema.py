"""Schema versions and upgrades with a backup first, and `check` on sound and broken files."""

import sqlite3
from contextlib import closing

import pytest
from storage_samples import digest, rich_strategy, second_strategy, tamper

from cxroadmap.storage import DocumentError, check, schema
from cxroadmap.storage.document import Document, read_document, write_document

# The upgrade tests pretend the next schema exists, whatever the current one is.
CURRENT = schema.SCHEMA_VERSION
NEXT = CURRENT + 1


def _execute(path, *statements):
    tamper(path, *statements)


def test_an_older_file_is_backed_up_then_upgraded_when_opened_for_editing(tmp_path, monkeypatch):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])

    def add_notes(conn):
        conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(schema.MIGRATIONS, CURRENT, add_notes)
    with Document.open(path) as doc:
        assert doc.upgraded_from == CURRENT
        assert doc.load() == rich_strategy()
    backup = tmp_path / f"plan.cxroadmap.v{CURRENT}.bak"
    with closing(sqlite3.connect(backup)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == NEXT
        assert conn.execute("SELECT count(*) FROM note").fetchone()[0] == 0
    finally:
        conn.close()
    monkeypatch.undo()
    with pytest.raises(DocumentError, match="newer version"):
        Document.open(path)
    assert read_document(backup) == [rich_strategy()]


def test_a_failing_upgrade_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    original = digest(path)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        conn.execute("THIS IS NOT SQL")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(schema.MIGRATIONS, CURRENT, broken)
    with pytest.raises(DocumentError, match=f"upgrade from schema {CURRENT} failed"):
        Document.open(path)
    assert digest(path) == original
    assert not path.with_name("plan.cxroadmap.lock").exists()


def test_an_upgrade_without_a_migration_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    with pytest.raises(DocumentError, match=f"cannot upgrade schema {CURRENT} to {NEXT}"):
        Document.open(path)


def test_an_older_file_opened_read_only_is_read_from_an_upgraded_copy_and_left_alone(
    tmp_path, monkeypatch
):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    original = digest(path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(schema.MIGRATIONS, CURRENT, lambda conn: None)
    with Document.open(path, readonly=True) as doc:
        assert doc.upgraded_from == CURRENT
        assert doc.readonly
        assert doc.load_all() == [second_strategy()]
    assert digest(path) == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]


def test_check_finds_nothing_wrong_in_a_sound_file(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy(), second_strategy()])
    assert check(path) == []


def test_check_reports_a_file_that_is_not_ours(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just text\n" * 20)
    assert check(path) == ["Not a cxroadmap document (not an SQLite database)."]
    assert check(tmp_path / "missing.cxroadmap") == ["No such file."]


def test_check_reports_a_newer_schema(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    _execute(path, f"PRAGMA user_version = {NEXT}")
    [problem] = check(path)
    assert f"newer version of cxroadmap (file schema {NEXT}" in problem


def test_check_reports_cycles_and_bad_values_one_sentence_each(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    before = rich_strategy()
    write_document(path, [before, second_strategy()])
    # Hand-edited rows: a cycle V1 -> REC1 -> V1 and a pin to a phase that does not exist.
    _execute(
        path,
        "INSERT INTO dependency (strategy_id, position, from_id, to_id, type, lag) "
        "SELECT 1, 99, r.id, v.id, 'FS', 0 FROM initiative r, initiative v "
        "WHERE r.key = 'REC1' AND v.key = 'V1' AND r.strategy_id = 1 AND v.strategy_id = 1",
        "UPDATE initiative SET phase = 'Nowhere' WHERE key = 'B'",
    )
    problems = check(path)
    assert problems == [
        "Strategy 1 ('Service culture 2027 — Café & Ελληνικά'): "
        "dependency cycle: REC1 -> V1 -> REC1.",
        "Strategy 2 ('漢字 organisation'): initiatives[B].phase: no phase named 'Nowhere'.",
    ]


def test_check_reports_broken_foreign_keys_and_cross_strategy_dependencies(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy(), second_strategy()])
    _execute(
        path,
        "PRAGMA foreign_keys = OFF",
        "UPDATE dependency SET to_id = 999 WHERE strategy_id = 1",
        "UPDATE dependency SET from_id = 1 WHERE strategy_id = 2",
    )
    problems = check(path)
    assert "Row 1 of table 'dependency' refers to a missing initiative." in problems
    assert "Dependency row 2 joins initiatives of another strategy." in problems


def test_check_reports_a_damaged_file(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 12] = b"\x42" * 12  # page 2's b-tree header
    path.write_bytes(bytes(data))
    problems = check(path)
    assert problems
    assert all(p.endswith(".") for p in problems)
