"""The workspace server through psycopg: schema upgrades, items, grants and history.

Passwords come from libpq's usual places (PGPASSFILE, ~/.pgpass, PGPASSWORD); a URL
is shown without its password in every message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.storage.workspace.items import Fields, ItemKey, ServerItem
from cxroadmap.storage.workspace.server_schema import (
    MEMBER_PRIVILEGES,
    MIGRATIONS,
    SCHEMA_VERSION,
    WRITE_LOCK,
)

Connection = psycopg.Connection[tuple[Any, ...]]


class WorkspaceError(CxRoadmapError):
    """The workspace refused or could not be reached; `where` names the URL, key or role."""

    def __init__(self, where: str, problem: str) -> None:
        self.where = where
        self.path = where  # the CLI then does not prefix the input file
        super().__init__(f"{where}: {problem}" if where else problem)


class EditRefused(WorkspaceError):
    """PostgreSQL refused a write under its row-level security: `strategy` may not be edited."""

    def __init__(self, strategy: str) -> None:
        super().__init__("", f"you may not edit {strategy} (the server refused the change)")
        self.strategy = strategy


class KeyTaken(EditRefused):
    """A strategy made in a copy has a key the workspace holds already."""

    def __init__(self, strategy: str) -> None:
        super().__init__(strategy)
        self.args = (
            f"{strategy} is already a strategy of the workspace (maybe one you may not read); "
            "give yours another key",
        )


def public_url(url: str) -> str:
    """The URL without a password (`postgresql://ana:secret@h/db` -> `postgresql://ana@h/db`)."""
    url = re.sub(r"(://[^:/@]*):[^@/]*@", r"\1@", url)
    return re.sub(r"(password=)\S+", r"\1***", url)


# Passwords typed into the app, by URL: in this process's memory only, never in a file.
_PASSWORDS: dict[str, str] = {}


def remember_password(url: str, password: str) -> None:
    """Use `password` for `url` from now on in this process (the app's prompt)."""
    _PASSWORDS[public_url(url)] = password


def needs_password(error: Exception) -> bool:
    """Whether a failure to connect was the server asking for a (right) password."""
    return isinstance(error, WorkspaceError) and "password" in str(error)


@contextmanager
def connect(url: str, timeout: int = 10) -> Iterator[Connection]:
    """A connection; any failure to reach or log in says which workspace."""
    typed = _PASSWORDS.get(public_url(url))
    extra: dict[str, Any] = {} if typed is None else {"password": typed}
    try:
        # Autocommit outside `conn.transaction()` blocks: each block is a real transaction.
        conn = psycopg.connect(
            url, connect_timeout=timeout, application_name="cxroadmap", autocommit=True, **extra
        )
    except psycopg.Error as exc:
        detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise WorkspaceError(public_url(url), f"cannot connect ({detail})") from None
    try:
        yield conn
    finally:
        conn.close()


def schema_version(conn: Connection) -> int:
    found = conn.execute("SELECT to_regclass('cxroadmap.meta') IS NOT NULL").fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT value FROM cxroadmap.meta WHERE name = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def init_schema(conn: Connection, url: str) -> tuple[int, int]:
    """Create or upgrade the schema in one transaction; returns (old, new) version."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        old = schema_version(conn)
        if old > SCHEMA_VERSION:
            raise WorkspaceError(
                public_url(url),
                f"the workspace has schema {old}, newer than this cxroadmap knows "
                f"({SCHEMA_VERSION}); update cxroadmap",
            )
        for version in range(old, SCHEMA_VERSION):
            conn.execute(MIGRATIONS[version].encode())
            conn.execute(
                "INSERT INTO cxroadmap.meta VALUES ('schema_version', %s) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (str(version + 1),),
            )
    return old, SCHEMA_VERSION


def require_schema(conn: Connection, url: str) -> None:
    try:
        version = schema_version(conn)
    except psycopg.errors.InsufficientPrivilege:
        raise WorkspaceError(public_url(url), "you have no access to this workspace") from None
    if version == 0:
        raise WorkspaceError(
            public_url(url), "is not a cxroadmap workspace (run `cxroadmap workspace init` first)"
        )
    if version != SCHEMA_VERSION:
        raise WorkspaceError(
            public_url(url),
            f"has workspace schema {version}, this cxroadmap uses {SCHEMA_VERSION} "
            "(run `cxroadmap workspace init` with the newer version)",
        )


def write_lock(conn: Connection) -> None:
    """Take the workspace's one-writer lock until the transaction ends."""
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))


