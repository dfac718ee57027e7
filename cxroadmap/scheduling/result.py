"""The result of scheduling a strategy: what every view, export and test reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, NamedTuple

# An initiative's progress state (tracking.md "Three states"); scheduling/progress.py.
COMPLETE = "complete"
STARTED = "started"
NOT_STARTED = "not started"


class ScheduledInitiative(NamedTuple):
    """One initiative's place in the schedule (days are working-day indices)."""

    # A NamedTuple, not a frozen dataclass (sixth session): `scheduled_items` makes all of
    # them with no Python call per item, each is 176 bytes instead of 310, fields are read
    # by C getters, and views compare two items as tuples, in C. It keeps the dataclass's
    # repr, hash, equality between items and immutability.

    key: str
    title: str
    start_day: int
    finish_day: int
    early_start: int
    latest_start: int
    slack_days: int
    critical: bool
    phase: str
    start: dt.date
    finish: dt.date
    # Why it starts when it does: "project start", "FS from REC1", "not before 2027-02-01",
    # "pinned to Medium term" or "capacity (max 3 in parallel)".
    reason: str = ""
    # A milestone's moment (scheduling.md "Milestone dates"): True when it shows the start
    # of working day start_day, False for the end of the day before. True for work.
    at_day_start: bool = True
    # Progress (tracking.md): COMPLETE, STARTED or NOT_STARTED; for a started initiative
    # behind its plan, how many working days its projected finish is past the planned one.
    state: str = NOT_STARTED
    behind_days: int = 0

    @property
    def behind(self) -> bool:
        return self.behind_days > 0

    @property
    def duration(self) -> int:
        return self.finish_day - self.start_day

    @property
    def is_milestone(self) -> bool:
        return self.finish_day == self.start_day

    @property
    def moment(self) -> dt.date:
        """Where a milestone's diamond sits on a date axis: the left edge of a date when it
        shows the start of that day, the right edge (the next date's left) when the end."""
        return self.start if self.at_day_start else self.start + dt.timedelta(days=1)


def scheduled_items(keys: Sequence[str], *columns: Iterable[Any]) -> dict[str, ScheduledInitiative]:
    """The items by key, from one column per field in field order (`keys` the first), all
    of one length; a missing column or one of another length is a ValueError."""
    if len(columns) + 1 != len(ScheduledInitiative._fields):
        raise ValueError(f"{len(columns) + 1} columns for {len(ScheduledInitiative._fields)}")
    # zip hands each row to tuple.__new__(ScheduledInitiative, row), which copies it into
    # the item: no Python frame (the NamedTuple's own `__new__` is a Python function).
    rows = zip(keys, *columns, strict=True)
    return dict(zip(keys, map(tuple.__new__, repeat(ScheduledInitiative), rows), strict=True))


@dataclass
class Schedule:
    """A whole schedule; `items` keeps the strategy's initiative order."""

    strategy: str
    start: dt.date
    finish: dt.date
    finish_day: int
    items: dict[str, ScheduledInitiative] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Keys of one critical chain from the project start to its finish, in order.
    critical_path: list[str] = field(default_factory=list)

    @property
    def critical_count(self) -> int:
        return sum(1 for item in self.items.values() if item.critical)
