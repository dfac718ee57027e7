"""Touchpoint tables for the templates and the demo: one readable row per moment of truth."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cxroadmap.domain.model import Strategy
from cxroadmap.domain.touchpoints import Opportunity, Touchpoint


@dataclass(frozen=True)
class TouchpointRow:
    key: str
    name: str
    stage: str
    channel: str
    now: str
    should: str
    gap: int
    standards: tuple[str, ...]
    measures: tuple[str, ...]
    no_value: tuple[str, ...]
    root_causes: tuple[str, ...]
    # (text, key of the initiative it became, or None while still open)
    opportunities: tuple[tuple[str, str | None], ...]
    # keys of the template's initiatives that address this touchpoint
    addressed_by: tuple[str, ...]


def add_touchpoints(strategy: Strategy, rows: Iterable[TouchpointRow]) -> None:
    """Append the rows as touchpoints and link each to the initiatives that address it."""
    for row in rows:
        strategy.touchpoints.append(
            Touchpoint(
                row.key,
                row.name,
                row.stage,
                row.channel,
                row.now,
                row.should,
                row.gap,
                list(row.standards),
                list(row.measures),
                list(row.no_value),
                list(row.root_causes),
                [Opportunity(text, key) for text, key in row.opportunities],
            )
        )
        for key in row.addressed_by:
            strategy.initiatives[key].touchpoints.append(row.key)
