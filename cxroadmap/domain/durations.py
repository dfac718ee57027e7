"""Parsing and formatting of durations and lags (`12`, `12d`, `3w`, `2m`) in working days."""

from __future__ import annotations

import re

from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.field_checks import short_repr
from cxroadmap.domain.limits import MAX_DURATION_DAYS, MAX_LAG_DAYS, MAX_NUMBER_DIGITS

# Bounded digits: int() of thousands of digits is slow, and refused past 4,300 anyway.
_PATTERN = re.compile(rf"^\s*([+-]?\d{{1,{MAX_NUMBER_DIGITS}}})\s*([dwm]?)\s*$", re.IGNORECASE)
_EXPECTED = "expected a duration like 12, '12d', '3w' or '2m', got"


def parse_duration(
    value: object, where: str, days_per_week: int = 5, allow_negative: bool = False
) -> int:
    """Turn `12`, `"12d"`, `"3w"` or `"2m"` into whole working days.

    A week is `days_per_week` working days (the strategy's working weekdays) and a
    month is four weeks, as scheduling.md says.
    """
    if isinstance(value, bool):
        raise ValidationError(where, f"{_EXPECTED} {value!r}")
    if isinstance(value, int):
        amount, unit = value, "d"
    elif isinstance(value, float) and value.is_integer():
        amount, unit = int(value), "d"
    elif isinstance(value, str) and len(value) <= 2 * MAX_NUMBER_DIGITS:
        match = _PATTERN.match(value)
        if match is None:
            raise ValidationError(where, f"{_EXPECTED} {short_repr(value)}")
        amount, unit = int(match.group(1)), (match.group(2) or "d").lower()
    else:
        raise ValidationError(where, f"{_EXPECTED} {short_repr(value)}")
    factor = {"d": 1, "w": days_per_week, "m": 4 * days_per_week}[unit]
    days = amount * factor
    if days < 0 and not allow_negative:
        raise ValidationError(where, f"must not be negative, got {short_repr(value)}")
    check_days(days, where, lag=allow_negative)
    return days


def check_days(days: int, where: str, lag: bool = False) -> int:
    """A duration (0 .. MAX_DURATION_DAYS) or a lag (within +-MAX_LAG_DAYS) in working days."""
    limit = MAX_LAG_DAYS if lag else MAX_DURATION_DAYS
    if isinstance(days, bool) or not isinstance(days, int) or not -limit <= days <= limit:
        what = "a lag" if lag else "a duration"
        raise ValidationError(
            where,
            f"{short_repr(days)} working days is too long for {what}; "
            f"the limit is {limit:,} working days",
        )
    return days


def format_duration(days: int, days_per_week: int = 5) -> str:
    """Shortest exact text for a number of working days: `3w` rather than `15d` when it divides."""
    if days != 0 and days_per_week > 0 and days % days_per_week == 0:
        return f"{days // days_per_week}w"
    return f"{days}d"
