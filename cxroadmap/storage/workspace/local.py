"""The workspace tables of a `.cxroadmap` copy: link, access, base items and conflicts."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from cxroadmap.domain.edits import Change
from cxroadmap.storage.workspace.items import (
    BASELINE,
    DEPENDENCY,
    INITIATIVE,
    MEASURE,
    ORDER,
    STRATEGY,
    TOUCHPOINT,
    ItemKey,
    ServerItem,
    dependency_key,
)
from cxroadmap.storage.workspace.local_rows import (
    WS_ACCESS,
    WS_CONFLICT,
    WS_DIRTY,
    WS_LINK,
)
from cxroadmap.storage.workspace.merge import Conflict, Part


@dataclass(frozen=True)
class Link:
    """The workspace a file is a copy of (never a password), how far it synced, its own id."""

    url: str
    last_rev: int
    synced_at: str | None
    copy_id: str
    path: str


def read_link(conn: Connection) -> Link | None:
    """The copy's link, or None for a plain document."""
    c = WS_LINK.c
    row = conn.execute(select(c.url, c.last_rev, c.synced_at, c.copy_id, c.path)).first()
    return None if row is None else Link(str(row[0]), int(row[1]), row[2], row[3], row[4])


def write_link(conn: Connection, link: Link) -> None:
    conn.execute(delete(WS_LINK))
    conn.execute(
        insert(WS_LINK).values(
            id=1,
            url=link.url,
            last_rev=link.last_rev,
            synced_at=link.synced_at,
            copy_id=link.copy_id,
            path=link.path,
        )
    )


def read_access(conn: Connection) -> dict[str, bool]:
    rows = conn.execute(select(WS_ACCESS.c.strategy, WS_ACCESS.c.editable)).all()
    return {str(s): bool(e) for s, e in rows}


def write_access(conn: Connection, access: dict[str, bool]) -> None:
    conn.execute(delete(WS_ACCESS))
    if access:
        conn.execute(insert(WS_ACCESS), [{"strategy": s, "editable": e} for s, e in access.items()])


WHOLE = "*"  # a dirty row of kind and key WHOLE: the whole strategy was rewritten
# A dirty row of kind touchpoint or measure and key ALL: some of them changed (an edit
# says only that the list changed); sync compares each with its base.
ALL = "*"


def _base_rows(rows: Any) -> dict[ItemKey, ServerItem]:
    return {(s, k, key): ServerItem(rev, bool(d), json.loads(f)) for s, k, key, rev, d, f in rows}


_BASE_COLUMNS = 'SELECT strategy, kind, "key", rev, deleted, fields FROM ws_base'


def read_base(
    conn: Connection,
    keys: Iterable[ItemKey] | None = None,
    strategies: Iterable[str] = (),
    kinds: Iterable[tuple[str, str]] = (),
) -> dict[ItemKey, ServerItem]:
    """Base items: all, or those of `keys`, of whole `strategies` and of (strategy, kind)s."""
    if keys is None:
        return _base_rows(conn.exec_driver_sql(_BASE_COLUMNS).fetchall())
    wanted = list(dict.fromkeys(keys))
    found: dict[ItemKey, ServerItem] = {}
    for at in range(0, len(wanted), 300):
        chunk = wanted[at : at + 300]
        marks = ", ".join(["(?, ?, ?)"] * len(chunk))
        rows = conn.exec_driver_sql(
            f'{_BASE_COLUMNS} WHERE (strategy, kind, "key") IN (VALUES {marks})',
            tuple(v for k in chunk for v in k),
        ).fetchall()
        found.update(_base_rows(rows))
    for strategy in strategies:
        rows = conn.exec_driver_sql(f"{_BASE_COLUMNS} WHERE strategy = ?", (strategy,)).fetchall()
        found.update(_base_rows(rows))
    for strategy, kind in kinds:
        rows = conn.exec_driver_sql(
            f"{_BASE_COLUMNS} WHERE strategy = ? AND kind = ?", (strategy, kind)
        ).fetchall()
        found.update(_base_rows(rows))
    return found


