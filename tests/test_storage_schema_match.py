"""A fresh document's schema is recognised from sqlite_master; anything else is compared in full."""

import sqlite3
from contextlib import closing

import pytest
from storage_samples import rich_strategy, tamper

from cxroadmap.content.demo import demo_cascade
from cxroadmap.storage import DocumentError, schema, verify
from cxroadmap.storage.document import Document, write_document
from cxroadmap.storage.schema_match import fresh_table_names


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    return path


def _fresh(path):
    with closing(schema.connect(path, readonly=True)) as conn:
        return fresh_table_names(conn)


def test_a_new_document_is_recognised_with_the_expected_shapes_tables_in_order(demo):
    want = verify.expected_shape().tables
    assert _fresh(demo) == list(want)
    with closing(schema.connect(demo, readonly=True)) as conn:
        assert all(verify.table_columns(conn, name) == want[name].columns for name in want)


def test_opening_a_new_document_builds_no_expected_shape(demo, monkeypatch):
    def refuse():
        raise AssertionError("the full comparison ran for a fresh document")

    monkeypatch.setattr(verify, "expected_shape", refuse)
    doc = Document.open(demo, readonly=True)
    try:
        assert doc.load().key == "ORG"
    finally:
        doc.close()


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE TRIGGER wipe AFTER UPDATE ON initiative BEGIN DELETE FROM dependency; END",
        "CREATE INDEX extra ON initiative (owner)",
        "CREATE VIEW everything AS SELECT * FROM initiative",
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR)",
        "ALTER TABLE initiative ADD COLUMN extra VARCHAR",
        'DROP TRIGGER "seal_initiative_update"',
        "ANALYZE",
    ],
)
def test_any_other_schema_is_compared_in_full_and_refused_as_before(tmp_path, statement):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    tamper(path, statement)
    assert _fresh(path) is None
    with closing(schema.connect(path, readonly=True)) as conn:
        shape = verify.shape_problems(conn, current=True)
    if statement == "ANALYZE":  # SQLite's statistics: not ours to judge, and no problem
        assert shape == []
        Document.open(path, readonly=True).close()
        return
    assert shape
    with pytest.raises(DocumentError, match="damaged"):
        Document.open(path, readonly=True)


def test_a_wrong_value_in_a_new_document_is_still_found(demo):
    tamper(demo, "UPDATE initiative SET duration = 'long' WHERE key = 'LEAD1'")
    assert _fresh(demo) is not None  # the schema is still a fresh one: the rows are checked
    with pytest.raises(DocumentError, match="duration holds text where an integer is expected"):
        Document.open(demo, readonly=True)


def test_the_row_check_reads_the_same_columns_either_way(demo):
    tamper(demo, "UPDATE initiative SET title = x'00ff' WHERE key = 'LEAD1'")
    with closing(sqlite3.connect(demo)) as conn:
        tables = {name: verify.table_columns(conn, name) for name in _fresh(demo) or []}
        assert verify.row_problems(conn, tables) == verify.row_problems(conn)
        assert verify.row_problems(conn) != []
