"""The result of scheduling a strategy: what every view, export and test reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields

# An initiative's progress state (tracking.md "Three states"); scheduling/progress.py.
COMPLETE = "complete"
STARTED = "started"
NOT_STARTED = "not started"


@dataclass(frozen=True)
class ScheduledInitiative:
    """One initiative's place in the schedule (days are working-day indices)."""

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


class _Unfrozen:
    """Where a ScheduledInitiative's fields are set before it becomes one (see _compiled)."""


def _compiled() -> dict[str, object]:
    """`scheduled_item` and `scheduled_items`, compiled once from the dataclass fields.

    Each sets the fields of a plain object of the same layout as attributes, then makes
    it a ScheduledInitiative by assigning its `__class__`: the very object the frozen
    dataclass's `__init__` makes (equal, same hash, still frozen), at a fifth of the cost
    of its one `object.__setattr__` per field, and smaller than one given a whole
    `__dict__` (Python keeps the values of plainly set attributes inline).
    """
    names = [f.name for f in fields(ScheduledInitiative)]
    env: dict[str, object] = {
        "_new": object.__new__,
        "_unfrozen": _Unfrozen,
        "_cls": ScheduledInitiative,
        "_unset": _UNSET,
    }
    params, fills = [], []
    for f in fields(ScheduledInitiative):
        if f.default is not MISSING:
            env[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            env[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_unset")
            fills.append(f"    if {f.name} is _unset:\n        {f.name} = _factory_{f.name}()\n")
        else:
            params.append(f.name)

    def body(indent: str, suffix: str) -> str:
        sets = "".join(f"{indent}item.{name} = {name}{suffix}\n" for name in names)
        return f"{indent}item = _new(_unfrozen)\n{sets}{indent}item.__class__ = _cls\n"

    source = (
        f"def scheduled_item({', '.join(params)}):\n{''.join(fills)}"
        f"{body('    ', '')}    return item\n\n"
        f"def scheduled_items({', '.join(names)}):\n"
        "    items = {}\n"
        f"    for {', '.join(f'{name}_' for name in names)} in zip("
        f"{', '.join(names)}, strict=True):\n"
        f"{body('        ', '_')}        items[key_] = item\n"
        "    return items\n"
    )
    exec(source, env)
    return env


_UNSET = object()
_MADE = _compiled()
# scheduled_item(key, title, start_day, ...): a ScheduledInitiative from its field values in
# order, the rest at their defaults; a wrong number of values is a TypeError, as with the
# constructor.
scheduled_item: Callable[..., ScheduledInitiative] = _MADE["scheduled_item"]  # type: ignore[assignment]
# scheduled_items(keys, titles, start_days, ...): the items by key, from one column (an
# iterable) per field, in field order and all of one length.
scheduled_items: Callable[..., dict[str, ScheduledInitiative]] = _MADE["scheduled_items"]  # type: ignore[assignment]


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
