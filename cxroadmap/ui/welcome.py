"""The welcome screen: New from template, Open, Open demo and the recent files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cxroadmap import __version__
from cxroadmap.common.resources import resource_path
from cxroadmap.ui.naming import named

if TYPE_CHECKING:
    from cxroadmap.ui.file_commands import FileCommands


class WelcomePage(QWidget):
    """What the window shows when no document is open."""

    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel("cxroadmap")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            "Plan a customer-experience strategy as a roadmap of initiatives, "
            "see it scheduled into short, medium and long-term phases, and print it.\n\n"
            "New here? Open the demo: a worked organisation-level strategy in which leadership, "
            "vision and values, training, recognition, touchpoints and measures move together."
        )
        subtitle.setWordWrap(True)
        self.new_button = named(QPushButton("New from template…"), "welcome_new")
        self.open_button = named(QPushButton("Open…"), "welcome_open")
        self.demo_button = named(QPushButton("Open demo"), "welcome_demo")
        for button in (self.new_button, self.open_button, self.demo_button):
            button.setMinimumHeight(button.sizeHint().height() + 10)
            button.setMinimumWidth(170)
        self.demo_button.setDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        recent_title = QLabel("Recent files")
        recent_font = QFont(recent_title.font())
        recent_font.setBold(True)
        recent_title.setFont(recent_font)
        self.recent = named(QListWidget(), "welcome_recent")
        self.recent.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent.setMaximumHeight(220)
        self.recent.itemActivated.connect(self._activated)
        self.no_recent = QLabel("No recent files yet.")
        version = QLabel(
            f"Version {__version__} · works offline; your files stay on this computer."
        )
        version.setEnabled(False)

        column = QVBoxLayout()
        column.addStretch(1)
        logo = QLabel()
        logo.setPixmap(QIcon(str(resource_path("icons", "cxroadmap.svg"))).pixmap(56, 56))
        heading = QHBoxLayout()
        heading.addWidget(logo)
        heading.addSpacing(8)
        heading.addWidget(title)
        heading.addStretch(1)
        column.addLayout(heading)
        column.addWidget(subtitle)
        column.addSpacing(18)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(recent_title)
        column.addWidget(self.no_recent)
        column.addWidget(self.recent, 3)
        column.addSpacing(12)
        column.addWidget(version)
        column.addStretch(1)
        frame = QWidget()
        frame.setLayout(column)
        frame.setMaximumWidth(760)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(frame, 4)
        outer.addStretch(1)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}    —    {path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))


def add_welcome_page(stack: QStackedWidget, files: FileCommands) -> WelcomePage:
    """Make the welcome page, its buttons wired to the File commands, as the stack's first page."""
    page = WelcomePage()
    page.new_requested.connect(files.new_document)
    page.open_requested.connect(files.open_dialog)
    page.demo_requested.connect(files.open_demo)
    page.recent_requested.connect(files.open_path)
    stack.insertWidget(0, page)
    return page
