"""Opening is verification: the file's schema must be exactly the code's, and its rows well typed.

The expected schema is not a hand-kept list: it is read back from a fresh file made by
`engine.initialise`, so a new table or column (with its migration) is expected at once.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from cxroadmap.storage import schema_match, seal

_CHECK_NAME = re.compile(r"CONSTRAINT\s+\"?(\w+)\"?\s+CHECK\s*\(", re.IGNORECASE)
_SPACE = re.compile(r"\s+")

# SQLite's own bookkeeping tables (AUTOINCREMENT counters, ANALYZE statistics) are not ours
# to judge; they hold no document data.
_INTERNAL = "sqlite_"

_MAX_ROW_PROBLEMS = 10


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    notnull: bool
    default: str | None
    pk: int


@dataclass(frozen=True)
class TableShape:
    columns: tuple[Column, ...]
    foreign_keys: frozenset[tuple[str, str, str, str, str]]
    indexes: frozenset[tuple[str, bool, str, tuple[str, ...], str]]
    checks: frozenset[str]


@dataclass
class Shape:
    """What `sqlite_master` says a file holds, in comparable form."""

    tables: dict[str, TableShape] = field(default_factory=dict)
    triggers: dict[str, str] = field(default_factory=dict)
    views: dict[str, str] = field(default_factory=dict)


def _normal(sql: str | None) -> str:
    return _SPACE.sub(" ", (sql or "").strip()).replace("( ", "(").replace(" )", ")")


def _where(sql: str | None) -> str:
    text = _normal(sql)
    at = text.upper().find(" WHERE ")
    return text[at + 7 :].replace('"', "") if at >= 0 else ""


def read_shape(conn: sqlite3.Connection) -> Shape:
    """The tables (columns, keys, indexes, named checks), triggers and views of a database."""
    shape = Shape()
    master = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    index_sql = {name: sql for kind, name, _, sql in master if kind == "index"}
    for kind, name, _, sql in master:
        if kind == "trigger":
            shape.triggers[name] = _normal(sql)
        elif kind == "view":
            shape.views[name] = _normal(sql)
        elif kind == "table" and not name.startswith(_INTERNAL):
            shape.tables[name] = _table_shape(conn, name, sql or "", index_sql)
    return shape


def _table_shape(
    conn: sqlite3.Connection, name: str, sql: str, index_sql: dict[str, str | None]
) -> TableShape:
    quoted = '"' + name.replace('"', '""') + '"'
    columns = table_columns(conn, name)
    keys = frozenset(
        (str(r[2]), str(r[3]), str(r[4]), str(r[5]), str(r[6]))
        for r in conn.execute(f"PRAGMA foreign_key_list({quoted})")
    )
    indexes = []
    for _, index, unique, origin, partial in conn.execute(f"PRAGMA index_list({quoted})"):
        cols = tuple(
            str(r[2]) for r in conn.execute(f'PRAGMA index_info("{index}")') if r[2] is not None
        )
        where = _where(index_sql.get(index)) if partial else ""
        indexes.append((str(index), bool(unique), str(origin), cols, where))
    return TableShape(columns, keys, frozenset(indexes), _checks(sql))


def table_columns(conn: sqlite3.Connection, name: str) -> tuple[Column, ...]:
    quoted = '"' + name.replace('"', '""') + '"'
    return tuple(
        Column(str(r[1]), str(r[2]).upper(), bool(r[3]), r[4], int(r[5]))
        for r in conn.execute(f"PRAGMA table_xinfo({quoted})")
    )


def _checks(sql: str) -> frozenset[str]:
    """Each named CHECK constraint of a CREATE TABLE, name and expression, spaces normalised."""
    found = []
    for match in _CHECK_NAME.finditer(sql):
        start = sql.find("(", match.end() - 1)
        depth, end = 0, start
        for end in range(start, len(sql)):
            depth += {"(": 1, ")": -1}.get(sql[end], 0)
            if depth == 0:
                break
        found.append(f"{match.group(1)} {_normal(sql[start : end + 1])}")
    return frozenset(found)


@functools.cache
def expected_shape() -> Shape:
    """The shape of a brand-new document of the current schema (made once per process).

    Made in memory from the SQL that SQLModel's tables give a fresh file, kept as text in
    schema_sql.py (generated, and checked by a test), so verifying needs no SQLAlchemy.
    """
    from cxroadmap.storage.schema_sql import STATEMENTS

    conn = sqlite3.connect(":memory:")
    try:
        for sql in STATEMENTS:
            conn.execute(sql)
        # The checksum's triggers follow from the tables (seal.py), so they are not listed.
        for sql in seal.trigger_statements(conn):
            conn.execute(sql)
        return read_shape(conn)
    finally:
        conn.close()


def shape_problems(conn: sqlite3.Connection, current: bool) -> list[str]:
    """How the file's schema differs from the code's, one phrase each.

    Triggers and views are refused in any schema version: cxroadmap makes none but its
    own, and a planted one can rewrite data behind every edit. Tables are compared
    exactly only for a file of the current version (older ones are upgraded first).
    """
    found = read_shape(conn)
    want = expected_shape()
    problems = []
    if current:
        for name in sorted(set(found.tables) - set(want.tables)):
            problems.append(f"it holds a table {name!r} that cxroadmap does not know")
        for name in [n for n in want.tables if n not in found.tables]:
            problems.append(f"table {name!r} is missing")
        for name, shape in want.tables.items():
            have = found.tables.get(name)
            if have is not None:
                problems += _table_differences(name, shape, have)
    for name in sorted(found.triggers):
        if name not in want.triggers:
            problems.append(
                f"it holds a trigger {name!r} that cxroadmap did not make, "
                "which could change data behind every edit"
            )
        elif want.triggers[name] != found.triggers[name] and current:
            problems.append(f"its trigger {name!r} is not the one cxroadmap made")
    for name in sorted(set(found.views) - set(want.views)):
        problems.append(f"it holds a view {name!r} that cxroadmap did not make")
    for name in sorted(set(want.triggers) - set(found.triggers)) if current else ():
        problems.append(f"its trigger {name!r} is missing")
    return problems


def _table_differences(name: str, want: TableShape, have: TableShape) -> list[str]:
    problems = []
    wanted = {c.name: c for c in want.columns}
    present = {c.name: c for c in have.columns}
    for column in have.columns:
        if column.name not in wanted:
            problems.append(f"table {name!r} has an unknown column {column.name!r}")
        elif wanted[column.name] != column:
            problems.append(f"column {name}.{column.name} is not defined as cxroadmap defines it")
    for column in want.columns:
        if column.name not in present:
            problems.append(f"column {name}.{column.name} is missing")
    if have.foreign_keys != want.foreign_keys:
        problems.append(f"the foreign keys of table {name!r} differ from cxroadmap's")
    if have.indexes != want.indexes:
        problems.append(f"the indexes of table {name!r} differ from cxroadmap's")
    if have.checks != want.checks:
        problems.append(f"the checks of table {name!r} differ from cxroadmap's")
    return problems


_ALLOWED = {
    "INTEGER": ("integer",),
    "BOOLEAN": ("integer",),
    "FLOAT": ("real", "integer"),
    "REAL": ("real", "integer"),
    "NUMERIC": ("real", "integer"),
    "BLOB": ("blob",),  # the brand kit's logo (brand_rows.py)
}


def allowed_kinds(column: Column) -> tuple[str, ...]:
    kinds = _ALLOWED.get(column.type, ("text",))
    return kinds if column.notnull or column.pk else (*kinds, "null")


def row_problems(
    conn: sqlite3.Connection, tables: dict[str, tuple[Column, ...]] | None = None
) -> list[str]:
    """Values of the wrong storage class (a BLOB where text belongs, text in a number column).

    SQLite's type affinity lets any value into any column; the code reading the rows
    would then fail far from the cause. `tables`: each table's columns, when known to be
    the expected shape's (by default they are taken from it).
    """
    if tables is None:
        tables = {name: shape.columns for name, shape in expected_shape().tables.items()}
    problems: list[str] = []
    for name, columns in tables.items():
        tests = [
            f'typeof("{c.name}") NOT IN ({", ".join(repr(k) for k in allowed_kinds(c))})'
            for c in columns
        ]
        kinds = ", ".join(f'typeof("{c.name}")' for c in columns)
        query = f'SELECT rowid, {kinds} FROM "{name}" WHERE {" OR ".join(tests)} LIMIT ?'
        for row in conn.execute(query, (_MAX_ROW_PROBLEMS,)):
            for column, kind in zip(columns, row[1:], strict=True):
                if kind not in allowed_kinds(column):
                    expected = " or ".join(k for k in allowed_kinds(column) if k != "null")
                    problems.append(
                        f"row {row[0]} of table {name!r}: {column.name} holds {_article(kind)} "
                        f"where {_article(expected)} is expected"
                    )
        if len(problems) >= _MAX_ROW_PROBLEMS:
            break
    return problems[:_MAX_ROW_PROBLEMS]


def _article(kind: str) -> str:
    if kind == "text":
        return "text"
    word = {"blob": "BLOB", "null": "NULL", "real": "real number"}.get(kind, kind)
    return f"an {word}" if word[0] in "aeiouAEIOU" else f"a {word}"


def parent_cycle(conn: sqlite3.Connection) -> list[str] | None:
    """Keys of a strategy parent cycle (first key repeated at the end), or None."""
    parents = {
        str(key): str(parent)
        for key, parent in conn.execute("SELECT key, parent_key FROM strategy WHERE key <> ''")
        if parent is not None
    }
    for start in parents:
        chain = [start]
        current = parents.get(start)
        while current is not None and current not in chain:
            chain.append(current)
            current = parents.get(current)
        if current == start:
            return [*chain, start]
    return None


def foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("PRAGMA foreign_key_check").fetchmany(_MAX_ROW_PROBLEMS)
    return [
        f"row {rowid} of table {table!r} refers to a missing {parent}"
        for table, rowid, parent, _ in rows
    ]


def problems_on_open(
    conn: sqlite3.Connection, current: bool, seal_verified: bool = False
) -> list[str]:
    """Everything refused before a document is used: its shape, then (current schema) its rows.

    `seal_verified`: these very bytes were found sound before (seal_cache.py), so the
    checksum is not recomputed.
    """
    fresh = schema_match.fresh_table_names(conn) if current else None
    if fresh is None:
        problems = shape_problems(conn, current)
        if problems or not current:
            return problems
        tables = None
    else:  # a fresh document's schema, text for text: the same shape, known without PRAGMAs
        tables = {name: table_columns(conn, name) for name in fresh}
    problems = row_problems(conn, tables) + foreign_key_problems(conn)
    cycle = parent_cycle(conn)
    if cycle is not None:
        problems.append(f"its strategies form a parent cycle: {' -> '.join(cycle)}")
    checksum = None if seal_verified else seal.seal_problem(conn)
    if checksum is not None:
        problems.append(checksum)
    return problems


def file_problems(path: Path) -> list[str]:
    """Every check of an open plus SQLite's full integrity check, on a file nobody else uses."""
    from cxroadmap.storage import schema
    from cxroadmap.storage.errors import DocumentError

    try:
        schema.read_header(path)
        conn = schema.connect(path, readonly=True)
    except (DocumentError, sqlite3.Error, UnicodeError) as error:
        return [str(error)]
    try:
        version = schema.check_tags(path, conn)
        lines = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(5)")]
        if lines != ["ok"]:
            details = [" ".join(line.split()) for line in "\n".join(lines).splitlines()]
            found = [f"integrity check: {d}" for d in details if d and not d.startswith("***")]
            return found or ["the integrity check failed"]
        return problems_on_open(conn, current=version == schema.SCHEMA_VERSION)
    except (DocumentError, sqlite3.Error, UnicodeError) as error:
        return [str(getattr(error, "problem", error))]
    finally:
        conn.close()
