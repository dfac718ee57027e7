"""Sorting, filters (pillar, phase, owner, status) and the search box over the initiatives table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from cxroadmap.domain.pillars import find_pillar, pillar_label
from cxroadmap.ui.models.initiatives_model import COLUMNS, InitiativesModel

Index = QModelIndex | QPersistentModelIndex


def pillar_id(text: str) -> str:
    """One name per pillar however it is spelt: the default pillar's key, or the custom text."""
    pillar = find_pillar(text)
    return pillar.key if pillar is not None else text.strip().lower()


class InitiativesFilter(QSortFilterProxyModel):
    """Rows pass when they match every filter set (None = any) and the search text."""

    def __init__(self, source: InitiativesModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setDynamicSortFilter(True)
        self.pillar: str | None = None
        self.phase: str | None = None
        self.owner: str | None = None
        self.status: str | None = None
        self.search = ""
        self.only: set[str] | None = None  # a saved view's initiatives (None: every one)

    def initiatives(self) -> InitiativesModel:
        source = self.sourceModel()
        assert isinstance(source, InitiativesModel)
        return source

    def set_filters(self, **values: Any) -> None:
        """Set any of pillar, phase, owner, status (None for any) and search (text)."""
        wanted = {}
        for name, value in values.items():
            if name not in ("pillar", "phase", "owner", "status", "search"):
                raise TypeError(f"unknown filter {name!r}")
            wanted[name] = value if name != "search" else (value or "").strip().lower()
        if all(getattr(self, name) == value for name, value in wanted.items()):
            # Unchanged (every edit offers the choices again): rows an edit changed are
            # filtered again by the proxy itself, on the model's dataChanged.
            return
        self.beginFilterChange()
        for name, value in wanted.items():
            setattr(self, name, value)
        self.endFilterChange()

    def set_only(self, keys: list[str] | None) -> None:
        """Show only these initiatives (a saved view), on top of the other filters."""
        self.beginFilterChange()
        self.only = set(keys) if keys is not None else None
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        unfiltered = self.pillar is self.phase is self.owner is self.status is None
        if not self.search and unfiltered and self.only is None:
            return True  # no filter set: asked for every row after each edit, so answer fast
        model = self.initiatives()
        ini = model.initiative_at(source_row)
        if self.only is not None and ini.key not in self.only:
            return False
        if self.pillar is not None and pillar_id(ini.pillar) != pillar_id(self.pillar):
            return False
        if self.owner is not None and ini.owner.strip() != self.owner:
            return False
        if self.status is not None and ini.status != self.status:
            return False
        if self.phase is not None:
            item = model.scheduled(ini.key)
            if (item.phase if item is not None else ini.phase) != self.phase:
                return False
        if self.search:
            text = " ".join(
                (ini.key, ini.title, ini.description, ini.owner, pillar_label(ini.pillar))
            ).lower()
            return all(word in text for word in self.search.split())
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.initiatives()
        name = COLUMNS[left.column()].name
        a = model.sort_value(model.initiative_at(left.row()), name)
        b = model.sort_value(model.initiative_at(right.row()), name)
        if a == b:  # ties keep the strategy's order, whichever way the column is sorted
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            return (left.row() > right.row()) if descending else (left.row() < right.row())
        return bool(a < b)
