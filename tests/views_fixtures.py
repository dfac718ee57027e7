"""Small strategies and helpers shared by the roadmap view tests."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy

START = dt.date(2027, 1, 4)  # a Monday


def small_strategy() -> Strategy:
    """A -> B in sequence, C alone, M a milestone after B; three phases of 2, 4 and open weeks."""
    strategy = Strategy(
        "Small", START, phases=[Phase("Now", 2), Phase("Next", 4), Phase("Later", None)]
    )
    for ini in (
        Initiative("A", "Map the moments of truth", 5, pillar="touchpoints", owner="Ana"),
        Initiative("B", "Train the frontline", 10, pillar="training", owner="Ben"),
        Initiative("C", "Recognition programme", 3, pillar="recognition", owner="Ana"),
        Initiative("M", "Frontline trained", 0, pillar="training", owner="Ben"),
    ):
        strategy.initiatives[ini.key] = ini
    strategy.dependencies += [Dependency("A", "B"), Dependency("B", "M")]
    return strategy
