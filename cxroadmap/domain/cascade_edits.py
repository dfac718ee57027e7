"""Renames and deletions that reach across the cascade, as one undoable edit of the document.

Edits work on one strategy at a time, so the builders here return one edit per strategy
touched, as (strategy, edit) pairs to apply in order (and revert in reverse order);
CascadeEdit bundles them into one undo step whose other strategies' Changes are stored
in the same transaction as the open strategy's.
"""

from __future__ import annotations

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.edits import Change, ChangeInitiative, ChangeStrategy, Edit, RemoveInitiative
from cxroadmap.domain.errors import ValidationError
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.support import SupportLink, check_strategy_key


def _relinked(
    cascade: Cascade, below: Strategy, old: SupportLink | None, match_strategy: str, new: str
) -> list[tuple[Strategy, Edit]]:
    """ChangeInitiative edits that rewrite support links in strategies below `below`."""
    edits: list[tuple[Strategy, Edit]] = []
    for child in cascade.descendants(below):
        for ini in child.initiatives.values():
            links = []
            for link in ini.supports:
                if old is not None and link == old:
                    links.append(SupportLink(link.strategy, new))
                elif old is None and link.strategy == match_strategy:
                    links.append(SupportLink(new, link.initiative))
                else:
                    links.append(link)
            if links != ini.supports:
                edits.append((child, ChangeInitiative(ini.key, {"supports": links})))
    return edits


def rename_strategy_key(
    cascade: Cascade, strategy: Strategy, new_key: str
) -> list[tuple[Strategy, Edit]]:
    """Give `strategy` a new key, carried into its children's parent, its scenarios'
    `scenario_of` and into support links."""
    check_strategy_key(new_key)
    if cascade.get(new_key) is not None and cascade.get(new_key) is not strategy:
        raise ValidationError("strategy.key", f"duplicate strategy key {new_key!r}")
    edits: list[tuple[Strategy, Edit]] = [(strategy, ChangeStrategy({"key": new_key}))]
    edits += [(c, ChangeStrategy({"parent": new_key})) for c in cascade.children(strategy)]
    edits += [(s, ChangeStrategy({"scenario_of": new_key})) for s in cascade.scenarios_of(strategy)]
    if strategy.key:
        edits += _relinked(cascade, strategy, None, strategy.key, new_key)
    return edits


def rename_initiative_key(
    cascade: Cascade, strategy: Strategy, old: str, new: str
) -> list[tuple[Strategy, Edit]]:
    """Rename an initiative and every support link further down that names it."""
    edits: list[tuple[Strategy, Edit]] = [(strategy, ChangeInitiative(old, {"key": new}))]
    if strategy.key:
        edits += _relinked(cascade, strategy, SupportLink(strategy.key, old), "", new)
    return edits


def remove_initiatives_everywhere(
    cascade: Cascade, strategy: Strategy, keys: list[str]
) -> list[tuple[Strategy, Edit]]:
    """Delete initiatives of `strategy` and every support link further down that names one."""
    edits: list[tuple[Strategy, Edit]] = [(strategy, RemoveInitiative(k)) for k in keys]
    if not strategy.key:
        return edits
    gone = {SupportLink(strategy.key, k) for k in keys}
    for child in cascade.descendants(strategy):
        for ini in child.initiatives.values():
            kept = [link for link in ini.supports if link not in gone]
            if len(kept) != len(ini.supports):
                edits.append((child, ChangeInitiative(ini.key, {"supports": kept})))
    return edits


class CascadeEdit:
    """Edits to several strategies of one document as one undo step.

    `parts` are (handle, strategy, edit): the handle (the storage id) is opaque here. The
    Change that apply() and revert() return is the open strategy's (the one passed in);
    the other strategies' Changes are left in `others` as (handle, strategy, change) for
    the caller to store with it. If one edit fails, those already applied are reverted.
    """

    def __init__(self, text: str, parts: list[tuple[object, Strategy, Edit]]) -> None:
        self.text = text
        self.parts = list(parts)
        self.others: list[tuple[object, Strategy, Change]] = []

    def _run(self, strategy: Strategy, undo: bool) -> Change:
        own = Change()
        others: dict[int, tuple[object, Strategy, Change]] = {}
        done: list[tuple[Strategy, Edit]] = []
        order = reversed(self.parts) if undo else iter(self.parts)
        try:
            for handle, target, edit in order:
                change = edit.revert(target) if undo else edit.apply(target)
                done.append((target, edit))
                if target is strategy:
                    own.merge(change)
                else:
                    others.setdefault(id(target), (handle, target, Change()))[2].merge(change)
        except Exception:
            for target, edit in reversed(done):
                edit.apply(target) if undo else edit.revert(target)
            raise
        self.others = list(others.values())
        return own

    def apply(self, strategy: Strategy) -> Change:
        return self._run(strategy, undo=False)

    def revert(self, strategy: Strategy) -> Change:
        return self._run(strategy, undo=True)
