"""A worker's copy of a strategy shares nothing the user's edits change in place."""

from __future__ import annotations

from cx_samples import touchpoint_strategy

from cxroadmap.domain.model import Strategy
from cxroadmap.ui.live_schedule import snapshot


def mutable_parts(strategy: Strategy) -> list[object]:
    """Every list, dict and dataclass object an edit may change in place."""
    parts: list[object] = [strategy.values, strategy.holidays, strategy.phases]
    parts += [strategy.initiatives, strategy.dependencies, strategy.touchpoints]
    parts += [strategy.measures, *strategy.phases, *strategy.dependencies]
    for ini in strategy.initiatives.values():
        parts += [ini, ini.touchpoints, ini.supports]
    for tp in strategy.touchpoints:
        parts += [tp, tp.standards, tp.measures, tp.no_value, tp.root_causes, tp.opportunities]
        parts += tp.opportunities
    for measure in strategy.measures:
        parts += [measure, measure.initiatives]
    return parts


def test_the_snapshot_equals_the_strategy_and_shares_no_mutable_part() -> None:
    strategy = touchpoint_strategy()
    copy = snapshot(strategy)
    assert copy == strategy
    shared = {id(p) for p in mutable_parts(strategy)} & {id(p) for p in mutable_parts(copy)}
    assert shared == set()
    assert strategy.touchpoints and strategy.measures  # the sample exercises both
    assert any(i.touchpoints for i in strategy.initiatives.values())
