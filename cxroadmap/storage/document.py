"""The .cxroadmap document: an SQLite file of one or more strategies, edited one change at a time.

Domain objects go in and come out; SQLModel rows stay inside this package.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Connection, Engine, delete, exc, select, update

from cxroadmap.domain.cascade import order_parents_first
from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.storage import backups, journal, schema, seal
from cxroadmap.storage.change_writer import write_change as _write_change
from cxroadmap.storage.engine import (
    dispose_engine,
    initialise,
    open_engine,
    raw_connection,
    replacing,
)
from cxroadmap.storage.errors import DocumentChanged, DocumentError, DocumentReadOnly
from cxroadmap.storage.fileguard import Watch, clean_leftovers, file_read_only, folder_read_only
from cxroadmap.storage.loading import load_all_with_ids, load_strategy, strategy_ids
from cxroadmap.storage.lock import EditLock
from cxroadmap.storage.reading import read_document as read_document  # where callers look
from cxroadmap.storage.rows import STRATEGY
from cxroadmap.storage.strategy_rows import (
    clear_contents,
    gc_paused,
    insert_strategy,
    strategy_fields,
    write_contents,
)
from cxroadmap.storage.workspace.local import mark_whole, record_change

T = TypeVar("T")


class Document:
    """An open .cxroadmap file. Not thread-safe: use it from one thread at a time."""

    def __init__(
        self, path: Path, engine: Engine, readonly: bool, lock: EditLock | None = None
    ) -> None:
        self.path = path
        self.readonly = readonly
        self._engine: Engine | None = engine
        self._lock = lock
        self.upgraded_from: int | None = None
        self.recovered = ""  # what opening did about an interrupted save, in a sentence
        self.backup: Path | None = None  # the copy taken before this session's first edit
        self.backup_error = ""
        self._watch: Watch | None = None
        if not readonly:
            self._watch = Watch(path, raw_connection(engine))
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
            return cls(target, open_engine(target, readonly=True), readonly=True)
        refuse_read_only(target, "it can be opened read-only")
        clean_leftovers(target)
        lock = EditLock.acquire(target)
        try:
            journal.discard_stale(target)
            upgraded = None
            if version < schema.SCHEMA_VERSION:
                schema.migrate(target, version)
                upgraded = version
            doc = cls(target, open_engine(target, readonly=False), readonly=False, lock=lock)
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
        if self._engine is None:
            raise DocumentError(self.path, "the document is closed")
        return Document(self.path, open_engine(self.path, readonly=True), readonly=True)

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
            doc = cls(target, open_engine(copy, readonly=True), readonly=True)
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
        if self._engine is not None:
            dispose_engine(self._engine)
            self._engine = None
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

    def _run(self, work: Callable[[Connection], T], writing: bool) -> T:
        """Run `work` in one transaction; any failure rolls everything back."""
        if self._engine is None:
            raise DocumentError(self.path, "the document is closed")
        if writing and self.readonly:
            raise DocumentError(self.path, "opened read-only; changes cannot be saved")
        if writing:
            self._guard()
        try:
            with self._engine.begin() as conn:
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

    def _guard(self) -> None:
        """Before a write: the file must still be the one opened; back it up once a session."""
        assert self._engine is not None
        raw = raw_connection(self._engine)
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
        return self._run(lambda conn: strategy_ids(_raw(conn)), writing=False)

    def load(self, strategy_id: int | None = None) -> Strategy:
        """The strategy with `strategy_id` (the first one by default)."""

        def work(conn: Connection) -> Strategy:
            sid = strategy_id
            if sid is None:
                ids = strategy_ids(_raw(conn))
                if not ids:
                    raise DocumentError(self.path, "holds no strategy")
                sid = ids[0]
            strategy = load_strategy(_raw(conn), sid)
            if strategy is None:
                raise DocumentError(self.path, f"holds no strategy with id {sid}")
            return strategy

        return self._run(work, writing=False)

    def load_all(self) -> list[Strategy]:
        """Every strategy, parents before children (siblings in document order)."""
        return [strategy for _, strategy in self.load_all_with_ids()]

    def load_all_with_ids(self) -> list[tuple[int, Strategy]]:
        """(id, strategy) for every strategy, parents before children."""

        return self._run(lambda conn: load_all_with_ids(_raw(conn)), writing=False)

    # -- writing -----------------------------------------------------------------

    def write_change(self, strategy_id: int, strategy: Strategy, change: Change) -> None:
        """Save what one edit touched (as its `Change` names), in one transaction."""

        def work(conn: Connection) -> None:
            self._require(conn, strategy_id)
            _write_change(conn, strategy_id, strategy, change)
            record_change(conn, strategy.key, change)  # a workspace copy syncs just these

        self._run(work, writing=True)

    def write_changes(self, items: list[tuple[int, Strategy, Change]]) -> None:
        """Save several strategies' Changes (one edit across the cascade) in one transaction."""

        self._run(lambda conn: self._write_all(conn, items), writing=True)

    def _write_all(self, conn: Connection, items: list[tuple[int, Strategy, Change]]) -> None:
        for strategy_id, strategy, change in items:
            self._require(conn, strategy_id)
            _write_change(conn, strategy_id, strategy, change)
            record_change(conn, strategy.key, change)

    def add_strategies(
        self, added: list[Strategy], changed: list[tuple[int, Strategy, Change]]
    ) -> list[int]:
        """New strategies (a scenario copy) and others' Changes in one transaction; new ids."""

        def work(conn: Connection) -> list[int]:
            self._write_all(conn, changed)
            for strategy in added:
                mark_whole(conn, strategy.key)  # a workspace copy compares it whole
            return [insert_strategy(conn, strategy) for strategy in added]

        with gc_paused():
            return self._run(work, writing=True)

    def remove_strategy(self, strategy_id: int) -> None:
        """Delete a stored strategy with everything in it (a scenario no longer wanted)."""

        def work(conn: Connection) -> None:
            self._require(conn, strategy_id)
            conn.execute(delete(STRATEGY).where(STRATEGY.c.id == strategy_id))

        self._run(work, writing=True)

    def replace_strategy(self, strategy_id: int, strategy: Strategy) -> None:
        """Rewrite a stored strategy whole (keeps its id, position and parent)."""

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

        with gc_paused():
            self._run(work, writing=True)

    def _require(self, conn: Connection, strategy_id: int) -> None:
        found = conn.execute(select(STRATEGY.c.id).where(STRATEGY.c.id == strategy_id)).first()
        if found is None:
            raise DocumentError(self.path, f"holds no strategy with id {strategy_id}")

    def save_as(self, target: str | os.PathLike[str]) -> None:
        """Copy the document to `target` (atomically, via SQLite's backup API).

        The copy is an independent document; this Document stays on its own file.
        """
        destination = Path(target)
        if destination.exists() and destination.resolve() == self.path.resolve():
            return
        if self._engine is None:
            raise DocumentError(self.path, "the document is closed")
        refuse_read_only(destination, "it was not replaced")
        lock = EditLock.acquire(destination)
        try:
            with self._engine.connect() as conn:
                source = conn.connection.driver_connection
                assert isinstance(source, sqlite3.Connection)
                schema.copy_database(source, destination)
        except sqlite3.Error as error:
            raise DocumentError(destination, f"could not be written ({error})") from None
        finally:
            lock.release()