def strategy_keys(conn: Connection) -> list[str]:
    """Keys of the live strategies this role may read, in publishing order."""
    rows = conn.execute(
        "SELECT strategy FROM cxroadmap.item WHERE kind = 'strategy' AND NOT deleted ORDER BY id"
    ).fetchall()
    return [r[0] for r in rows]


def access(conn: Connection) -> dict[str, bool]:
    """strategy -> may edit, for this role (the owner of the tables may edit every one)."""
    owner = conn.execute(
        "SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c "
        "WHERE c.oid = 'cxroadmap.item'::regclass"
    ).fetchone()
    if owner and owner[0]:
        return dict.fromkeys(strategy_keys(conn), True)
    rows = conn.execute("SELECT strategy, can_edit FROM cxroadmap.my_access").fetchall()
    return {r[0]: bool(r[1]) for r in rows}


def fetch(conn: Connection, strategies: Iterable[str], since: int = 0) -> dict[ItemKey, ServerItem]:
    """Items of `strategies` written after revision `since`, in publishing order."""
    rows = conn.execute(
        "SELECT strategy, kind, key, rev, deleted, fields, copy_id FROM cxroadmap.item "
        "WHERE strategy = ANY(%s) AND rev > %s ORDER BY id",
        (list(strategies), since),
    )
    return {
        (s, k, key): ServerItem(rev, gone, fields, by) for s, k, key, rev, gone, fields, by in rows
    }


def fetch_text(conn: Connection, strategies: Iterable[str]) -> list[tuple[Any, ...]]:
    """(strategy, kind, key, rev, deleted, fields as JSON text) of every item: a checkout
    keeps the text as it is for its base, so nothing is decoded twice."""
    cursor = conn.execute(
        "SELECT strategy, kind, key, rev, deleted, fields::text FROM cxroadmap.item "
        "WHERE strategy = ANY(%s) ORDER BY id",
        (list(strategies),),
    )
    return cursor.fetchall()


def put_batch(
    conn: Connection,
    strategy: str,
    batch: dict[ItemKey, tuple[Fields | None, ServerItem | None]],
    copy_id: str = "",
    new: bool = False,
) -> list[int | None]:
    """Write items of one strategy, each if the server still has the `expected` one; the
    new revision of each, or None where it was stale. One pipelined round trip.

    `fields` None deletes (a tombstone keeps the last fields for history and merges).
    EditRefused when PostgreSQL's row-level security refuses them. A `new` strategy (made
    in the copy) is created: KeyTaken when its key is in the workspace already (one this
    role may not read, or published since).
    """
    try:
        with conn.pipeline():
            cursors = [
                _put(conn, k, fields, None if new else expected, copy_id, new)
                for k, (fields, expected) in batch.items()
            ]
        rows = [cursor.fetchone() for cursor in cursors]
    except psycopg.errors.InsufficientPrivilege:
        raise EditRefused(strategy) from None
    except psycopg.errors.UniqueViolation:
        raise KeyTaken(strategy) from None
    return [None if row is None else int(row[0]) for row in rows]


