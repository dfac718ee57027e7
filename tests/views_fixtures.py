"""Small strategies and helpers shared by the roadmap view tests."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain.model import Dependency, Initiative, Phase, Strategy
from cxroadmap.domain.pillars import DEFAULT_PILLARS

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


def medium_strategy() -> Strategy:
    """Forty initiatives in chains of five, some chains joined, three phases."""
    strategy = Strategy(
        "Medium",
        dt.date(2027, 1, 4),
        max_parallel=6,
        phases=[Phase("Now", 6), Phase("Next", 12), Phase("Later", None)],
    )
    for i in range(40):
        key = f"K{i:02d}"
        strategy.initiatives[key] = Initiative(
            key,
            f"Initiative number {i}",
            0 if i % 11 == 4 else 3 + (i * 7) % 23,
            DEFAULT_PILLARS[i % len(DEFAULT_PILLARS)].key,
            owner=f"Team {i % 4}",
            status="idea" if i % 9 == 2 else "planned",
        )
        if i % 5:
            strategy.dependencies.append(Dependency(f"K{i - 1:02d}", key))
    strategy.dependencies += [Dependency("K03", "K12"), Dependency("K14", "K27")]
    return strategy
