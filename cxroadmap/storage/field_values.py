"""Domain records <-> row values, derived from the field registry (no SQL library needed).

Reading a document (storage/loading.py) and writing one (field_rows.py, through SQLAlchemy)
convert values the same way: dates as ISO text, working days as a comma-separated list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from cxroadmap.domain.fields import DATE, WEEKDAYS, Field

Row = dict[str, Any]
T = TypeVar("T")


def _date_to_db(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _date_from_db(value: Any) -> Any:
    return None if value is None else dt.date.fromisoformat(value)


def _days_from_db(value: Any) -> Any:
    return tuple(d for d in value.split(",") if d)


# Kind -> (to the file, from the file); kinds not named are stored as they are.
_CONVERT: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any]]] = {
    DATE: (_date_to_db, _date_from_db),
    WEEKDAYS: (",".join, _days_from_db),
}


def stored(fields: Mapping[str, Field]) -> list[Field]:
    """The fields kept in the record's own table, in declaration order."""
    return [f for f in fields.values() if f.column is not None]


def to_row(fields: Mapping[str, Field], record: object) -> Row:
    """Column -> value of every stored field of `record`."""
    row: Row = {}
    for f in stored(fields):
        value = getattr(record, f.name)
        convert = _CONVERT.get(f.kind)
        row[f.column] = value if convert is None else convert[0](value)  # type: ignore[index]
    return row


def reader(cls: Callable[..., T], fields: Iterable[Field]) -> Callable[[Iterable[Any]], T]:
    """A function that builds a `cls`, by keyword, from one value per field of `fields`
    (as `select(*columns(...))` gives them for `stored(...)`)."""
    plan = [(f.name, _CONVERT[f.kind][1] if f.kind in _CONVERT else None) for f in fields]
    plain = all(convert is None for _, convert in plan)
    names = [name for name, _ in plan]
    if plain:
        return lambda values: cls(**dict(zip(names, values, strict=True)))

    def build(values: Iterable[Any]) -> T:
        return cls(
            **{
                name: value if convert is None else convert(value)
                for (name, convert), value in zip(plan, values, strict=True)
            }
        )

    return build
