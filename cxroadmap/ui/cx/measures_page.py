"""The Measures tab: the strategy's KPIs, edited in place, linked to the initiatives they track."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.domain.edits import Change
from cxroadmap.domain.measure_edits import AddMeasure, LinkMeasure, RemoveMeasure, UnlinkMeasure
from cxroadmap.domain.measures import Measure
from cxroadmap.ui.cx.measures_model import FIELDS, MeasuresModel
from cxroadmap.ui.cx.readings_panel import ReadingsPanel
from cxroadmap.ui.cx.touchpoint_models import keyed_rows_table
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named
from cxroadmap.ui.selection import Selection

WIDTHS = {"key": 70, "unit": 60, "baseline": 70, "target": 70, "target_date": 96}


class MeasuresPage(QWidget):
    """Add, delete and edit measures; link the initiative selected elsewhere to a measure."""

    def __init__(self, document: OpenDocument, selection: Selection | None = None) -> None:
        super().__init__()
        self.document = document
        self.selection = selection if selection is not None else Selection(self)
        self.model = MeasuresModel(document, self)
        self.table = keyed_rows_table(
            self.model,
            "measures_table",
            {FIELDS.index(name): width for name, width in WIDTHS.items()},
            stretch_last=True,
        )
        intro = QLabel(
            "Measures (KPIs) with a baseline, a target and a date to reach it. A target date "
            "shows as a flag on the timeline (red while the latest reading is off track). "
            "Initiatives: keys separated by commas. Below: the chosen measure's readings."
        )
        intro.setWordWrap(True)
        self.add_button = named(QPushButton("Add Measure"), "measure_add")
        self.remove_button = named(QPushButton("Delete Measure"), "measure_remove")
        self.link_button = named(QPushButton("Link Selected Initiative"), "measure_link")
        self.unlink_button = named(QPushButton("Unlink Selected Initiative"), "measure_unlink")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.link_button, self.unlink_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.readings = ReadingsPanel(document)
        layout.addWidget(self.readings, 1)
        self.add_button.clicked.connect(self.add_measure)
        self.remove_button.clicked.connect(self.remove_current)
        self.link_button.clicked.connect(lambda: self.link_current(True))
        self.unlink_button.clicked.connect(lambda: self.link_current(False))
        self.selection.changed.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.readings.show_measure(self.current_key())
        )
        document.changed.connect(self._document_changed)
        self._current: str | None = None
        self._update_buttons()

    def current_key(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.key_at(index.row()) if index.isValid() else None

    def _document_changed(self, change: Change) -> None:
        row = next(
            (i for i, m in enumerate(self.document.strategy.measures) if m.key == self._current),
            -1,
        )
        if row >= 0:
            self.table.selectRow(row)
        self.readings.show_measure(self.current_key())
        self._update_buttons()

    def _selection_changed(self, keys: list[str], source: object) -> None:
        # A bound method, so the connection goes with this page when its tab is rebuilt.
        self._update_buttons()

    def _update_buttons(self) -> None:
        key = self.current_key()
        if key is not None:
            self._current = key
        editable = not self.document.readonly
        measure = self.document.strategy.measure(key) if key else None
        initiative = self.selection.current
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and measure is not None)
        linked = measure is not None and initiative in measure.initiatives
        known = initiative is not None and initiative in self.document.strategy.initiatives
        self.link_button.setEnabled(editable and measure is not None and known and not linked)
        self.unlink_button.setEnabled(editable and linked)
        if initiative is not None and known:
            self.link_button.setText(f"Link {initiative}")
            self.unlink_button.setText(f"Unlink {initiative}")

    def add_measure(self) -> str | None:
        strategy = self.document.strategy
        n = len(strategy.measures) + 1
        while strategy.measure(f"M{n}") is not None:
            n += 1
        key = f"M{n}"
        if not self.document.apply(AddMeasure(Measure(key, f"New measure {n}"))):
            return None
        self._current = key
        self.table.selectRow(len(strategy.measures) - 1)
        self.table.edit(self.model.index(len(strategy.measures) - 1, 1))
        return key

    def remove_current(self) -> None:
        key = self.current_key()
        if key is not None:
            self.document.apply(RemoveMeasure(key))

    def link_current(self, link: bool) -> bool:
        key, initiative = self.current_key(), self.selection.current
        if key is None or initiative is None:
            return False
        edit = LinkMeasure(key, initiative) if link else UnlinkMeasure(key, initiative)
        return self.document.apply(edit)
