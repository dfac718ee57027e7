"""The customer-experience parts of `cxroadmap/1`: touchpoints and measures, read and written.

Strict like the rest of the format: unknown fields are errors naming the field. The
canonical writer gives every field explicitly; numbers that are whole are written whole.
"""

from __future__ import annotations

from typing import Any

from cxroadmap.domain.measures import Measure
from cxroadmap.domain.registry import MEASURE, TOUCHPOINT
from cxroadmap.domain.touchpoints import Touchpoint
from cxroadmap.interop.json_fields import json_object, number_to_json, record_from_json

__all__ = ["measure_from_json", "number_to_json", "touchpoint_from_json"]


def _label(obj: dict[str, Any], index: int) -> str:
    key = obj.get("key")
    return key if isinstance(key, str) and key.strip() else str(index)


def touchpoint_from_json(item: object, index: int) -> Touchpoint:
    obj = json_object(item, f"touchpoints[{index}]")
    return record_from_json(Touchpoint, TOUCHPOINT, obj, f"touchpoints[{_label(obj, index)}]")


def measure_from_json(item: object, index: int) -> Measure:
    obj = json_object(item, f"measures[{index}]")
    return record_from_json(Measure, MEASURE, obj, f"measures[{_label(obj, index)}]")
