"""The import dialog: the detected meaning of each column, a preview, and a choice per column."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.model import Strategy
from cxroadmap.interop.table_preview import CHOICES, TablePreview, preview_table
from cxroadmap.ui import messages

Reader = Callable[[list[str]], list[Strategy]]


class ImportDialog(QDialog):
    """Shows the file's first rows under a combo per column; OK reads with the chosen mapping.

    `read` is the same reader as every import, given the mapping; its clear error (row,
    column) is shown here and the dialog stays open. Nothing is written by the dialog.
    """

    def __init__(self, source: Path, table: TablePreview, read: Reader, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {source.name}")
        self.read = read
        self.strategies: list[Strategy] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Each column's meaning as detected. Change it where it is wrong, or ignore the "
            f"column. The first {len(table.rows)} rows:"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(table.rows) + 1, len(table.headers), self)
        self.table.setObjectName("importPreview")
        self.table.setHorizontalHeaderLabels(table.headers)
        numbers = [str(i + 1) for i in range(len(table.rows))]
        self.table.setVerticalHeaderLabels(["Import as", *numbers])
        self.combos: list[QComboBox] = []
        for column, detected in enumerate(table.detected):
            combo = QComboBox(self.table)
            for name, label in CHOICES:
                combo.addItem(label, name)
            combo.setCurrentIndex(combo.findData(detected))
            if column in table.unknown:
                combo.setToolTip(f"{table.headers[column]!r} is not a column this app knows")
            self.table.setCellWidget(0, column, combo)
            self.combos.append(combo)
        for r, row in enumerate(table.rows, start=1):
            for column, value in enumerate(row[: len(table.headers)]):
                self.table.setItem(r, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            # The combos ask for their longest label: keep columns narrow enough to see many.
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 170))
        layout.addWidget(self.table)
        self.error = QLabel("", self)
        self.error.setObjectName("importError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(1180, 420)

    def mapping(self) -> list[str]:
        """The field name per column ("" to ignore it), as the reader takes it."""
        return [str(combo.currentData()) for combo in self.combos]

    def accept(self) -> None:
        try:
            self.strategies = self.read(self.mapping())
        except Exception as exc:  # the reader's message names row and column: show it, stay
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


def open_import_dialog(
    parent: QWidget, source: Path, done: Callable[[list[Strategy]], None]
) -> ImportDialog | None:
    """Show the dialog for `source` (window-modal); `done` gets what OK read. None: the
    file could not even be previewed, which was said in a message."""
    from cxroadmap.cli.formats import import_strategies

    try:
        table = preview_table(source)
    except Exception as exc:
        text = str(exc)
        text = text if source.name in text else f"{source}: {text}"
        messages.show_error(parent, "Cannot import", text)
        return None
    dialog = ImportDialog(
        source, table, lambda chosen: import_strategies(source, mapping=chosen)[0], parent
    )

    def finished(result: int) -> None:
        dialog.deleteLater()
        if result == ImportDialog.DialogCode.Accepted:
            done(dialog.strategies)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
