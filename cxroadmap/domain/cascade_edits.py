"""Renames that reach across the cascade: a strategy key or a supported initiative's key.

Edits work on one strategy at a time, so these return one edit per strategy touched, as
(strategy, edit) pairs to apply in order (and revert in reverse order), each stored with
its own Change.
"""

from __future__ import annotations

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.edits import ChangeInitiative, ChangeStrategy, Edit
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
    """Give `strategy` a new key, carried into its children's parent and into support links."""
    check_strategy_key(new_key)
    if cascade.get(new_key) is not None and cascade.get(new_key) is not strategy:
        raise ValidationError("strategy.key", f"duplicate strategy key {new_key!r}")
    edits: list[tuple[Strategy, Edit]] = [(strategy, ChangeStrategy({"key": new_key}))]
    edits += [(c, ChangeStrategy({"parent": new_key})) for c in cascade.children(strategy)]
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
