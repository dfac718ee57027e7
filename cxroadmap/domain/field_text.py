"""How a field's value reads in tables, forms and the PDF: one wording per kind of field."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxroadmap.domain.durations import format_duration
from cxroadmap.domain.fields import (
    CHOICE,
    DATE,
    DURATION,
    LAG,
    LIST_KINDS,
    MONEY,
    NUMBER,
    Field,
)
from cxroadmap.domain.measures import format_number
from cxroadmap.domain.money import amount_text, format_amount
from cxroadmap.domain.pillars import pillar_label, pillar_order

PILLAR_EDITOR = "pillar"  # a text field whose values are the ecosystem's pillars


def display_text(f: Field, value: Any, days_per_week: int = 5) -> str:
    """The value as a table cell shows it (`3w`, `milestone`, `In progress`, `45,000`)."""
    if value is None:
        return ""
    if f.editor == PILLAR_EDITOR:
        return pillar_label(value) if value else ""
    if f.kind == DURATION:
        return "milestone" if value == 0 else format_duration(value, days_per_week)
    if f.kind == LAG:
        return format_duration(value, days_per_week)
    if f.kind == DATE:
        return value.isoformat()  # type: ignore[no-any-return]
    if f.kind == CHOICE:
        return f.labels().get(value, str(value))
    if f.kind == MONEY:
        return format_amount(value)
    if f.kind == NUMBER:
        return format_number(value)
    if f.kind in LIST_KINDS:
        return ", ".join(str(v) for v in value)
    return str(value)


def edit_text(f: Field, value: Any, days_per_week: int = 5) -> str:
    """The value as an editor starts from: text that reads back to the same value."""
    if f.kind == DURATION:
        return format_duration(value, days_per_week)
    if f.kind == MONEY:
        return amount_text(value)
    if f.kind == CHOICE:
        return "" if value is None else str(value)
    return display_text(f, value, days_per_week)


def sort_key(f: Field, value: Any) -> Any:
    """A key that orders a column as a planner expects (pillars in ecosystem order)."""
    if f.editor == PILLAR_EDITOR:
        return (pillar_order(value), pillar_label(value).lower())
    if f.kind in (DURATION, LAG) or (f.kind in (MONEY, NUMBER) and value is not None):
        return value
    if f.kind in (MONEY, NUMBER):
        return -1.0
    if f.kind == DATE:
        return value or dt.date.min
    if f.kind == CHOICE:
        return f.choices.index(value) if value in f.choices else len(f.choices)
    if isinstance(value, int):
        return value
    return str(value).lower()
