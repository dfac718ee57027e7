"""The worker's copies of a strategy, each made from the last by copying only what changed."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace

from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy, own_copy


class Snapshots:
    """Copies a worker thread can read while the user goes on editing the strategy.

    Copying a whole strategy is what an edit at 20,000 initiatives spent most of its UI
    time on (115 ms). Copies are never changed once made (the user's edits change the
    strategy, the worker only reads), so the next copy shares every initiative and
    dependency copy that no edit since has named in its `Change`, and copies only those
    named: the cost follows the edit, plus a copy of a dictionary and of a list (made at C
    speed while the initiatives' keys and order and the links stay as they were).
    """

    def __init__(self, full: Callable[[Strategy], Strategy]) -> None:
        self._full = full
        self._source: Strategy | None = None  # the strategy the last copy was made of
        self._last: Strategy | None = None
        self._since = Change()  # what edits named after the last copy was made

    def changed(self, change: Change | None) -> None:
        """Note an edit (None when what changed is not known: the next copy is whole)."""
        if change is None:
            self._last = None
        else:
            self._since.merge(change)

    def prime(self, strategy: Strategy) -> None:
        """Make the whole first copy ahead of need (at a quiet moment), if none is kept."""
        if self._last is None or strategy is not self._source:
            self.take(strategy)

    def take(self, strategy: Strategy) -> Strategy:
        """A copy equal to `strategy` that shares nothing an edit of it can change."""
        last, since = self._last, self._since
        if last is None or strategy is not self._source or since.strategy:
            made = self._full(strategy)
        else:
            made = self._update(last, since, strategy)
        self._source, self._last = strategy, made
        self._since = Change()
        return made

    def _update(self, last: Strategy, since: Change, strategy: Strategy) -> Strategy:
        named = since.initiatives
        kept = last.initiatives
        if not since.removed_initiatives and list(strategy.initiatives) == list(kept):
            # The same keys in the same order: a copy of the dictionary (at C speed), then
            # fresh copies of just the initiatives named.
            initiatives = dict(kept)
            for key in named:
                initiatives[key] = own_copy(strategy.initiatives[key])
        else:
            initiatives = {
                key: kept[key] if key in kept and key not in named else own_copy(ini)
                for key, ini in strategy.initiatives.items()
            }
        pairs = since.dependencies
        if not pairs and not since.removed_dependencies:
            dependencies = list(last.dependencies)  # no link was added, removed or changed
        else:
            by_pair = {(d.from_key, d.to_key): d for d in last.dependencies}
            dependencies = []
            for dep in strategy.dependencies:
                pair = (dep.from_key, dep.to_key)
                old = by_pair.get(pair)
                dependencies.append(old if old is not None and pair not in pairs else replace(dep))
        return replace(
            strategy,
            values=list(strategy.values),
            holidays=list(strategy.holidays),
            phases=[replace(p) for p in strategy.phases],
            initiatives=initiatives,
            dependencies=dependencies,
            touchpoints=copy.deepcopy(strategy.touchpoints)
            if since.touchpoints
            else last.touchpoints,
            measures=copy.deepcopy(strategy.measures) if since.measures else last.measures,
            baselines=[replace(b) for b in strategy.baselines],
        )
