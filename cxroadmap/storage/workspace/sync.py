"""Sync: the server in one transaction, then the file in one transaction.

The server commits first, then the file. Killed in between, the file still holds its
edits and its old base; the next sync finds its own pushed values on the server, equal
to the file's, which merge without a conflict: sync is idempotent. Only the items the
file's change log names (plus those changed on the server) are read and compared.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import Connection

from cxroadmap.domain.cascade import validate_cascade
from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.validation import validate_strategy
from cxroadmap.storage.change_writer import write_change
from cxroadmap.storage.document import Document
from cxroadmap.storage.workspace import local
from cxroadmap.storage.workspace.arrivals import store_arrived
from cxroadmap.storage.workspace.dangling import drop_dangling
from cxroadmap.storage.workspace.exchange import Exchange, Hook, LocalState, exchange, no_hook
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
    item_value,
    items_of,
    order_fields,
    set_item,
    set_order,
    split_dependency_key,
)
from cxroadmap.storage.workspace.merge import Conflict
from cxroadmap.storage.workspace.order import moved
from cxroadmap.storage.workspace.server import WorkspaceError
from cxroadmap.storage.workspace.view import LocalView


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
        lists = {(s, kind) for s, kind, key in marked if kind in _LISTS and key == local.ALL}
        dirty = [k for k in marked if k[1] != local.WHOLE and k[:2] not in lists]
        conflicts = local.read_conflicts(conn)
        wanted = [*dirty, *(p.item for c in conflicts for p in c.parts), *(extra or [])]
        base = local.read_base(conn, wanted, whole, lists)
        for s in strategies:
            if s.key in whole:  # rewritten whole: every item it has or had is a candidate
                dirty += [*items_of(s), *(k for k in base if k[0] == s.key)]
            for kind in _LISTS:
                if (s.key, kind) in lists:  # some of them changed: each one is a candidate
                    dirty += [*_list_items(s, kind), *(k for k in base if k[:2] == (s.key, kind))]
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


_LISTS = (TOUCHPOINT, MEASURE, BASELINE)


def _list_items(strategy: Strategy, kind: str) -> list[ItemKey]:
    if kind == BASELINE:
        return [(strategy.key, kind, b.name) for b in strategy.baselines]
    rows = strategy.touchpoints if kind == TOUCHPOINT else strategy.measures
    return [(strategy.key, kind, row.key) for row in rows]


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
            change.strategy = True
        elif k[1] == TOUCHPOINT:
            change.touchpoints = True
        elif k[1] == MEASURE:
            change.measures = True
        elif k[1] == BASELINE:
            change.baselines = True
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
    orders = {k[0]: order_fields(by_key[k[0]]) for k in items if k[1] == ORDER}
    chosen = {s.key: s.chosen_baseline for s in state.strategies}
    # Orders last: they place the rows the other items add.
    for (skey, kind, key), value in sorted(items.items(), key=lambda i: i[0][1] == ORDER):
        set_item(by_key[skey], kind, key, value)
    touched = set(items) | drop_dangling(state.strategies)
    for strategy in state.strategies:
        change = _change(touched, strategy.key, strategy)
        if strategy.key in orders:  # rows that moved are written with their new position
            _moves(change, orders[strategy.key], order_fields(strategy))
        # The choice of a baseline is stored with the baselines.
        change.baselines |= strategy.chosen_baseline != chosen[strategy.key]
        if change == Change():
            continue
        # The file's strategy had no cycle: only new or changed dependencies can make one.
        validate_strategy(strategy, check_cycles=bool(change.dependencies))
        write_change(conn, state.ids[strategy.key], strategy, change)
    validate_cascade(state.strategies)
    return touched


def _moves(change: Change, old: Fields, new: Fields) -> None:
    """Add to `change` what a new order moved."""
    change.initiatives |= moved(old["initiatives"], new["initiatives"])
    change.touchpoints |= old["touchpoints"] != new["touchpoints"]
    change.measures |= old["measures"] != new["measures"]
    change.baselines |= old["baselines"] != new["baselines"]


def follow(strategy: Strategy, merged: Strategy, touched: set[ItemKey]) -> Change | None:
    """Bring the app's copy of a strategy in line with what a sync wrote (`merged`, the
    items `touched`), in place; the Change for its views, or None if they still differ
    (then the app reloads the strategy from the file)."""
    keys = {k for k in touched if k[0] == strategy.key}
    before = order_fields(strategy)
    chosen = strategy.chosen_baseline
    for kind, key in sorted({k[1:] for k in keys}, key=lambda k: k[0] == ORDER):
        set_item(strategy, kind, key, item_value(merged, kind, key))
    set_order(strategy, order_fields(merged))
    if strategy != merged:
        return None
    change = _change(keys, strategy.key, strategy)
    _moves(change, before, order_fields(strategy))
    change.baselines |= strategy.chosen_baseline != chosen
    return change


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class SyncReport:
    """What a sync did; `conflicts` are every conflict still waiting, `refused` strategies
    whose local edits the server would not take (kept in the file), `written` strategies
    whose content the sync changed in the file."""

    pulled: int = 0
    pushed: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    written: set[str] = field(default_factory=set)
    touched: set[ItemKey] = field(default_factory=set)  # the items written into the file
    merged: dict[str, Strategy] = field(default_factory=dict)  # the strategies as written
    created: list[str] = field(default_factory=list)  # made in this copy, now in the workspace
    taken: list[str] = field(default_factory=list)  # made in this copy, the key taken there
    arrived: list[str] = field(default_factory=list)  # new in the workspace, now in the copy


def sync(doc: Document, hook: Hook = no_hook) -> SyncReport:
    """Pull others' changes and push this file's, each side in one transaction.

    `hook` is told each phase as it is reached (between server statements, around the
    file's write): the interruption tests stop a sync exactly there. The app runs the
    three steps apart: `read_state` and `exchange` off the UI thread, `record` on it.
    """
    state = read_state(doc)
    hook("read")
    return record(doc, state, exchange(doc, state, hook), hook)


def record(doc: Document, state: LocalState, done: Exchange, hook: Hook = no_hook) -> SyncReport:
    """Write what the server side of a sync settled into the file, in one transaction."""
    result, pushed = done.result, done.pushed
    base = {**state.base, **result.base, **pushed}

    written: set[str] = set()
    touched_all: set[ItemKey] = set()
    arrived: list[Strategy] = []

    def work(conn: Connection) -> None:
        changes = {k: result.local.get(k) for k in result.changed}
        touched = write_items(conn, state, changes)
        written.update(k[0] for k in touched)
        touched_all.update(touched)
        hook("file: items written")
        local.write_base(conn, {**result.base, **pushed})
        local.write_conflicts(conn, result.conflicts)
        view = LocalView(state.strategies)
        candidates = [*state.dirty, *result.base, *touched]
        local.write_dirty(conn, [k for k in dict.fromkeys(candidates) if differs(k, view, base)])
        here = str(doc.path.resolve())
        link = local.Link(state.url, done.last_rev, now_stamp(), state.copy_id, here)
        local.write_link(conn, link)
        access = {**state.access, **dict.fromkeys(done.created, True)}
        if done.created:  # made in this copy, now in the workspace: editable here as there
            local.write_access(conn, access)
        arrived.extend(store_arrived(conn, done.arrived, done.arrived_rows, access))
        hook("file: about to commit")

    doc.transact(work)
    hook("file committed")
    return SyncReport(
        pulled=len(result.changed), pushed=len(pushed), conflicts=result.conflicts,
        refused=sorted(done.refused - done.taken), written=written, touched=touched_all,
        merged={s.key: s for s in state.strategies}, created=sorted(done.created),
        taken=sorted(done.taken), arrived=[s.key for s in arrived],
    )  # fmt: skip


def differs(k: ItemKey, view: LocalView, base: dict[ItemKey, ServerItem]) -> bool:
    """Whether the file's item `k` differs from its base (so it waits to be pushed)."""
    if k not in base:
        return view.value(k) is not None
    item = base[k]
    return view.value(k) != (None if item.deleted else item.fields)
