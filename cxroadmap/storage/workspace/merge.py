"""The three-way merge of sync: local items, their base (the server's last seen state), remote.

Fields changed on one side only merge; the same field changed differently on both sides
is a conflict (the file keeps mine, the server keeps theirs, both are recorded). A
deletion against an edit, and a merge that would leave a dependency or a support link
pointing at nothing or close a dependency cycle, are conflicts about whole items.
Nothing in a conflict is pushed until it is resolved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from cxroadmap.domain.model import Dependency
from cxroadmap.domain.validation import find_cycle
from cxroadmap.storage.workspace.items import (
    DEPENDENCY,
    INITIATIVE,
    ORDER,
    Fields,
    ItemKey,
    ServerItem,
    dependency_key,
    describe,
    split_dependency_key,
)
from cxroadmap.storage.workspace.list_merge import is_list, merge_list
from cxroadmap.storage.workspace.order import merge_order
from cxroadmap.storage.workspace.view import LocalView

EXISTS = "exists"


@dataclass
class Part:
    """One value in dispute: a field of an item, or the whole item (`field` EXISTS, None = gone)."""

    item: ItemKey
    field: str
    mine: Any
    theirs: Any


@dataclass
class Conflict:
    """A decision to make; `parts[0]` is what it is about, further parts go with it."""

    parts: list[Part]
    reason: str = ""

    @property
    def item(self) -> ItemKey:
        return self.parts[0].item

    @property
    def field(self) -> str:
        return self.parts[0].field


@dataclass
class MergeResult:
    local: dict[ItemKey, Fields]
    changed: set[ItemKey] = field(default_factory=set)
    push: dict[ItemKey, tuple[Fields | None, ServerItem | None]] = field(default_factory=dict)
    base: dict[ItemKey, ServerItem] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)


def _fields(item: ServerItem | None) -> Fields | None:
    return None if item is None or item.deleted else item.fields


class _Merge:
    def __init__(
        self,
        view: LocalView,
        keys: list[ItemKey],
        base: dict[ItemKey, ServerItem],
        remote: dict[ItemKey, ServerItem],
        conflicts: list[Conflict],
        frozen: set[str],
    ) -> None:
        self.view, self.base, self.remote, self.frozen = view, base, remote, frozen
        self.keys = list(
            dict.fromkeys([*keys, *remote, *(p.item for c in conflicts for p in c.parts)])
        )
        self.local = {k: v for k in self.keys if (v := view.value(k)) is not None}
        self.out = MergeResult(local=dict(self.local), base=dict(remote))
        self.conflicts = list(conflicts)
        self.applied: set[ItemKey] = set()  # remote values written into the file
        self.considered = set(self.keys)

    def server(self, k: ItemKey) -> ServerItem | None:
        return self.remote.get(k, self.base.get(k))

    def blocked(self) -> dict[tuple[ItemKey, str], Part]:
        return {(p.item, p.field): p for c in self.conflicts for p in c.parts}

    def set_local(self, k: ItemKey, value: Fields | None) -> None:
        if value is None:
            self.out.local.pop(k, None)
        else:
            self.out.local[k] = value
        self.out.changed.add(k)

    def run(self) -> MergeResult:
        self._refresh_conflicts()
        blocked = self.blocked()
        for k in self.keys:
            self._item(k, blocked)
        self._links()
        for skey in {k[0] for k in self.applied if k[1] == DEPENDENCY} - self.frozen:
            self._cycles(skey)
        self._drop_blocked_pushes()
        self.out.conflicts = self.conflicts
        return self.out

    def _refresh_conflicts(self) -> None:
        """Newer remote values replace `theirs`; a conflict both sides now agree on goes."""
        kept = []
        for c in self.conflicts:
            for p in c.parts:
                if p.item in self.remote:
                    r = _fields(self.remote[p.item])
                    p.theirs = r if p.field == EXISTS else (None if r is None else r.get(p.field))
            if any(self._local_value(p) != p.theirs for p in c.parts):
                kept.append(c)
        self.conflicts = kept

    def _local_value(self, p: Part) -> Any:
        value = self.local.get(p.item)
        if p.field == EXISTS:
            return value
        return None if value is None else value.get(p.field)

    def _item(self, k: ItemKey, blocked: dict[tuple[ItemKey, str], Part]) -> None:
        B = _fields(self.base.get(k))
        L = self.local.get(k)
        R = _fields(self.server(k))
        if k[0] in self.frozen:
            if L != R:
                self.set_local(k, R)
            return
        if (k, EXISTS) in blocked:
            return
        if L == B:
            if R != L:
                self.set_local(k, R)
                self.applied.add(k)
            return
        if R == B:
            pushed = self._masked(k, L, R, blocked)
            if pushed != R:
                self.out.push[k] = (pushed, self.server(k))
            return
        if L == R:
            return
        if L is None or R is None:
            self.conflicts.append(Conflict([Part(k, EXISTS, L, R)], "deleted on one side"))
            if L is None:
                self._show_theirs(k, R)
            return
        self._fields_merge(k, L, B or {}, R, blocked)

    def _masked(
        self,
        k: ItemKey,
        L: Fields | None,
        R: Fields | None,
        blocked: dict[tuple[ItemKey, str], Part],
    ) -> Fields | None:
        if L is None or R is None:
            return L
        return {f: (R.get(f) if (k, f) in blocked else v) for f, v in L.items()}

    def _fields_merge(
        self, k: ItemKey, L: Fields, b: Fields, R: Fields, blocked: dict[tuple[ItemKey, str], Part]
    ) -> None:
        merged: Fields = {}
        pushed: Fields = {}
        for f in dict.fromkeys([*L, *R]):
            lv, bv, rv = L.get(f), b.get(f), R.get(f)
            if k[1] == ORDER and (k, f) not in blocked and lv != bv and rv != bv and lv != rv:
                # Rows added or moved on both sides: one merged order, unless both moved
                # the same rows differently.
                together = merge_order(bv or [], lv or [], rv or [])
                if together is not None:
                    lv = rv = together
            elif (k, f) not in blocked and lv != bv and rv != bv and lv != rv:
                # A list: per element (list_merge.py); the elements in dispute, if any,
                # make the conflict, and everything else of both sides merges.
                per_element = merge_list(k[1], f, bv, lv, rv) if is_list(k[1], f) else None
                if per_element is not None:
                    lv, rv = per_element  # the same when no element is in dispute
            if (k, f) in blocked or (lv != bv and rv != bv and lv != rv):
                if (k, f) not in blocked:
                    self.conflicts.append(Conflict([Part(k, f, lv, rv)], "changed on both sides"))
                merged[f], pushed[f] = lv, rv
            elif lv == bv:
                merged[f] = pushed[f] = rv
            else:
                merged[f] = pushed[f] = lv
        if merged != L:
            self.set_local(k, merged)
            self.applied.add(k)
        if pushed != R:
            self.out.push[k] = (pushed, self.server(k))

    def _show_theirs(self, k: ItemKey, R: Fields | None) -> None:
        """A local deletion in conflict: the file shows the server's item until decided,
        with the dependencies deleted along with it (they go with the same decision)."""
        self.set_local(k, R)
        if k[1] != INITIATIVE:
            return
        conflict = self.conflicts[-1]
        for d in list(self.base):
            if d[0] != k[0] or d[1] != DEPENDENCY or d in self.local:
                continue
            value = _fields(self.server(d))
            if value is not None and k[2] in split_dependency_key(d[2]):
                conflict.parts.append(Part(d, EXISTS, None, value))
                self.set_local(d, value)

    def present(self, k: ItemKey) -> bool:
        """Whether item `k` is in the file once merged."""
        if k in self.considered:
            return k in self.out.local
        return self.view.value(k) is not None

    def value(self, k: ItemKey) -> Fields | None:
        if k in self.considered:
            return self.out.local.get(k)
        return self.view.value(k)

    def _merged(self, skey: str, kind: str, known: set[str]) -> set[str]:
        mine = {k[2] for k in self.considered if k[0] == skey and k[1] == kind}
        return (known - mine) | {k for k in mine if (skey, kind, k) in self.out.local}

    def _initiatives(self, skey: str) -> set[str]:
        return self._merged(skey, INITIATIVE, self.view.initiatives(skey))

    def _dependencies(self, skey: str) -> list[tuple[str, str]]:
        known = {dependency_key(*p) for p in self.view.dependencies(skey)}
        return [split_dependency_key(k) for k in self._merged(skey, DEPENDENCY, known)]

    def _links(self) -> None:
        """Dependencies and support links must point at initiatives the merge kept: check
        what the merge added or changed, and what pointed at what it deleted."""
        changed = [k for k in [*self.out.changed, *self.out.push] if k[0] not in self.frozen]
        strategies = set(self.view.by_key)
        for k in changed:
            value = self.out.local.get(k)
            if value is None:
                continue
            if k[1] == DEPENDENCY:
                for end in split_dependency_key(k[2]):
                    target = (k[0], INITIATIVE, end)
                    if not self.present(target):
                        self._keep_initiative(k, target, f"{describe(k)} needs it")
            elif k[1] == INITIATIVE:
                for link in value.get("supports", []):
                    strategy, key = str(link).split("/", 1)
                    target = (strategy, INITIATIVE, key)
                    if strategy in strategies and not self.present(target):
                        self._keep_initiative(k, target, f"{k[0]}/{k[2]} supports it")
        for k in changed:
            if k[1] != INITIATIVE or self.present(k):
                continue
            pointers = [
                (k[0], DEPENDENCY, dependency_key(a, b))
                for a, b in self._dependencies(k[0])
                if k[2] in (a, b)
            ]
            link = f"{k[0]}/{k[2]}"
            for source in self.view.supporters(k[0], k[2]):
                value = self.value(source)  # the merged supporter may have dropped the link
                if value is not None and link in value.get("supports", []):
                    pointers.append(source)
            for source in pointers:
                if self.present(source) and not self.present(k):
                    self._keep_initiative(source, k, f"{describe(source)} points at it")

    def _keep_initiative(self, source: ItemKey, k: ItemKey, reason: str) -> None:
        """`source` points at initiative `k`, which the merge would delete: if one side
        deleted it and the other made or kept the pointer, that is a conflict about the
        whole initiative (the file keeps mine). Both from this file: nothing to decide."""
        if k in self.applied and self.local.get(k) is not None:
            mine = self.local[k]
            self.set_local(k, mine)
            self.conflicts.append(Conflict([Part(k, EXISTS, mine, None)], reason))
            return
        theirs = _fields(self.server(k))
        if source not in self.applied or theirs is None:
            return  # the dangling reference is dropped when the file is written
        self.out.push.pop(k, None)
        self.set_local(k, theirs)
        self.conflicts.append(Conflict([Part(k, EXISTS, None, theirs)], reason))

    def _cycles(self, skey: str) -> None:
        """A cycle made of edges from both sides: keep mine in the file, push neither."""
        for _ in range(100):
            deps = [Dependency(a, b) for a, b in self._dependencies(skey)]
            cycle = find_cycle(sorted(self._initiatives(skey)), deps)
            if cycle is None:
                return
            edges = [(skey, DEPENDENCY, dependency_key(a, b)) for a, b in pairwise(cycle)]
            theirs = [e for e in edges if e in self.applied]
            if not theirs:
                return
            parts = [Part(e, EXISTS, self.value(e), None) for e in edges if e not in theirs]
            for e in theirs:
                value = self.out.local[e]
                self.set_local(e, self.local.get(e))
                parts.append(Part(e, EXISTS, self.local.get(e), value))
            self.conflicts.append(Conflict(parts, "together they make a dependency cycle"))

    def _drop_blocked_pushes(self) -> None:
        for c in self.conflicts:
            for p in c.parts:
                if p.item not in self.out.push:
                    continue
                if p.field == EXISTS:
                    del self.out.push[p.item]
                else:
                    value, expected = self.out.push[p.item]
                    if value is not None:
                        value[p.field] = p.theirs
                        server = _fields(expected)
                        if server == value:
                            del self.out.push[p.item]


def merge(
    view: LocalView,
    keys: list[ItemKey],
    base: dict[ItemKey, ServerItem],
    remote: dict[ItemKey, ServerItem],
    conflicts: list[Conflict],
    frozen: set[str] | None = None,
) -> MergeResult:
    """Merge `remote` (items changed on the server since the last sync) into the file.

    `keys` are the items changed in the file since the last sync, `base` holds the base
    of those and of the remote ones. `frozen` strategies are read-only context: the
    server's values simply win there.
    """
    return _Merge(view, keys, base, remote, conflicts, frozen or set()).run()
