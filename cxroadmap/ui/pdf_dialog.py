"""The PDF export options dialog: page size, orientation, fit to one page, title and logo."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

PAGES = ("A4", "A3", "Letter")
DEFAULTS: dict[str, Any] = {"page": "A4", "portrait": False, "fit": False, "title": "", "logo": ""}


class PdfOptionsDialog(QDialog):
    """Asks how the PDF should look; `options()` gives the CLI's names (page, portrait, ...)."""

    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        values = {**DEFAULTS, **values}
        self.page = QComboBox()
        self.page.addItems(PAGES)
        self.page.setCurrentText(str(values["page"]))
        self.orientation = QComboBox()
        self.orientation.addItems(["Landscape", "Portrait"])
        self.orientation.setCurrentIndex(1 if values["portrait"] else 0)
        self.fit = QCheckBox("Fit the whole timeline on one page")
        self.fit.setChecked(bool(values["fit"]))
        self.title = QLineEdit(str(values["title"]))
        self.title.setPlaceholderText("The strategy's name")
        self.logo = QLineEdit(str(values["logo"]))
        self.logo.setPlaceholderText("No logo")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Page size", self.page)
        form.addRow("Orientation", self.orientation)
        form.addRow("", self.fit)
        form.addRow("Title", self.title)
        form.addRow("Logo", logo_row)
        form.addRow(buttons)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Logo", "", "Images (*.png *.jpg *.jpeg)")
        if path:
            self.logo.setText(path)

    def options(self) -> dict[str, Any]:
        return {
            "page": self.page.currentText(),
            "portrait": self.orientation.currentIndex() == 1,
            "fit": self.fit.isChecked(),
            "title": self.title.text().strip(),
            "logo": self.logo.text().strip(),
        }