def write_document(
    path: str | os.PathLike[str],
    strategies: list[Strategy],
    also: Callable[[Connection], None] | None = None,
) -> None:
    """Write a whole new document atomically (temp file beside it, then a rename).

    `also` writes more in the same transaction (a workspace checkout's bookkeeping).
    """
    target = Path(path)
    refuse_read_only(target, "it was not replaced")
    clean_leftovers(target)
    # Held until the new file is in place: an app opening the old one meanwhile must not
    # edit a file that is about to be replaced under it.
    lock = EditLock.acquire(target)
    try:
        with replacing(target) as temp, gc_paused():
            initialise(temp, temp=True)  # replacing() flushes it to disk once, at the end
            engine = open_engine(temp, readonly=False, temp=True)
            try:
                with engine.begin() as conn:
                    # A new file: its checksum is computed once at the end, not by a
                    # trigger per inserted row.
                    raw = raw_connection(engine)
                    seal.drop_triggers(raw)
                    for strategy in order_parents_first(strategies):
                        insert_strategy(conn, strategy)
                    if also is not None:
                        also(conn)
                    seal.install(raw)
            finally:
                dispose_engine(engine)
    except (exc.DBAPIError, sqlite3.Error) as error:
        detail = getattr(error, "orig", None) or error
        raise DocumentError(target, f"could not be written ({detail})") from None
    finally:
        lock.release()


def refuse_read_only(target: Path, then: str) -> None:
    """DocumentReadOnly when the file or its folder may not be written, saying which."""
    if target.exists() and file_read_only(target):
        raise DocumentReadOnly(target, f"the file is read-only (no permission to write it); {then}")
    if folder_read_only(target.parent):
        raise DocumentReadOnly(
            target, f"its folder {target.parent} is read-only (no permission to write it); {then}"
        )


def _raw(conn: Connection) -> sqlite3.Connection:
    """The sqlite3 connection under SQLAlchemy's, inside the same transaction (for loading.py)."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw
