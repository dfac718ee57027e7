"""A workspace copy's access and sync state, read cheaply when a document is shown.

Kept apart from copies.py so showing a document imports no server driver (psycopg) nor
the sync machinery: a plain document is most documents, and for one of those not even
SQLAlchemy is imported (the first question is asked with plain sqlite3).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from cxroadmap.storage.document import Document


def is_copy(doc: Document) -> bool:
    """Whether the file is a workspace copy (its link row is there), asked without SQLAlchemy."""

    def work(conn: sqlite3.Connection) -> bool:
        return conn.execute("SELECT 1 FROM ws_link").fetchone() is not None

    return doc.read(work)


def access_of(doc: Document) -> dict[str, bool] | None:
    """strategy -> editable in this workspace copy; None for a plain document."""
    if not is_copy(doc):
        return None
    from cxroadmap.storage.workspace import local

    def work(conn: Connection) -> dict[str, bool] | None:
        if local.read_link(conn) is None:
            return None
        return local.read_access(conn)

    return doc.transact(work, writing=False)


@dataclass(frozen=True)
class SyncInfo:
    """What the status bar shows: when the copy last synced, what waits to be pushed."""

    synced_at: str | None
    pending: int
    conflicts: int


def sync_state(doc: Document) -> SyncInfo | None:
    """The copy's sync state, read cheaply (no strategy loaded); None for a plain document."""
    if not is_copy(doc):
        return None
    from cxroadmap.storage.workspace import local
    from cxroadmap.storage.workspace.items import ORDER

    def work(conn: Connection) -> SyncInfo | None:
        link = local.read_link(conn)
        if link is None:
            return None
        conflicts = local.read_conflicts(conn)
        waiting = {p.item for c in conflicts for p in c.parts}  # counted as conflicts instead
        # The order is noted with every row added, removed or moved: not a change of its own.
        pending = {
            k[:1] if k[1] == local.WHOLE else k for k in local.read_dirty(conn) if k[1] != ORDER
        }
        return SyncInfo(link.synced_at, len(pending - waiting), len(conflicts))

    return doc.transact(work, writing=False)
