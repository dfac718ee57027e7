"""A file whose schema is, text for text, a fresh document's: known from sqlite_master alone."""

from __future__ import annotations

import sqlite3
from collections import Counter

from cxroadmap.storage import seal
from cxroadmap.storage.schema_sql import STATEMENTS

_AUTOINDEX = "sqlite_autoindex_"


def fresh_table_names(conn: sqlite3.Connection) -> list[str] | None:
    """The file's tables, in the order a fresh document's expected shape lists them, when its
    schema is exactly a fresh document's; None when it is not (then the shapes are compared).

    SQLite builds a database's whole schema from the SQL text in `sqlite_master`, so a file
    holding exactly the CREATE statements of schema_sql.py and the checksum's triggers for
    those tables has a fresh document's shape, column for column: there is nothing to ask
    of it through PRAGMAs, and no expected shape to build in memory (together most of the
    time an open spent verifying a small document). Any other file (an older schema's,
    upgraded with ALTER TABLE, or one with anything added) takes the full comparison.
    """
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    for kind, name, sql in rows:
        if sql is None and not (kind == "index" and str(name).startswith(_AUTOINDEX)):
            return None  # only a table's own UNIQUE and PRIMARY KEY indexes have no SQL
    found = Counter(sql for _, _, sql in rows if sql is not None)
    if found != Counter(STATEMENTS) + Counter(seal.trigger_statements(conn)):
        return None
    # expected_shape() makes the tables in STATEMENTS' order and lists them in that order.
    position = {sql: at for at, sql in enumerate(STATEMENTS)}
    tables = [(position[sql], str(name)) for kind, name, sql in rows if kind == "table"]
    return [name for _, name in sorted(tables)]
