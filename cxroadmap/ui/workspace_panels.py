"""The conflicts panel (mine or theirs per field) and the history dialog of the workspace."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.ui.naming import named


def shown(value: Any, field: str) -> str:
    """A conflict or history value as a person reads it."""
    if field == "exists":
        return "deleted" if value is None else "present"
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class ConflictsPanel(QWidget):
    """Every conflict waiting, one a row; Keep Mine or Keep Theirs decides the selected one."""

    def __init__(self, decide: Callable[[Any, str], None]) -> None:
        super().__init__()
        self.decide = decide
        self.lines: list[Any] = []
        self.note = named(QLabel("No conflicts."), "conflicts_note")
        self.table = _table(["Strategy", "Key", "Field", "Mine", "Theirs", "Why"], "conflicts")
        self.mine = named(QPushButton("Keep Mine"), "keep_mine")
        self.theirs = named(QPushButton("Keep Theirs"), "keep_theirs")
        self.mine.clicked.connect(lambda: self._decide("mine"))
        self.theirs.clicked.connect(lambda: self._decide("theirs"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.mine)
        buttons.addWidget(self.theirs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._enable)
        self.set_lines([])

    def set_lines(self, lines: list[Any]) -> None:
        self.lines = list(lines)
        _fill(
            self.table,
            [
                [c.strategy, c.key, c.field, shown(c.mine, c.field), shown(c.theirs, c.field),
                 c.reason]
                for c in self.lines
            ],
        )  # fmt: skip
        count = len(self.lines)
        self.note.setText(
            "No conflicts."
            if not count
            else f"{count} conflict{'s' if count != 1 else ''}: choose a side, then Sync Now."
        )
        if count:
            self.table.selectRow(0)
        self._enable()

    def _enable(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.mine.setEnabled(chosen)
        self.theirs.setEnabled(chosen)

    def _decide(self, side: str) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.decide(self.lines[rows[0].row()], side)


def _item(entry: Any) -> str:
    from cxroadmap.storage.workspace.copies import display_key

    return display_key((entry.strategy, entry.kind, entry.key))


class HistoryDialog(QDialog):
    """Who changed what and when: an initiative's history or a strategy's recent changes."""

    def __init__(self, title: str, entries: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(title)
        self.resize(900, 420)
        self.table = _table(["When (UTC)", "Who", "Item", "Field", "Old", "New"], "history")
        _fill(
            self.table,
            [
                [e.at, e.role, _item(e), e.field, shown(e.old, ""), shown(e.new, "")]
                for e in entries
            ],
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not entries:
            layout.addWidget(QLabel("No changes recorded yet."))
        layout.addWidget(self.table)
        layout.addWidget(close)
