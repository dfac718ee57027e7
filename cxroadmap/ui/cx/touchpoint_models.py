"""Qt models over a strategy's touchpoints: the list (with coverage) and the touchpoint matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView

from cxroadmap.common import style
from cxroadmap.domain.cx_checks import UNADDRESSED_GAP, addressing, touchpoint_findings
from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.touchpoint_edits import ChangeTouchpoint, LinkTouchpoint, UnlinkTouchpoint
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named

Index = QModelIndex | QPersistentModelIndex
ROLE = Qt.ItemDataRole
TOUCHPOINT_COLUMNS = ("Key", "Touchpoint", "Stage", "Channel", "Gap", "Addressed by")
EDITABLE = {1: "name", 2: "stage", 3: "channel", 4: "gap"}
KEY_ROLE = ROLE.UserRole + 1


def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


class DocumentModel(QAbstractTableModel):
    """A table over the open strategy: it resets on each change, unless a subclass follows
    the change more closely (KeyedRowsModel, MatrixModel)."""

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        document.changed.connect(self._changed)

    @property
    def strategy(self) -> Strategy:
        return self.document.strategy

    def _changed(self, change: Change) -> None:
        self.beginResetModel()
        self.endResetModel()


class KeyedRowsModel(DocumentModel):
    """One row per keyed item of the strategy (touchpoints, measures), with fixed columns.

    After an edit that keeps the same rows the view reads the cells again (the table keeps
    its current row, scroll position and any open editor); it resets only when rows were
    added, removed, renamed or reordered.
    """

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        self._rows = self.row_keys()

    def row_keys(self) -> list[str]:
        return [str(item.key) for item in self.items()]

    def _changed(self, change: Change) -> None:
        rows = self.row_keys()
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(rows) - 1, len(self.COLUMNS) - 1)
            )

    def items(self) -> Sequence[Any]:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == ROLE.DisplayRole and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None

    def key_at(self, row: int) -> str | None:
        items = self.items()
        return str(items[row].key) if 0 <= row < len(items) else None


class TouchpointsModel(KeyedRowsModel):
    """One row per touchpoint; name, stage, channel and gap are edited in place (as edits)."""

    COLUMNS = TOUCHPOINT_COLUMNS

    def items(self) -> Sequence[Any]:
        return self.strategy.touchpoints

    def row_of(self, key: str) -> int:
        return next((i for i, t in enumerate(self.strategy.touchpoints) if t.key == key), -1)

    def data(self, index: Index, role: int = ROLE.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.strategy.touchpoints):
            return None
        tp = self.strategy.touchpoints[index.row()]
        column = index.column()
        if role == KEY_ROLE:
            return tp.key
        if role in (ROLE.DisplayRole, ROLE.EditRole):
            if column == 4:
                return tp.gap
            if column == 5:
                return ", ".join(addressing(self.strategy)[tp.key]) or "—"
            return (tp.key, tp.name, tp.stage, tp.channel)[column] if column < 4 else None
        if role == ROLE.BackgroundRole and column == 4:
            return _brush(style.gap_colour(tp.gap))
        if role == ROLE.ForegroundRole and column == 4:
            return _brush(style.PAPER if style.is_dark(style.gap_colour(tp.gap)) else style.INK)
        if role == ROLE.BackgroundRole and column == 5 and not addressing(self.strategy)[tp.key]:
            return _brush(style.UNCOVERED)
        if role == ROLE.TextAlignmentRole and column == 4:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ROLE.ToolTipRole:
            return f"{tp.name}\nNow: {tp.now or '—'}\nShould: {tp.should or '—'}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE and not self.document.readonly:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = ROLE.EditRole) -> bool:
        if not index.isValid() or role != ROLE.EditRole or index.column() not in EDITABLE:
            return False
        tp = self.strategy.touchpoints[index.row()]
        name = EDITABLE[index.column()]
        if getattr(tp, name) == value:
            return False
        return self.document.apply(ChangeTouchpoint(tp.key, {name: value}))


class MatrixModel(DocumentModel):
    """Touchpoints (rows) x initiatives (columns); a check links or unlinks through an edit.

    A covered cell is tinted green; a row no initiative addresses is tinted when its gap is
    large (the unaddressed-gap warning), and a gap left to training alone is marked too.
    """

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        self._keys: list[str] = []
        self.linked_only = False
        super().__init__(document, parent)
        self._keys = self._columns()

    def _columns(self) -> list[str]:
        if not self.linked_only:
            return list(self.strategy.initiatives)  # at C speed: this runs after every edit
        keys = {tp.key for tp in self.strategy.touchpoints}
        return [k for k, ini in self.strategy.initiatives.items() if set(ini.touchpoints) & keys]

    def set_linked_only(self, on: bool) -> None:
        """Show only the initiatives that address some touchpoint (a compact matrix)."""
        self.beginResetModel()
        self.linked_only = on
        self._keys = self._columns()
        self.endResetModel()

    def _changed(self, change: Change) -> None:
        keys = self._columns()
        if keys == self._keys and not (change.touchpoints or change.strategy):
            # The same rows and columns: the view asks again for the cells it shows, rather
            # than a reset making it lay out thousands of columns anew after every edit.
            rows, columns = len(self.strategy.touchpoints), len(keys)
            if rows and columns:
                self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
            return
        self.beginResetModel()
        self._keys = keys
        self.endResetModel()

    def initiative_keys(self) -> list[str]:
        return list(self._keys)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.strategy.touchpoints)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._keys):
                return None
            key = self._keys[section]
            ini = self.strategy.initiatives.get(key)
            if role == ROLE.DisplayRole:
                return key
            if role == ROLE.ToolTipRole and ini is not None:
                return f"{key}: {ini.title} ({ini.pillar or 'no pillar'})"
            return None
        points = self.strategy.touchpoints
        if not 0 <= section < len(points):
            return None
        tp = points[section]
        if role == ROLE.DisplayRole:
            return f"{tp.name}  [gap {tp.gap}]"
        if role == ROLE.ToolTipRole:
            return f"{tp.key}: {tp.name}\nNow: {tp.now or '—'}\nShould: {tp.should or '—'}"
        if role == ROLE.BackgroundRole:
            return _brush(self._row_colour(tp.key, tp.gap) or style.PAPER)
        if role == ROLE.DecorationRole:
            return QColor(style.gap_colour(tp.gap))  # a chip in the gap's colour
        if role == ROLE.FontRole:
            font = QFont()
            font.setBold(tp.gap >= UNADDRESSED_GAP)
            return font
        return None

    def _row_colour(self, key: str, gap: int) -> str | None:
        if not addressing(self.strategy)[key] and gap >= UNADDRESSED_GAP:
            return style.UNCOVERED
        if any(f.touchpoint == key for f in touchpoint_findings(self.strategy)):
            return style.mix(style.gap_colour(3), 0.3)
        return None

    def data(self, index: Index, role: int = ROLE.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        points = self.strategy.touchpoints
        if not (0 <= row < len(points) and 0 <= column < len(self._keys)):
            return None
        tp, key = points[row], self._keys[column]
        ini = self.strategy.initiatives.get(key)
        linked = ini is not None and tp.key in ini.touchpoints
        if role == ROLE.CheckStateRole:
            return Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked
        if role == ROLE.BackgroundRole:
            if linked:
                return _brush(style.mix(style.COVERED, 0.35))
            colour = self._row_colour(tp.key, tp.gap)
            return _brush(colour) if colour else None
        if role == ROLE.ToolTipRole and ini is not None:
            verb = "addresses" if linked else "does not address"
            return f"{ini.title} {verb} {tp.name}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.document.readonly:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = ROLE.EditRole) -> bool:
        if not index.isValid() or role != ROLE.CheckStateRole:
            return False
        tp = self.strategy.touchpoints[index.row()]
        key = self._keys[index.column()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        linked = tp.key in self.strategy.initiatives[key].touchpoints
        if checked == linked:
            return False
        edit = LinkTouchpoint(key, tp.key) if checked else UnlinkTouchpoint(key, tp.key)
        return self.document.apply(edit)


def keyed_rows_table(
    model: KeyedRowsModel, name: str, widths: dict[int, int], stretch_last: bool = False
) -> QTableView:
    """A single-selection table of whole rows over `model`: column 1 stretches, the rest sized."""
    table = named(QTableView(), name)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(stretch_last)
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    return table
