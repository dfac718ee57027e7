"""Puts the customer-experience tabs, their View menu commands and the strategy switcher in."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from cxroadmap.domain.edits import Change
from cxroadmap.ui.cx.cascade_state import cascade_state
from cxroadmap.ui.cx.rollup_timeline import has_children, rollup_picture
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
            if first is None:
                menu.addAction(action)
            else:
                menu.insertAction(first, action)
        self.roll_up = window.acts["roll_up"]
        self.roll_up.setCheckable(True)
        self.roll_up.toggled.connect(self._roll_up_toggled)
        lanes_menu = menu.findChild(QMenu, "swimlanes_menu")
        if lanes_menu is None:
            menu.addAction(self.roll_up)
        else:
            menu.insertAction(lanes_menu.menuAction(), self.roll_up)
        self._grouping = "pillar"
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
        can = document is not None and has_children(document)
        self.roll_up.setEnabled(can)
        if not can and self.roll_up.isChecked():
            self.roll_up.setChecked(False)  # turns the roll-up off in the timeline tabs
        self._apply_roll_up()
        QTimer.singleShot(0, self.show_cascade_warnings)
        alignment = self.tab("Alignment")
        if alignment is not None:
            alignment.set_roll_up_action(self.roll_up)

    def _roll_up_toggled(self, on: bool) -> None:
        commands = getattr(self.window, "view_commands", None)
        if commands is not None:
            if on:
                self._grouping = commands.grouping
                commands.grouping = "strategy"
            elif commands.grouping == "strategy":
                commands.grouping = self._grouping
        self._apply_roll_up()
        if on:
            self.show_tab("Timeline")

    def _apply_roll_up(self) -> None:
        """Point every timeline tab at the roll-up (or back at the document) and redraw it."""
        from cxroadmap.ui.views.timeline_view import TimelineView

        document = self.window.document
        on = self.roll_up.isChecked() and document is not None
        commands = getattr(self.window, "view_commands", None)
        grouping = commands.grouping if commands is not None else "pillar"
        for tab in getattr(self.window, "roadmap_tabs", []):
            if not isinstance(tab, TimelineView):
                continue
            tab.source = (lambda d=document: rollup_picture(d)) if on else None
            tab.timeline.grouping = "strategy" if on else grouping
            tab.refresh()

    def _changed(self, change: Change) -> None:
        if change.strategy:
            self.switcher.refill()
        # After the window's own status update, which this adds to.
        QTimer.singleShot(0, self.show_cascade_warnings)

    def show_cascade_warnings(self) -> list[str]:
        """Add late support (this strategy's initiatives finishing after what they support)
        to the status bar's warnings, as `cxroadmap schedule` adds them to a cascade's."""
        document = self.window.document
        if document is None or document.schedule is None or document.strategy.parent is None:
            return []
        state = cascade_state(document)
        late = [f.message for f in state.flags if f.strategy == document.strategy.key]
        if late:
            warnings = [*document.schedule.warnings, *late]
            count = len(warnings)
            self.window.warnings_label.setText(f"⚠ {count} warning{'s' if count != 1 else ''}")
            self.window.warnings_label.setToolTip("\n".join(warnings))
        return late


def _view_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.text() == "&View" and action.menu() is not None:
            return action.menu()  # type: ignore[return-value]
    return window.menuBar().addMenu("&View")


def install_cx(window: MainWindow) -> CxCommands:
    """Add the switcher and the View menu commands; the tabs come with each document."""
    window.cx_commands = CxCommands(window)  # type: ignore[attr-defined]
    return window.cx_commands  # type: ignore[attr-defined]
