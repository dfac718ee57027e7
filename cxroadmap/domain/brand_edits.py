"""Edits of the brand kit and the saved views: reversible, like every change to a document."""

from __future__ import annotations

import copy

from cxroadmap.domain.brand import BrandKit, check_brand
from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import ViewFilter, check_views


class SetBrand:
    """Replace the brand kit (checked and normalised first; nothing changes on an error)."""

    def __init__(self, brand: BrandKit, text: str = "Change the brand kit") -> None:
        self.brand = brand
        self.text = text
        self._old: BrandKit | None = None

    def apply(self, strategy: Strategy) -> Change:
        new = check_brand(self.brand)
        self._old = copy.deepcopy(strategy.brand)
        strategy.brand = new
        return Change(strategy=True)

    def revert(self, strategy: Strategy) -> Change:
        assert self._old is not None
        strategy.brand = self._old
        return Change(strategy=True)


class SetViews:
    """Replace the saved views (names unique)."""

    def __init__(self, views: list[ViewFilter], text: str = "Change the saved views") -> None:
        self.views = views
        self.text = text
        self._old: list[ViewFilter] = []

    def apply(self, strategy: Strategy) -> Change:
        new = check_views(copy.deepcopy(self.views))
        self._old = copy.deepcopy(strategy.views)
        strategy.views = new
        return Change(strategy=True)

    def revert(self, strategy: Strategy) -> Change:
        strategy.views = self._old
        return Change(strategy=True)


def save_view(views: list[ViewFilter], view: ViewFilter) -> list[ViewFilter]:
    """`views` with `view` added, or replacing the one of the same name (any case)."""
    name = view.name.strip().lower()
    kept = [v for v in views if v.name.strip().lower() != name]
    return (
        [*kept, view]
        if len(kept) == len(views)
        else [view if v.name.strip().lower() == name else v for v in views]
    )
