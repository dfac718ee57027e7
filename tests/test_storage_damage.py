"""Damage on disk is found (checksum, SQLite's checks) and repaired into a copy, never in place."""

import sqlite3
from contextlib import closing

import pytest
from storage_samples import digest, rich_strategy, second_strategy

from cxroadmap.app import main
from cxroadmap.storage import DocumentError, check
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.storage.errors import DocumentChanged


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [rich_strategy(), second_strategy()])
    return path


def _flip(path, needle, bit=0):
    """Flip one bit inside the stored bytes of `needle` (a value in a row)."""
    data = bytearray(path.read_bytes())
    at = data.find(needle)
    assert at > 0 and data.find(needle, at + 1) < 0
    data[at + len(needle) - 2] ^= 1 << bit
    path.write_bytes(bytes(data))


CHECKSUM = "its checksum does not match its contents"


def test_a_bit_flip_that_changes_a_value_is_found_by_the_checksum(path, tmp_path, capsys):
    """The issue's reproduction: `measurement` -> `measuremdnt` and check said OK."""
    _flip(path, b"Hire for service mindset")
    with closing(sqlite3.connect(path)) as conn:  # SQLite itself sees nothing wrong
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    [problem] = check(path)
    assert CHECKSUM in problem
    with pytest.raises(DocumentError, match=CHECKSUM):
        Document.open(path, readonly=True)
    assert main(["export", str(path), "-o", str(tmp_path / "x.json")]) == 2
    assert CHECKSUM in capsys.readouterr().err


def _content(path):
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            return list(conn.iterdump())
    except (sqlite3.Error, UnicodeError) as error:
        return [repr(error)]


def test_no_single_bit_flip_changes_what_is_read_without_check_saying_so(path, tmp_path):
    """80 random single-bit flips anywhere in the file: each one is either reported by
    `check` or changes nothing that can be read (free space, unused header bytes)."""
    import random

    original, sound = path.read_bytes(), _content(path)
    flipped = tmp_path / "flipped.cxroadmap"
    rng = random.Random(9)
    outcomes = {"reported": 0, "harmless": 0}
    for _ in range(80):
        data = bytearray(original)
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        flipped.write_bytes(bytes(data))
        if check(flipped):
            outcomes["reported"] += 1
        else:
            assert _content(flipped) == sound
            outcomes["harmless"] += 1
    assert outcomes["reported"] > 0  # some flips did land on data


def test_truncating_one_byte_is_found(path):
    path.write_bytes(path.read_bytes()[:-1])
    problems = check(path)
    assert (problems and CHECKSUM in problems[0]) or "damaged" in problems[0].lower()
    with pytest.raises(DocumentError):
        Document.open(path)


def test_check_repair_writes_a_sound_copy_and_leaves_the_original(path, tmp_path, capsys):
    _flip(path, b"Hire for service mindset")
    before = digest(path)
    assert main(["check", str(path), "--repair"]) == 0
    out = capsys.readouterr().out
    repaired = tmp_path / "plan.repaired.cxroadmap"
    assert f"wrote a repaired copy of {path} to {repaired}" in out
    assert digest(path) == before
    assert check(repaired) == []
    titles = {i.title for s in read_document(repaired) for i in s.initiatives.values()}
    assert "Hire for service mindset" not in titles  # the flipped value is kept as it now reads
    assert main(["check", str(path), "--repair"]) == 2  # never overwrites a copy
    assert "already exists" in capsys.readouterr().err


def test_repair_carries_the_readable_rows_of_a_file_with_bad_rows(path, tmp_path, capsys):
    from storage_samples import tamper

    tamper(path, "UPDATE initiative SET title = x'00ff' WHERE key = 'V1'")
    out = tmp_path / "fixed.cxroadmap"
    assert main(["check", str(path), "--repair", "-o", str(out)]) == 0
    assert "1 row(s) of table 'initiative' were damaged and left out" in capsys.readouterr().out
    assert check(out) == []
    [first, second] = read_document(out)
    assert "V1" not in first.initiatives and len(first.initiatives) == 4
    assert second == second_strategy()


def test_a_file_changed_under_an_open_document_is_not_written(path):
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        doc.replace_strategy(sid, rich_strategy())  # our own writes are fine
        doc.replace_strategy(sid, rich_strategy())
        other = path.with_name("other.cxroadmap")
        write_document(other, [second_strategy()])
        other.replace(path)  # import --force by a program that ignores the lock
        with pytest.raises(DocumentChanged, match="was replaced by another file"):
            doc.replace_strategy(sid, rich_strategy())
    assert read_document(path) == [second_strategy()]


def test_a_file_deleted_under_an_open_document_is_not_written(path):
    with Document.open(path) as doc:
        path.unlink()
        with pytest.raises(DocumentChanged, match="was moved or deleted"):
            doc.replace_strategy(doc.strategy_ids()[0], rich_strategy())


def test_a_commit_by_another_connection_is_noticed(path):
    from storage_samples import tamper

    with Document.open(path) as doc:
        tamper(path, "UPDATE initiative SET title = 'theirs' WHERE key = 'V1'")
        with pytest.raises(DocumentChanged, match="was changed by another program"):
            doc.replace_strategy(doc.strategy_ids()[0], rich_strategy())
    assert read_document(path)[0].initiatives["V1"].title == "theirs"


def test_a_file_copied_over_an_open_document_is_not_mixed_with_it(path):
    """The issue's reproduction: `cp other plan.cxroadmap` while it is open, then an edit;
    the file became a mix of both versions and check said OK."""
    import shutil

    other = path.with_name("other.cxroadmap")
    write_document(other, [second_strategy(), rich_strategy()])
    with Document.open(path) as doc:
        sid = doc.strategy_ids()[0]
        doc.replace_strategy(sid, rich_strategy())
        shutil.copyfile(other, path)  # same inode, new bytes: what cp does
        with pytest.raises(DocumentChanged, match="was changed by another program"):
            doc.replace_strategy(sid, rich_strategy())
    assert check(path) == []
    assert read_document(path) == read_document(other)
