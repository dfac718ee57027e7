"""Publish a document into a workspace, check out a copy, list and resolve its conflicts."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection

from cxroadmap.domain.errors import ValidationError
from cxroadmap.storage.document import Document, read_document, write_document
from cxroadmap.storage.strategy_rows import gc_paused
from cxroadmap.storage.workspace import local, server
from cxroadmap.storage.workspace.copy_state import (  # re-exported: where callers look
    SyncInfo as SyncInfo,
)
from cxroadmap.storage.workspace.copy_state import access_of as access_of
from cxroadmap.storage.workspace.copy_state import sync_state as sync_state
from cxroadmap.storage.workspace.exchange import LocalState
from cxroadmap.storage.workspace.items import (
    BASELINE,
    DEPENDENCY,
    INITIATIVE,
    MEASURE,
    ORDER,
    STRATEGY,
    TOUCHPOINT,
    Fields,
    ItemKey,
    ServerItem,
    build_strategy,
    dependency_key,
    document_items,
    item_value,
    split_dependency_key,
)
from cxroadmap.storage.workspace.merge import EXISTS, Conflict
from cxroadmap.storage.workspace.server import WorkspaceError, public_url
from cxroadmap.storage.workspace.sync import (
    differs,
    now_stamp,
    read_state,
    workspace_url,
    write_items,
)


def publish(path: Path, url: str, replace: bool = False) -> list[str]:
    """Put every strategy of the document into the workspace; returns their keys."""
    strategies = read_document(path)
    for s in strategies:
        if not s.key:
            raise WorkspaceError(
                str(path), f"strategy {s.name!r} has no key; give it one before publishing"
            )
    with server.connect(url) as conn:
        server.require_schema(conn, url)
        with conn.transaction():
            server.write_lock(conn)
            existing = set(server.strategy_keys(conn))
            for s in strategies:
                if s.key in existing and not replace:
                    raise WorkspaceError(
                        s.key, f"is already in {public_url(url)} (use --replace to overwrite it)"
                    )
            items = document_items(strategies)
            for s in strategies:
                if s.key in existing:
                    server.delete_others(conn, s.key, set(items))
            server.put_many(conn, items)
    return [s.key for s in strategies]


def checkout(url: str, out: Path, chosen: list[str] | None = None) -> list[str]:
    """Write a new copy of the workspace's strategies this role may read; returns their keys.

    `chosen` strategies (all by default) are editable where the role may edit them; the
    rest of the cascade comes along read-only, for context.
    """
    with server.connect(url) as conn:
        server.require_schema(conn, url)
        with conn.transaction():
            access = server.access(conn)
            keys = [k for k in server.strategy_keys(conn) if k in access]
            for key in chosen or []:
                if key not in keys:
                    raise WorkspaceError(
                        key, f"no strategy with this key that you may read in {public_url(url)}"
                    )
            rows = server.fetch_text(conn, keys)
    with gc_paused():  # thousands of small dicts: the cyclic collector only slows this down
        live = [row for row in rows if not row[4]]
        # One JSON array for all of them: a parser call per item costs more than the parse.
        decoded = json.loads("[" + ",".join(row[5] for row in live) + "]")
        items = {(s, k, key): f for (s, k, key, *_), f in zip(live, decoded, strict=True)}
        strategies = [build_strategy(key, items) for key in keys]
        base = {
            (s, k, key): ServerItem(rev, deleted, text) for s, k, key, rev, deleted, text in rows
        }
        editable = {k: access[k] and (not chosen or k in chosen) for k in keys}
        last_rev = max((row[3] for row in rows), default=0)

        def bookkeeping(conn: Connection) -> None:
            local.write_base(conn, base, raw=True, fresh=True)
            local.write_access(conn, editable)
            copy_id = uuid.uuid4().hex
            link = local.Link(public_url(url), last_rev, now_stamp(), copy_id, str(out.resolve()))
            local.write_link(conn, link)

        # One new file, written atomically with its base: a checkout is whole or absent.
        write_document(out, strategies, also=bookkeeping)
    return keys


def display_key(item: ItemKey) -> str:
    """How conflicts name an item: the initiative key, `A->B`, `touchpoint:T1`,
    `measure:M1`, `baseline:NAME`, `order` (of the strategy's lists), or the strategy key."""
    strategy, kind, key = item
    if kind == DEPENDENCY:
        return "->".join(split_dependency_key(key))
    if kind in (TOUCHPOINT, MEASURE, BASELINE):
        return f"{kind}:{key}"
    if kind == ORDER:
        return ORDER
    return strategy if kind == STRATEGY else key


@dataclass(frozen=True)
class ConflictLine:
    strategy: str
    key: str
    field: str
    mine: object
    theirs: object
    reason: str


def conflict_lines(conflicts: list[Conflict]) -> list[ConflictLine]:
    return [
        ConflictLine(
            c.item[0], display_key(c.item), c.field, c.parts[0].mine, c.parts[0].theirs, c.reason
        )
        for c in conflicts
    ]


def list_conflicts(doc: Document) -> list[ConflictLine]:
    return conflict_lines(read_state(doc).conflicts)


def _find(state: LocalState, spec: str, strategy: str | None) -> Conflict:
    key, dot, name = spec.rpartition(".")
    if not dot or not key or not name:
        raise ValidationError(spec, "expected KEY.FIELD, such as R1.title")
    found = [
        c
        for c in state.conflicts
        if display_key(c.item) == key
        and c.field == name
        and (strategy is None or c.item[0] == strategy)
    ]
    if not found:
        raise ValidationError(spec, "no conflict waits on this key and field")
    if len(found) > 1:
        places = ", ".join(c.item[0] for c in found)
        raise ValidationError(spec, f"in several strategies ({places}); name one with --strategy")
    return found[0]


def resolve(
    doc: Document, spec: str, side: Literal["mine", "theirs"], strategy: str | None = None
) -> ConflictLine:
    """Keep my value or theirs for one conflict; the next sync pushes what differs."""
    state = read_state(doc)
    conflict = _find(state, spec, strategy)
    view = state.view
    values: dict[ItemKey, Fields | None] = {}
    for part in conflict.parts:
        value = part.mine if side == "mine" else part.theirs
        if part.field == EXISTS:
            values[part.item] = value
        else:
            current = values.get(part.item, view.value(part.item))
            if current is not None:
                values[part.item] = {**current, part.field: value}
    rest = [c for c in state.conflicts if c is not conflict]

    def work(conn: Connection) -> None:
        touched = write_items(conn, state, values)
        base = local.read_base(conn, touched)
        view = state.view
        still = {k for k in touched if differs(k, view, base)}
        local.write_dirty(
            conn, [k for k in local.read_dirty(conn) if k not in touched or k in still]
        )
        local.mark_dirty(conn, still)
        local.write_conflicts(conn, rest)

    doc.transact(work)
    return conflict_lines([conflict])[0]


def item_history(
    doc: Document, strategy: str | None, key: str | None, limit: int = 200
) -> list[server.HistoryEntry]:
    """From the server, newest first: an initiative's (or `A->B` dependency's) history, or
    without `key` the strategy's recent changes."""
    url = workspace_url(doc)
    if url is None:
        raise WorkspaceError(str(doc.path), "is not a workspace copy")
    strategies = doc.load_all()
    kind: str | None = None
    item_key: str | None = None
    if key is not None:
        kind, item_key = INITIATIVE, key
        prefix, colon, rest = key.partition(":")
        if colon and prefix in (TOUCHPOINT, MEASURE, BASELINE):
            kind, item_key = prefix, rest
        elif key == ORDER:
            kind, item_key = ORDER, ""
        elif "->" in key:
            kind, item_key = DEPENDENCY, dependency_key(*key.split("->", 1))
    if strategy is None:
        holder = next(
            (
                s
                for s in strategies
                if kind is not None and item_value(s, kind, item_key or "") is not None
            ),
            None,
        )
        strategy = (holder or strategies[0]).key
    elif strategy not in {s.key for s in strategies}:
        raise ValidationError("--strategy", f"no strategy with key {strategy!r} in {doc.path}")
    with server.connect(url) as conn:
        server.require_schema(conn, url)
        return server.history(conn, strategy, kind, item_key, limit)
