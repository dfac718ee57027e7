"""Hot journals are replayed on a copy only, and kept only when the result proves they belong."""

import subprocess
import sys

import pytest
from storage_samples import big_strategy, digest, rich_strategy, second_strategy

from cxroadmap.storage import DocumentError, check
from cxroadmap.storage.backups import backup_dir
from cxroadmap.storage.document import Document, read_document, write_document

# A writer that dies mid-transaction after SQLite spilled changed pages into the file.
_KILLED_WRITER = (
    "import os, sys\n"
    "from cxroadmap.storage import schema\n"
    "c = schema.connect(sys.argv[1], readonly=False)\n"
    "c.execute('PRAGMA cache_size = 5')\n"
    "c.execute('BEGIN')\n"
    "c.execute(\"UPDATE initiative SET title = title || ' half-saved text'\")\n"
    "os._exit(0)\n"
)


def _interrupt(path):
    subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(path)], check=True)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists()
    return journal


def test_an_interrupted_save_is_undone_on_a_copy_and_the_original_kept(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [big_strategy(800)])
    _interrupt(path)
    with Document.open(path) as doc:
        assert doc.recovered == "the save that was cut short was undone"
        assert doc.load() == big_strategy(800)
    assert check(path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.cxroadmap"]
    kept = sorted(p.name for p in backup_dir(path).iterdir())
    assert [n.split("-", 1)[0] for n in kept] == ["interrupted", "interrupted"]
    assert kept[0].endswith(".cxroadmap-journal.kept") and kept[1].endswith(".cxroadmap.kept")


@pytest.mark.parametrize("same_history", [True, False])
def test_a_journal_of_another_document_never_corrupts_this_one(tmp_path, same_history):
    """The issue's reproduction: a journal beside a file it does not belong to."""
    mine = tmp_path / "mine.cxroadmap"
    other = tmp_path / "other.cxroadmap"
    write_document(mine, [rich_strategy(), second_strategy()])
    write_document(other, [big_strategy(800)])
    if not same_history:  # one more save: the change counters no longer match
        with Document.open(mine) as doc:
            doc.replace_strategy(doc.strategy_ids()[0], rich_strategy())
    before = digest(mine)
    _interrupt(other).rename(mine.with_name("mine.cxroadmap-journal"))
    with Document.open(mine) as doc:
        assert "a journal that does not belong to it was moved to" in doc.recovered
        assert doc.load_all() == [rich_strategy(), second_strategy()]
    assert digest(mine) == before
    assert check(mine) == []
    assert not mine.with_name("mine.cxroadmap-journal").exists()
    [stray] = backup_dir(mine).glob("stray-*")
    # The journal is kept (not deleted): put back beside its own file, it restores it.
    stray.rename(other.with_name("other.cxroadmap-journal"))
    with Document.open(other) as doc:
        assert doc.load() == big_strategy(800)


def test_a_journal_that_fits_nothing_leaves_a_damaged_file_alone(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [big_strategy(800)])
    journal = _interrupt(path)
    good = journal.read_bytes()
    journal.write_bytes(good[:512] + bytes(len(good) - 512))  # its pages are gone
    before = digest(path)
    with pytest.raises(DocumentError, match="nothing was changed"):
        Document.open(path)
    assert digest(path) == before and journal.exists()
    assert not path.with_name("plan.cxroadmap.lock").exists()
    journal.write_bytes(good)
    with Document.open(path) as doc:
        assert doc.load() == big_strategy(800)


def test_read_document_of_a_recovered_file_sees_the_last_saved_state(tmp_path):
    path = tmp_path / "plan.cxroadmap"
    write_document(path, [second_strategy()])
    _interrupt(path)
    with Document.open(path):
        pass
    assert read_document(path) == [second_strategy()]
