"""Checks for touchpoints, measures and alignment links of one strategy; each names its field."""

from __future__ import annotations

import datetime as dt
import math

from cxroadmap.domain.calendar import parse_date
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import check_key, check_text
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.support import SupportLink, check_strategy_key
from cxroadmap.domain.touchpoints import GAP_MAX, GAP_MIN, NOTE_FIELDS, Opportunity, Touchpoint

TOUCHPOINT_FIELDS = (
    "key",
    "name",
    "stage",
    "channel",
    "now",
    "should",
    "gap",
    *NOTE_FIELDS,
    "opportunities",
)
MEASURE_FIELDS = ("key", "name", "unit", "baseline", "target", "target_date", "initiatives")


def _texts(value: object, where: str) -> list[str]:
    if not isinstance(value, list | tuple):
        raise ValidationError(where, f"expected a list of text, got {value!r}")
    return [check_text(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _keys(value: object, where: str) -> list[str]:
    if not isinstance(value, list | tuple):
        raise ValidationError(where, f"expected a list of keys, got {value!r}")
    keys = [check_key(v, f"{where}[{i}]") for i, v in enumerate(value)]
    for i, key in enumerate(keys):
        if key in keys[:i]:
            raise ValidationError(f"{where}[{i}]", f"{key!r} is listed twice")
    return keys


def check_gap(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not GAP_MIN <= value <= GAP_MAX:
        raise ValidationError(where, f"expected a gap from {GAP_MIN} to {GAP_MAX}, got {value!r}")
    return value


def check_number(value: object, where: str) -> float | None:
    """A measure's baseline or target: a number, numeric text, or None (not known yet)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            raise ValidationError(where, f"expected a number, got {value!r}") from None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(where, f"expected a number, got {value!r}")
    return float(value)


def _opportunities(value: object, where: str) -> list[Opportunity]:
    if not isinstance(value, list | tuple):
        raise ValidationError(where, f"expected a list of opportunities, got {value!r}")
    found = []
    for i, item in enumerate(value):
        at = f"{where}[{i}]"
        if isinstance(item, str):
            item = Opportunity(item)
        if not isinstance(item, Opportunity):
            raise ValidationError(at, f"expected an opportunity, got {item!r}")
        text = check_text(item.text, f"{at}.text", required=True)
        key = item.initiative_key
        link = None if key is None else check_key(key, f"{at}.initiative")
        found.append(Opportunity(text, link))
    return found


def coerce_touchpoint_value(name: str, value: object, where: str) -> object:
    """Check and normalise one touchpoint field (used by edits and the JSON reader)."""
    if name == "key":
        return check_key(value, where)
    if name == "name":
        return check_text(value, where, required=True)
    if name in ("stage", "channel", "now", "should"):
        return check_text(value, where)
    if name == "gap":
        return check_gap(value, where)
    if name in NOTE_FIELDS:
        return _texts(value, where)
    if name == "opportunities":
        return _opportunities(value, where)
    raise ValidationError(where, f"unknown touchpoint field {name!r}")


def coerce_measure_value(name: str, value: object, where: str) -> object:
    """Check and normalise one measure field (used by edits and the JSON reader)."""
    if name == "key":
        return check_key(value, where)
    if name == "name":
        return check_text(value, where, required=True)
    if name == "unit":
        return check_text(value, where)
    if name in ("baseline", "target"):
        return check_number(value, where)
    if name == "target_date":
        if value is None or value == "":
            return None
        return value if isinstance(value, dt.date) else parse_date(value, where)
    if name == "initiatives":
        return _keys(value, where)
    raise ValidationError(where, f"unknown measure field {name!r}")


def coerce_supports(value: object, where: str) -> list[SupportLink]:
    if not isinstance(value, list | tuple):
        raise ValidationError(where, f"expected a list such as ['ORG/LEAD2'], got {value!r}")
    links = [SupportLink.parse(v, f"{where}[{i}]") for i, v in enumerate(value)]
    for i, link in enumerate(links):
        if link in links[:i]:
            raise ValidationError(f"{where}[{i}]", f"{link} is listed twice")
    return links


def coerce_touchpoint_keys(value: object, where: str) -> list[str]:
    return _keys(value, where)


def check_touchpoint(tp: Touchpoint, where: str) -> None:
    for name in TOUCHPOINT_FIELDS:
        coerce_touchpoint_value(name, getattr(tp, name), f"{where}.{name}")


def check_measure(measure: Measure, where: str) -> None:
    for name in MEASURE_FIELDS:
        coerce_measure_value(name, getattr(measure, name), f"{where}.{name}")


def validate_cx(strategy: Strategy) -> None:
    """Raise the first problem in the strategy's touchpoints, measures and links."""
    if strategy.key:
        check_strategy_key(strategy.key)
    if strategy.parent is not None:
        check_strategy_key(strategy.parent, "strategy.parent")
        if strategy.parent == strategy.key:
            raise ValidationError("strategy.parent", "a strategy cannot be its own parent")
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
    for key, ini in strategy.initiatives.items():
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
