"""File tagging, inspection before use, and the registry of schema migrations (sqlite3 only)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from cxroadmap.common import atomic
from cxroadmap.storage import seal, seal_cache, verify
from cxroadmap.storage.errors import DocumentDamaged, DocumentError
from cxroadmap.storage.migration_2 import upgrade_1_to_2
from cxroadmap.storage.migration_3 import upgrade_2_to_3
from cxroadmap.storage.migration_4 import upgrade_3_to_4
from cxroadmap.storage.migration_6 import upgrade_5_to_6
from cxroadmap.storage.migration_7 import upgrade_6_to_7
from cxroadmap.storage.migration_8 import add_measure_readings
from cxroadmap.storage.migration_9 import add_progress
from cxroadmap.storage.migration_10 import add_rag
from cxroadmap.storage.migration_11 import upgrade_10_to_11
from cxroadmap.storage.migration_seal import add_seal

# 'CXRD' in ASCII: lets `file` and other tools recognise the document.
APPLICATION_ID = 0x43585244
SCHEMA_VERSION = 11

_SQLITE_MAGIC = b"SQLite format 3\x00"

Migration = Callable[[sqlite3.Connection], None]

# MIGRATIONS[v] upgrades a file from schema v to v + 1 inside one transaction.
# A migration must use `execute`, never `executescript` (which commits on its own).
MIGRATIONS: dict[int, Migration] = {
    1: upgrade_1_to_2,
    2: upgrade_2_to_3,
    3: upgrade_3_to_4,
    4: add_seal,
    5: upgrade_5_to_6,
    6: upgrade_6_to_7,
    7: add_measure_readings,
    8: add_progress,
    9: add_rag,
    10: upgrade_10_to_11,
}


def sqlite_uri(path: str | os.PathLike[str], mode: str) -> str:
    """A `file:` URI for sqlite3 (mode `ro`, `rw` or `rwc`); odd characters are escaped."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


def connect(
    path: str | os.PathLike[str], readonly: bool, create: bool = False
) -> sqlite3.Connection:
    """A raw connection with the document's pragmas; transactions are begun explicitly."""
    mode = "ro" if readonly else ("rwc" if create else "rw")
    uri = sqlite_uri(path, mode)
    if readonly and _wal_without_log(Path(path)):
        # A file left in WAL mode (by another tool) would get -wal and -shm side files from
        # a read-only open; with no log to read, it can be read as the immutable file it is.
        uri += "&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    # The checksum's triggers call this function; REPLACE must fire their delete triggers.
    seal.register(conn)
    conn.execute("PRAGMA recursive_triggers = ON")
    if not readonly:
        # One self-contained file: no WAL side files; FULL so a power cut cannot lose an edit.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def _wal_without_log(path: Path) -> bool:
    """The header says WAL mode (file format versions 2) and no `-wal` log is beside it."""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return header[18:20] == b"\x02\x02" and not path.with_name(f"{path.name}-wal").exists()


def _pragma_int(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return int(row[0])


def read_header(path: Path) -> bytes:
    """The first 100 bytes, after checking the file exists and is an SQLite database."""
    if not path.exists():
        raise DocumentError(path, "no such file")
    if not path.is_file():
        raise DocumentError(path, "not a file")
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(_SQLITE_MAGIC) or len(header) < 100:
        raise DocumentError(path, "not a cxroadmap document (not an SQLite database)")
    return header


def check_tags(path: Path, conn: sqlite3.Connection) -> int:
    """Refuse another program's database or a newer schema; return the file's schema version."""
    app_id = _pragma_int(conn, "application_id")
    if app_id != APPLICATION_ID:
        raise DocumentError(
            path,
            "not a cxroadmap document (an SQLite database of another program, "
            f"application id {app_id:#010x})",
        )
    version = _pragma_int(conn, "user_version")
    if version > SCHEMA_VERSION:
        raise DocumentError(
            path,
            f"written by a newer version of cxroadmap (file schema {version}, this version "
            f"reads schema {SCHEMA_VERSION} and older); update cxroadmap to open it",
        )
    if version < 1:
        raise DocumentError(path, f"damaged (schema version {version} is not valid)")
    return version


def inspect_file(path: str | os.PathLike[str]) -> int:
    """Check, without changing a byte, that `path` is a sound cxroadmap document.

    Returns its schema version; raises DocumentError naming the file otherwise.
    """
    file = Path(path)
    read_header(file)
    try:
        conn = connect(file, readonly=True)
    except (sqlite3.Error, UnicodeError) as exc:
        raise DocumentError(file, f"cannot be opened ({exc})") from None
    try:
        version = check_tags(file, conn)
        # One read transaction: its shared lock keeps writers out while the bytes whose
        # digest keys the checksum cache (seal_cache.py) are hashed and checked.
        conn.execute("BEGIN")
        current = version == SCHEMA_VERSION
        key = seal_cache.file_key(file) if current else None
        sound = seal_cache.known_sound(key)
        # SQLite's structural check reads every page (60 ms at 5,000 initiatives); bytes
        # found sound before passed it then, and the same bytes give the same answer.
        result = "ok" if sound else conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if result != "ok":
            detail = "; ".join(line.strip("* ") for line in str(result).splitlines())
            raise DocumentDamaged(file, f"damaged ({detail})")
        problems = verify.problems_on_open(conn, current=current, seal_verified=sound)
        if problems:
            raise DocumentDamaged(file, f"damaged ({problems[0]})")
        seal_cache.remember_sound(key)
        return version
    except (sqlite3.DatabaseError, UnicodeError) as exc:
        if journal_path(file).exists():
            raise InterruptedSave(file, INTERRUPTED) from None
        raise DocumentError(file, f"damaged ({exc})") from None
    finally:
        conn.close()


class InterruptedSave(DocumentError):
    """A program stopped in the middle of saving; SQLite's journal can undo the half-save."""


INTERRUPTED = (
    "a program stopped while saving it; open it for editing once to restore the last saved state"
)


JOURNAL_SUFFIX = "-journal"


def journal_path(path: Path) -> Path:
    return path.with_name(f"{path.name}{JOURNAL_SUFFIX}")


def backup_path(path: Path, version: int) -> Path:
    """Where the copy made before an upgrade goes: `plan.cxroadmap.v1.bak` next to the file."""
    return path.with_name(f"{path.name}.v{version}.bak")


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Copy a live database into `target` atomically with SQLite's backup API."""
    with atomic.replacing(target, companions=(JOURNAL_SUFFIX,)) as temp:
        dest = sqlite3.connect(temp)
        try:
            source.backup(dest)
        finally:
            dest.close()


def migrate(path: str | os.PathLike[str], from_version: int) -> Path:
    """Upgrade the file to SCHEMA_VERSION in one transaction, after backing it up.

    Returns the backup's path. A failure leaves the file as it was.
    """
    file = Path(path)
    steps = range(from_version, SCHEMA_VERSION)
    absent = [v for v in steps if v not in MIGRATIONS]
    if absent:
        raise DocumentError(file, f"cannot upgrade schema {absent[0]} to {absent[0] + 1}")
    backup = backup_path(file, from_version)
    conn = connect(file, readonly=False)
    try:
        copy_database(conn, backup)
        conn.execute("BEGIN IMMEDIATE")
        try:
            seal.drop_triggers(conn)  # a step may reshape the tables they name
            for version in steps:
                MIGRATIONS[version](conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            if conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (seal.SEAL_TABLE,)
            ).fetchone():
                seal.install(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        raise DocumentError(file, f"upgrade from schema {from_version} failed ({exc})") from None
    finally:
        conn.close()
    return backup
