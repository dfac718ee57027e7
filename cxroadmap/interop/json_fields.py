"""Records <-> `cxroadmap/1` JSON objects, field by field, from the field registry.

Strict like the rest of the format: an unknown name is an error naming it, numbers must
be numbers (text is fine in an editor, not in a file). A field marked `json_optional`
is left out while empty, so files written before it existed read and write the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.fields import (
    DATE,
    DATES,
    INT,
    MONEY,
    NUMBER,
    OPPORTUNITIES,
    SUPPORTS,
    YEAR_AMOUNTS,
    Field,
    coerce,
)
from cxroadmap.domain.touchpoints import Opportunity

T = TypeVar("T")
OPPORTUNITY_FIELDS = ("text", "initiative")


def kind_of(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), repr(value)
    )


def json_object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(where, f"expected an object, got {kind_of(value)}")
    return value


def json_array(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValidationError(where, f"expected a list, got {kind_of(value)}")
    return value


def no_unknown(obj: Mapping[str, Any], allowed: tuple[str, ...], where: str) -> None:
    for name in obj:
        if name not in allowed:
            raise ValidationError(f"{where}.{name}" if where else name, "unknown field")


def required(obj: Mapping[str, Any], name: str, where: str) -> Any:
    if obj.get(name) is None:
        raise ValidationError(f"{where}.{name}" if where else name, "required field is missing")
    return obj[name]


def number_to_json(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


_TO_JSON: dict[str, Callable[[Any], Any]] = {
    DATE: _iso,
    DATES: lambda days: [d.isoformat() for d in days],
    NUMBER: number_to_json,
    MONEY: number_to_json,
    SUPPORTS: lambda links: [str(link) for link in links],
    OPPORTUNITIES: lambda items: [{"text": o.text, "initiative": o.initiative_key} for o in items],
    YEAR_AMOUNTS: lambda years: {str(y): number_to_json(a) for y, a in years.items()},
}


def value_to_json(f: Field, value: Any) -> Any:
    convert = _TO_JSON.get(f.kind)
    if convert is not None:
        return convert(value)
    return list(value) if isinstance(value, list | tuple) else value


def _opportunities(value: object, where: str) -> list[Opportunity]:
    found = []
    for i, item in enumerate(json_array(value, where)):
        at = f"{where}[{i}]"
        if isinstance(item, str):  # shorthand: just the text
            item = {"text": item}
        obj = json_object(item, at)
        no_unknown(obj, OPPORTUNITY_FIELDS, at)
        found.append(Opportunity(required(obj, "text", at), obj.get("initiative")))
    return found


def value_from_json(f: Field, value: object, where: str, days_per_week: int = 5) -> object:
    """One JSON value of field `f`, checked by the registry's rule for it."""
    if f.kind in (INT, NUMBER, MONEY) and isinstance(value, str):
        raise ValidationError(where, f"expected a number, got {value!r}")
    if f.kind == OPPORTUNITIES:
        value = _opportunities(value, where)
    elif f.kind == YEAR_AMOUNTS:
        obj = json_object(value, where)
        if any(isinstance(v, str) for v in obj.values()):
            raise ValidationError(where, "expected numbers as amounts")
        value = obj
    return coerce(f, value, where, days_per_week)


def json_names(fields: Mapping[str, Field]) -> tuple[str, ...]:
    return tuple(f.json for f in fields.values() if f.json is not None)


def record_to_json(fields: Mapping[str, Field], record: object) -> dict[str, Any]:
    """Every field that has a JSON name, in declaration order (optional ones while set)."""
    out: dict[str, Any] = {}
    for f in fields.values():
        if f.json is None:
            continue
        value = getattr(record, f.name)
        # An optional field at its default (percent_complete 0) is as good as absent.
        if f.json_optional and (value in (None, "", [], (), {}) or value == f.default):
            continue
        out[f.json] = value_to_json(f, value)
    return out


def record_values(
    fields: Mapping[str, Field], obj: Mapping[str, Any], where: str, days_per_week: int = 5
) -> dict[str, Any]:
    """Field name -> checked value of every field given in `obj`; unknown names refused."""
    no_unknown(obj, json_names(fields), where)
    values: dict[str, Any] = {}
    for f in fields.values():
        if f.json is None:
            continue
        raw = obj.get(f.json)
        if raw is None:
            if f.required:
                required(obj, f.json, where)
            continue
        values[f.name] = value_from_json(f, raw, f"{where}.{f.json}", days_per_week)
    return values


def record_from_json(
    cls: Callable[..., T],
    fields: Mapping[str, Field],
    obj: Mapping[str, Any],
    where: str,
    days_per_week: int = 5,
) -> T:
    return cls(**record_values(fields, obj, where, days_per_week))
