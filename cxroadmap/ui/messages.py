"""Every dialog that asks or tells the user something, in one place so tests can replace them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QWidget

# Imported where a box or file dialog is shown: Qt makes a class's Python type and enums
# when it is first named, and a window starting has none of these to show.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

DOCUMENT_FILTER = "cxroadmap documents (*.cxroadmap)"


def _show(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # messages quote the user's own text
    box.exec()


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    _show(parent, QMessageBox.Icon.Warning, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    _show(parent, QMessageBox.Icon.Information, title, text)


def ask_open_path(parent: QWidget | None, caption: str, file_filter: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getOpenFileName(parent, caption, "", file_filter)
    return Path(path) if path else None


def ask_save_path(
    parent: QWidget | None, caption: str, suggested: Path | str, file_filter: str
) -> Path | None:
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), file_filter)
    return Path(path) if path else None


def ask_pdf_options(parent: QWidget | None, values: dict[str, Any]) -> dict[str, Any] | None:
    """Page size, orientation, fit, title and logo for a PDF, or None when cancelled."""
    from cxroadmap.ui.pdf_dialog import PdfOptionsDialog

    dialog = PdfOptionsDialog(values, parent)
    return dialog.options() if dialog.exec() == PdfOptionsDialog.DialogCode.Accepted else None


def choose_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    """One item from a list (e.g. a template), or None when cancelled."""
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok and item else None
