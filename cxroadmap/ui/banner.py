"""The read-only banner's row: why the document is read-only, and Save As right beside it."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QPushButton

from cxroadmap.ui.naming import named


def add_banner(layout: QBoxLayout, banner: QLabel) -> QPushButton:
    """Put `banner` and a (hidden) Save As button in one row of `layout`; return the button."""
    save_as = named(QPushButton("Save As…"), "readonly_save_as")
    save_as.hide()
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(banner, 1)
    row.addWidget(save_as)
    layout.addLayout(row)
    return save_as
