"""The canonical `cxroadmap/1` form of a strategy or a cascade (the writing half of jsonfile)."""

from __future__ import annotations

from typing import Any

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.interop.cx_json import measure_to_json, touchpoint_to_json

FORMAT = "cxroadmap/1"


def strategy_to_json(strategy: Strategy) -> dict[str, Any]:
    """The canonical full form: every field explicit, ISO dates, durations and lags in days.

    Only the customer-experience parts are left out when empty (and `key`, `parent`).
    """
    return {"format": FORMAT, **_node_to_json(strategy, with_parent=True)}


def cascade_to_json(strategies: list[Strategy], root: Strategy | None = None) -> dict[str, Any]:
    """`root` (the top strategy by default) with everything below it nested in `children`."""
    cascade = Cascade(strategies)
    top = root if root is not None else cascade.root
    if top is None:
        raise ValidationError("", "no strategy to write")
    return {"format": FORMAT, **_tree_to_json(cascade, top, with_parent=True)}


def _tree_to_json(cascade: Cascade, strategy: Strategy, with_parent: bool) -> dict[str, Any]:
    node = _node_to_json(strategy, with_parent)
    children = cascade.children(strategy)
    if children:
        node["children"] = [_tree_to_json(cascade, c, with_parent=False) for c in children]
    return node


def _initiative_to_json(ini: Initiative) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "key": ini.key,
        "title": ini.title,
        "pillar": ini.pillar,
        "duration": ini.duration,
        "owner": ini.owner,
        "not_before": None if ini.not_before is None else ini.not_before.isoformat(),
        "phase": ini.phase,
        "impact": ini.impact,
        "status": ini.status,
        "description": ini.description,
    }
    if ini.touchpoints:
        entry["touchpoints"] = list(ini.touchpoints)
    if ini.supports:
        entry["supports"] = [str(link) for link in ini.supports]
    return entry


def _node_to_json(strategy: Strategy, with_parent: bool) -> dict[str, Any]:
    phases: list[dict[str, Any]] = []
    for phase in strategy.phases:
        entry: dict[str, Any] = {"name": phase.name}
        if phase.weeks is not None:
            entry["weeks"] = phase.weeks
        phases.append(entry)
    head: dict[str, Any] = {}
    if strategy.key:
        head["key"] = strategy.key
    if with_parent and strategy.parent is not None:
        head["parent"] = strategy.parent
    node: dict[str, Any] = {
        "strategy": {
            **head,
            "name": strategy.name,
            "level": strategy.level,
            "start": strategy.start.isoformat(),
            "owner": strategy.owner,
            "vision": strategy.vision,
            "mission": strategy.mission,
            "values": list(strategy.values),
            "working_days": list(strategy.working_days),
            "holidays": [d.isoformat() for d in strategy.holidays],
            "max_parallel": strategy.max_parallel,
            "phases": phases,
        },
        "initiatives": [_initiative_to_json(ini) for ini in strategy.initiatives.values()],
        "dependencies": [
            {"from": d.from_key, "to": d.to_key, "type": d.type, "lag": d.lag}
            for d in strategy.dependencies
        ],
    }
    if strategy.touchpoints:
        node["touchpoints"] = [touchpoint_to_json(tp) for tp in strategy.touchpoints]
    if strategy.measures:
        node["measures"] = [measure_to_json(m) for m in strategy.measures]
    return node
