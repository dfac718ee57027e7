"""Write one edit's `Change` into the file: exactly the rows it names, nothing else.

Rows are identified by key (initiatives) and key pair (dependencies). Order is kept in
sparse positions (see positions.py), so an insert rewrites only the inserted row unless
its gap is full, and then the list is renumbered once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, tuple_, update

from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.storage.baseline_rows import write_baselines
from cxroadmap.storage.cx_rows import write_cx_change
from cxroadmap.storage.positions import anchors, plan_positions, spaced
from cxroadmap.storage.rows import DEPENDENCY, INITIATIVE, STRATEGY
from cxroadmap.storage.strategy_rows import (
    dependency_row,
    initiative_ids,
    initiative_row,
    strategy_fields,
    write_calendar_and_phases,
)

Pair = tuple[str, str]

# Past this many rows named in one change, reading the whole list beats a long IN (...).
_LOOKUP_LIMIT = 400
# Up to this many initiatives named, each one's place is looked up alone.
_FEW_KEYS = 8


def write_change(conn: Connection, strategy_id: int, strategy: Strategy, change: Change) -> None:
    """Bring the stored strategy in line with `strategy` for everything `change` names.

    A key or pair the strategy no longer has is deleted (an initiative's dependencies go
    with it); one it has is updated in place or inserted. Call inside one transaction.
    """
    if change.strategy:
        conn.execute(
            update(STRATEGY).where(STRATEGY.c.id == strategy_id).values(**strategy_fields(strategy))
        )
        write_calendar_and_phases(conn, strategy_id, strategy)
    if change.baselines:
        write_baselines(conn, strategy_id, strategy)
    keys = change.initiatives | change.removed_initiatives
    if keys:
        _write_initiatives(conn, strategy_id, strategy, keys)
    pairs = change.dependencies | change.removed_dependencies
    if pairs:
        _write_dependencies(conn, strategy_id, strategy, pairs)
    # Touchpoints, measures and the initiatives' own links (cx_rows.py).
    present = {k for k in change.initiatives if k in strategy.initiatives}
    if change.touchpoints or change.measures:
        write_cx_change(conn, strategy_id, strategy, change, initiative_ids(conn, strategy_id))
    elif present:
        write_cx_change(conn, strategy_id, strategy, change, _ids_of(conn, strategy_id, present))


def _ids_of(conn: Connection, strategy_id: int, keys: Collection[str]) -> dict[str, int]:
    if len(keys) > _LOOKUP_LIMIT:
        every = initiative_ids(conn, strategy_id)
        return {k: every[k] for k in keys if k in every}
    c = INITIATIVE.c
    rows = conn.execute(select(c.key, c.id).where(c.strategy_id == strategy_id, c.key.in_(keys)))
    return {key: row_id for key, row_id in rows.all()}


def _positions(conn: Connection, table: Table, row_ids: Iterable[int]) -> dict[int, int]:
    wanted = list(row_ids)
    if not wanted:
        return {}
    rows = conn.execute(select(table.c.id, table.c.position).where(table.c.id.in_(wanted)))
    return {row_id: position for row_id, position in rows.all()}


def _update_rows(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """executemany UPDATE by `row_id`. Bind names get a prefix: SQLAlchemy keeps the bare
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


def _renumber(conn: Connection, table: Table, strategy_id: int, ordered_ids: list[int]) -> None:
    """Give every row of the list the position of its index, touching only rows that moved."""
    rows = conn.execute(
        select(table.c.id, table.c.position).where(table.c.strategy_id == strategy_id)
    )
    stored = {row_id: position for row_id, position in rows.all()}
    _update_rows(
        conn,
        table,
        [
            {"row_id": row_id, "position": spaced(i)}
            for i, row_id in enumerate(ordered_ids)
            if stored.get(row_id) != spaced(i)
        ],
    )


