"""The Baselines window: take, rename, delete and choose the baseline to compare against."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.baseline_edits import (
    ChooseBaseline,
    DeleteBaseline,
    RenameBaseline,
    TakeBaseline,
)
from cxroadmap.domain.edits import Change
from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named

HEADERS = ("Name", "Taken on", "Initiatives", "Finish", "Compared")


class BaselineDialog(QDialog):
    """Lists the open strategy's baselines; every button makes one undoable edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("baseline_dialog")
        self.setWindowTitle("Baselines")
        self.document: OpenDocument | None = None
        self.table = named(QTableWidget(0, len(HEADERS)), "baseline_table")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.name_edit = named(QLineEdit(), "baseline_name")
        self.name_edit.setPlaceholderText("Board approval")
        self.date_edit = named(QDateEdit(), "baseline_date")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDate(QDate.currentDate())
        self.take_button = named(QPushButton("&Take baseline"), "take_baseline")
        self.rename_button = named(QPushButton("&Rename"), "rename_baseline")
        self.delete_button = named(QPushButton("&Delete"), "delete_baseline")
        self.choose_button = named(QPushButton("&Compare with this"), "choose_baseline")
        self.none_button = named(QPushButton("Compare with &none"), "choose_no_baseline")
        self.message = named(QLabel(), "baseline_message")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("Taken &on", self.date_edit)
        buttons = QHBoxLayout()
        for button in (
            self.take_button,
            self.rename_button,
            self.delete_button,
            self.choose_button,
            self.none_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("A baseline keeps the schedule as it is now, to compare with later.")
        )
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.take_button.clicked.connect(self.take)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.choose_button.clicked.connect(lambda: self._apply_choice(self.selected_name()))
        self.none_button.clicked.connect(lambda: self._apply_choice(None))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.name_edit.returnPressed.connect(self.take)
        self.resize(640, 360)

    # -- the document ----------------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._changed)
        self.document = document
        if document is not None:
            document.changed.connect(self._changed)
        self.refresh()

    def _changed(self, change: Change) -> None:
        self.refresh()

    def refresh(self) -> None:
        doc = self.document
        keep = self.selected_name()
        baselines = doc.strategy.baselines if doc is not None else []
        chosen = doc.strategy.chosen_baseline if doc is not None else None
        self.table.setRowCount(len(baselines))
        for row, b in enumerate(baselines):
            finish = b.finish.isoformat() if b.finish else ""
            cells = (
                b.name,
                b.taken_on.isoformat(),
                str(len(b.entries)),
                finish,
                "✓" if b.name == chosen else "",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
            if b.name == keep:
                self.table.selectRow(row)
        editable = doc is not None and not doc.readonly
        self.take_button.setEnabled(editable and doc is not None and doc.schedule is not None)
        self._selection_changed()
        self.none_button.setEnabled(editable and chosen is not None)

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item is not None else None

    def _selection_changed(self) -> None:
        doc = self.document
        editable = doc is not None and not doc.readonly
        picked = self.selected_name() is not None
        for button in (self.rename_button, self.delete_button, self.choose_button):
            button.setEnabled(editable and picked)

    # -- the edits -------------------------------------------------------------------------

    def _apply(self, edit: TakeBaseline | RenameBaseline | DeleteBaseline | ChooseBaseline) -> bool:
        assert self.document is not None
        done = self.document.apply(edit)
        self.message.setText("" if done else self.document.last_error)
        return done

    def take(self) -> None:
        from cxroadmap.scheduling.baselines import take

        doc = self.document
        if doc is None or doc.schedule is None:
            return
        name = self.name_edit.text().strip() or self.suggested_name()
        day = self.date_edit.date()
        try:
            baseline = take(doc.schedule, name, dt.date(day.year(), day.month(), day.day()))
        except CxRoadmapError as exc:
            self.message.setText(str(exc))
            return
        if self._apply(TakeBaseline(baseline)):
            self.name_edit.clear()

    def suggested_name(self) -> str:
        names = (
            {b.name.casefold() for b in self.document.strategy.baselines}
            if self.document
            else set()
        )
        n = 1
        while f"baseline {n}" in names:
            n += 1
        return f"Baseline {n}"

    def rename(self) -> None:
        name = self.selected_name()
        if name is not None and self._apply(RenameBaseline(name, self.name_edit.text().strip())):
            self.name_edit.clear()

    def delete(self) -> None:
        name = self.selected_name()
        if name is not None:
            self._apply(DeleteBaseline(name))

    def _apply_choice(self, name: str | None) -> None:
        if self.document is not None:
            self._apply(ChooseBaseline(name))
