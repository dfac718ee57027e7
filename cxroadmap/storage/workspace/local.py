"""The workspace tables of a `.cxroadmap` copy: link, access, base items and conflicts."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from cxroadmap.storage.workspace.items import ItemKey, ServerItem
from cxroadmap.storage.workspace.local_rows import WS_ACCESS, WS_BASE, WS_CONFLICT, WS_LINK
from cxroadmap.storage.workspace.merge import Conflict, Part


def read_link(conn: Connection) -> tuple[str, int, str | None] | None:
    """(url, last revision seen, when it last synced) or None for a plain document."""
    row = conn.execute(select(WS_LINK.c.url, WS_LINK.c.last_rev, WS_LINK.c.synced_at)).first()
    return None if row is None else (str(row[0]), int(row[1]), row[2])


def write_link(conn: Connection, url: str, last_rev: int, synced_at: str | None) -> None:
    conn.execute(delete(WS_LINK))
    conn.execute(insert(WS_LINK).values(id=1, url=url, last_rev=last_rev, synced_at=synced_at))


def read_access(conn: Connection) -> dict[str, bool]:
    rows = conn.execute(select(WS_ACCESS.c.strategy, WS_ACCESS.c.editable)).all()
    return {str(s): bool(e) for s, e in rows}


def write_access(conn: Connection, access: dict[str, bool]) -> None:
    conn.execute(delete(WS_ACCESS))
    if access:
        conn.execute(insert(WS_ACCESS), [{"strategy": s, "editable": e} for s, e in access.items()])


def read_base(conn: Connection) -> dict[ItemKey, ServerItem]:
    c = WS_BASE.c
    rows = conn.execute(select(c.strategy, c.kind, c.key, c.rev, c.deleted, c.fields)).all()
    return {(s, k, key): ServerItem(rev, bool(d), json.loads(f)) for s, k, key, rev, d, f in rows}


def write_base(conn: Connection, items: dict[ItemKey, ServerItem]) -> None:
    """Insert or update base items."""
    if not items:
        return
    rows = [
        {
            "strategy": s,
            "kind": k,
            "key": key,
            "rev": item.rev,
            "deleted": item.deleted,
            "fields": json.dumps(item.fields, ensure_ascii=False, sort_keys=True),
        }
        for (s, k, key), item in items.items()
    ]
    statement = sqlite_insert(WS_BASE)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=["strategy", "kind", "key"],
            set_={
                "rev": statement.excluded.rev,
                "deleted": statement.excluded.deleted,
                "fields": statement.excluded.fields,
            },
        ),
        rows,
    )


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
