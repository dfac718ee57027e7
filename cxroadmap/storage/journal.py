"""A hot journal is replayed only on a copy, and only kept when the result proves it belonged.

SQLite plays a rollback journal back onto whatever database sits beside it: a journal
left by another file (copied, renamed, restored from elsewhere) would corrupt ours. So
the document and its journal are copied into a private folder, the copy is rolled back
there, and the result must pass every check of an open (its checksum included) before
it replaces the document; the original file and journal are kept in the backup folder.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import struct
import tempfile
from pathlib import Path

from cxroadmap.common import atomic
from cxroadmap.storage import backups, verify
from cxroadmap.storage.errors import DocumentDamaged, DocumentError
from cxroadmap.storage.schema import APPLICATION_ID, connect, journal_path

_MAGIC = bytes.fromhex("d9d505f920a163d7")
_APPLICATION_ID_AT = 68
_COUNTER_AT = 24


def _page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def mismatch(document: Path, journal: Path, application_id: int) -> str | None:
    """Why `journal` cannot be this document's (page size, tag, change counter), or None.

    The journal holds the pages as they were before the interrupted save, page 1 (the
    header, which every save changes) among them: its application id must be ours and
    its change counter the document's or one less.
    """
    with document.open("rb") as handle:
        header = handle.read(100)
    data = journal.read_bytes()
    if len(data) < 28 or not data.startswith(_MAGIC):
        return "it is not a rollback journal"
    _, _, _, sector, page_size = struct.unpack(">IIIII", data[8:28])
    if page_size != _page_size(header):
        return f"its page size {page_size} is not the document's {_page_size(header)}"
    offset = sector if 28 <= sector <= len(data) else 512
    record = 4 + page_size + 4
    while offset + record <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        if number == 1:
            page = data[offset + 4 : offset + 4 + page_size]
            tag = int.from_bytes(page[_APPLICATION_ID_AT : _APPLICATION_ID_AT + 4], "big")
            if tag != application_id:
                return "it was written for a database of another program"
            before = int.from_bytes(page[_COUNTER_AT : _COUNTER_AT + 4], "big")
            now = int.from_bytes(header[_COUNTER_AT : _COUNTER_AT + 4], "big")
            if now not in (before, (before + 1) & 0xFFFFFFFF):
                return (
                    f"it was written when the file had been saved {before} times, "
                    f"but this file has been saved {now} times"
                )
            return None
        offset += record
    return None


def replay(copy: Path) -> None:
    """Let SQLite play the journal beside `copy` back onto it (only ever on a copy)."""
    conn = connect(copy, readonly=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # plays the journal
    finally:
        conn.close()


def recover(document: Path) -> str:
    """Bring a document with a hot journal back to its last saved state; the caller holds the lock.

    Returns what was done, in a sentence. Raises DocumentDamaged, changing nothing,
    when neither the rolled-back copy nor the file alone passes verification.
    """
    journal = journal_path(document)
    reason = mismatch(document, journal, APPLICATION_ID)
    folder = Path(tempfile.mkdtemp(prefix="cxroadmap-recover-"))
    try:
        rolled = folder / "rolled" / document.name
        alone = folder / "alone" / document.name
        for copy in (rolled, alone):
            copy.parent.mkdir()
            shutil.copyfile(document, copy)
        problems: list[str] = []
        if reason is None:
            shutil.copyfile(journal, journal_path(rolled))
            try:
                replay(rolled)
                problems = verify.file_problems(rolled)
            except (sqlite3.Error, DocumentError) as error:
                problems = [str(error)]
            if not problems:
                backups.save_aside(document, [document, journal], "interrupted")
                # The journal goes only after the rename: if killed between the two, the
                # journal meets the rolled-back file, and replaying it again changes nothing.
                temp = atomic.temp_beside(document)
                shutil.copyfile(rolled, temp)
                os.replace(temp, document)
                journal.unlink(missing_ok=True)
                atomic.sync_folder(document.parent)
                return "the save that was cut short was undone"
            reason = f"replaying it leaves the file damaged ({problems[0]})"
        if not verify.file_problems(alone):
            # The file is sound without the journal: the journal is not its own.
            kept = backups.save_aside(document, [journal], "stray")
            journal.unlink()
            atomic.sync_folder(document.parent)
            return f"a journal that does not belong to it was moved to {kept[0]} ({reason})"
        raise DocumentDamaged(
            document,
            f"a program stopped while saving it and its journal cannot restore it ({reason}); "
            "nothing was changed: restore a backup (cxroadmap backups) or make a repaired "
            "copy (cxroadmap check --repair)",
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def discard_stale(document: Path) -> None:
    """Remove a journal SQLite would not play back: empty or with a zeroed header.

    A writer killed as it began a save leaves one; the file itself verified without it.
    Called with the edit lock held, after the file was inspected. A journal that still
    looks like one is kept aside (backups folder) rather than deleted.
    """
    journal = journal_path(document)
    try:
        head = journal.read_bytes()[: len(_MAGIC)]
    except FileNotFoundError:
        return
    if head == _MAGIC:
        backups.save_aside(document, [journal], "stray")
    journal.unlink(missing_ok=True)