def write_base(
    conn: Connection, items: dict[ItemKey, ServerItem], raw: bool = False, fresh: bool = False
) -> None:
    """Insert or update base items (`raw`: their fields are JSON text already; `fresh`: a
    new copy, none there yet, so plain inserts)."""
    if not items:
        return
    rows = [
        (
            s,
            k,
            key,
            item.rev,
            item.deleted,
            item.fields if raw else json.dumps(item.fields, ensure_ascii=False, sort_keys=True),
        )
        for (s, k, key), item in items.items()
    ]
    upsert = (
        ""
        if fresh
        else ' ON CONFLICT (strategy, kind, "key") DO UPDATE SET '
        "rev = excluded.rev, deleted = excluded.deleted, fields = excluded.fields"
    )
    conn.exec_driver_sql(
        'INSERT INTO ws_base (strategy, kind, "key", rev, deleted, fields) '
        f"VALUES (?, ?, ?, ?, ?, ?){upsert}",
        rows,
    )


def is_copy(conn: Connection) -> bool:
    return conn.exec_driver_sql("SELECT 1 FROM ws_link").first() is not None


def record_change(conn: Connection, strategy: str, change: Change) -> None:
    """Note what one edit changed, when the file is a workspace copy (sync reads only these)."""
    if not is_copy(conn):
        return
    keys: list[tuple[str, str, str]] = []
    if change.strategy:
        keys.append((strategy, STRATEGY, ""))
    if change.touchpoints:
        keys.append((strategy, TOUCHPOINT, ALL))
    if change.measures:
        keys.append((strategy, MEASURE, ALL))
    if change.baselines:  # one of them, their order, or the chosen one (a strategy field)
        keys += [(strategy, BASELINE, ALL), (strategy, STRATEGY, ""), (strategy, ORDER, "")]
    initiatives = change.initiatives | change.removed_initiatives
    keys += [(strategy, INITIATIVE, k) for k in initiatives]
    if initiatives or change.touchpoints or change.measures:
        # A row added, removed or moved changes the order (compared, pushed if it differs).
        keys.append((strategy, ORDER, ""))
    keys += [
        (strategy, DEPENDENCY, dependency_key(*pair))
        for pair in change.dependencies | change.removed_dependencies
    ]
    mark_dirty(conn, keys)


def mark_dirty(conn: Connection, keys: Iterable[tuple[str, str, str]]) -> None:
    rows = list(keys)
    if rows:
        conn.exec_driver_sql(
            'INSERT OR IGNORE INTO ws_dirty (strategy, kind, "key") VALUES (?, ?, ?)', rows
        )


def mark_whole(conn: Connection, strategy: str) -> None:
    """The strategy was rewritten whole: sync compares all of it with its base."""
    if is_copy(conn):
        mark_dirty(conn, [(strategy, WHOLE, WHOLE)])


def read_dirty(conn: Connection) -> list[ItemKey]:
    rows = conn.exec_driver_sql('SELECT strategy, kind, "key" FROM ws_dirty ORDER BY id')
    return [(str(s), str(k), str(key)) for s, k, key in rows.fetchall()]


def write_dirty(conn: Connection, keys: Iterable[ItemKey]) -> None:
    conn.execute(delete(WS_DIRTY))
    mark_dirty(conn, keys)


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def read_conflicts(conn: Connection) -> list[Conflict]:
    rows = conn.execute(select(WS_CONFLICT.c.sides).order_by(WS_CONFLICT.c.id)).all()
    found = []
    for (sides,) in rows:
        data = json.loads(sides)
        parts = [Part((s, k, key), f, mine, theirs) for s, k, key, f, mine, theirs in data["parts"]]
        found.append(Conflict(parts, data.get("reason", "")))
    return found


def write_conflicts(conn: Connection, conflicts: list[Conflict]) -> None:
    """Replace the stored conflicts with `conflicts` (the first conflict per item and field)."""
    conn.execute(delete(WS_CONFLICT))
    rows: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for c in conflicts:
        s, k, key = c.item
        first = c.parts[0]
        sides = {
            "reason": c.reason,
            "parts": [[*p.item, p.field, p.mine, p.theirs] for p in c.parts],
        }
        rows.setdefault(
            (s, k, key, c.field),
            {
                "strategy": s,
                "kind": k,
                "key": key,
                "field": c.field,
                "mine": _value(first.mine),
                "theirs": _value(first.theirs),
                "sides": _value(sides),
            },
        )
    if rows:
        conn.execute(insert(WS_CONFLICT), list(rows.values()))
