"""The readings of the measure chosen on the Measures tab: a trend chart and a date/value table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.common import style
from cxroadmap.domain.measures import Measure, format_number
from cxroadmap.domain.reading_edits import AddReading, ChangeReading, RemoveReading
from cxroadmap.domain.readings import line_value, on_track, reading_on_track
from cxroadmap.ui.cx.touchpoint_models import DocumentModel, Index
from cxroadmap.ui.cx.trend_chart import TrendChart
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named

ROLE = Qt.ItemDataRole
READING_COLUMNS = ("Date", "Value", "On track")


def verdict_text(measure: Measure, start: dt.date) -> str:
    """One line under the chart: the current value and whether it is on track."""
    current = measure.current
    if current is None:
        return f"{measure.name}: no readings yet."
    value = f"{format_number(current.value)} {measure.unit}".strip()
    said = f"{measure.name}: {value} on {current.date.isoformat()}"
    line = line_value(measure, start, current.date)
    verdict = on_track(measure, start)
    if verdict is None or line is None:
        return f"{said} (needs a baseline, a target and a target date to judge)."
    state = "on track" if verdict else "OFF TRACK"
    return f"{said}: {state} (line {format_number(round(line, 2))})."


class ReadingsModel(DocumentModel):
    """Date, value and verdict of each reading of one measure; date and value edited in place."""

    def __init__(self, document: OpenDocument, parent: QObject | None = None) -> None:
        super().__init__(document, parent)
        self.measure_key: str | None = None

    def measure(self) -> Measure | None:
        return None if self.measure_key is None else self.strategy.measure(self.measure_key)

    def show(self, key: str | None) -> None:
        self.beginResetModel()
        self.measure_key = key
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        measure = self.measure()
        return 0 if parent.isValid() or measure is None else len(measure.readings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(READING_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == ROLE.DisplayRole:
            return READING_COLUMNS[section]
        return None

    def data(self, index: Index, role: int = ROLE.DisplayRole) -> Any:
        measure = self.measure()
        if measure is None or not index.isValid() or index.row() >= len(measure.readings):
            return None
        reading = measure.readings[index.row()]
        verdict = reading_on_track(measure, self.strategy.start, reading)
        column = index.column()
        if role in (ROLE.DisplayRole, ROLE.EditRole):
            if column == 0:
                return reading.date.isoformat()
            if column == 1:
                return format_number(reading.value)
            return {True: "Yes", False: "No"}.get(verdict, "")  # type: ignore[arg-type]
        if role == ROLE.ForegroundRole and column == 2 and verdict is not None:
            return QBrush(QColor(style.ON_TRACK if verdict else style.OFF_TRACK))
        if role == ROLE.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.document.readonly and index.column() < 2:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = ROLE.EditRole) -> bool:
        measure = self.measure()
        if measure is None or role != ROLE.EditRole or not index.isValid():
            return False
        if self.data(index, ROLE.EditRole) == str(value):
            return False
        day = measure.readings[index.row()].date
        if index.column() == 0:
            edit = ChangeReading(measure.key, day, new_date=str(value).strip())
        else:
            edit = ChangeReading(measure.key, day, new_value=str(value).strip() or None)
        return self.document.apply(edit)


class ReadingsPanel(QWidget):
    """Chart, verdict and readings of the current measure; Add and Delete Reading."""

    def __init__(self, document: OpenDocument) -> None:
        super().__init__()
        self.document = document
        self.model = ReadingsModel(document, self)
        self.chart = named(TrendChart(), "measure_trend")
        self.verdict = named(QLabel(), "measure_verdict")
        self.verdict.setWordWrap(True)
        self.table = named(QTableView(), "readings_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = named(QPushButton("Add Reading"), "reading_add")
        self.remove_button = named(QPushButton("Delete Reading"), "reading_remove")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addLayout(buttons)
        right = QVBoxLayout()
        right.addWidget(self.chart, 1)
        right.addWidget(self.verdict)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self.add_button.clicked.connect(self.add_reading)
        self.remove_button.clicked.connect(self.remove_current)
        # Bound methods, not lambdas: Qt drops them with the panel (the document outlives it).
        document.changed.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self.refresh)
        self.refresh()

    def show_measure(self, key: str | None) -> None:
        self.model.show(key)
        self.refresh()

    def refresh(self) -> None:
        measure = self.model.measure()
        start = self.document.strategy.start
        self.chart.show_measure(measure, start)
        self.verdict.setText("" if measure is None else verdict_text(measure, start))
        editable = not self.document.readonly and measure is not None
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and self.table.currentIndex().isValid())

    def add_reading(self, day: dt.date | None = None) -> bool:
        """A reading today (or the day after the latest), valued as the latest; then edit it."""
        measure = self.model.measure()
        if measure is None:
            return False
        if day is None:
            day = QDate.currentDate().toPython()  # type: ignore[assignment]
            assert isinstance(day, dt.date)
            if measure.current is not None and measure.current.date >= day:
                day = measure.current.date + dt.timedelta(days=1)
        value = measure.current.value if measure.current else measure.baseline or 0.0
        if not self.document.apply(AddReading(measure.key, day, value)):
            return False
        row = [r.date for r in measure.readings].index(day)
        self.table.selectRow(row)
        self.table.edit(self.model.index(row, 1))
        return True

    def remove_current(self) -> bool:
        measure, index = self.model.measure(), self.table.currentIndex()
        if measure is None or not index.isValid() or index.row() >= len(measure.readings):
            return False
        return self.document.apply(RemoveReading(measure.key, measure.readings[index.row()].date))
