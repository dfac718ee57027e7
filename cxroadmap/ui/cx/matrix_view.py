"""The touchpoint matrix tab: touchpoints x initiatives, coverage colours, and the CX warnings."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.cx_checks import touchpoint_findings
from cxroadmap.domain.edits import Change
from cxroadmap.ui.cx.touchpoint_models import MatrixModel
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed, DirectFeed
from cxroadmap.ui.naming import named
from cxroadmap.ui.selection import Selection


class MatrixView(QWidget):
    """Tick a cell to say an initiative addresses a touchpoint (an undoable edit).

    The warnings below update with every change: a large gap nobody works on, and a gap
    left to training alone.
    """

    def __init__(
        self,
        document: OpenDocument,
        selection: Selection | None = None,
        feed: ChangeFeed | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.selection = selection if selection is not None else Selection(self)
        self.model = MatrixModel(document, self)
        self.table = named(QTableView(), "matrix_table")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(44)
        self.table.verticalHeader().setMaximumSectionSize(400)
        self._sized = False  # columns fit their contents from the first refresh (when shown)
        self.intro = QLabel(
            "Which initiatives address which touchpoints. Tick a cell to link them; a pink row "
            "is a large gap that no initiative addresses yet, an amber one a gap left to "
            "training alone."
        )
        self.intro.setWordWrap(True)
        self.linked_only = named(
            QCheckBox("Only initiatives that address a touchpoint"), "matrix_linked_only"
        )
        self.linked_only.toggled.connect(self.model.set_linked_only)
        self.warnings = named(QListWidget(), "matrix_warnings")
        self.status = named(QLabel(), "matrix_status")
        bottom = QWidget()
        box = QVBoxLayout(bottom)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.status)
        box.addWidget(self.warnings)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(bottom)
        splitter.setSizes([640, 110])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.linked_only)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.table.clicked.connect(self._clicked)
        header.sectionClicked.connect(self._column_clicked)
        (feed or DirectFeed(document)).attach(self)  # fills the matrix now or when first shown

    def follow(self, change: Change) -> None:
        """Bring the view up to date after `change` (the feed calls this while it is shown)."""
        self.refresh()

    def refresh(self) -> None:
        if not self._sized:
            # Set here, not when built: a hidden table sized to its contents still asks the
            # model for every cell of every row (6,000 calls for the demo) before first paint.
            self._sized = True
            fit = QHeaderView.ResizeMode.ResizeToContents
            self.table.horizontalHeader().setSectionResizeMode(fit)
            self.table.verticalHeader().setSectionResizeMode(fit)
        findings = touchpoint_findings(self.document.strategy)
        self.warnings.clear()
        for finding in findings:
            self.warnings.addItem(f"⚠ {finding.message}")
        if not self.document.strategy.touchpoints:
            self.status.setText("No touchpoints yet: add them on the Touchpoints tab.")
        elif findings:
            count = len(findings)
            self.status.setText(f"{count} touchpoint warning{'s' if count != 1 else ''}:")
        else:
            self.status.setText("No touchpoint warnings: every large gap has an initiative on it.")

    def warning_texts(self) -> list[str]:
        return [self.warnings.item(i).text() for i in range(self.warnings.count())]

    def cell_rect(self, touchpoint_key: str, initiative_key: str) -> tuple[QModelIndex, object]:
        """The index and on-screen rectangle of a cell (for tests and tours)."""
        row = next(
            i for i, t in enumerate(self.document.strategy.touchpoints) if t.key == touchpoint_key
        )
        column = self.model.initiative_keys().index(initiative_key)
        index = self.model.index(row, column)
        return index, self.table.visualRect(index)

    def _clicked(self, index: QModelIndex) -> None:
        keys = self.model.initiative_keys()
        if 0 <= index.column() < len(keys):
            self.selection.set_keys([keys[index.column()]], self)

    def _column_clicked(self, column: int) -> None:
        keys = self.model.initiative_keys()
        if 0 <= column < len(keys):
            self.selection.set_keys([keys[column]], self)
