"""A strategy as workspace items: its own fields, each initiative, dependency, touchpoint
and measure, and the order of its lists.

An item is addressed by (strategy key, kind, key) and holds JSON-ready fields; sync
merges items field by field, and the server stores one row per item.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from cxroadmap.domain import fields, registry
from cxroadmap.domain.fields import Field
from cxroadmap.domain.measures import Measure, Reading
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoints import Opportunity, Touchpoint
from cxroadmap.storage.workspace.baseline_items import baseline_fields, baseline_from
from cxroadmap.storage.workspace.order import reordered

STRATEGY, INITIATIVE, DEPENDENCY = "strategy", "initiative", "dependency"
TOUCHPOINT, MEASURE, ORDER = "touchpoint", "measure", "order"
BASELINE = "baseline"  # workspace schema 3
KINDS = (STRATEGY, INITIATIVE, DEPENDENCY, TOUCHPOINT, MEASURE, ORDER, BASELINE)
# The lists whose order the ORDER item keeps, by its field names.
ORDERED = ("initiatives", "touchpoints", "measures", "baselines")

Fields = dict[str, Any]
ItemKey = tuple[str, str, str]  # (strategy key, kind, key)


@dataclass(frozen=True)
class ServerItem:
    """An item as the server holds it (or held it at the last sync: the merge's base)."""

    rev: int
    deleted: bool
    fields: Fields
    by: str = ""  # the copy that wrote it (a sync recognises its own pushes by it)


def dependency_key(from_key: str, to_key: str) -> str:
    """One text for a pair of initiative keys (any characters are allowed in keys)."""
    return json.dumps([from_key, to_key], ensure_ascii=False)


def split_dependency_key(key: str) -> tuple[str, str]:
    pair = json.loads(key)
    return str(pair[0]), str(pair[1])


def describe(item: ItemKey) -> str:
    """How a person reads an item's key: `R1`, `R1 -> R2`, `touchpoint T1`, `(strategy)`."""
    _, kind, key = item
    if kind == DEPENDENCY:
        return " -> ".join(split_dependency_key(key))
    if kind in (TOUCHPOINT, MEASURE, BASELINE):
        return f"{kind} {key}"
    return key if kind == INITIATIVE else f"({kind})"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(text: Any) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(str(text))


# The fields of an item come from the field registry: a field declared there travels with
# sync without a change here. Values are JSON: dates as ISO text, links as `ORG/LEAD2`.
_STRATEGY_FIELDS = [f for f in registry.STRATEGY.values() if f.name != "key"]
_INITIATIVE_FIELDS = [f for f in registry.INITIATIVE.values() if f.name != "key"]


def _encode(f: Field, value: Any) -> Any:
    if value is None:
        return None
    if f.kind == fields.DATE:
        return value.isoformat()
    if f.kind == fields.DATES:
        return [d.isoformat() for d in value]
    if f.kind == fields.SUPPORTS:
        return [str(link) for link in value]
    if f.kind == fields.YEAR_AMOUNTS:
        return {str(year): amount for year, amount in value.items()}
    if f.kind in fields.LIST_KINDS:
        return list(value)
    return value


def _iso_date(value: Any) -> dt.date:
    return dt.date.fromisoformat(value)


def _decoder(f: Field) -> Callable[[Any], Any] | None:
    """How a stored value becomes the model's type; None where JSON already is."""
    kind = f.kind
    if kind == fields.DATE:
        return _iso_date
    if kind == fields.DATES:
        return lambda value: [dt.date.fromisoformat(d) for d in value]
    if kind == fields.SUPPORTS:
        return lambda value: [SupportLink.parse(s, f.name) for s in value]
    if kind == fields.WEEKDAYS:
        return tuple
    if kind == fields.YEAR_AMOUNTS:
        return lambda value: {int(year): amount for year, amount in value.items()}
    if kind in fields.LIST_KINDS:
        return list
    return None


# How each field's stored value is decoded, worked out once: a checkout decodes thousands.
@dataclass(frozen=True)
class _Decoders:
    names: frozenset[str]
    every: list[tuple[str, Callable[[Any], Any] | None, object, bool]]
    # Only the fields with a decoder or a default other than None: for the others the
    # stored value is the model's value as it is.
    special: list[tuple[str, Callable[[Any], Any] | None, object, bool]]


def _decoders(found: list[Field]) -> _Decoders:
    every = [
        (f.name, _decoder(f), f.default, isinstance(f.default, (list, dict, set))) for f in found
    ]
    special = [d for d in every if d[1] is not None or d[2] is not None]
    return _Decoders(frozenset(f.name for f in found), every, special)


_STRATEGY_DECODERS = _decoders(_STRATEGY_FIELDS)
_INITIATIVE_DECODERS = _decoders(_INITIATIVE_FIELDS)


def _decode_all(decoders: _Decoders, stored: Fields) -> dict[str, Any]:
    """Stored values back into the model's types (missing from an older client: default;
    fields of a newer client that this one does not know are left out)."""
    if stored.keys() == decoders.names:  # the usual case: copy, then fix up the few
        found = dict(stored)
        plan = decoders.special
    else:
        found = {}
        plan = decoders.every
    for name, decode, default, mutable in plan:
        value = stored.get(name)
        if value is None:
            found[name] = copy.copy(default) if mutable else default
        else:
            found[name] = value if decode is None else decode(value)
    return found


def strategy_fields(s: Strategy) -> Fields:
    found = {f.name: _encode(f, getattr(s, f.name)) for f in _STRATEGY_FIELDS}
    found["phases"] = [[p.name, p.weeks] for p in s.phases]
    found["chosen_baseline"] = s.chosen_baseline
    return found


def touchpoint_fields(t: Touchpoint) -> Fields:
    found = asdict(t)
    del found["key"]
    return found


def measure_fields(m: Measure) -> Fields:
    found = asdict(m)
    del found["key"]
    found["target_date"] = _iso(m.target_date)
    found["readings"] = [[r.date.isoformat(), r.value] for r in m.readings]
    return found


def order_fields(s: Strategy) -> Fields:
    return {
        "initiatives": list(s.initiatives),
        "touchpoints": [t.key for t in s.touchpoints],
        "measures": [m.key for m in s.measures],
        "baselines": [b.name for b in s.baselines],
    }


def initiative_fields(ini: Initiative) -> Fields:
    return {f.name: _encode(f, getattr(ini, f.name)) for f in _INITIATIVE_FIELDS}


def items_of(strategy: Strategy) -> dict[ItemKey, Fields]:
    """Every item of one strategy, in the strategy's own order."""
    skey = strategy.key
    found: dict[ItemKey, Fields] = {(skey, STRATEGY, ""): strategy_fields(strategy)}
    for key, ini in strategy.initiatives.items():
        found[(skey, INITIATIVE, key)] = initiative_fields(ini)
    for dep in strategy.dependencies:
        found[(skey, DEPENDENCY, dependency_key(*dep.pair))] = {"type": dep.type, "lag": dep.lag}
    for t in strategy.touchpoints:
        found[(skey, TOUCHPOINT, t.key)] = touchpoint_fields(t)
    for m in strategy.measures:
        found[(skey, MEASURE, m.key)] = measure_fields(m)
    for b in strategy.baselines:
        found[(skey, BASELINE, b.name)] = baseline_fields(b)
    found[(skey, ORDER, "")] = order_fields(strategy)
    return found


def document_items(strategies: list[Strategy]) -> dict[ItemKey, Fields]:
    found: dict[ItemKey, Fields] = {}
    for strategy in strategies:
        found.update(items_of(strategy))
    return found


def _touchpoint(key: str, row: dict[str, Any]) -> Touchpoint:
    values = dict(row)
    values["opportunities"] = [Opportunity(**o) for o in row.get("opportunities", [])]
    return Touchpoint(key=key, **values)


def _measure(key: str, row: dict[str, Any]) -> Measure:
    values = dict(row)
    values["target_date"] = _date(row.get("target_date"))
    values["readings"] = [Reading(_iso_date(d), v) for d, v in row.get("readings", [])]
    return Measure(key=key, **values)


def _strategy_attributes(f: Fields) -> dict[str, Any]:
    found = _decode_all(_STRATEGY_DECODERS, f)
    found["phases"] = [Phase(name, weeks) for name, weeks in f["phases"]]
    found["chosen_baseline"] = f.get("chosen_baseline")
    return found


def _initiative(key: str, v: Fields) -> Initiative:
    return Initiative(key=key, **_decode_all(_INITIATIVE_DECODERS, v))


def build_strategy(skey: str, items: dict[ItemKey, Fields]) -> Strategy:
    """The strategy `skey` from its items, its lists in the order its ORDER item gives."""
    strategy = Strategy(key=skey, **_strategy_attributes(items[(skey, STRATEGY, "")]))
    order: Fields | None = None
    dependencies: list[tuple[str, Fields]] = []
    for (owner, kind, key), v in items.items():
        if owner != skey:
            continue
        if kind == INITIATIVE:
            strategy.initiatives[key] = _initiative(key, v)
        elif kind == DEPENDENCY:
            dependencies.append((key, v))
        elif kind == TOUCHPOINT:
            strategy.touchpoints.append(_touchpoint(key, v))
        elif kind == MEASURE:
            strategy.measures.append(_measure(key, v))
        elif kind == BASELINE:
            strategy.baselines.append(baseline_from(key, v))
        elif kind == ORDER:
            order = v
    # Every dependency key in one JSON parse: one parser call per key cost more than it.
    pairs = json.loads("[" + ",".join(key for key, _ in dependencies) + "]")
    strategy.dependencies = [
        Dependency(str(a), str(b), v["type"], v["lag"])
        for (a, b), (_, v) in zip(pairs, dependencies, strict=True)
    ]
    if order is not None:
        set_order(strategy, order)
    return strategy


def set_order(strategy: Strategy, order: Fields) -> None:
    """Put the strategy's lists in `order` (rows it does not name stay where they were)."""
    keys = list(strategy.initiatives)
    wanted = reordered(keys, order.get("initiatives", []))
    if wanted != keys:
        strategy.initiatives = {k: strategy.initiatives[k] for k in wanted}
    touchpoints = {t.key: t for t in strategy.touchpoints}
    wanted = reordered(list(touchpoints), order.get("touchpoints", []))
    strategy.touchpoints = [touchpoints[k] for k in wanted]
    measures = {m.key: m for m in strategy.measures}
    wanted = reordered(list(measures), order.get("measures", []))
    strategy.measures = [measures[k] for k in wanted]
    baselines = {b.name: b for b in strategy.baselines}
    wanted = reordered(list(baselines), order.get("baselines", []))
    strategy.baselines = [baselines[k] for k in wanted]


def item_value(strategy: Strategy, kind: str, key: str) -> Fields | None:
    """One item of a strategy as it is now, or None when it has no such item."""
    if kind == STRATEGY:
        return strategy_fields(strategy)
    if kind == INITIATIVE:
        ini = strategy.initiatives.get(key)
        return None if ini is None else initiative_fields(ini)
    if kind == TOUCHPOINT:
        t = next((t for t in strategy.touchpoints if t.key == key), None)
        return None if t is None else touchpoint_fields(t)
    if kind == MEASURE:
        m = next((m for m in strategy.measures if m.key == key), None)
        return None if m is None else measure_fields(m)
    if kind == ORDER:
        return order_fields(strategy)
    if kind == BASELINE:
        b = next((b for b in strategy.baselines if b.name == key), None)
        return None if b is None else baseline_fields(b)
    dep = strategy.dependency(*split_dependency_key(key))
    return None if dep is None else {"type": dep.type, "lag": dep.lag}


def _set_in_list(rows: list[Any], key: str, row: Any) -> None:
    """Replace the row with `key` by `row` (None removes it; a new one goes last)."""
    at = next((i for i, r in enumerate(rows) if r.key == key), None)
    if row is None:
        if at is not None:
            del rows[at]
    elif at is None:
        rows.append(row)
    else:
        rows[at] = row


def set_item(strategy: Strategy, kind: str, key: str, value: Fields | None) -> None:
    """Put one item's value into the strategy (None removes it; new ones go last)."""
    if kind == STRATEGY:
        if value is not None:
            for name, attribute in _strategy_attributes(value).items():
                setattr(strategy, name, attribute)
    elif kind == INITIATIVE:
        if value is None:
            strategy.initiatives.pop(key, None)
        else:
            strategy.initiatives[key] = _initiative(key, value)
    elif kind == TOUCHPOINT:
        _set_in_list(strategy.touchpoints, key, None if value is None else _touchpoint(key, value))
    elif kind == MEASURE:
        _set_in_list(strategy.measures, key, None if value is None else _measure(key, value))
    elif kind == BASELINE:
        at = next((i for i, b in enumerate(strategy.baselines) if b.name == key), None)
        if at is not None:
            del strategy.baselines[at]
        if value is not None:
            strategy.baselines.insert(len(strategy.baselines) if at is None else at,
                                      baseline_from(key, value))  # fmt: skip
    elif kind == ORDER:
        if value is not None:
            set_order(strategy, value)
    else:
        a, b = split_dependency_key(key)
        at = next((i for i, d in enumerate(strategy.dependencies) if d.pair == (a, b)), None)
        if value is None:
            if at is not None:
                del strategy.dependencies[at]
        elif at is None:
            strategy.dependencies.append(Dependency(a, b, value["type"], value["lag"]))
        else:
            strategy.dependencies[at] = Dependency(a, b, value["type"], value["lag"])
