"""The customer-experience parts of `cxroadmap/1`: touchpoints and measures, read and written.

Strict like the rest of the format: unknown fields are errors naming the field. The
canonical writer gives every field explicitly; numbers that are whole are written whole.
"""

from __future__ import annotations

from typing import Any

from cxroadmap.domain.cx_validation import (
    TOUCHPOINT_FIELDS,
    coerce_measure_value,
    coerce_touchpoint_value,
)
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.measures import Measure
from cxroadmap.domain.touchpoints import NOTE_FIELDS, Opportunity, Touchpoint

OPPORTUNITY_FIELDS = ("text", "initiative")
MEASURE_FIELDS = ("key", "name", "unit", "baseline", "target", "target_date", "initiatives")


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(where, "expected an object")
    return value


def _no_unknown(obj: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for name in obj:
        if name not in allowed:
            raise ValidationError(f"{where}.{name}", "unknown field")


def _required(obj: dict[str, Any], name: str, where: str) -> Any:
    if obj.get(name) is None:
        raise ValidationError(f"{where}.{name}", "required field is missing")
    return obj[name]


def _label(obj: dict[str, Any], index: int) -> str:
    key = obj.get("key")
    return key if isinstance(key, str) and key.strip() else str(index)


def _opportunities(value: object, where: str) -> list[Opportunity]:
    if not isinstance(value, list):
        raise ValidationError(where, "expected a list")
    found = []
    for i, item in enumerate(value):
        at = f"{where}[{i}]"
        if isinstance(item, str):  # shorthand: just the text
            item = {"text": item}
        obj = _object(item, at)
        _no_unknown(obj, OPPORTUNITY_FIELDS, at)
        found.append(Opportunity(_required(obj, "text", at), obj.get("initiative")))
    return coerce_touchpoint_value("opportunities", found, where)  # type: ignore[return-value]


def touchpoint_from_json(item: object, index: int) -> Touchpoint:
    obj = _object(item, f"touchpoints[{index}]")
    where = f"touchpoints[{_label(obj, index)}]"
    _no_unknown(obj, TOUCHPOINT_FIELDS, where)
    values: dict[str, Any] = {}
    for name in ("key", "name"):
        values[name] = coerce_touchpoint_value(name, _required(obj, name, where), f"{where}.{name}")
    for name in TOUCHPOINT_FIELDS[2:]:
        if obj.get(name) is None:
            continue
        at = f"{where}.{name}"
        if name == "opportunities":
            values[name] = _opportunities(obj[name], at)
        else:
            values[name] = coerce_touchpoint_value(name, obj[name], at)
    return Touchpoint(**values)


def measure_from_json(item: object, index: int) -> Measure:
    obj = _object(item, f"measures[{index}]")
    where = f"measures[{_label(obj, index)}]"
    _no_unknown(obj, MEASURE_FIELDS, where)
    values: dict[str, Any] = {}
    for name in ("key", "name"):
        values[name] = coerce_measure_value(name, _required(obj, name, where), f"{where}.{name}")
    for name in MEASURE_FIELDS[2:]:
        if obj.get(name) is not None:
            value = obj[name]
            if name in ("baseline", "target") and isinstance(value, str):
                # Text is fine in an editor, not in the interchange form.
                raise ValidationError(f"{where}.{name}", f"expected a number, got {value!r}")
            values[name] = coerce_measure_value(name, value, f"{where}.{name}")
    return Measure(**values)


def number_to_json(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def touchpoint_to_json(tp: Touchpoint) -> dict[str, Any]:
    return {
        "key": tp.key,
        "name": tp.name,
        "stage": tp.stage,
        "channel": tp.channel,
        "now": tp.now,
        "should": tp.should,
        "gap": tp.gap,
        **{name: list(getattr(tp, name)) for name in NOTE_FIELDS},
        "opportunities": [
            {"text": o.text, "initiative": o.initiative_key} for o in tp.opportunities
        ],
    }


def measure_to_json(measure: Measure) -> dict[str, Any]:
    return {
        "key": measure.key,
        "name": measure.name,
        "unit": measure.unit,
        "baseline": number_to_json(measure.baseline),
        "target": number_to_json(measure.target),
        "target_date": None if measure.target_date is None else measure.target_date.isoformat(),
        "initiatives": list(measure.initiatives),
    }
