"""Which strategy of a cascade document the window edits: a toolbar combo box and the switch.

Switching opens the other strategy as a fresh OpenDocument on the same file, so every view,
the inspector and the undo stack follow it through the window's ordinary `set_document`.
The undo history starts afresh for the strategy switched to (the status bar says so): an
undo in one strategy can then never reach into another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolBar, QWidget

from cxroadmap.domain.cascade import Cascade
from cxroadmap.domain.labels import level_label
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named
from cxroadmap.ui.pending_edits import commit_typing

if TYPE_CHECKING:
    from cxroadmap.domain.model import Strategy
    from cxroadmap.ui.main_window import MainWindow


def switch_strategy(window: MainWindow, strategy_id: int) -> bool:
    """Make `window` edit the strategy with `strategy_id` of its open file."""
    old = window.document
    if old is None or old.store is None or old.strategy_id == strategy_id:
        return False
    commit_typing(window)  # before the old document lets go of the file
    strategy = old.store.load(strategy_id)
    new = OpenDocument(strategy, old.store, strategy_id, old.readonly, old.notice)
    old.scheduler.wait()
    old.store = None  # the file now belongs to the new document; closing the old leaves it open
    window.set_document(new)
    window.statusBar().showMessage(
        f"Now editing {strategy.name}. Undo history starts afresh for this strategy.", 10000
    )
    return True


class StrategySwitcher(QWidget):
    """A combo box of the document's strategies, indented by level (org, departments, teams)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main_window = window
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(QLabel("Strategy:"))
        self.combo = named(QComboBox(), "strategy_switcher")
        self.combo.setMinimumContentsLength(24)
        self.combo.setToolTip("The strategy of this document that you are editing")
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._chosen)
        self._filling = False
        self.refill()

    def refill(self) -> None:
        self._filling = True
        try:
            self.combo.clear()
            document: OpenDocument | None = self.main_window.document
            if document is None:
                self.setEnabled(False)
                return
            pairs: list[tuple[int | None, Strategy]] = [(document.strategy_id, document.strategy)]
            if document.store is not None:
                # Names and the tree only: reading every strategy whole took as long as the
                # open itself (20,000 initiatives) for a list of a few names.
                pairs = [
                    (sid, document.strategy if sid == document.strategy_id else s)
                    for sid, s in document.store.load_outlines()
                ]
            cascade = Cascade(s for _, s in pairs)
            for sid, strategy in pairs:
                scenario = strategy.scenario_of is not None  # listed under its original
                indent = "    " * (cascade.depth(strategy) + scenario)
                kind = "scenario" if scenario else level_label(strategy.level)
                self.combo.addItem(f"{indent}{strategy.name} ({kind})", sid)
                if sid == document.strategy_id:
                    self.combo.setCurrentIndex(self.combo.count() - 1)
            self.setEnabled(len(pairs) > 1)
        finally:
            self._filling = False

    def _chosen(self, index: int) -> None:
        sid = self.combo.itemData(index)
        if not self._filling and sid is not None:
            switch_strategy(self.main_window, int(sid))


def add_switcher(window: MainWindow, toolbar: QToolBar) -> StrategySwitcher:
    switcher = StrategySwitcher(window)
    toolbar.addSeparator()
    toolbar.addWidget(switcher)
    return switcher
