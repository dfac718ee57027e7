"""Sync: the server in one transaction, then the file in one transaction.

The server commits first, then the file. Killed in between, the file still holds its
edits and its old base; the next sync finds its own pushed values on the server, equal
to the file's, which merge without a conflict: sync is idempotent. Only the items the
file's change log names (plus those changed on the server) are read and compared.
"""

from __future__ import annotations

import datetime as dt
import uuid
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
    drop_dangling,
    items_of,
    set_item,
    split_dependency_key,
)
from cxroadmap.storage.workspace.merge import Conflict, MergeResult, merge
from cxroadmap.storage.workspace.server import EditRefused, WorkspaceError, public_url
from cxroadmap.storage.workspace.view import LocalView


@dataclass
class LocalState:
    """What sync needs from the file, read in one transaction: the strategies, the items
    changed since the last sync (`dirty`) and the base of those."""

    url: str
    last_rev: int
    synced_at: str | None
    copy_id: str
    ids: dict[str, int]
    strategies: list[Strategy]
    dirty: list[ItemKey]
    base: dict[ItemKey, ServerItem]
    conflicts: list[Conflict]
    access: dict[str, bool]

    def editable(self, strategy: str) -> bool:
        return self.access.get(strategy, False)

    @property
    def view(self) -> LocalView:
        return LocalView(self.strategies)


def read_state(doc: Document, extra: list[ItemKey] | None = None) -> LocalState:
    """The file's workspace state; WorkspaceError when it is not a workspace copy.

    `base` covers the dirty items, the conflicts' items and `extra`.
    """
    pairs = doc.load_all_with_ids()
    strategies = [s for _, s in pairs]

    def work(conn: Connection) -> LocalState:
        link = local.read_link(conn)
        if link is None:
            raise WorkspaceError(
                str(doc.path), "is not a workspace copy (make one with `cxroadmap checkout`)"
            )
        marked = local.read_dirty(conn)
        whole = {s for s, kind, _ in marked if kind == local.WHOLE}
        dirty = [k for k in marked if k[1] != local.WHOLE]
        conflicts = local.read_conflicts(conn)
        wanted = [*dirty, *(p.item for c in conflicts for p in c.parts), *(extra or [])]
        base = local.read_base(conn, wanted, whole)
        for s in strategies:
            if s.key in whole:  # rewritten whole: every item it has or had is a candidate
                dirty += [*items_of(s), *(k for k in base if k[0] == s.key)]
        return LocalState(
            url=link.url,
            last_rev=link.last_rev,
            synced_at=link.synced_at,
            copy_id=_copy_id(link, doc),
            ids={s.key: sid for sid, s in pairs},
            strategies=strategies,
            dirty=list(dict.fromkeys(dirty)),
            base=base,
            conflicts=conflicts,
            access=local.read_access(conn),
        )

    return doc.transact(work, writing=False)


def _copy_id(link: local.Link, doc: Document) -> str:
    """This copy's id; a file copied elsewhere (a second laptop, Save As) takes a new one,
    so two copies never take each other's pushes for their own."""
    if link.path == str(doc.path.resolve()):
        return link.copy_id
    return uuid.uuid4().hex


def workspace_url(doc: Document) -> str | None:
    link = doc.transact(local.read_link, writing=False)
    return None if link is None else link.url


def _change(keys: set[ItemKey], skey: str, strategy: Strategy) -> Change:
    change = Change()
    for k in keys:
        if k[0] != skey:
            continue
        if k[1] == STRATEGY:
            change.strategy = change.touchpoints = change.measures = True
        elif k[1] == INITIATIVE:
            present = k[2] in strategy.initiatives
            (change.initiatives if present else change.removed_initiatives).add(k[2])
        elif k[1] == DEPENDENCY:
            pair = split_dependency_key(k[2])
            present = strategy.dependency(*pair) is not None
            (change.dependencies if present else change.removed_dependencies).add(pair)
    return change


