"""A baseline as a workspace item: its date and entries, known by its name.

A baseline never changes once taken (tracking.md), so two laptops that take one each
merge as two items; the same name taken on both sides with different entries is a
conflict about that baseline. A rename travels as a deletion plus an addition.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cxroadmap.domain.baselines import Baseline, BaselineEntry


def baseline_fields(b: Baseline) -> dict[str, Any]:
    return {
        "taken_on": b.taken_on.isoformat(),
        "entries": [
            [e.key, e.start.isoformat(), e.finish.isoformat(), e.duration, e.phase]
            for e in b.entries
        ],
    }


def baseline_from(name: str, stored: dict[str, Any]) -> Baseline:
    date = dt.date.fromisoformat
    return Baseline(
        name,
        date(stored["taken_on"]),
        [
            BaselineEntry(str(key), date(start), date(finish), int(duration), str(phase))
            for key, start, finish, duration, phase in stored.get("entries", [])
        ],
    )
