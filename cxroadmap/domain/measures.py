"""Measures: the strategy's KPIs, each with a baseline, a target and a date to reach it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