def write_items(
    conn: Connection, state: LocalState, items: dict[ItemKey, Fields | None]
) -> set[ItemKey]:
    """Put item values into the file's strategies, checked whole; returns every item changed
    (those given, and references to what they deleted, dropped as the app would)."""
    by_key = {s.key: s for s in state.strategies}
    for (skey, kind, key), value in items.items():
        set_item(by_key[skey], kind, key, value)
    touched = set(items) | drop_dangling(state.strategies)
    for strategy in state.strategies:
        change = _change(touched, strategy.key, strategy)
        if change == Change():
            continue
        validate_strategy(strategy)
        write_change(conn, state.ids[strategy.key], strategy, change)
    validate_cascade(state.strategies)
    return touched


def now_stamp() -> str:
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


Hook = Callable[[str], None]


def _no_hook(_phase: str) -> None:
    pass


def sync(doc: Document, hook: Hook = _no_hook) -> SyncReport:
    """Pull others' changes and push this file's, each side in one transaction.

    `hook` is told each phase as it is reached (between server statements, around the
    file's write): the interruption tests stop a sync exactly there.
    """
    state = read_state(doc)
    hook("read")
    frozen = {s.key for s in state.strategies if not state.editable(s.key)}
    held: set[str] = set()
    lock = bool(state.dirty) or bool(state.conflicts)
    with server.connect(state.url) as conn:
        server.require_schema(conn, state.url)
        hook("connected")
        for _ in range(20):
            try:
                result, pushed, last_rev = _server_side(doc, conn, state, frozen, held, lock, hook)
                break
            except EditRefused as refused:
                held.add(refused.strategy)
            except _Stale:
                lock = True
        else:
            raise WorkspaceError(public_url(state.url), "the workspace kept changing; sync again")
    hook("server committed")
    base = {**state.base, **result.base, **pushed}

    def work(conn: Connection) -> None:
        changes = {k: result.local.get(k) for k in result.changed}
        touched = write_items(conn, state, changes)
        hook("file: items written")
        local.write_base(conn, {**result.base, **pushed})
        local.write_conflicts(conn, result.conflicts)
        view = LocalView(state.strategies)
        candidates = [*state.dirty, *result.base, *touched]
        local.write_dirty(conn, [k for k in dict.fromkeys(candidates) if differs(k, view, base)])
        here = str(doc.path.resolve())
        local.write_link(conn, local.Link(state.url, last_rev, now_stamp(), state.copy_id, here))
        hook("file: about to commit")

    doc.transact(work)
    hook("file committed")
    return SyncReport(
        pulled=len(result.changed), pushed=len(pushed), conflicts=result.conflicts,
        refused=sorted(held),
    )  # fmt: skip


def differs(k: ItemKey, view: LocalView, base: dict[ItemKey, ServerItem]) -> bool:
    """Whether the file's item `k` differs from its base (so it waits to be pushed)."""
    if k not in base:
        return view.value(k) is not None
    item = base[k]
    return view.value(k) != (None if item.deleted else item.fields)


def _server_side(
    doc: Document,
    conn: server.Connection,
    state: LocalState,
    frozen: set[str],
    held: set[str],
    lock: bool,
    hook: Hook,
) -> tuple[MergeResult, dict[ItemKey, ServerItem], int]:
    with conn.transaction():
        if lock:
            server.write_lock(conn)
        hook("server: began")
        remote = server.fetch(conn, state.ids, since=state.last_rev)
        hook("server: fetched")
        for k, item in remote.items():
            if item.by == state.copy_id:
                # Pushed by this copy in a sync killed before the file recorded it: that
                # value is the base now (else the next edit of it would look like a conflict).
                state.base[k] = item
        missing = [k for k in remote if k not in state.base]
        if missing:
            base = doc.transact(lambda c: local.read_base(c, missing), writing=False)
            state.base.update(base)
        result = merge(state.view, state.dirty, state.base, remote, state.conflicts, frozen)
        pushed: dict[ItemKey, ServerItem] = {}
        for k, (value, expected) in result.push.items():
            if k[0] in held:
                continue
            rev = server.put(conn, k, value, expected, state.copy_id)
            hook("server: put")
            if rev is None:
                raise _Stale
            before = expected.fields if expected is not None else {}
            pushed[k] = ServerItem(
                rev, value is None, before if value is None else value, state.copy_id
            )
        revs = [
            state.last_rev,
            *(i.rev for i in remote.values()),
            *(i.rev for i in pushed.values()),
        ]
        hook("server: about to commit")
    return result, pushed, max(revs)
