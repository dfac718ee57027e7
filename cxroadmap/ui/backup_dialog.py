"""File > Restore from Backup: a document's rolling backups, restored into a new file and opened."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.ui import messages
from cxroadmap.ui.naming import named

if TYPE_CHECKING:
    from cxroadmap.storage.backups import Backup


def _counts(path: Path) -> str:
    """'4 strategies, 55 initiatives' of a backup, read without opening it as a document."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            strategies = conn.execute("SELECT count(*) FROM strategy").fetchone()[0]
            initiatives = conn.execute("SELECT count(*) FROM initiative").fetchone()[0]
    except sqlite3.Error:
        return "unreadable"
    word = "strategy" if strategies == 1 else "strategies"
    return f"{strategies} {word}, {initiatives} initiatives"


class BackupDialog(QDialog):
    """Lists the backups of `document` (newest first); Restore writes the chosen one to a new
    file the user names, so the document itself is never overwritten."""

    def __init__(self, document: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from cxroadmap.storage.backups import backup_dir, keep_count, list_backups

        self.document = document
        self.restored: Path | None = None
        self.setWindowTitle("Restore from Backup")
        self.resize(640, 380)
        self.backups: list[Backup] = list_backups(document)
        intro = QLabel(
            f"cxroadmap copies {document.name} before the first change of each session and "
            f"keeps the newest {keep_count()} copies in {backup_dir(document)}. Restoring "
            "writes the chosen copy to a new file and opens it; the document itself is "
            "left as it is."
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = named(QTableWidget(len(self.backups), 3), "backup_table")
        self.table.setHorizontalHeaderLabels(["Taken", "Size", "Contents"])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(self.backups):
            when = backup.taken.astimezone().strftime("%a %d %b %Y, %H:%M:%S")
            cells = (when, f"{backup.size / 1024:,.0f} KB", _counts(backup.path))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.empty = QLabel("No backups yet: one is made before the first change of a session.")
        self.empty.setVisible(not self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = named(QPushButton("Restore as a Copy…"), "restore_backup")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.doubleClicked.connect(lambda _: self.restore_selected())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        if self.backups:
            self.table.selectRow(0)
        self._enable()

    def _enable(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def restore_selected(self) -> bool:
        """Ask where, write the chosen backup there (verified first) and accept the dialog."""
        from cxroadmap.storage.backups import restore

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        backup = self.backups[rows[0].row()]
        stamp = backup.taken.astimezone().strftime("%Y-%m-%d %H%M")
        suggested = self.document.with_name(f"{self.document.stem} (backup {stamp}).cxroadmap")
        target = messages.ask_save_path(
            self, "Restore Backup As", suggested, messages.DOCUMENT_FILTER
        )
        if target is None:
            return False
        if target.suffix.lower() != ".cxroadmap":
            target = target.with_name(target.name + ".cxroadmap")
        try:
            self.restored = restore(self.document, backup.number, target, force=True)
        except Exception as exc:
            messages.show_error(self, "Cannot restore", str(exc))
            return False
        self.accept()
        return True
