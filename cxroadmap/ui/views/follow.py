"""What an edit moved on a roadmap view: the initiatives whose bar, card or node must change."""

from __future__ import annotations

from itertools import compress
from operator import ne

from cxroadmap.domain.edits import Change
from cxroadmap.scheduling.result import Schedule

# The table, the status bar and the tab on screen each ask after the same edit: the answer
# for the last (change, old schedule, new schedule) is kept, by identity and the change's keys.
_last: tuple[Schedule, Schedule, frozenset[str], set[str]] | None = None


def moved_keys(change: Change, old: Schedule | None, new: Schedule | None) -> set[str] | None:
    """Keys of the initiatives `change` edited or whose scheduled place (dates, slack,
    criticality, phase, title) differs between the `old` and `new` schedules.

    None when the view must be laid out again: the strategy itself changed (calendar,
    phases), initiatives or dependencies were added or removed, or there is no schedule.
    """
    global _last
    if old is None or new is None or change.strategy or change.removed_initiatives:
        return None
    if change.dependencies or change.removed_dependencies or len(old.items) != len(new.items):
        return None
    if any(key not in old.items for key in change.initiatives):
        return None  # a new initiative (or a renamed one)
    if old is new:
        return set(change.initiatives)
    edited = frozenset(change.initiatives)
    if _last is not None and _last[0] is old and _last[1] is new and _last[2] == edited:
        return set(_last[3])
    before, after = old.items, new.items
    if list(before) == list(after):  # the same keys in the same order: the usual edit
        # Pairing the items in order (compress, map) keeps the pass over every item in C;
        # items are NamedTuples, so `ne` compares them field by field in C too.
        unequal = map(ne, before.values(), after.values())
        moved = set(compress(after, unequal))
    else:
        moved = {key for key, item in after.items() if before.get(key) != item}  # reordered
    moved |= change.initiatives
    _last = (old, new, edited, moved)
    return set(moved)
