"""Checkout, publish, sync and resolve: the server in one transaction, the file in another.

The server commits first, then the file. Killed in between, the file still holds its
edits and its old base; the next sync finds its own pushed values on the server, equal
to the file's, which merge without a conflict: sync is idempotent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Connection

from cxroadmap.domain.cascade import validate_cascade
from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.storage.change_writer import write_change
from cxroadmap.storage.document import Document
from cxroadmap.storage.workspace import local, server
from cxroadmap.storage.workspace.items import (
    DEPENDENCY,
    INITIATIVE,
    STRATEGY,
    Fields,
    ItemKey,
    ServerItem,
    build_strategy,
    document_items,
    drop_dangling,
    items_of,
    split_dependency_key,
)
from cxroadmap.storage.workspace.merge import Conflict, MergeResult, merge, pending
from cxroadmap.storage.workspace.server import EditRefused, WorkspaceError, public_url


@dataclass
class LocalState:
    """Everything sync needs from the file, read in one transaction."""

    url: str
    last_rev: int
    synced_at: str | None
    ids: dict[str, int]
    strategies: list[Strategy]
    items: dict[ItemKey, Fields]
    base: dict[ItemKey, ServerItem]
    conflicts: list[Conflict]
    access: dict[str, bool]

    @property
    def pending(self) -> set[ItemKey]:
        return pending(self.items, self.base)

    def editable(self, strategy: str) -> bool:
        return self.access.get(strategy, False)


def read_state(doc: Document) -> LocalState:
    """The file's workspace state; WorkspaceError when it is not a workspace copy."""

    def work(
        conn: Connection,
    ) -> tuple[
        tuple[str, int, str | None] | None,
        dict[ItemKey, ServerItem],
        list[Conflict],
        dict[str, bool],
    ]:
        return (
            local.read_link(conn),
            local.read_base(conn),
            local.read_conflicts(conn),
            local.read_access(conn),
        )

    link, base, conflicts, access = doc.transact(work, writing=False)
    if link is None:
        raise WorkspaceError(
            str(doc.path), "is not a workspace copy (make one with `cxroadmap checkout`)"
        )
    url, last_rev, synced_at = link
    pairs = doc.load_all_with_ids()
    strategies = [s for _, s in pairs]
    return LocalState(
        url=url,
        last_rev=last_rev,
        synced_at=synced_at,
        ids={s.key: sid for sid, s in pairs},
        strategies=strategies,
        items=document_items(strategies),
        base=base,
        conflicts=conflicts,
        access=access,
    )


def workspace_url(doc: Document) -> str | None:
    return doc.transact(lambda conn: (local.read_link(conn) or (None,))[0], writing=False)


def _change(old: dict[ItemKey, Fields], new: dict[ItemKey, Fields], skey: str) -> Change:
    change = Change()
    for k in {*old, *new}:
        if k[0] != skey or old.get(k) == new.get(k):
            continue
        if k[1] == STRATEGY:
            change.strategy = change.touchpoints = change.measures = True
        elif k[1] == INITIATIVE:
            (change.initiatives if k in new else change.removed_initiatives).add(k[2])
        elif k[1] == DEPENDENCY:
            pair = split_dependency_key(k[2])
            (change.dependencies if k in new else change.removed_dependencies).add(pair)
    return change


def write_items(
    conn: Connection, state: LocalState, items: dict[ItemKey, Fields], changed: set[ItemKey]
) -> None:
    """Bring the file's strategies in line with `items` (what `changed` names), checked whole."""
    affected = {k[0] for k in changed}
    strategies = [
        build_strategy(s.key, items) if s.key in affected else s for s in state.strategies
    ]
    drop_dangling(strategies)
    for strategy in strategies:
        new = items_of(strategy)
        change = _change(state.items, new, strategy.key)
        if change == Change():
            continue
        validate_strategy(strategy)
        write_change(conn, state.ids[strategy.key], strategy, change)
    validate_cascade(strategies)


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class SyncReport:
    """What a sync did; `conflicts` are every conflict still waiting, `refused` strategies
    whose local edits the server would not take (kept in the file)."""

    pulled: int = 0
    pushed: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


class _Stale(Exception):
    """The server changed between reading and writing an item: sync again."""


def sync(doc: Document, hook: Callable[[str], None] | None = None) -> SyncReport:
    """Pull others' changes and push this file's, each side in one transaction."""
    state = read_state(doc)
    frozen = {s.key for s in state.strategies if not state.editable(s.key)}
    held: set[str] = set()
    lock = bool(state.pending)
    report = SyncReport()
    with server.connect(state.url) as conn:
        server.require_schema(conn, state.url)
        for _ in range(20):
            try:
                result, pushed, last_rev = _server_side(conn, state, frozen, held, lock)
                break
            except EditRefused as refused:
                held.add(refused.strategy)
            except _Stale:
                lock = True
        else:
            raise WorkspaceError(public_url(state.url), "the workspace kept changing; sync again")
    if hook is not None:
        hook("server committed")
    base = result.base | pushed

    def work(conn: Connection) -> None:
        write_items(conn, state, result.local, result.changed)
        local.write_base(conn, base)
        local.write_conflicts(conn, result.conflicts)
        local.write_link(conn, state.url, last_rev, _now())

    doc.transact(work)
    report.pulled = len(result.changed)
    report.pushed = len(pushed)
    report.conflicts = result.conflicts
    report.refused = sorted(held)
    return report


def _server_side(
    conn: server.Connection, state: LocalState, frozen: set[str], held: set[str], lock: bool
) -> tuple[MergeResult, dict[ItemKey, ServerItem], int]:
    with conn.transaction():
        if lock:
            server.write_lock(conn)
        remote = server.fetch(conn, state.ids, since=state.last_rev)
        result = merge(state.items, state.base, remote, state.conflicts, frozen)
        pushed: dict[ItemKey, ServerItem] = {}
        for k, (value, expected) in result.push.items():
            if k[0] in held:
                continue
            rev = server.put(conn, k, value, expected)
            if rev is None:
                raise _Stale
            before = expected.fields if expected is not None else {}
            pushed[k] = ServerItem(rev, value is None, before if value is None else value)
        revs = [
            state.last_rev,
            *(i.rev for i in remote.values()),
            *(i.rev for i in pushed.values()),
        ]
    return result, pushed, max(revs)
