"""The customer-experience parts of `cxroadmap/1`: touchpoints and measures, read and written.

Strict like the rest of the format: unknown fields are errors naming the field. The
canonical writer gives every field explicitly; numbers that are whole are written whole.
A measure's readings are `"readings": [{"date", "value"}]`, left out while there are none.
"""

from __future__ import annotations

from typing import Any

from cxroadmap.domain.measures import Measure, Reading
from cxroadmap.domain.readings import check_readings
from cxroadmap.domain.registry import MEASURE, READING, TOUCHPOINT
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.interop.json_fields import (
    json_array,
    json_object,
    number_to_json,
    record_from_json,
    record_to_json,
)

__all__ = ["measure_from_json", "measure_to_json", "number_to_json", "touchpoint_from_json"]


def _label(obj: dict[str, Any], index: int) -> str:
    key = obj.get("key")
    return key if isinstance(key, str) and key.strip() else str(index)


def touchpoint_from_json(item: object, index: int) -> Touchpoint:
    obj = json_object(item, f"touchpoints[{index}]")
    return record_from_json(Touchpoint, TOUCHPOINT, obj, f"touchpoints[{_label(obj, index)}]")


def measure_from_json(item: object, index: int) -> Measure:
    obj = dict(json_object(item, f"measures[{index}]"))
    where = f"measures[{_label(obj, index)}]"
    raw = obj.pop("readings", None)
    measure = record_from_json(Measure, MEASURE, obj, where)
    if raw is not None:
        at = f"{where}.readings"
        readings = [
            record_from_json(Reading, READING, json_object(r, f"{at}[{i}]"), f"{at}[{i}]")
            for i, r in enumerate(json_array(raw, at))
        ]
        measure.readings = check_readings(readings, at)
    return measure


def measure_to_json(measure: Measure) -> dict[str, Any]:
    out = record_to_json(MEASURE, measure)
    if measure.readings:
        out["readings"] = [record_to_json(READING, r) for r in measure.readings]
    return out
