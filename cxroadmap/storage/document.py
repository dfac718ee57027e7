"""The .cxroadmap document: an SQLite file of one or more strategies, edited one change at a time.

Domain objects go in and come out; SQLModel rows stay inside this package. Opening and
reading use plain sqlite3 (loading.py); SQLAlchemy and the SQLModel tables, most of a
second to import, are loaded at the first write, so the app paints a document without them.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from cxroadmap.common.collector import collector_paused
from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.storage import backups, journal, schema
from cxroadmap.storage.errors import DocumentChanged, DocumentError
from cxroadmap.storage.fileguard import Watch, clean_leftovers, refuse_read_only
from cxroadmap.storage.loading import (
    load_all_with_ids,
    load_outlines,
    load_strategy,
    strategy_ids,
)
from cxroadmap.storage.lock import EditLock
from cxroadmap.storage.new_document import write_document as write_document  # where callers look
from cxroadmap.storage.reading import read_document as read_document  # where callers look

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

T = TypeVar("T")


class Document:
    """An open .cxroadmap file. Not thread-safe: use it from one thread at a time."""

    def __init__(
        self, path: Path, conn: sqlite3.Connection, readonly: bool, lock: EditLock | None = None
    ) -> None:
        self.path = path
        self.readonly = readonly
        self._conn: sqlite3.Connection | None = conn  # the file's one connection
        self._sqla: Engine | None = None  # SQLAlchemy on `_conn`, made at the first write
        self._lock = lock
        self.upgraded_from: int | None = None
        self.recovered = ""  # what opening did about an interrupted save, in a sentence
        self.backup: Path | None = None  # the copy taken before this session's first edit
        self.backup_error = ""
        self._watch: Watch | None = None
        if not readonly:
            self._watch = Watch(path, conn)
        self._scratch: Path | None = None  # a private upgraded copy, removed on close

    # -- opening and closing -------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], readonly: bool = False) -> Document:
        """Open a document; DocumentError if it is not ours, damaged or too new.

        For editing, DocumentLocked when another live process edits it; a file from an
        older schema is upgraded after a backup copy `<file>.v<old>.bak` is written.
        A read-only open writes nothing at all.
        """
        target = Path(path)
        try:
            version = schema.inspect_file(target)
        except schema.InterruptedSave:
            if readonly:
                raise
            return cls._recover_and_open(target)
        if readonly:
            if version < schema.SCHEMA_VERSION:
                return cls._open_upgraded_copy(target, version)
            return cls(target, schema.connect(target, readonly=True), readonly=True)
        refuse_read_only(target, "it can be opened read-only")
        clean_leftovers(target)
        lock = EditLock.acquire(target)
        try:
            journal.discard_stale(target)
            upgraded = None
            if version < schema.SCHEMA_VERSION:
                schema.migrate(target, version)
                upgraded = version
            doc = cls(target, schema.connect(target, readonly=False), readonly=False, lock=lock)
            doc.upgraded_from = upgraded
            return doc
        except sqlite3.Error as error:
            lock.release()
            raise DocumentError(target, f"cannot be opened ({error})") from None
        except BaseException:
            lock.release()
            raise

    def reader(self) -> Document:
        """A second, read-only view of this open file, for another thread (the app's
        background sync); the file was checked when this one was opened, not again."""
        if self._conn is None:
            raise DocumentError(self.path, "the document is closed")
        return Document(self.path, schema.connect(self.path, readonly=True), readonly=True)

    @classmethod
    def _open_upgraded_copy(cls, target: Path, version: int) -> Document:
        """Read an older file without writing it: upgrade a private copy and read that.

        `cxroadmap schedule old.cxroadmap` must work, and a read-only open must never
        modify the file, so the upgrade happens in a temporary folder that close() removes.
        """
        folder = Path(tempfile.mkdtemp(prefix="cxroadmap-upgrade-"))
        try:
            copy = folder / target.name
            source = schema.connect(target, readonly=True)
            try:
                schema.copy_database(source, copy)
            finally:
                source.close()
            schema.migrate(copy, version)
            doc = cls(target, schema.connect(copy, readonly=True), readonly=True)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        doc.upgraded_from = version
        doc._scratch = folder
        return doc

    @classmethod
    def _recover_and_open(cls, target: Path) -> Document:
        """Undo an interrupted save on a copy, keep the original aside, then open (journal.py)."""
        lock = EditLock.acquire(target)
        try:
            done = journal.recover(target)
        finally:
            lock.release()
        doc = cls.open(target)
        doc.recovered = done
        return doc

    def close(self) -> None:
        """Release the file and its lock (idempotent)."""
        if self._sqla is not None:
            self._sqla.dispose()
            self._sqla = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)
            self._scratch = None

    def __enter__(self) -> Document:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------

    @property
    def _engine(self) -> Engine:
        """SQLAlchemy on the file's one connection, made when first needed (to write)."""
        if self._conn is None:
            raise DocumentError(self.path, "the document is closed")
        if self._sqla is None:
            from cxroadmap.storage.engine import engine_on

            self._sqla = engine_on(self._conn, self.readonly)
        return self._sqla

    def _run(self, work: Callable[[Connection], T], writing: bool) -> T:
        """Run `work` in one transaction; any failure rolls everything back."""
        if self._conn is None:
            raise DocumentError(self.path, "the document is closed")
        if writing and self.readonly:
            raise DocumentError(self.path, "opened read-only; changes cannot be saved")
        if writing:
            self._guard()
        engine = self._engine
        from sqlalchemy import exc

        try:
            with engine.begin() as conn:
                result = work(conn)
            if writing and self._watch is not None:
                self._watch.remember()
            return result
        except exc.DBAPIError as error:
            action = "could not save the change" if writing else "could not be read"
            raise DocumentError(self.path, f"{action} ({error.orig})") from None
        except (KeyError, ValueError) as error:
            if writing:
                raise
            raise DocumentError(self.path, f"damaged ({error!r})") from None

    def transact(self, work: Callable[[Connection], T], writing: bool = True) -> T:
        """Run `work` in one transaction of this file (the workspace copy's bookkeeping)."""
        return self._run(work, writing)

    def read(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` on the plain sqlite3 connection in one read transaction (no SQLAlchemy).

        The transaction is begun as a write's would be (IMMEDIATE when editable), as before.
        """
        conn = self._conn
        if conn is None:
            raise DocumentError(self.path, "the document is closed")
        try:
            conn.execute("BEGIN" if self.readonly else "BEGIN IMMEDIATE")
            try:
                result = work(conn)
            finally:
                if conn.in_transaction:
                    conn.execute("COMMIT")  # nothing was written: ends the read
            return result
        except sqlite3.Error as error:
            raise DocumentError(self.path, f"could not be read ({error})") from None
        except (KeyError, ValueError) as error:
            raise DocumentError(self.path, f"damaged ({error!r})") from None

    def _guard(self) -> None:
        """Before a write: the file must still be the one opened; back it up once a session."""
        raw = self._conn
        assert raw is not None
        if self._watch is None:
            self._watch = Watch(self.path, raw)
        change = self._watch.change()
        if change is not None:
            raise DocumentChanged(
                self.path,
                f"{change} since it was opened here; nothing was written to it, so neither "
                "version is lost (use Save As to keep what is on screen)",
            )
        if self.backup is None:
            try:
                self.backup = backups.take_backup(self.path, raw)
            except (OSError, sqlite3.Error) as error:
                self.backup = Path()
                self.backup_error = f"no backup could be made before editing ({error})"

    # -- reading ---------------------------------------------------------------

    def strategy_ids(self) -> list[int]:
        """Ids of the strategies in the file, in document order."""
        return self.read(strategy_ids)

    def load(self, strategy_id: int | None = None) -> Strategy:
        """The strategy with `strategy_id` (the first one by default)."""

        def work(conn: sqlite3.Connection) -> Strategy:
            sid = strategy_id
            if sid is None:
                ids = strategy_ids(conn)
                if not ids:
                    raise DocumentError(self.path, "holds no strategy")
                sid = ids[0]
            strategy = load_strategy(conn, sid)
            if strategy is None:
                raise DocumentError(self.path, f"holds no strategy with id {sid}")
            return strategy

        return self.read(work)

    def load_all(self) -> list[Strategy]:
        """Every strategy, parents before children (siblings in document order)."""
        return [strategy for _, strategy in self.load_all_with_ids()]

    def load_all_with_ids(self) -> list[tuple[int, Strategy]]:
        """(id, strategy) for every strategy, parents before children."""

        return self.read(load_all_with_ids)

    def load_outlines(self) -> list[tuple[int, Strategy]]:
        """(id, strategy) like load_all_with_ids, each strategy with its own fields only (name,
        key, level, parent...: no initiatives): what a list of the strategies needs, quickly."""
        return self.read(load_outlines)

    # -- writing -----------------------------------------------------------------

    def write_change(self, strategy_id: int, strategy: Strategy, change: Change) -> None:
        """Save what one edit touched (as its `Change` names), in one transaction."""

        self.write_changes([(strategy_id, strategy, change)])

    def write_changes(self, items: list[tuple[int, Strategy, Change]]) -> None:
        """Save several strategies' Changes (one edit across the cascade) in one transaction."""

        self._run(lambda conn: self._write_all(conn, items), writing=True)

    def _write_all(self, conn: Connection, items: list[tuple[int, Strategy, Change]]) -> None:
        from cxroadmap.storage.change_writer import write_change
        from cxroadmap.storage.workspace.local import record_change

        for strategy_id, strategy, change in items:
            self._require(conn, strategy_id)
            write_change(conn, strategy_id, strategy, change)
            record_change(conn, strategy.key, change)  # a workspace copy syncs just these

    def add_strategies(
        self, added: list[Strategy], changed: list[tuple[int, Strategy, Change]]
    ) -> list[int]:
        """New strategies (a scenario copy) and others' Changes in one transaction; new ids."""

        from cxroadmap.storage.strategy_rows import insert_strategy
        from cxroadmap.storage.workspace.local import mark_whole

        def work(conn: Connection) -> list[int]:
            self._write_all(conn, changed)
            for strategy in added:
                mark_whole(conn, strategy.key)  # a workspace copy compares it whole
            return [insert_strategy(conn, strategy) for strategy in added]

        with collector_paused():
            return self._run(work, writing=True)

    def remove_strategy(self, strategy_id: int) -> None:
        """Delete a stored strategy with everything in it (a scenario no longer wanted)."""

        from sqlalchemy import delete

        from cxroadmap.storage.rows import STRATEGY

        def work(conn: Connection) -> None:
            self._require(conn, strategy_id)
            conn.execute(delete(STRATEGY).where(STRATEGY.c.id == strategy_id))

        self._run(work, writing=True)

    def replace_strategy(self, strategy_id: int, strategy: Strategy) -> None:
        """Rewrite a stored strategy whole (keeps its id, position and parent)."""
        from sqlalchemy import update

        from cxroadmap.storage.rows import STRATEGY
        from cxroadmap.storage.strategy_rows import clear_contents, strategy_fields, write_contents
        from cxroadmap.storage.workspace.local import mark_whole

        def work(conn: Connection) -> None:
            self._require(conn, strategy_id)
            clear_contents(conn, strategy_id)
            conn.execute(
                update(STRATEGY)
                .where(STRATEGY.c.id == strategy_id)
                .values(**strategy_fields(strategy))
            )
            write_contents(conn, strategy_id, strategy)
            mark_whole(conn, strategy.key)

        with collector_paused():
            self._run(work, writing=True)

    def _require(self, conn: Connection, strategy_id: int) -> None:
        found = conn.exec_driver_sql("SELECT id FROM strategy WHERE id = ?", (strategy_id,)).first()
        if found is None:
            raise DocumentError(self.path, f"holds no strategy with id {strategy_id}")

    def save_as(self, target: str | os.PathLike[str]) -> None:
        """Copy the document to `target` (atomically, via SQLite's backup API).

        The copy is an independent document; this Document stays on its own file.
        """
        destination = Path(target)
        if destination.exists() and destination.resolve() == self.path.resolve():
            return
        if self._conn is None:
            raise DocumentError(self.path, "the document is closed")
        refuse_read_only(destination, "it was not replaced")
        lock = EditLock.acquire(destination)
        try:
            schema.copy_database(self._conn, destination)
        except sqlite3.Error as error:
            raise DocumentError(destination, f"could not be written ({error})") from None
        finally:
            lock.release()
