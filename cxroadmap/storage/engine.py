"""SQLite connections through SQLAlchemy with the document's pragmas, and atomic file writes."""

from __future__ import annotations

import os
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from cxroadmap.storage import schema, seal
from cxroadmap.storage.rows import STRATEGY, TABLES


def open_engine(path: Path, readonly: bool, create: bool = False) -> Engine:
    """An engine on one connection that begins real SQLite transactions itself.

    `dispose_engine` closes it; StaticPool alone leaves an unused connection open.
    """
    raw = schema.connect(path, readonly=readonly, create=create)
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    _RAW[engine] = raw

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # pysqlite would start the transaction only at the first write; take the
        # write lock up front so a change is all-or-nothing against other readers.
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


_RAW: weakref.WeakKeyDictionary[Engine, sqlite3.Connection] = weakref.WeakKeyDictionary()


def raw_connection(engine: Engine) -> sqlite3.Connection:
    """The one sqlite3 connection under an engine of open_engine."""
    return _RAW[engine]


def dispose_engine(engine: Engine) -> None:
    engine.dispose()
    raw = _RAW.pop(engine, None)
    if raw is not None:
        raw.close()


def initialise(path: Path) -> None:
    """Create an empty, tagged document at `path` (which must not exist)."""
    engine = open_engine(path, readonly=False, create=True)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
            STRATEGY.metadata.create_all(conn, tables=list(TABLES))
            raw = conn.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            seal.install(raw)
    finally:
        dispose_engine(engine)


def temp_beside(path: Path) -> Path:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.unlink(missing_ok=True)
    return temp


def sync_folder(folder: Path) -> None:
    # Make the rename itself durable; not possible (nor needed) on Windows.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temp path beside `path`; when the block succeeds it replaces `path` atomically."""
    temp = temp_beside(path)
    try:
        yield temp
        # A journal left by a crash belongs to the old file; played back onto the new one
        # it would corrupt it.
        schema.journal_path(path).unlink(missing_ok=True)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        Path(f"{temp}-journal").unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
