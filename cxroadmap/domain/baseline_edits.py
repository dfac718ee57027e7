"""Edits of a strategy's baselines: take, rename, delete and choose, each reversible."""

from __future__ import annotations

from cxroadmap.domain.baselines import (
    MAX_BASELINES,
    Baseline,
    check_baseline_name,
    check_new_name,
    find_baseline,
)
from cxroadmap.domain.edits import Change
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy


def _named(strategy: Strategy, name: str) -> Baseline:
    found = find_baseline(strategy.baselines, name)
    if found is None:
        raise ValidationError(f"baseline {name!r}", "no baseline of that name in the strategy")
    return found


class TakeBaseline:
    """Add a baseline (made by scheduling.baselines.take) at the end of the list.

    When no baseline is chosen yet, the new one becomes the one compared against, so a
    first baseline shows its variance at once.
    """

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.text = f"Take baseline {baseline.name!r}"
        self._chose = False

    def apply(self, strategy: Strategy) -> Change:
        name = self.baseline.name
        check_new_name(strategy.baselines, name, f"baseline {name!r}")
        if len(strategy.baselines) >= MAX_BASELINES:
            raise ValidationError(
                f"baseline {name!r}", f"the strategy already has {MAX_BASELINES} baselines"
            )
        strategy.baselines.append(self.baseline)
        self._chose = strategy.chosen_baseline is None
        if self._chose:
            strategy.chosen_baseline = name
        return Change(baselines=True)

    def revert(self, strategy: Strategy) -> Change:
        strategy.baselines.remove(self.baseline)
        if self._chose:
            strategy.chosen_baseline = None
        return Change(baselines=True)


class RenameBaseline:
    """Give a baseline a new name; the choice of it follows."""

    def __init__(self, name: str, new_name: str) -> None:
        self.name = name
        self.new_name = new_name
        self.text = f"Rename baseline {name!r} to {new_name!r}"
        self._baseline: Baseline | None = None
        self._old = ""

    def apply(self, strategy: Strategy) -> Change:
        baseline = _named(strategy, self.name)
        where = f"baseline {self.new_name!r}"
        others = [b for b in strategy.baselines if b is not baseline]
        new = check_new_name(others, check_baseline_name(self.new_name, where), where)
        self._baseline, self._old = baseline, baseline.name
        if strategy.chosen_baseline == baseline.name:
            strategy.chosen_baseline = new
        baseline.name = new
        return Change(baselines=True)

    def revert(self, strategy: Strategy) -> Change:
        assert self._baseline is not None
        if strategy.chosen_baseline == self._baseline.name:
            strategy.chosen_baseline = self._old
        self._baseline.name = self._old
        return Change(baselines=True)


class DeleteBaseline:
    """Remove a baseline; when it was the chosen one, none is chosen afterwards."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.text = f"Delete baseline {name!r}"
        self._baseline: Baseline | None = None
        self._index = 0
        self._was_chosen = False

    def apply(self, strategy: Strategy) -> Change:
        baseline = _named(strategy, self.name)
        self._baseline = baseline
        self._index = strategy.baselines.index(baseline)
        self._was_chosen = strategy.chosen_baseline == baseline.name
        del strategy.baselines[self._index]
        if self._was_chosen:
            strategy.chosen_baseline = None
        return Change(baselines=True)

    def revert(self, strategy: Strategy) -> Change:
        assert self._baseline is not None
        strategy.baselines.insert(self._index, self._baseline)
        if self._was_chosen:
            strategy.chosen_baseline = self._baseline.name
        return Change(baselines=True)


class ChooseBaseline:
    """Choose the baseline to compare against (None: compare against none)."""

    def __init__(self, name: str | None) -> None:
        self.name = name
        self.text = f"Compare with baseline {name!r}" if name else "Compare with no baseline"
        self._old: str | None = None

    def apply(self, strategy: Strategy) -> Change:
        chosen = None if self.name is None else _named(strategy, self.name).name
        self._old = strategy.chosen_baseline
        strategy.chosen_baseline = chosen
        return Change(baselines=True)

    def revert(self, strategy: Strategy) -> Change:
        strategy.chosen_baseline = self._old
        return Change(baselines=True)
