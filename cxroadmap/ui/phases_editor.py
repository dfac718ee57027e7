"""The phases table of the Strategy view: add, rename, resize and remove phases (undoable)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.edits import SetPhases
from cxroadmap.domain.model import Phase
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named

OPEN_ENDED = "open-ended"
NEW_PHASE_WEEKS = 13


class PhasesEditor(QGroupBox):
    """Name and length in weeks of each phase; the last phase runs on to the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Phases", parent)
        self.document: OpenDocument | None = None
        self._loading = False
        self.table = named(QTableWidget(0, 3), "phases_table")
        self.table.setHorizontalHeaderLabels(["Phase", "Weeks", "Starts"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(130)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = named(QPushButton("Add phase"), "add_phase")
        self.remove_button = named(QPushButton("Remove phase"), "remove_phase")
        self.add_button.clicked.connect(self.add_phase)
        self.remove_button.clicked.connect(self.remove_phase)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_document(self, document: OpenDocument | None) -> None:
        """Show `document`'s phases; the strategy panel holding this calls `refresh` on changes."""
        self.document = document
        self.refresh()

    def refresh(self) -> None:
        if self.document is None:
            return
        strategy = self.document.strategy
        readonly = self.document.readonly
        bounds = strategy.phase_bounds()
        self._loading = True
        try:
            self.table.setRowCount(len(strategy.phases))
            for row, phase in enumerate(strategy.phases):
                last = row == len(strategy.phases) - 1
                name = QTableWidgetItem(phase.name)
                weeks = QTableWidgetItem(OPEN_ENDED if last else str(phase.weeks))
                begin = bounds[row][1].isoformat() if row < len(bounds) else ""
                starts = QTableWidgetItem(begin)
                starts.setFlags(starts.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if last or readonly:
                    weeks.setFlags(weeks.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if readonly:
                    name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
                weeks.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, 0, name)
                self.table.setItem(row, 1, weeks)
                self.table.setItem(row, 2, starts)
        finally:
            self._loading = False
        self.add_button.setEnabled(not readonly)
        self.remove_button.setEnabled(not readonly and len(strategy.phases) > 1)

    def _apply(self, phases: list[Phase], renames: dict[str, str], text: str) -> bool:
        if self.document is None:
            return False
        edit = SetPhases(phases, renames)
        edit.text = text
        done = self.document.apply(edit)
        if not done:
            self.refresh()
        return done

    def _current(self) -> list[Phase]:
        assert self.document is not None
        return [dataclasses.replace(p) for p in self.document.strategy.phases]

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or self.document is None:
            return
        phases = self._current()
        phase = phases[item.row()]
        text = item.text().strip()
        if item.column() == 0 and text != phase.name:
            old = phase.name
            phase.name = text
            self._apply(phases, {old: text}, f"Rename phase {old!r} to {text!r}")
        elif item.column() == 1:
            if not text.isdigit() or int(text) < 1:
                self.document.refuse(f"phases[{phase.name}].weeks: expected whole weeks >= 1")
                self.refresh()
                return
            if int(text) != phase.weeks:
                phase.weeks = int(text)
                self._apply(phases, {}, f"Resize phase {phase.name!r}")

    def add_phase(self) -> bool:
        """Add a phase before the open-ended last one (which keeps running to the end)."""
        if self.document is None:
            return False
        phases = self._current()
        names = {p.name for p in phases}
        n = len(phases) + 1
        while f"Phase {n}" in names:
            n += 1
        phases.insert(len(phases) - 1, Phase(f"Phase {n}", NEW_PHASE_WEEKS))
        return self._apply(phases, {}, f"Add phase 'Phase {n}'")

    def remove_phase(self) -> bool:
        row = self.table.currentRow()
        if self.document is None or row < 0:
            return False
        phases = self._current()
        if len(phases) < 2:
            return False
        gone = phases.pop(row)
        phases[-1].weeks = None  # the new last phase runs on
        return self._apply(phases, {}, f"Remove phase {gone.name!r}")
