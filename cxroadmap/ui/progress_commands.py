"""Progress commands of the app: "Status Date: Today" (the one place the app reads the clock
for progress; the schedule itself never does)."""

from __future__ import annotations

import datetime as dt

from cxroadmap.domain.edits import ChangeStrategy
from cxroadmap.ui.document import OpenDocument


def today() -> dt.date:
    """The clock, read here only (tests put another day in its place)."""
    return dt.date.today()


def set_status_today(document: OpenDocument | None) -> bool:
    """Report progress up to today: one undoable change of the strategy's status date."""
    if document is None:
        return False
    day = today()
    if document.strategy.status_date == day:
        return False
    edit = ChangeStrategy({"status_date": day}, text=f"Status date {day.isoformat()}")
    return document.apply(edit)
