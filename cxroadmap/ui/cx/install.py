"""The customer-experience tabs, their View menu commands, the strategy switcher and roll-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from cxroadmap.domain.edits import Change
from cxroadmap.ui.cx.cascade_state import cascade_state
from cxroadmap.ui.cx.cascade_state import start as start_cascade
from cxroadmap.ui.cx.rollup_timeline import has_children, rollup_picture
from cxroadmap.ui.cx.switcher import StrategySwitcher, add_switcher, switch_strategy
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed
from cxroadmap.ui.roadmap_tabs import view_name
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.view_tabs import ViewFactory

if TYPE_CHECKING:
    from cxroadmap.ui.main_window import MainWindow
    from cxroadmap.ui.views.install import ViewCommands
    from cxroadmap.ui.views.timeline_view import TimelineView

# (tab title, action name) in tab order, after the roadmap views.
TABS = (
    ("Touchpoints", "show_touchpoints"),
    ("Matrix", "show_matrix"),
    ("Measures", "show_measures"),
    ("Alignment", "show_alignment"),
)
T = TypeVar("T", bound=QWidget)


def cx_views() -> list[tuple[str, ViewFactory]]:
    """(tab title, factory(document, selection, feed)) of each customer-experience view; a
    view's module is imported when its first view is made."""
    factories: dict[str, ViewFactory] = {
        "Touchpoints": _touchpoints,
        "Matrix": _matrix,
        "Measures": _measures,
        "Alignment": _alignment,
    }
    return [(title, factories[title]) for title, _ in TABS]


def _touchpoints(document: OpenDocument, selection: Selection, feed: ChangeFeed) -> QWidget:
    from cxroadmap.ui.cx.touchpoints_page import TouchpointsPage

    return TouchpointsPage(document, selection, feed=feed)


def _matrix(document: OpenDocument, selection: Selection, feed: ChangeFeed) -> QWidget:
    from cxroadmap.ui.cx.matrix_view import MatrixView

    return MatrixView(document, selection, feed=feed)


def _measures(document: OpenDocument, selection: Selection, feed: ChangeFeed) -> QWidget:
    from cxroadmap.ui.cx.measures_page import MeasuresPage

    # Its model follows every change itself; the page only keeps its selection.
    return MeasuresPage(document, selection)


def _alignment(document: OpenDocument, selection: Selection, feed: ChangeFeed) -> QWidget:
    from cxroadmap.ui.cx.alignment_view import AlignmentView

    return AlignmentView(document, selection, feed=feed)


class CxCommands(QObject):
    """The tabs' commands, the roll-up and the switcher, kept in step with the open document.

    The window calls `document_shown` and `document_changed` itself, in the order it needs.
    """

    def __init__(self, window: MainWindow, view_commands: ViewCommands) -> None:
        super().__init__(window)
        self.window = window
        self.view_commands = view_commands
        self.document: OpenDocument | None = None
        self.switcher: StrategySwitcher = add_switcher(window, window.toolbar)
        for title, name in TABS:
            window.acts[name].triggered.connect(lambda _=False, t=title: self.show_tab(t))
        self.roll_up = window.acts["roll_up"]
        self.roll_up.setCheckable(True)
        self.roll_up.toggled.connect(self._roll_up_toggled)
        # Next to the swimlanes it replaces while on.
        window.view_menu.insertAction(view_commands.lanes_menu.menuAction(), self.roll_up)
        self._grouping = view_commands.grouping

    def show_tab(self, title: str) -> QWidget | None:
        tab = self.window.roadmap_tab(title)
        if tab is not None:
            self.window.views.setCurrentWidget(tab)
        return tab

    def tab(self, kind: type[T]) -> T | None:
        """The open document's tab of this class, if built yet."""
        return next((t for t in self.window.roadmap.built() if isinstance(t, kind)), None)

    def configure(self, view: QWidget) -> None:
        """A view built now follows the roll-up (a timeline) or offers it (the alignment)."""
        if view_name(view) == "timeline":
            self._roll_up_source(view)
        elif view.objectName() == "view_alignment":
            from cxroadmap.ui.cx.alignment_view import AlignmentView

            assert isinstance(view, AlignmentView)
            view.set_roll_up_action(self.roll_up)
            view.switch = self.switch_to

    def document_shown(self, document: OpenDocument | None) -> None:
        """The window shows `document` now (None: the welcome screen), its tabs in place."""
        self.document = document
        self.view_commands.saved_views.set_document(document)  # the toolbar's saved views
        if document is not None:
            # The rest of the cascade, read and scheduled off this thread; once the window
            # has painted, as nothing on the first screen needs it (and the worker would
            # compete with the first paint for the interpreter). Asking for it starts it.
            self.window.after_paint.later(lambda: self._start_cascade(document))
        for _, name in TABS:
            self.window.acts[name].setEnabled(document is not None)
        self.switcher.refill()
        can = document is not None and has_children(document)
        self.roll_up.setEnabled(can)
        if not can and self.roll_up.isChecked():
            self.roll_up.setChecked(False)  # turns the roll-up off in the timeline tabs
        self._apply_roll_up()  # the alignment tab takes the roll-up when built (configure)

    def _start_cascade(self, document: OpenDocument) -> None:
        if self.document is document:  # still the one shown
            start_cascade(document)

    def switch_to(self, strategy_id: int) -> bool:
        """Edit another strategy of the open file (a fresh undo history, the status bar says)."""
        return switch_strategy(self.window, strategy_id)

    def document_changed(self, change: Change) -> None:
        if change.strategy:
            self.switcher.refill()

    def _roll_up_toggled(self, on: bool) -> None:
        commands = self.view_commands
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
        from cxroadmap.ui.feed import refresh_view

        for tab in self.window.roadmap.built():
            if view_name(tab) == "timeline":
                refresh_view(self.window.feed, self._roll_up_source(tab))

    def _roll_up_source(self, view: QWidget) -> TimelineView:
        from cxroadmap.ui.views.timeline_view import TimelineView

        assert isinstance(view, TimelineView)
        document = self.window.document
        on = self.roll_up.isChecked() and document is not None
        view.source = (lambda d=document: rollup_picture(d)) if on else None
        view.timeline.grouping = "strategy" if on else self.view_commands.grouping
        return view

    def late_support(self) -> list[str]:
        """This strategy's initiatives finishing after what they support, for the status bar's
        warnings (as `cxroadmap schedule` adds them to a cascade's)."""
        document = self.window.document
        if document is None or document.schedule is None or document.strategy.parent is None:
            return []
        state = cascade_state(document)
        return [f.message for f in state.flags if f.strategy == document.strategy.key]
