"""Many rows into one table through sqlite3's own executemany, skipping SQLAlchemy's per-row work.

`conn.execute(insert(table), rows)` compiles the statement and builds every row's
parameters in Python (about half the time of writing a 5,000-initiative document); the
rows here go to SQLite as plain tuples. The values stored are the same: each column's own
bind conversion (if its type has one) is applied, and a column left out of the rows
gets its default as SQLAlchemy would give it.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert

Row = dict[str, Any]


def insert_rows(conn: Connection, table: Table, rows: Sequence[Row]) -> None:
    """Insert `rows` (dicts with the same keys), as `conn.execute(insert(table), rows)` would."""
    if not rows:
        return
    names = list(rows[0])
    get = itemgetter(*names)
    try:
        values = [get(row) for row in rows if len(row) == len(names)]
    except KeyError:
        values = []
    if len(values) != len(rows):  # rows of different shapes: rare and small
        conn.execute(insert(table), list(rows))
        return
    if len(names) == 1:
        values = [(v,) for v in values]
    insert_tuples(conn, table, names, values)


def insert_tuples(
    conn: Connection, table: Table, names: list[str], values: list[tuple[Any, ...]]
) -> None:
    """Insert rows given as tuples of the columns `names`, in that order."""
    if not values:
        return
    extra: list[Any] = []
    for column in table.columns:
        if column.name in names or column.default is None:
            continue
        if not column.default.is_scalar:  # a callable default: leave it to SQLAlchemy
            conn.execute(insert(table), [dict(zip(names, v, strict=True)) for v in values])
            return
        names = [*names, column.name]
        extra.append(column.default.arg)  # type: ignore[attr-defined]
    if extra:
        values = [(*v, *extra) for v in values]
    dialect = conn.dialect
    for at, name in enumerate(names):
        process = table.c[name].type._cached_bind_processor(dialect)
        if process is not None:  # e.g. Float: float(value); applied to that column alone
            values = [(*v[:at], process(v[at]), *v[at + 1 :]) for v in values]
    columns = ", ".join(_quoted(n) for n in names)
    marks = ", ".join("?" * len(names))
    conn.exec_driver_sql(f"INSERT INTO {_quoted(table.name)} ({columns}) VALUES ({marks})", values)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
