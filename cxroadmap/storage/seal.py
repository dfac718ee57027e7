"""The document's checksum: an XOR of a 63-bit hash of every row, kept current by triggers.

A bit flip or a torn write that changes a stored value, a row lost to truncation, or a
page mixed in from another file changes the XOR; `verify` recomputes it on open. The
triggers are generated from the file's own columns, so a migration adding a column
only has to call `install` again (schema.migrate does).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable

SEAL_TABLE = "document_seal"
_PREFIX = "seal_"
_MASK = (1 << 63) - 1
FUNCTION = "cx_seal"


def row_hash(table: str, values: Iterable[object]) -> int:
    """A 63-bit hash of one row (its table's name and every column's value, id included)."""
    text = repr((table, tuple(values))).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(text, digest_size=8).digest(), "big") & _MASK


def _fold(digest: int, table: str, *values: object) -> int:
    return int(digest) ^ row_hash(table, values)


def register(conn: sqlite3.Connection) -> None:
    """Give a connection the function the triggers call (every connection of ours has it)."""
    conn.create_function(FUNCTION, -1, _fold, deterministic=True)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sealed_tables(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    """(table, columns) of every table whose rows the checksum covers."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
        if r[0] != SEAL_TABLE
    ]
    return [
        (name, [str(c[1]) for c in conn.execute(f"PRAGMA table_info({_quoted(name)})")])
        for name in names
    ]


def _trigger_sql(table: str, columns: list[str]) -> list[str]:
    def args(prefix: str) -> str:
        return ", ".join(f"{prefix}.{_quoted(c)}" for c in columns)

    label = "'" + table.replace("'", "''") + "'"
    update = f"UPDATE {SEAL_TABLE} SET digest = "
    body = {
        "insert": f"{FUNCTION}(digest, {label}, {args('NEW')})",
        "delete": f"{FUNCTION}(digest, {label}, {args('OLD')})",
        "update": f"{FUNCTION}({FUNCTION}(digest, {label}, {args('OLD')}), {label}, {args('NEW')})",
    }
    return [
        f"CREATE TRIGGER {_quoted(_PREFIX + table + '_' + event)} AFTER {event.upper()} "
        f"ON {_quoted(table)} BEGIN {update}{expression} WHERE id = 1; END"
        for event, expression in body.items()
    ]


def drop_triggers(conn: sqlite3.Connection) -> None:
    """Remove the checksum's triggers (before a migration reshapes tables)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", (_PREFIX + "%",)
    ).fetchall()
    for (name,) in rows:
        conn.execute(f"DROP TRIGGER {_quoted(str(name))}")


def trigger_statements(conn: sqlite3.Connection) -> list[str]:
    """The CREATE TRIGGER statements of the checksum for the tables `conn` holds now."""
    return [sql for table, columns in sealed_tables(conn) for sql in _trigger_sql(table, columns)]


def install(conn: sqlite3.Connection) -> None:
    """(Re)create the triggers from the file's tables and store a freshly computed checksum.

    Run inside the caller's transaction; the seal table must exist.
    """
    drop_triggers(conn)
    for statement in trigger_statements(conn):
        conn.execute(statement)
    conn.execute(f"DELETE FROM {SEAL_TABLE}")
    conn.execute(f"INSERT INTO {SEAL_TABLE} (id, digest) VALUES (1, ?)", (compute(conn),))


def compute(conn: sqlite3.Connection) -> int:
    """The checksum of every row as it is stored now.

    Exactly `row_hash` per row, XORed, written out inline: this runs over every row of a
    new or opened file (25,000 rows for a 5,000-initiative copy), where a function call,
    a tuple copy and a mask per row were a third of the time. The mask keeps the low
    63 bits, which XOR leaves where they are, so masking once at the end is the same.
    """
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    digest = 0
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples, whatever the connection's factory
    for table, columns in sealed_tables(conn):
        select = ", ".join(_quoted(c) for c in columns)
        for row in cursor.execute(f"SELECT {select} FROM {_quoted(table)}"):
            # (table, row) reprs as (table, tuple(values)) does: sqlite3 rows are tuples.
            text = repr((table, row)).encode("utf-8", "surrogatepass")
            digest ^= from_bytes(blake2b(text, digest_size=8).digest(), "big")
    return digest & _MASK


def seal_problem(conn: sqlite3.Connection) -> str | None:
    """Why the stored checksum does not vouch for the rows, or None when it matches."""
    rows = conn.execute(f"SELECT digest FROM {SEAL_TABLE}").fetchall()
    if len(rows) != 1 or not isinstance(rows[0][0], int):
        return "its checksum is missing"
    if rows[0][0] != compute(conn):
        return (
            "its checksum does not match its contents: a value was changed outside "
            "cxroadmap or the file was damaged on disk"
        )
    return None
