"""What an edit moved on a roadmap view: the initiatives whose bar, card or node must change."""

from __future__ import annotations

from cxroadmap.domain.edits import Change
from cxroadmap.scheduling.result import Schedule


def moved_keys(change: Change, old: Schedule | None, new: Schedule | None) -> set[str] | None:
    """Keys of the initiatives `change` edited or whose scheduled place (dates, slack,
    criticality, phase, title) differs between the `old` and `new` schedules.

    None when the view must be laid out again: the strategy itself changed (calendar,
    phases), initiatives or dependencies were added or removed, or there is no schedule.
    """
    if old is None or new is None or change.strategy or change.removed_initiatives:
        return None
    if change.dependencies or change.removed_dependencies or len(old.items) != len(new.items):
        return None
    if any(key not in old.items for key in change.initiatives):
        return None  # a new initiative (or a renamed one)
    if old is new:
        return set(change.initiatives)
    before = old.items
    return {key for key, item in new.items.items() if before.get(key) != item} | change.initiatives
