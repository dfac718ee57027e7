"""The server side of a sync: one PostgreSQL transaction that pulls, merges and pushes.

It reads the file only for base items it did not bring along (so the app can run it off
the UI thread with a reader of its own); `sync.record` then writes the outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cxroadmap.domain.model import Strategy
from cxroadmap.storage.document import Document
from cxroadmap.storage.workspace import local, server
from cxroadmap.storage.workspace.arrivals import fetch_arrived
from cxroadmap.storage.workspace.items import ItemKey, ServerItem
from cxroadmap.storage.workspace.merge import Conflict, MergeResult, merge
from cxroadmap.storage.workspace.server import EditRefused, KeyTaken, WorkspaceError, public_url
from cxroadmap.storage.workspace.view import LocalView

Hook = Callable[[str], None]


def no_hook(_phase: str) -> None:
    pass


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


@dataclass
class Exchange:
    """What the server side settled: the merge, the items pushed (with their new
    revisions), the server revision reached, the strategies the server refused."""

    result: MergeResult
    pushed: dict[ItemKey, ServerItem]
    last_rev: int
    refused: set[str] = field(default_factory=set)
    created: set[str] = field(default_factory=set)  # strategies made in the copy, now there
    taken: set[str] = field(default_factory=set)  # made in the copy, their key taken there
    # Strategies new in the workspace for this copy (arrivals.py): access, item rows.
    arrived: dict[str, bool] = field(default_factory=dict)
    arrived_rows: Sequence[tuple[Any, ...]] = ()


class _Stale(Exception):
    """The server changed between reading and writing an item: sync again."""


def exchange(doc: Document, state: LocalState, hook: Hook = no_hook) -> Exchange:
    """Pull, merge and push in one server transaction (again, holding the write lock,
    if the server moved meanwhile; without a strategy the server refuses)."""
    # A strategy the copy did not get from the workspace (a scenario made in it) is new:
    # created on the server, if this role may; read-only ones take the server's values.
    new = {s.key for s in state.strategies if s.key not in state.access}
    frozen = {s.key for s in state.strategies if s.key in state.access} - {
        k for k, editable in state.access.items() if editable
    }
    held: set[str] = set()
    taken: set[str] = set()
    lock = bool(state.dirty) or bool(state.conflicts)
    with server.connect(state.url) as conn:
        server.require_schema(conn, state.url)
        hook("connected")
        for _ in range(20):
            try:
                done = _server_side(doc, conn, state, frozen, held, lock, hook, new, taken)
                done.refused, done.taken = held, taken
                done.created |= {k[0] for k in done.pushed if k[0] in new}
                hook("server committed")
                return done
            except EditRefused as refused:
                held.add(refused.strategy)
                if isinstance(refused, KeyTaken):
                    taken.add(refused.strategy)
            except _Stale:
                lock = True
    raise WorkspaceError(public_url(state.url), "the workspace kept changing; sync again")


def _server_side(
    doc: Document,
    conn: server.Connection,
    state: LocalState,
    frozen: set[str],
    held: set[str],
    lock: bool,
    hook: Hook,
    new: set[str],
    taken: set[str],
) -> Exchange:
    with conn.transaction():
        if lock:
            server.write_lock(conn)
        hook("server: began")
        remote = server.fetch(conn, state.ids, since=state.last_rev)
        hook("server: fetched")
        # Made in this copy and created by a sync of it that was killed before the file
        # recorded it: the workspace holds this copy's pushes, so it is there already.
        there = {k[0] for k, v in remote.items() if k[0] in new and v.by == state.copy_id}
        # Made in this copy under a key the workspace holds (someone else's scenario
        # published meanwhile): not merged into theirs, not pushed; the copy keeps it.
        clash = {k[0] for k in remote if k[0] in new} - there
        if clash:
            taken |= clash
            held |= clash
            remote = {k: v for k, v in remote.items() if k[0] not in clash}
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
        for strategy in dict.fromkeys(k[0] for k in result.push):
            if strategy in held:
                continue
            # One batch per strategy (a refusal names its strategy), pipelined: one round
            # trip for all its items.
            batch = {k: v for k, v in result.push.items() if k[0] == strategy}
            create = strategy in new and strategy not in there
            revs = server.put_batch(conn, strategy, batch, state.copy_id, create)
            hook("server: put")
            for (k, (value, expected)), rev in zip(batch.items(), revs, strict=True):
                if rev is None:
                    raise _Stale
                before = expected.fields if expected is not None else {}
                pushed[k] = ServerItem(
                    rev, value is None, before if value is None else value, state.copy_id
                )
        arrived, rows = fetch_arrived(conn, list(state.ids))
        revs_seen = [
            state.last_rev,
            *(i.rev for i in remote.values()),
            *(i.rev for i in pushed.values()),
            *(int(row[3]) for row in rows),
        ]
        hook("server: about to commit")
    done = Exchange(result, pushed, max(revs_seen), arrived=arrived, arrived_rows=rows)
    done.created = there
    return done
