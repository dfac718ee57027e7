"""Checks for touchpoints, measures and alignment links of one strategy; each names its field."""

from __future__ import annotations

from collections.abc import Iterable

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.fields import coerce, coerce_named
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.readings import check_readings
from cxroadmap.domain.registry import INITIATIVE, MEASURE, TOUCHPOINT
from cxroadmap.domain.support import SupportLink, check_strategy_key
from cxroadmap.domain.touchpoints import Touchpoint

TOUCHPOINT_FIELDS = tuple(TOUCHPOINT)
MEASURE_FIELDS = tuple(MEASURE)


def coerce_touchpoint_value(name: str, value: object, where: str) -> object:
    """Check and normalise one touchpoint field (used by edits and the JSON reader)."""
    return coerce_named(TOUCHPOINT, "touchpoint", name, value, where)


def coerce_measure_value(name: str, value: object, where: str) -> object:
    """Check and normalise one measure field (used by edits and the JSON reader)."""
    return coerce_named(MEASURE, "measure", name, value, where)


def coerce_supports(value: object, where: str) -> list[SupportLink]:
    return coerce(INITIATIVE["supports"], value, where)  # type: ignore[return-value]


def coerce_touchpoint_keys(value: object, where: str) -> list[str]:
    return coerce(INITIATIVE["touchpoints"], value, where)  # type: ignore[return-value]


def check_touchpoint(tp: Touchpoint, where: str) -> None:
    for name in TOUCHPOINT_FIELDS:
        coerce_touchpoint_value(name, getattr(tp, name), f"{where}.{name}")


def check_measure(measure: Measure, where: str) -> None:
    for name in MEASURE_FIELDS:
        coerce_measure_value(name, getattr(measure, name), f"{where}.{name}")
    check_readings(measure.readings, f"{where}.readings")


def validate_cx(strategy: Strategy, only: Iterable[str] | None = None) -> None:
    """Raise the first problem in the strategy's touchpoints, measures and links.

    `only` (keys in document order) leaves out initiatives known to link nothing.
    """
    if strategy.key:
        check_strategy_key(strategy.key)
    if strategy.parent is not None:
        check_strategy_key(strategy.parent, "strategy.parent")
        if strategy.parent == strategy.key:
            raise ValidationError("strategy.parent", "a strategy cannot be its own parent")
    if strategy.scenario_of is not None:
        check_strategy_key(strategy.scenario_of, "strategy.scenario_of")
        if strategy.scenario_of == strategy.key:
            raise ValidationError("strategy.scenario_of", "a strategy cannot be its own scenario")
    touchpoints: set[str] = set()
    for i, tp in enumerate(strategy.touchpoints):
        label = tp.key if isinstance(tp.key, str) and tp.key.strip() else str(i)
        where = f"touchpoints[{label}]"
        check_touchpoint(tp, where)
        if tp.key in touchpoints:
            raise ValidationError(f"{where}.key", f"duplicate touchpoint key {tp.key!r}")
        touchpoints.add(tp.key)
        for j, opp in enumerate(tp.opportunities):
            if opp.initiative_key is not None and opp.initiative_key not in strategy.initiatives:
                raise ValidationError(
                    f"{where}.opportunities[{j}].initiative",
                    f"no initiative with key {opp.initiative_key!r}",
                )
    initiatives = strategy.initiatives
    pairs = initiatives.items() if only is None else ((k, initiatives[k]) for k in only)
    for key, ini in pairs:
        if ini.touchpoints == [] and ini.supports == []:
            continue  # most initiatives link nothing: skip the string building below
        where = f"initiatives[{key}]"
        for j, tp_key in enumerate(coerce_touchpoint_keys(ini.touchpoints, f"{where}.touchpoints")):
            if tp_key not in touchpoints:
                raise ValidationError(
                    f"{where}.touchpoints[{j}]", f"no touchpoint with key {tp_key!r}"
                )
        for j, link in enumerate(coerce_supports(ini.supports, f"{where}.supports")):
            if strategy.parent is None:
                raise ValidationError(
                    f"{where}.supports[{j}]",
                    f"supports {link}, but the strategy has no parent strategy",
                )
            if link.strategy == strategy.key:
                raise ValidationError(
                    f"{where}.supports[{j}]",
                    f"{link} is in the same strategy; use a dependency instead",
                )
    measures: set[str] = set()
    for i, measure in enumerate(strategy.measures):
        label = measure.key if isinstance(measure.key, str) and measure.key.strip() else str(i)
        where = f"measures[{label}]"
        check_measure(measure, where)
        if measure.key in measures:
            raise ValidationError(f"{where}.key", f"duplicate measure key {measure.key!r}")
        measures.add(measure.key)
        for j, ini_key in enumerate(measure.initiatives):
            if ini_key not in strategy.initiatives:
                raise ValidationError(
                    f"{where}.initiatives[{j}]", f"no initiative with key {ini_key!r}"
                )