def _write_initiatives(
    conn: Connection, strategy_id: int, strategy: Strategy, keys: set[str]
) -> None:
    order = list(strategy.initiatives)
    if len(keys) <= _FEW_KEYS:
        # Most edits name an initiative or two: their places are found by scans of the order
        # at C speed, not from a dictionary of all (20,000) places made for every edit.
        index = {k: order.index(k) for k in keys if k in strategy.initiatives}
    else:
        index = dict(zip(order, range(len(order)), strict=True))  # at C speed
    present = sorted(index[k] for k in keys if k in index)
    neighbours = anchors(len(order), present)
    around = [order[i] for i in neighbours]
    index.update(zip(around, neighbours, strict=True))
    ids = _ids_of(conn, strategy_id, keys | set(around))
    gone = [ids.pop(k) for k in keys if k not in index and k in ids]
    if gone:
        conn.execute(delete(INITIATIVE).where(INITIATIVE.c.id.in_(gone)))
    if not present:
        return
    by_id = _positions(conn, INITIATIVE, ids.values())
    stored = {index[k]: by_id[row_id] for k, row_id in ids.items() if row_id in by_id}
    plan = plan_positions(len(order), present, stored)
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    for i in present:
        key = order[i]
        position = spaced(i) if plan is None else plan[i]
        row = initiative_row(strategy_id, position, strategy.initiatives[key])
        if key in ids:
            updates.append(row | {"row_id": ids[key]})
        else:
            inserts.append(row)
    _update_rows(conn, INITIATIVE, updates)
    if inserts:
        conn.execute(insert(INITIATIVE), inserts)
    if plan is None:
        every = initiative_ids(conn, strategy_id)
        _renumber(conn, INITIATIVE, strategy_id, [every[k] for k in order])


def _dependency_rows(
    conn: Connection, strategy_id: int, id_pairs: Collection[tuple[int, int]]
) -> dict[tuple[int, int], tuple[int, int]]:
    """(from_id, to_id) -> (row id, position) of the stored dependencies among `id_pairs`."""
    d = DEPENDENCY.c
    query = select(d.from_id, d.to_id, d.id, d.position).where(d.strategy_id == strategy_id)
    if len(id_pairs) <= _LOOKUP_LIMIT:
        query = query.where(tuple_(d.from_id, d.to_id).in_(list(id_pairs)))
    found = {(f, t): (row_id, position) for f, t, row_id, position in conn.execute(query).all()}
    return {pair: found[pair] for pair in id_pairs if pair in found}


def _write_dependencies(
    conn: Connection, strategy_id: int, strategy: Strategy, pairs: set[Pair]
) -> None:
    deps = strategy.dependencies
    index = {dep.pair: i for i, dep in enumerate(deps)}
    present = sorted(index[p] for p in pairs if p in index)
    involved = pairs | {deps[i].pair for i in anchors(len(deps), present)}
    ids = _ids_of(conn, strategy_id, {key for pair in involved for key in pair})
    as_ids = {p: (ids[p[0]], ids[p[1]]) for p in involved if p[0] in ids and p[1] in ids}
    rows = _dependency_rows(conn, strategy_id, set(as_ids.values()))
    stored_rows = {p: rows[id_pair] for p, id_pair in as_ids.items() if id_pair in rows}
    gone = [row_id for p, (row_id, _) in stored_rows.items() if p not in index]
    if gone:
        conn.execute(delete(DEPENDENCY).where(DEPENDENCY.c.id.in_(gone)))
    if not present:
        return
    stored = {index[p]: position for p, (_, position) in stored_rows.items() if p in index}
    plan = plan_positions(len(deps), present, stored)
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    for i in present:
        dep = deps[i]
        position = spaced(i) if plan is None else plan[i]
        if dep.pair in stored_rows:
            row_id = stored_rows[dep.pair][0]
            updates.append({"row_id": row_id, **dependency_row(strategy_id, position, dep, ids)})
        else:
            inserts.append(dependency_row(strategy_id, position, dep, ids))
    _update_rows(conn, DEPENDENCY, updates)
    if inserts:
        conn.execute(insert(DEPENDENCY), inserts)
    if plan is None:
        every = initiative_ids(conn, strategy_id)
        all_rows = _dependency_rows(
            conn, strategy_id, [(every[d.from_key], every[d.to_key]) for d in deps]
        )
        ordered = [all_rows[(every[d.from_key], every[d.to_key])][0] for d in deps]
        _renumber(conn, DEPENDENCY, strategy_id, ordered)
