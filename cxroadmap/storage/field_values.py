"""Domain records <-> row values, derived from the field registry (no SQL library needed).

Reading a document (storage/loading.py) and writing one (field_rows.py, through SQLAlchemy)
convert values the same way: dates as ISO text, working days as a comma-separated list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
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
    for name, column, convert in _plan(fields):
        value = getattr(record, name)
        row[column] = value if convert is None else convert(value)
    return row


def row_maker(fields: Mapping[str, Field]) -> tuple[list[str], Callable[[object], tuple[Any, ...]]]:
    """The stored columns of `fields`, and a function giving a record's values for them
    as a tuple (what `to_row` gives, without a dict: for thousands of rows at once)."""
    plan = _plan(fields)
    columns = [column for _, column, _ in plan]
    get = attrgetter(*[name for name, _, _ in plan])
    converts = [(at, convert) for at, (_, _, convert) in enumerate(plan) if convert is not None]
    if len(plan) == 1:
        ((_, _, convert),) = plan

        def one(record: object) -> tuple[Any, ...]:
            value = get(record)
            return (value if convert is None else convert(value),)

        return columns, one
    if not converts:
        return columns, get

    def make(record: object) -> tuple[Any, ...]:
        values = list(get(record))
        for at, convert in converts:
            values[at] = convert(values[at])
        return tuple(values)

    return columns, make


# The registry's field mappings are built once at import; thousands of rows per write
# should not each re-derive which fields are stored and how (keyed by identity, kept alive).
_PLANS: dict[int, tuple[Mapping[str, Field], int, list[tuple[str, str, Any]]]] = {}


def _plan(fields: Mapping[str, Field]) -> list[tuple[str, str, Any]]:
    known = _PLANS.get(id(fields))
    if known is not None and known[0] is fields and known[1] == len(fields):
        return known[2]
    plan = [
        (f.name, f.column, _CONVERT[f.kind][0] if f.kind in _CONVERT else None)
        for f in stored(fields)
        if f.column is not None
    ]
    _PLANS[id(fields)] = (fields, len(fields), plan)
    return plan


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
