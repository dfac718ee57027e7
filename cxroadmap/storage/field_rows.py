"""Domain records <-> row dicts and CHECK constraints, derived from the field registry.

A field with a `column` is stored in its record's own table under that name; the
others (lists, links) have tables of their own and are written by their modules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import CheckConstraint, ColumnElement, Table

from cxroadmap.domain.fields import CHOICE, DURATION, Field
from cxroadmap.storage.field_values import Row, reader, stored, to_row

__all__ = ["Row", "check_sql", "checks", "columns", "reader", "stored", "to_row"]


def columns(table: Table, fields: Mapping[str, Field]) -> list[ColumnElement[Any]]:
    """The table's columns of the stored fields, in the order `reader` expects them."""
    return [table.c[f.column] for f in stored(fields) if f.column is not None]


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
