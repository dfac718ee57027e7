"""Puts the customer-experience tabs, their View menu commands and the strategy switcher in."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from cxroadmap.domain.edits import Change
from cxroadmap.ui.cx.switcher import StrategySwitcher, add_switcher
from cxroadmap.ui.document import OpenDocument

if TYPE_CHECKING:
    from cxroadmap.ui.main_window import MainWindow

# (tab title, action name) in tab order, after the roadmap views.
TABS = (
    ("Touchpoints", "show_touchpoints"),
    ("Matrix", "show_matrix"),
    ("Measures", "show_measures"),
    ("Alignment", "show_alignment"),
)


def cx_views() -> list[tuple[str, Any]]:
    """(tab title, factory(document, selection)) of each customer-experience view."""
    from cxroadmap.ui.cx.alignment_view import AlignmentView
    from cxroadmap.ui.cx.matrix_view import MatrixView
    from cxroadmap.ui.cx.measures_page import MeasuresPage
    from cxroadmap.ui.cx.touchpoints_page import TouchpointsPage

    factories: dict[str, Any] = {
        "Touchpoints": lambda doc, sel: TouchpointsPage(doc, sel),
        "Matrix": lambda doc, sel: MatrixView(doc, sel),
        "Measures": lambda doc, sel: MeasuresPage(doc, sel),
        "Alignment": lambda doc, sel: AlignmentView(doc, sel),
    }
    return [(title, factories[title]) for title, _ in TABS]


class CxCommands(QObject):
    """View menu entries for the tabs, and the switcher kept in step with the open document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: OpenDocument | None = None
        toolbar = window.findChild(QToolBar, "main_toolbar")
        if toolbar is None:
            toolbar = window.addToolBar("Strategy")
        self.switcher: StrategySwitcher = add_switcher(window, toolbar)
        menu = _view_menu(window)
        first = menu.actions()[3] if len(menu.actions()) > 3 else None
        for title, name in TABS:
            action = window.acts[name]
            action.triggered.connect(lambda _=False, t=title: self.show_tab(t))
            menu.insertAction(first, action)
        window.undo_group.activeStackChanged.connect(lambda _stack: self._document_shown())
        self._document_shown()

    def show_tab(self, title: str) -> QWidget | None:
        views = self.window.views
        for index in range(views.count()):
            if views.tabText(index) == title:
                views.setCurrentIndex(index)
                return views.widget(index)
        return None

    def tab(self, title: str) -> Any:
        views = self.window.views
        for index in range(views.count()):
            if views.tabText(index) == title:
                return views.widget(index)
        return None

    def _document_shown(self) -> None:
        document = self.window.document
        if document is not self.document:
            if self.document is not None:
                # It may already be gone with its document.
                with contextlib.suppress(RuntimeError, TypeError):
                    self.document.changed.disconnect(self._changed)
            self.document = document
            if document is not None:
                document.changed.connect(self._changed)
        for _, name in TABS:
            self.window.acts[name].setEnabled(document is not None)
        self.switcher.refill()

    def _changed(self, change: Change) -> None:
        if change.strategy:
            self.switcher.refill()


def _view_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == "&View" and action.menu() is not None:
            return action.menu()  # type: ignore[return-value]
    return window.menuBar().addMenu("&View")


def install_cx(window: MainWindow) -> CxCommands:
    """Add the switcher and the View menu commands; the tabs come with each document."""
    window.cx_commands = CxCommands(window)  # type: ignore[attr-defined]
    return window.cx_commands  # type: ignore[attr-defined,no-any-return]
