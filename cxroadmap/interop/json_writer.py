"""The canonical `cxroadmap/1` form of a strategy or a cascade (the writing half of jsonfile)."""

from __future__ import annotations

from typing import Any

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.registry import DEPENDENCY, INITIATIVE, PHASE, STRATEGY, TOUCHPOINT
from cxroadmap.interop.cx_json import measure_to_json
from cxroadmap.interop.json_baselines import baselines_to_json
from cxroadmap.interop.json_brand import cx_brand_to_json
from cxroadmap.interop.json_fields import record_to_json

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
    # Scenarios sit in their original's node; they take its parent (scenarios.py).
    scenarios = cascade.scenarios_of(strategy)
    if scenarios:
        node["scenarios"] = [_node_to_json(s, with_parent=False) for s in scenarios]
    children = cascade.children(strategy)
    if children:
        node["children"] = [_tree_to_json(cascade, c, with_parent=False) for c in children]
    return node


def _node_to_json(strategy: Strategy, with_parent: bool) -> dict[str, Any]:
    head = record_to_json(STRATEGY, strategy)
    if not with_parent:
        head.pop("parent", None)
    head["phases"] = [record_to_json(PHASE, p) for p in strategy.phases]
    baselines_to_json(strategy, head)
    node: dict[str, Any] = {
        "strategy": head,
        "initiatives": [record_to_json(INITIATIVE, i) for i in strategy.initiatives.values()],
        "dependencies": [record_to_json(DEPENDENCY, d) for d in strategy.dependencies],
    }
    if strategy.touchpoints:
        node["touchpoints"] = [record_to_json(TOUCHPOINT, tp) for tp in strategy.touchpoints]
    if strategy.measures:
        node["measures"] = [measure_to_json(m) for m in strategy.measures]
    cx_brand_to_json(strategy, node)
    return node
