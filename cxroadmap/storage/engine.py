"""SQLite connections through SQLAlchemy with the document's pragmas, and replacing the file."""

from __future__ import annotations

import sqlite3
import weakref
from contextlib import AbstractContextManager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import StaticPool

from cxroadmap.common import atomic
from cxroadmap.storage import schema, seal
from cxroadmap.storage.rows import STRATEGY, TABLES


def open_engine(path: Path, readonly: bool, create: bool = False, temp: bool = False) -> Engine:
    """An engine on one connection that begins real SQLite transactions itself.

    `dispose_engine` closes it; StaticPool alone leaves an unused connection open. `temp`:
    a temp file that its writer flushes to disk once before renaming it (common/atomic.py),
    so SQLite's own journal and flushes are skipped (a failure discards the file).
    """
    raw = schema.connect(path, readonly=readonly, create=create)
    if temp:
        raw.execute("PRAGMA journal_mode = OFF")
        raw.execute("PRAGMA synchronous = OFF")
    engine = engine_on(raw, readonly)
    _RAW[engine] = raw
    return engine


def engine_on(raw: sqlite3.Connection, readonly: bool) -> Engine:
    """An engine on `raw` (schema.connect's), beginning its transactions as open_engine's do.

    Disposing of it leaves `raw` open: its owner closes it.
    """
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)

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


def initialise(path: Path, temp: bool = False) -> None:
    """Create an empty, tagged document at `path` (which must not exist; `temp`: see
    open_engine)."""
    engine = open_engine(path, readonly=False, create=True, temp=temp)
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


def replacing(path: Path) -> AbstractContextManager[Path]:
    """Yield a temp path beside `path`; when the block succeeds it replaces `path` atomically.

    The one atomic write (common/atomic.py), told that a journal belongs to its file.
    """
    return atomic.replacing(path, companions=(schema.JOURNAL_SUFFIX,))
