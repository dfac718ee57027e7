"""Opening is verification: the exact schema, no planted triggers or views, well-typed rows."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from storage_samples import digest, rich_strategy, second_strategy, tamper

from cxroadmap.app import main
from cxroadmap.content.demo import demo_cascade
from cxroadmap.storage import DocumentError, check
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.storage.rows import TABLES
from cxroadmap.storage.verify import expected_shape

DATA = Path(__file__).parent / "data"
PLANTED = "CREATE TRIGGER wipe AFTER UPDATE ON initiative BEGIN DELETE FROM dependency; END"


def _execute(path, *statements):
    tamper(path, *statements)


def _count(path, table):
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    return path


def _one_error_line(capsys, path, *words):
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"error: {path}: ")
    for word in words:
        assert word in err
    return err


def test_the_expected_schema_is_read_from_the_code_tables():
    assert set(expected_shape().tables) == {table.name for table in TABLES}
    initiative = expected_shape().tables["initiative"]
    assert [c.name for c in initiative.columns] == [c.name for c in TABLES[4].columns]


def test_a_planted_trigger_is_refused_on_open_check_and_export(demo, tmp_path, capsys):
    _execute(demo, PLANTED)
    dependencies = _count(demo, "dependency")
    before = digest(demo)
    for readonly in (False, True):
        with pytest.raises(DocumentError, match="trigger 'wipe' that cxroadmap did not make"):
            Document.open(demo, readonly=readonly)
    assert check(demo) == [
        "It holds a trigger 'wipe' that cxroadmap did not make, "
        "which could change data behind every edit."
    ]
    assert main(["check", str(demo)]) == 2
    _one_error_line(capsys, demo, "trigger 'wipe'")
    assert main(["export", str(demo), "-o", str(tmp_path / "out.json")]) == 2
    _one_error_line(capsys, demo, "trigger 'wipe'")
    assert not (tmp_path / "out.json").exists()
    assert _count(demo, "dependency") == dependencies > 0
    assert digest(demo) == before
    assert not demo.with_name("demo.cxroadmap.lock").exists()


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        ("CREATE VIEW titles AS SELECT title FROM initiative", "a view 'titles'"),
        ("CREATE TABLE notes (text TEXT)", "a table 'notes' that cxroadmap does not know"),
        ("ALTER TABLE initiative ADD COLUMN colour TEXT", "unknown column 'colour'"),
        ("DROP INDEX ix_dependency_to_id", "the indexes of table 'dependency'"),
        ("CREATE INDEX extra ON initiative (title)", "the indexes of table 'initiative'"),
        ("ALTER TABLE initiative RENAME COLUMN owner TO person", "unknown column 'person'"),
    ],
)
def test_a_schema_that_is_not_exactly_ours_is_refused(tmp_path, statement, problem):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    _execute(path, statement)
    problems = check(path)
    assert any(problem.lower() in p.lower() for p in problems), problems
    with pytest.raises(DocumentError, match=problem):
        Document.open(path, readonly=True)


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        (
            "UPDATE initiative SET title = x'00ff' WHERE key = 'V1'",
            "title holds a BLOB where text is expected",
        ),
        (
            "UPDATE dependency SET lag = 'five' WHERE id = 1",
            "lag holds text where an integer is expected",
        ),
        (
            "UPDATE phase SET weeks = 2.5 WHERE id = 1",
            "weeks holds a real number where an integer is expected",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_by_open_check_and_export(
    tmp_path, capsys, statement, problem
):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    _execute(path, statement)
    [found] = check(path)
    assert problem in found
    with pytest.raises(DocumentError, match=problem):
        Document.open(path)
    for suffix in (".json", ".csv", ".ics", ".svg"):
        out = tmp_path / f"out{suffix}"
        assert main(["export", str(path), "-o", str(out)]) == 2
        _one_error_line(capsys, path, problem)
        assert not out.exists()


def test_a_parent_cycle_is_refused_and_export_no_longer_crashes(demo, tmp_path, capsys):
    _execute(demo, "UPDATE strategy SET parent_key = 'CARE-T1' WHERE key = 'ORG'")
    with pytest.raises(DocumentError, match="parent cycle"):
        Document.open(demo)
    assert any("parent cycle" in p for p in check(demo))
    for suffix in (".json", ".pdf", ".csv"):
        assert main(["export", str(demo), "-o", str(tmp_path / f"x{suffix}")]) == 2
        _one_error_line(capsys, demo, "parent cycle")


def test_a_file_upgraded_from_schema_1_has_exactly_the_current_schema(tmp_path):
    path = tmp_path / "old.cxroadmap"
    shutil.copyfile(DATA / "schema1_cascade.cxroadmap", path)
    assert main(["export", str(path), "-o", str(tmp_path / "old.json")]) == 0
    with Document.open(path) as doc:
        assert doc.upgraded_from == 1
    assert check(path) == []


def test_export_still_reads_a_sound_document(demo, tmp_path):
    assert main(["export", str(demo), "-o", str(tmp_path / "d.json")]) == 0
    assert sorted(s.key for s in read_document(demo)) == sorted(s.key for s in demo_cascade())
    assert (tmp_path / "d.json").stat().st_size > 1000


def test_second_strategy_sample_is_sound(tmp_path):
    path = tmp_path / "two.cxroadmap"
    write_document(path, [rich_strategy(), second_strategy()])
    assert check(path) == []


def test_a_changed_check_constraint_is_refused(tmp_path):
    """A bit flipped in the schema's text: 'organisation' -> 'organisa|ion' in a CHECK."""
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    data = bytearray(path.read_bytes())
    at = data.find(b"'department', 'organisation'")
    data[at + len("'department', 'organisa")] ^= 0b1000
    path.write_bytes(bytes(data))
    problems = check(path)
    assert "The checks of table 'strategy' differ from cxroadmap's." in problems


def test_a_read_only_open_of_a_wal_file_leaves_no_side_files(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy()])
    with closing(sqlite3.connect(path)) as conn:  # another tool switched it to WAL
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]
    assert check(path) == []
    assert read_document(path) == [rich_strategy()]
    assert main(["schedule", str(path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]
    with Document.open(path) as doc:  # editing turns it back into one self-contained file
        doc.replace_strategy(doc.strategy_ids()[0], rich_strategy())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]