def _put(
    conn: Connection,
    item: ItemKey,
    fields: Fields | None,
    expected: ServerItem | None,
    copy_id: str,
    new: bool = False,
) -> psycopg.Cursor[tuple[Any, ...]]:
    strategy, kind, key = item
    if expected is None or expected.rev == 0:
        # An item of a strategy made in the copy: no ON CONFLICT, so a key already taken
        # (even by a row this role cannot see) fails instead of being skipped as stale.
        keep = "" if new else "ON CONFLICT (strategy, kind, key) DO NOTHING "
        return conn.execute(
            "INSERT INTO cxroadmap.item (strategy, kind, key, deleted, fields, copy_id) "
            f"VALUES (%s, %s, %s, false, %s, %s) {keep}RETURNING rev",
            (strategy, kind, key, Jsonb(fields), copy_id),
        )
    return conn.execute(
        "UPDATE cxroadmap.item SET deleted = %s, fields = %s, copy_id = %s "
        "WHERE strategy = %s AND kind = %s AND key = %s AND rev = %s RETURNING rev",
        (
            fields is None,
            Jsonb(expected.fields if fields is None else fields),
            copy_id,
            strategy,
            kind,
            key,
            expected.rev,
        ),
    )


def put_many(conn: Connection, items: dict[ItemKey, Fields]) -> None:
    """Insert or overwrite many items at once (publishing)."""
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO cxroadmap.item (strategy, kind, key, deleted, fields) "
            "VALUES (%s, %s, %s, false, %s) ON CONFLICT (strategy, kind, key) DO UPDATE "
            "SET deleted = false, fields = excluded.fields, copy_id = ''",
            [(s, k, key, Jsonb(f)) for (s, k, key), f in items.items()],
        )


def delete_others(conn: Connection, strategy: str, keep: set[ItemKey]) -> None:
    """Mark deleted every live item of `strategy` that `keep` does not name."""
    rows = conn.execute(
        "SELECT kind, key FROM cxroadmap.item WHERE strategy = %s AND NOT deleted", (strategy,)
    ).fetchall()
    gone = [(strategy, k, key) for k, key in rows if (strategy, k, key) not in keep]
    with conn.cursor() as cur:
        cur.executemany(
            "UPDATE cxroadmap.item SET deleted = true, copy_id = '' "
            "WHERE strategy = %s AND kind = %s AND key = %s",
            gone,
        )


def role_exists(conn: Connection, role: str) -> bool:
    row = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
    return row is not None


@contextmanager
def _owner_only(role: str) -> Iterator[None]:
    try:
        yield
    except psycopg.errors.InsufficientPrivilege:
        raise WorkspaceError(role, "only the workspace's owner may change grants") from None


def grant(conn: Connection, role: str, strategy: str, edit: bool) -> None:
    with _owner_only(role), conn.transaction():
        for statement in MEMBER_PRIVILEGES:
            conn.execute(sql.SQL(statement).format(role=sql.Identifier(role)))
        conn.execute(
            "INSERT INTO cxroadmap.access VALUES (%s, %s, %s) "
            "ON CONFLICT (role, strategy) DO UPDATE SET can_edit = excluded.can_edit",
            (role, strategy, edit),
        )


def revoke(conn: Connection, role: str, strategy: str) -> bool:
    with _owner_only(role), conn.transaction():
        cur = conn.execute(
            "DELETE FROM cxroadmap.access WHERE role = %s AND strategy = %s", (role, strategy)
        )
        return cur.rowcount > 0


@dataclass(frozen=True)
class HistoryEntry:
    """One field of one item changed: by whom, when, from what to what."""

    rev: int
    strategy: str
    kind: str
    key: str
    field: str
    old: Any
    new: Any
    role: str
    at: str


def history(
    conn: Connection,
    strategy: str,
    kind: str | None = None,
    key: str | None = None,
    limit: int = 200,
) -> list[HistoryEntry]:
    """Newest first: an item's history, or the strategy's recent changes."""
    query = (
        "SELECT rev, strategy, kind, key, field, old_value, new_value, role, "
        "to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') FROM cxroadmap.history "
        "WHERE strategy = %s"
    )
    params: list[Any] = [strategy]
    if kind is not None:
        query += " AND kind = %s AND key = %s"
        params += [kind, key]
    query += " ORDER BY rev DESC, id DESC LIMIT %s"
    params.append(limit)
    return [HistoryEntry(*row) for row in conn.execute(query, params).fetchall()]
