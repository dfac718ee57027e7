"""Write one edit's `Change` into the file: exactly the rows it names, plus order if it moved."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.storage.rows import DEPENDENCY, INITIATIVE, STRATEGY
from cxroadmap.storage.strategy_rows import (
    dependency_row,
    initiative_ids,
    initiative_row,
    strategy_fields,
    write_calendar_and_phases,
)


def write_change(conn: Connection, strategy_id: int, strategy: Strategy, change: Change) -> None:
    """Bring the stored strategy in line with `strategy` for everything `change` names.

    Identity is by key: a key named in the change that the strategy no longer has is
    deleted (its dependencies go with it), one it has is inserted or updated in place.
    Dependency pairs are handled the same way. Call inside one transaction.
    """
    if change.strategy:
        conn.execute(
            update(STRATEGY).where(STRATEGY.c.id == strategy_id).values(**strategy_fields(strategy))
        )
        write_calendar_and_phases(conn, strategy_id, strategy)
    keys = change.initiatives | change.removed_initiatives
    pairs = change.dependencies | change.removed_dependencies
    if not keys and not pairs:
        return
    ids = initiative_ids(conn, strategy_id)
    if keys and _write_initiatives(conn, strategy_id, strategy, keys, ids):
        ids = initiative_ids(conn, strategy_id)
        order = {ids[k]: i for i, k in enumerate(strategy.initiatives)}
        _renumber(conn, INITIATIVE, strategy_id, order)
    if pairs:
        _write_dependencies(conn, strategy_id, strategy, pairs, ids)


def _update_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """executemany UPDATE by `row_id`; bind names get a prefix as SQLAlchemy reserves the bare
    column names for its own SET parameters."""
    if not rows:
        return
    names = [name for name in rows[0] if name != "row_id"]
    params = [{f"new_{k}": v for k, v in row.items()} for row in rows]
    conn.execute(
        update(table)
        .where(table.c.id == bindparam("new_row_id"))
        .values(**{name: bindparam(f"new_{name}") for name in names}),
        params,
    )


def _write_initiatives(
    conn: Connection, strategy_id: int, strategy: Strategy, keys: set[str], ids: dict[str, int]
) -> bool:
    """Delete, update and insert the named initiatives; True when rows were inserted."""
    gone = [ids[k] for k in keys if k not in strategy.initiatives and k in ids]
    if gone:
        conn.execute(delete(INITIATIVE).where(INITIATIVE.c.id.in_(gone)))
    present = [k for k in keys if k in strategy.initiatives]
    if not present:
        return False
    order = {k: i for i, k in enumerate(strategy.initiatives)}
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    for key in present:
        row = initiative_row(strategy_id, order[key], strategy.initiatives[key])
        if key in ids:
            updates.append(row | {"row_id": ids[key]})
        else:
            inserts.append(row)
    _update_rows(conn, INITIATIVE, updates)
    if inserts:
        conn.execute(insert(INITIATIVE), inserts)
    return bool(inserts)


def _write_dependencies(
    conn: Connection,
    strategy_id: int,
    strategy: Strategy,
    pairs: set[tuple[str, str]],
    ids: dict[str, int],
) -> None:
    d = DEPENDENCY.c
    stored = {
        (from_id, to_id): row_id
        for row_id, from_id, to_id in conn.execute(
            select(d.id, d.from_id, d.to_id).where(d.strategy_id == strategy_id)
        )
    }
    wanted = {dep.pair: (i, dep) for i, dep in enumerate(strategy.dependencies)}
    gone: list[int] = []
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    for pair in pairs:
        row_id = stored.get((ids.get(pair[0], -1), ids.get(pair[1], -1)))
        if pair not in wanted:
            if row_id is not None:
                gone.append(row_id)
            continue
        index, dep = wanted[pair]
        if row_id is None:
            inserts.append(dependency_row(strategy_id, index, dep, ids))
        else:
            updates.append({"row_id": row_id, "position": index, "type": dep.type, "lag": dep.lag})
    if gone:
        conn.execute(delete(DEPENDENCY).where(d.id.in_(gone)))
    _update_rows(conn, DEPENDENCY, updates)
    if inserts:
        conn.execute(insert(DEPENDENCY), inserts)
        index_of = {
            (ids[dep.from_key], ids[dep.to_key]): i for i, dep in enumerate(strategy.dependencies)
        }
        rows = conn.execute(select(d.id, d.from_id, d.to_id).where(d.strategy_id == strategy_id))
        order = {row_id: index_of[(f, t)] for row_id, f, t in rows if (f, t) in index_of}
        _renumber(conn, DEPENDENCY, strategy_id, order)


def _renumber(conn: Connection, table: Table, strategy_id: int, order: dict[int, int]) -> None:
    """Give each row its index in the strategy's order, touching only rows that moved."""
    rows = conn.execute(
        select(table.c.id, table.c.position).where(table.c.strategy_id == strategy_id)
    )
    moved = [
        {"row_id": row_id, "position": order[row_id]}
        for row_id, position in rows
        if row_id in order and order[row_id] != position
    ]
    _update_rows(conn, table, moved)
