"""Domain records <-> row dicts and CHECK constraints, derived from the field registry.

A field with a `column` is stored in its record's own table under that name; the
others (lists, links) have tables of their own and are written by their modules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from sqlalchemy import CheckConstraint, ColumnElement, Table

from cxroadmap.domain.fields import CHOICE, DATE, DURATION, WEEKDAYS, Field

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


def columns(table: Table, fields: Mapping[str, Field]) -> list[ColumnElement[Any]]:
    """The table's columns of the stored fields, in the order `reader` expects them."""
    return [table.c[f.column] for f in stored(fields) if f.column is not None]


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


def check_sql(f: Field) -> tuple[str, str] | None:
    """(constraint name, SQL) of the rule the file itself enforces for `f`, if any.

    Choices and the range that is part of the field's meaning (impact 1 to 5) are
    enforced by the file; safety limits (limits.py) are checked at the doors instead,
    so raising one never needs a migration.
    """
    column = f.column
    if column is None:
        return None
    # Money columns came with schema 3: SQLite cannot add a table CHECK to an existing
    # table without rebuilding it, so amounts are checked at the doors only.
    lo = 0 if f.kind == DURATION and f.minimum is None else f.minimum
    if f.kind == CHOICE:
        listed = ", ".join(f"'{c}'" for c in f.choices)
        name, sql = f"{column}_known", f"{column} IN ({listed})"
    elif lo is not None and f.maximum is not None:
        name, sql = f"{column}_range", f"{column} BETWEEN {lo:g} AND {f.maximum:g}"
    elif lo is not None:
        suffix = "positive" if lo == 1 else "not_negative" if lo == 0 else "minimum"
        name, sql = f"{column}_{suffix}", f"{column} >= {lo:g}"
    else:
        return None
    if f.nullable:
        sql = f"{column} IS NULL OR {sql}"
    return name, sql


def checks(fields: Mapping[str, Field]) -> tuple[CheckConstraint, ...]:
    """CHECK constraints for a record's table, derived from its fields."""
    found = (check_sql(f) for f in fields.values())
    return tuple(CheckConstraint(sql, name=name) for name, sql in filter(None, found))
