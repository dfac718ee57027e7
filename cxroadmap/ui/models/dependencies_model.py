"""The inspector's list of one initiative's dependencies: what it waits on and what waits on it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from cxroadmap.domain.durations import format_duration
from cxroadmap.domain.edits import Change, ChangeDependency
from cxroadmap.domain.model import Dependency
from cxroadmap.ui.document import OpenDocument

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Relation", "Initiative", "Type", "Lag")
TYPE_NAMES = {
    "FS": "finish → start",
    "SS": "start → start",
    "FF": "finish → finish",
    "SF": "start → finish",
}


class DependenciesModel(QAbstractTableModel):
    """Rows: the predecessors of `key` first, then its successors; type and lag are editable."""

    def __init__(self, document: OpenDocument | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.document: OpenDocument | None = None
        self.key: str | None = None
        self._rows: list[Dependency] = []
        if document is not None:
            self.set_document(document)

    def set_document(self, document: OpenDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_changed)
        self.document = document
        self.key = None
        if document is not None:
            document.changed.connect(self._on_changed)
        self.refresh()

    def set_key(self, key: str | None) -> None:
        self.key = key
        self.refresh()

    def _on_changed(self, change: Change) -> None:
        links = change.dependencies or change.removed_dependencies or change.removed_initiatives
        if links or change.strategy or not change.initiatives or self.key is None:
            self.refresh()
        elif self._rows:
            # The same links (an edit of initiatives names the links it changes, a renamed
            # key among them): the cells are read again, not every link of the plan.
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 3))

    def refresh(self) -> None:
        self.beginResetModel()
        strategy = self.document.strategy if self.document else None
        if strategy is None or self.key not in (strategy.initiatives if strategy else {}):
            self._rows = []
        else:
            deps = strategy.dependencies
            self._rows = [d for d in deps if d.to_key == self.key]
            self._rows += [d for d in deps if d.from_key == self.key]
        self.endResetModel()

    def dependency_at(self, row: int) -> Dependency:
        return self._rows[row]

    def is_predecessor(self, row: int) -> bool:
        return self._rows[row].to_key == self.key

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() >= 2 and self.document is not None and not self.document.readonly:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.document is None or index.row() >= len(self._rows):
            return None
        dep = self._rows[index.row()]
        before = self.is_predecessor(index.row())
        other = dep.from_key if before else dep.to_key
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return "waits on" if before else "leads to"
            if column == 1:
                ini = self.document.strategy.initiatives.get(other)
                return f"{other} · {ini.title}" if ini is not None else other
            if column == 2:
                return dep.type
            days = self.document.strategy.days_per_week
            lag = format_duration(dep.lag, days) if dep.lag else "0"
            return lag if role == Qt.ItemDataRole.EditRole or dep.lag else "—"
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return TYPE_NAMES.get(dep.type, dep.type)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.document is None:
            return False
        dep = self._rows[index.row()]
        if index.column() == 2 and str(value).strip().upper() != dep.type:
            return self.document.apply(ChangeDependency(dep.from_key, dep.to_key, type=str(value)))
        if index.column() == 3 and str(value).strip() not in ("", format_duration(dep.lag)):
            return self.document.apply(ChangeDependency(dep.from_key, dep.to_key, lag=str(value)))
        return False
