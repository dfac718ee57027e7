"""A strategy as workspace items: its own fields, each initiative and each dependency.

An item is addressed by (strategy key, kind, key) and holds JSON-ready fields; sync
merges items field by field, and the server stores one row per item.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from typing import Any

from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.support import SupportLink
from cxroadmap.domain.touchpoints import Opportunity, Touchpoint

STRATEGY, INITIATIVE, DEPENDENCY = "strategy", "initiative", "dependency"
KINDS = (STRATEGY, INITIATIVE, DEPENDENCY)

Fields = dict[str, Any]
ItemKey = tuple[str, str, str]  # (strategy key, kind, key)


@dataclass(frozen=True)
class ServerItem:
    """An item as the server holds it (or held it at the last sync: the merge's base)."""

    rev: int
    deleted: bool
    fields: Fields


def dependency_key(from_key: str, to_key: str) -> str:
    """One text for a pair of initiative keys (any characters are allowed in keys)."""
    return json.dumps([from_key, to_key], ensure_ascii=False)


def split_dependency_key(key: str) -> tuple[str, str]:
    pair = json.loads(key)
    return str(pair[0]), str(pair[1])


def describe(item: ItemKey) -> str:
    """How a person reads an item's key: `R1`, `R1 -> R2`, or `(strategy)`."""
    _, kind, key = item
    if kind == DEPENDENCY:
        return " -> ".join(split_dependency_key(key))
    return key if kind == INITIATIVE else "(strategy)"


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _date(text: Any) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(str(text))


def strategy_fields(s: Strategy) -> Fields:
    measures = []
    for m in s.measures:
        row = asdict(m)
        row["target_date"] = _iso(m.target_date)
        measures.append(row)
    return {
        "name": s.name,
        "level": s.level,
        "start": s.start.isoformat(),
        "owner": s.owner,
        "vision": s.vision,
        "mission": s.mission,
        "values": list(s.values),
        "working_days": list(s.working_days),
        "holidays": [d.isoformat() for d in s.holidays],
        "max_parallel": s.max_parallel,
        "parent": s.parent,
        "phases": [[p.name, p.weeks] for p in s.phases],
        "touchpoints": [asdict(t) for t in s.touchpoints],
        "measures": measures,
    }


def initiative_fields(ini: Initiative) -> Fields:
    return {
        "title": ini.title,
        "duration": ini.duration,
        "pillar": ini.pillar,
        "description": ini.description,
        "owner": ini.owner,
        "not_before": _iso(ini.not_before),
        "phase": ini.phase,
        "impact": ini.impact,
        "status": ini.status,
        "touchpoints": list(ini.touchpoints),
        "supports": [str(link) for link in ini.supports],
    }


def items_of(strategy: Strategy) -> dict[ItemKey, Fields]:
    """Every item of one strategy, in the strategy's own order."""
    skey = strategy.key
    found: dict[ItemKey, Fields] = {(skey, STRATEGY, ""): strategy_fields(strategy)}
    for key, ini in strategy.initiatives.items():
        found[(skey, INITIATIVE, key)] = initiative_fields(ini)
    for dep in strategy.dependencies:
        found[(skey, DEPENDENCY, dependency_key(*dep.pair))] = {"type": dep.type, "lag": dep.lag}
    return found


def document_items(strategies: list[Strategy]) -> dict[ItemKey, Fields]:
    found: dict[ItemKey, Fields] = {}
    for strategy in strategies:
        found.update(items_of(strategy))
    return found


def _touchpoint(row: dict[str, Any]) -> Touchpoint:
    values = dict(row)
    values["opportunities"] = [Opportunity(**o) for o in row.get("opportunities", [])]
    return Touchpoint(**values)


def _measure(row: dict[str, Any]) -> Measure:
    values = dict(row)
    values["target_date"] = _date(row.get("target_date"))
    return Measure(**values)


def build_strategy(skey: str, items: dict[ItemKey, Fields]) -> Strategy:
    """The strategy `skey` from its items (initiatives and dependencies in the items' order)."""
    f = items[(skey, STRATEGY, "")]
    strategy = Strategy(
        name=f["name"],
        start=dt.date.fromisoformat(f["start"]),
        level=f["level"],
        owner=f["owner"],
        vision=f["vision"],
        mission=f["mission"],
        values=list(f["values"]),
        working_days=tuple(f["working_days"]),
        holidays=[dt.date.fromisoformat(d) for d in f["holidays"]],
        max_parallel=f["max_parallel"],
        phases=[Phase(name, weeks) for name, weeks in f["phases"]],
        touchpoints=[_touchpoint(t) for t in f["touchpoints"]],
        measures=[_measure(m) for m in f["measures"]],
        key=skey,
        parent=f["parent"],
    )
    for (owner, kind, key), v in items.items():
        if owner != skey:
            continue
        if kind == INITIATIVE:
            strategy.initiatives[key] = Initiative(
                key=key,
                title=v["title"],
                duration=v["duration"],
                pillar=v["pillar"],
                description=v["description"],
                owner=v["owner"],
                not_before=_date(v["not_before"]),
                phase=v["phase"],
                impact=v["impact"],
                status=v["status"],
                touchpoints=list(v["touchpoints"]),
                supports=[SupportLink.parse(s, f"{key}.supports") for s in v["supports"]],
            )
        elif kind == DEPENDENCY:
            a, b = split_dependency_key(key)
            strategy.dependencies.append(Dependency(a, b, v["type"], v["lag"]))
    return strategy


def drop_dangling(strategies: list[Strategy]) -> None:
    """Remove references to what is gone: dependencies, pins, touchpoint and support links.

    After a merge or a resolution deleted an initiative, a phase or a touchpoint, what
    pointed at it goes too, as deleting it in the app would have done.
    """
    keys = {s.key: set(s.initiatives) for s in strategies}
    for s in strategies:
        present = set(s.initiatives)
        s.dependencies = [
            d for d in s.dependencies if d.from_key in present and d.to_key in present
        ]
        phases = set(s.phase_names())
        touchpoints = {t.key for t in s.touchpoints}
        for ini in s.initiatives.values():
            if ini.phase is not None and ini.phase not in phases:
                ini.phase = None
            ini.touchpoints = [t for t in ini.touchpoints if t in touchpoints]
            ini.supports = [
                link
                for link in ini.supports
                if link.strategy not in keys or link.initiative in keys[link.strategy]
            ]
        for m in s.measures:
            m.initiatives = [k for k in m.initiatives if k in present]
        for t in s.touchpoints:
            for o in t.opportunities:
                if o.initiative_key is not None and o.initiative_key not in present:
                    o.initiative_key = None
