"""Lists inside one item merge per element: both sides' additions are kept, a removal on
one side goes through where the other side left the element alone, and only the same
element changed differently on both sides is a conflict.

Which fields are lists comes from the field registry (keys, texts, links, dates,
opportunities, amounts per year), plus a measure's readings, held outside it; a
strategy's phases and working days merge whole (their elements only make sense
together). An element is known by its value (a key, a line of text, a date), an
opportunity by its text, a reading by its date, an amount by its year; the same value
twice counts as two elements. The merged list keeps the order the sides agree on
(order.merge_order): rows added on either side go after the row they followed there;
readings and holidays stay in date order.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from cxroadmap.domain import fields, registry
from cxroadmap.storage.workspace.items import INITIATIVE, MEASURE, STRATEGY, TOUCHPOINT
from cxroadmap.storage.workspace.order import merge_order

_MISSING = object()

Identity = Callable[[Any], Any]


def _value(element: Any) -> Any:
    return element


def _first(element: Any) -> Any:
    return element[0] if isinstance(element, list) and element else element


def _text(element: Any) -> Any:
    return element.get("text") if isinstance(element, dict) else element


_BY_KIND: dict[str, Identity] = {
    fields.KEYS: _value,
    fields.TEXTS: _value,
    fields.SUPPORTS: _value,
    fields.WEEKDAYS: _value,
    fields.DATES: _value,
    fields.OPPORTUNITIES: _text,
}
_REGISTRY = {
    STRATEGY: registry.STRATEGY,
    INITIATIVE: registry.INITIATIVE,
    TOUCHPOINT: registry.TOUCHPOINT,
    MEASURE: registry.MEASURE,
}


def _lists() -> dict[tuple[str, str], Identity | None]:
    """(item kind, field) -> how an element is known (None: a mapping, merged per key)."""
    found: dict[tuple[str, str], Identity | None] = {}
    for kind, declared in _REGISTRY.items():
        for f in declared.values():
            if f.kind in _BY_KIND:
                found[(kind, f.name)] = _BY_KIND[f.kind]
            elif f.kind == fields.YEAR_AMOUNTS:
                found[(kind, f.name)] = None
    found[(MEASURE, "readings")] = _first  # [[date, value], …]
    # Not per element: lists whose elements only make sense together (the last phase
    # alone may be open-ended; at least one working day): merged whole, as fields are.
    for whole in ((STRATEGY, "phases"), (STRATEGY, "working_days")):
        found.pop(whole, None)
    return found


LISTS = _lists()
# Lists kept in date order (readings must be ascending; holidays read best so): merged,
# they are sorted by their identity, an ISO date.
_SORTED = {(MEASURE, "readings"), (STRATEGY, "holidays")}


def is_list(kind: str, name: str) -> bool:
    """Whether the field `name` of an item of `kind` merges per element."""
    return (kind, name) in LISTS


def _keyed(elements: list[Any], identity: Identity) -> dict[str, Any]:
    """Element by a text naming it: its identity, and which occurrence of it this is."""
    seen: dict[str, int] = {}
    found: dict[str, Any] = {}
    for element in elements:
        name = json.dumps(identity(element), sort_keys=True, ensure_ascii=False)
        seen[name] = seen.get(name, 0) + 1
        found[f"{seen[name]}:{name}"] = element
    return found


def merge_list(kind: str, name: str, base: Any, mine: Any, theirs: Any) -> tuple[Any, Any] | None:
    """(mine, theirs) merged per element: equal when nothing conflicts; otherwise each
    side's version of the elements in dispute, with everything else merged in both. None
    when the values are not lists (or mappings) of this field: merge them whole."""
    known = LISTS.get((kind, name), _value)
    mapping = known is None
    identity: Identity = _first if known is None else known
    sides = [base, mine, theirs]
    if mapping:
        if not all(isinstance(v, dict) or v is None for v in sides):
            return None
        sides = [[[k, v] for k, v in (s or {}).items()] for s in sides]
    elif not all(isinstance(v, list) or v is None for v in sides):
        return None
    b, m, t = (_keyed(s or [], identity) for s in sides)
    agreed: dict[str, Any] = {}
    disputed: dict[str, tuple[Any, Any]] = {}
    for key in dict.fromkeys([*b, *m, *t]):
        bv, mv, tv = b.get(key, _MISSING), m.get(key, _MISSING), t.get(key, _MISSING)
        if mv == bv:
            agreed[key] = tv
        elif tv == bv or mv == tv:
            agreed[key] = mv
        else:  # changed differently, or changed on one side and removed on the other
            disputed[key] = (mv, tv)
    order = merge_order(list(b), list(m), list(t))  # None: moved differently on both sides

    def side(which: int) -> list[Any]:
        def value(key: str) -> Any:
            return disputed[key][which] if key in disputed else agreed.get(key, _MISSING)

        own, other = (list(m), list(t)) if which == 0 else (list(t), list(m))
        out = [k for k in (own if order is None else order) if value(k) is not _MISSING]
        placed = set(out)
        for keys in (own, other):  # the rest after the element before it on its side
            for i, key in enumerate(keys):
                if key in placed or value(key) is _MISSING:
                    continue
                before = next((keys[j] for j in range(i - 1, -1, -1) if keys[j] in placed), None)
                out.insert(0 if before is None else out.index(before) + 1, key)
                placed.add(key)
        return [value(k) for k in out]

    merged_mine, merged_theirs = side(0), side(1)
    if (kind, name) in _SORTED:
        merged_mine.sort(key=lambda e: str(identity(e)))
        merged_theirs.sort(key=lambda e: str(identity(e)))
    if mapping:
        return dict(merged_mine), dict(merged_theirs)
    return merged_mine, merged_theirs
