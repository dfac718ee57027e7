"""`check --repair`: a repaired copy of a damaged document; the original is never changed.

First the interrupted save is undone on a copy (when the journal belongs); when that is
not enough, every readable, well-typed row is carried into a fresh file of the current
schema, rows whose references are gone are left out, and a parent cycle is broken.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from cxroadmap.common import atomic
from cxroadmap.storage import journal, schema, verify
from cxroadmap.storage.errors import DocumentError

_MAX_PROBE_GAP = 1000


@dataclass
class Repair:
    """What a repair did: the file written and what it had to leave out or change."""

    output: Path
    notes: list[str] = field(default_factory=list)


def repair(source: Path, output: Path) -> Repair:
    """Write a repaired copy of `source` to `output` (which must not exist); verify it."""
    if output.exists():
        raise DocumentError(output, "already exists; name a new file for the repaired copy")
    schema.read_header(source)
    folder = Path(tempfile.mkdtemp(prefix="cxroadmap-repair-"))
    try:
        copy = folder / source.name
        shutil.copyfile(source, copy)
        notes: list[str] = []
        side = schema.journal_path(source)
        if side.exists() and journal.mismatch(source, side, schema.APPLICATION_ID) is None:
            shutil.copyfile(side, schema.journal_path(copy))
            try:
                journal.replay(copy)
                notes.append("the save that was cut short was undone")
            except sqlite3.Error:
                schema.journal_path(copy).unlink(missing_ok=True)
        elif side.exists():
            notes.append(f"the journal {side.name} does not belong to the file and was ignored")
        result = folder / "repaired.cxroadmap"
        if verify.file_problems(copy):
            notes += _salvage(copy, result)
        else:
            shutil.copyfile(copy, result)
        remaining = verify.file_problems(result)
        if remaining:
            raise DocumentError(source, f"could not be repaired ({remaining[0]})")
        with atomic.replacing(output, companions=("-journal",)) as temp:
            shutil.copyfile(result, temp)
        return Repair(output, notes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _rows(
    old: sqlite3.Connection, table: str, columns: list[str]
) -> tuple[list[tuple[object, ...]], int]:
    """Every row of `table` that can be read; and how many could not."""
    select = ", ".join(f'"{c}"' for c in columns)
    try:
        return old.execute(f'SELECT {select} FROM "{table}" ORDER BY rowid').fetchall(), 0
    except (sqlite3.DatabaseError, UnicodeError):
        pass
    rows: list[tuple[object, ...]] = []
    lost, rowid, gap = 0, 0, 0
    while gap < _MAX_PROBE_GAP:
        rowid += 1
        try:
            row = old.execute(
                f'SELECT {select} FROM "{table}" WHERE rowid = ?', (rowid,)
            ).fetchone()
        except (sqlite3.DatabaseError, UnicodeError):
            lost += 1
            gap += 1
            continue
        if row is None:
            gap += 1
            continue
        gap = 0
        rows.append(row)
    return rows, lost


def _salvage(damaged: Path, result: Path) -> list[str]:
    """Carry what can be read of `damaged` into a fresh document at `result`."""
    from cxroadmap.storage.engine import initialise

    initialise(result)
    notes: list[str] = []
    old = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
    new = schema.connect(result, readonly=False)
    try:
        new.execute("PRAGMA foreign_keys = OFF")
        new.execute("BEGIN IMMEDIATE")
        shape = verify.expected_shape()
        for table, want in shape.tables.items():
            if table == "document_seal":
                continue
            columns = [c.name for c in want.columns]
            try:
                rows, lost = _rows(old, table, columns)
            except (sqlite3.DatabaseError, UnicodeError) as error:
                notes.append(f"table {table!r} could not be read ({error})")
                continue
            kept = 0
            marks = ", ".join("?" for _ in columns)
            names = ", ".join(f'"{c}"' for c in columns)
            for row in rows:
                if not _well_typed(row, want):
                    lost += 1
                    continue
                try:
                    new.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', row)
                    kept += 1
                except (sqlite3.DatabaseError, UnicodeError):
                    lost += 1
            if lost:
                notes.append(f"{lost} row(s) of table {table!r} were damaged and left out")
        notes += _drop_orphans(new)
        cycle = verify.parent_cycle(new)
        while cycle is not None:
            new.execute("UPDATE strategy SET parent_key = NULL WHERE key = ?", (cycle[0],))
            notes.append(f"strategy {cycle[0]} no longer has a parent (the parents formed a cycle)")
            cycle = verify.parent_cycle(new)
        new.execute("COMMIT")
    finally:
        new.close()
        old.close()
    return notes


def _well_typed(row: tuple[object, ...], want: verify.TableShape) -> bool:
    kinds = {int: "integer", float: "real", str: "text", bytes: "blob", type(None): "null"}
    return all(
        kinds.get(type(value), "?") in verify.allowed_kinds(column)
        for value, column in zip(row, want.columns, strict=True)
    )


def _drop_orphans(conn: sqlite3.Connection) -> list[str]:
    dropped: dict[str, int] = {}
    while True:
        orphans = conn.execute("PRAGMA foreign_key_check").fetchall()
        if not orphans:
            break
        for table, rowid, _, _ in orphans:
            conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            dropped[table] = dropped.get(table, 0) + 1
    return [
        f"{count} row(s) of table {table!r} referred to rows that are gone and were left out"
        for table, count in dropped.items()
    ]
