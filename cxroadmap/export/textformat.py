"""How dates and durations read in the PDF (one place, so every page says it alike)."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain.durations import format_duration
from cxroadmap.domain.labels import MONTHS


def long_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def duration_text(days: int, days_per_week: int) -> str:
    """`3w`, `12d`, or "milestone" for zero."""
    return "milestone" if days == 0 else format_duration(days, days_per_week)


def lag_text(kind: str, lag: int, days_per_week: int) -> str:
    """ "" for a plain finish-to-start link, else e.g. `SS +5d` or `FS −2d`."""
    if kind == "FS" and lag == 0:
        return ""
    if lag == 0:
        return kind
    sign = "+" if lag > 0 else "−"
    return f"{kind} {sign}{format_duration(abs(lag), days_per_week)}"
