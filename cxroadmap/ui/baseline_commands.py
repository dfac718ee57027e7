"""The Baselines menu and the status bar's variance of the project finish (tracking.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu

from cxroadmap.domain.baseline_edits import ChooseBaseline
from cxroadmap.domain.edits import Change
from cxroadmap.ui.baseline_state import chosen_comparison
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.models.initiatives_model import COLUMN, VARIANCE
from cxroadmap.ui.naming import named

if TYPE_CHECKING:
    from cxroadmap.ui.baseline_dialog import BaselineDialog
    from cxroadmap.ui.main_window import MainWindow


def finish_text(document: OpenDocument | None) -> tuple[str, str]:
    """The status bar's text and tooltip: the project finish against the chosen baseline."""
    if document is None:
        return "", ""
    strategy = document.strategy
    comparison = chosen_comparison(strategy, document.schedule)
    if comparison is None:
        return "", ""
    name = strategy.chosen_baseline or ""
    n = comparison.finish_variance_days
    text = f"vs {name}: " + ("finish on time" if n == 0 else f"finish {n:+d}d")
    before = comparison.finish_before.isoformat() if comparison.finish_before else "none"
    tip = (
        f"Project finish against baseline {name!r}: {before} then, "
        f"{n:+d} working days now; {len(comparison.slipped())} initiatives slipped, "
        f"{len(comparison.added)} added, {len(comparison.removed)} removed"
    )
    return text, tip


class BaselineCommands(QObject):
    """Baselines > Baselines… (the dialog), Compare with (a submenu) and the status label."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: OpenDocument | None = None
        self._dialog: BaselineDialog | None = None  # built when first opened
        self.label = named(QLabel(), "status_baseline")
        self.label.setContentsMargins(10, 0, 10, 0)
        window.statusBar().addPermanentWidget(self.label)
        bar = window.menuBar()
        help_action = next(a for a in bar.actions() if a.text() == "&Help")
        self.menu = named(QMenu("&Baselines", window), "baselines_menu")
        bar.insertMenu(help_action, self.menu)
        self.open_action = named(QAction("&Baselines…", window), "show_baselines")
        self.open_action.setToolTip("Take, rename, delete or choose baselines")
        self.open_action.triggered.connect(self.show_dialog)
        self.menu.addAction(self.open_action)
        self.compare_menu = named(self.menu.addMenu("&Compare with"), "compare_menu")
        self.compare_menu.aboutToShow.connect(self._fill_compare_menu)
        self._group = QActionGroup(self)
        window.undo_group.activeStackChanged.connect(self.document_shown)
        self.document_shown()

    def document_shown(self) -> None:
        doc = self.window.document
        if doc is self.document:
            return
        if self.document is not None:
            self.document.changed.disconnect(self._changed)
        self.document = doc
        if doc is not None:
            doc.changed.connect(self._changed)
        if self._dialog is not None:
            self._dialog.set_document(doc)
        self._changed(Change())

    @property
    def dialog(self) -> BaselineDialog:
        """The Baselines dialog, built the first time it is wanted (not at start-up)."""
        if self._dialog is None:
            from cxroadmap.ui.baseline_dialog import BaselineDialog

            self._dialog = BaselineDialog(self.window)
            # Ctrl+Z and Ctrl+Shift+Z work in the dialog too: the window's own undo and redo.
            acts = self.window.acts
            self._dialog.addActions([acts["undo"], acts["redo"]])
            self._dialog.set_document(self.document)
        return self._dialog

    def _changed(self, change: Change) -> None:
        text, tip = finish_text(self.document)
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.label.setVisible(bool(text))
        # The variance columns show only while there is a baseline to compare with.
        chosen = self.document is not None and self.document.strategy.baseline() is not None
        for name in VARIANCE:
            self.window.initiatives.table.setColumnHidden(COLUMN[name], not chosen)
        self.menu.setEnabled(self.document is not None)

    def show_dialog(self) -> None:
        self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def _fill_compare_menu(self) -> None:
        menu = self.compare_menu
        menu.clear()
        doc = self.document
        if doc is None:
            return
        chosen = doc.strategy.chosen_baseline
        for name in [None, *(b.name for b in doc.strategy.baselines)]:
            action = menu.addAction("No baseline" if name is None else name)
            action.setCheckable(True)
            action.setChecked(name == chosen)
            action.setEnabled(not doc.readonly)
            self._group.addAction(action)
            action.triggered.connect(lambda _=False, n=name: self.choose(n))

    def choose(self, name: str | None) -> None:
        if self.document is not None and name != self.document.strategy.chosen_baseline:
            self.document.apply(ChooseBaseline(name))
