"""Measures: the strategy's KPIs, each with a baseline, a target and a date to reach it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Reading:
    """One value of a measure as observed on a date (tracking.md, "Measures over time")."""

    date: dt.date
    value: float


@dataclass
class Measure:
    """A KPI such as first-contact resolution; `initiatives` are the keys expected to move it."""

    key: str
    name: str
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    target_date: dt.date | None = None
    initiatives: list[str] = field(default_factory=list)
    # Dates unique and ascending; the last one is the measure's current value.
    readings: list[Reading] = field(default_factory=list)

    @property
    def current(self) -> Reading | None:
        """The latest reading, or None before the first one."""
        return self.readings[-1] if self.readings else None

    @property
    def higher_is_better(self) -> bool | None:
        """True when the target is above the baseline, None when either is unknown or equal."""
        if self.baseline is None or self.target is None or self.baseline == self.target:
            return None
        return self.target > self.baseline


def format_number(value: float | None) -> str:
    """72.0 -> "72", 3.5 -> "3.5", None -> "" (for tables, the PDF and JSON)."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))
