"""Parsing and formatting of durations and lags (`12`, `12d`, `3w`, `2m`) in working days."""

from __future__ import annotations

import re

from cxroadmap.domain.errors import ValidationError

_PATTERN = re.compile(r"^\s*([+-]?\d+)\s*([dwm]?)\s*$", re.IGNORECASE)


def parse_duration(
    value: object, where: str, days_per_week: int = 5, allow_negative: bool = False
) -> int:
    """Turn `12`, `"12d"`, `"3w"` or `"2m"` into whole working days.

    A week is `days_per_week` working days (the strategy's working weekdays) and a
    month is four weeks, as scheduling.md says.
    """
    if isinstance(value, bool):
        raise ValidationError(
            where, f"expected a duration like 12, '12d', '3w' or '2m', got {value!r}"
        )
    if isinstance(value, int):
        amount, unit = value, "d"
    elif isinstance(value, float) and value.is_integer():
        amount, unit = int(value), "d"
    elif isinstance(value, str):
        match = _PATTERN.match(value)
        if match is None:
            raise ValidationError(
                where, f"expected a duration like 12, '12d', '3w' or '2m', got {value!r}"
            )
        amount, unit = int(match.group(1)), (match.group(2) or "d").lower()
    else:
        raise ValidationError(
            where, f"expected a duration like 12, '12d', '3w' or '2m', got {value!r}"
        )
    factor = {"d": 1, "w": days_per_week, "m": 4 * days_per_week}[unit]
    days = amount * factor
    if days < 0 and not allow_negative:
        raise ValidationError(where, f"must not be negative, got {value!r}")
    return days


def format_duration(days: int, days_per_week: int = 5) -> str:
    """Shortest exact text for a number of working days: `3w` rather than `15d` when it divides."""
    if days != 0 and days_per_week > 0 and days % days_per_week == 0:
        return f"{days // days_per_week}w"
    return f"{days}d"
