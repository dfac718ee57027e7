"""Strategies new in the workspace since a copy was checked out join the copy on sync.

A scenario made on another laptop (and created in the workspace by its sync), a strategy
published since, or one granted to this role since: the sync fetches each whole, as a
checkout would, and the copy stores it with its base and access (read-only where the
role may only read it). The copy's own strategies are left as they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from cxroadmap.domain.model import Strategy
from cxroadmap.storage.strategy_rows import insert_strategy
from cxroadmap.storage.workspace import local, server
from cxroadmap.storage.workspace.items import STRATEGY, ServerItem, build_strategy

Rows = Sequence[tuple[Any, ...]]


def fetch_arrived(conn: server.Connection, known: Sequence[str]) -> tuple[dict[str, bool], Rows]:
    """(access, item rows as fetch_text gives them) of the strategies this role may read
    that are not among `known`; both empty when there are none."""
    # One round trip in the usual case (nothing new): row-level security shows only the
    # strategies this role may read.
    found = conn.execute(
        "SELECT strategy FROM cxroadmap.item WHERE kind = 'strategy' AND NOT deleted "
        "AND strategy <> ALL(%s)",
        (list(known),),
    ).fetchall()
    if not found:
        return {}, []
    access = server.access(conn)
    new = [k for (k,) in found if k in access]
    if not new:
        return {}, []
    rows = server.fetch_text(conn, new)
    present = {row[0] for row in rows if row[1] == STRATEGY and not row[4]}
    return {k: access[k] for k in new if k in present}, [r for r in rows if r[0] in present]


def store_arrived(
    conn: Connection, access: dict[str, bool], rows: Rows, had: dict[str, bool]
) -> list[Strategy]:
    """Add the arrived strategies to the file (with their base, and `had` access plus
    theirs); returns them."""
    if not access:
        return []
    live = [row for row in rows if not row[4]]
    decoded = json.loads("[" + ",".join(row[5] for row in live) + "]")
    items = {(s, k, key): f for (s, k, key, *_), f in zip(live, decoded, strict=True)}
    strategies = [build_strategy(key, items) for key in access]
    for strategy in strategies:
        insert_strategy(conn, strategy)
    base = {(s, k, key): ServerItem(rev, deleted, text) for s, k, key, rev, deleted, text in rows}
    local.write_base(conn, base, raw=True)
    local.write_access(conn, {**had, **access})
    return strategies
