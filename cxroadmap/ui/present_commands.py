"""Saved views on the toolbar (one filter for every tab), print, and open-after-export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QInputDialog, QLabel, QWidget

from cxroadmap.domain.brand_edits import SetViews, save_view
from cxroadmap.domain.edits import Change
from cxroadmap.domain.pillars import use_brand_colours
from cxroadmap.domain.view_filter import Shows, ViewFilter, shows_of
from cxroadmap.scheduling.filtered import shown_keys
from cxroadmap.scheduling.impact import compare
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import refresh_view
from cxroadmap.ui.roadmap_tabs import view_name
from cxroadmap.ui.views.follow import moved_keys
from cxroadmap.ui.views.look import family, use_brand_font

# The views' modules load with the first view built (its tab shown), not at start.
if TYPE_CHECKING:
    from cxroadmap.ui.main_window import MainWindow
    from cxroadmap.ui.views.board import BoardView
    from cxroadmap.ui.views.graph_view import GraphView
    from cxroadmap.ui.views.timeline_view import TimelineView

EVERYTHING = "All initiatives"


class PresentCommands(QObject):
    """The view picker and Save View on the toolbar, File > Print and Print Preview, and
    File > Export > Open the File After Export."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view: ViewFilter | None = None
        self.last_impact = ""  # what the last edit moved, as the status bar said it
        toolbar = window.toolbar
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" View: "))
        self.picker = QComboBox()
        self.picker.setObjectName("view_picker")
        self.picker.setMinimumContentsLength(16)
        self.picker.setToolTip("Show only what a saved view lets through, in every tab")
        self.picker.activated.connect(self._picked)
        toolbar.addWidget(self.picker)
        self.save_view = QAction("Save View…", self)
        self.save_view.setObjectName("action_save_view")
        self.save_view.setToolTip("Save the Initiatives tab's filters and search as a view")
        self.save_view.triggered.connect(self.ask_and_save_view)
        toolbar.addAction(self.save_view)
        export_menu = window.export_menu
        export_menu.addSeparator()
        self.open_after = QAction("Open the File After Export", self)
        self.open_after.setObjectName("action_open_after_export")
        self.open_after.setCheckable(True)
        export_menu.addAction(self.open_after)
        from cxroadmap.ui.printing import PrintCommands

        self.printing = PrintCommands(window, self)
        self._document: OpenDocument | None = None
        self.set_document(window.document)

    # -- the document ----------------------------------------------------------------------

    def set_document(self, document: OpenDocument | None) -> None:
        if self._document is not None:
            self._document.changed.disconnect(self._changed)
        self._document = document
        self.view = None
        self._before = document.schedule if document is not None else None
        if document is not None:
            document.changed.connect(self._changed)
        self._use_brand()
        self._fill_picker()
        self.apply()

    def _use_brand(self) -> None:
        """The views draw pillars in the open document's brand colours and text in its font."""
        doc = self._document
        use_brand_colours(doc.strategy.brand.pillar_colours if doc is not None else {})
        before = family()
        use_brand_font(doc.strategy.brand.font if doc is not None else None)
        if family() != before and doc is not None:
            self.apply(announce=False)  # measured and drawn again in the new font

    def _changed(self, change: Change) -> None:
        self._say_impact(change)
        if change.strategy:
            self._fill_picker()
            self._use_brand()
        if self.view is not None:
            self.apply(announce=False)  # an edit can move an initiative into or out of it

    def _fill_picker(self) -> None:
        doc = self._document
        names = [v.name for v in doc.strategy.views] if doc is not None else []
        if self.view is not None and self.view.name not in names:
            self.view = None
        self.picker.blockSignals(True)
        self.picker.clear()
        self.picker.addItem(EVERYTHING)
        self.picker.addItems(names)
        self.picker.setCurrentIndex(0 if self.view is None else names.index(self.view.name) + 1)
        self.picker.blockSignals(False)
        self.picker.setEnabled(doc is not None)
        self.save_view.setEnabled(doc is not None and not doc.readonly)

    def _picked(self, index: int) -> None:
        doc = self._document
        if doc is None:
            return
        self.choose(None if index <= 0 else doc.strategy.views[index - 1].name)

    def choose(self, name: str | None) -> None:
        """Show only what the saved view `name` lets through (None: everything)."""
        doc = self._document
        views = doc.strategy.views if doc is not None else []
        self.view = next((v for v in views if v.name == name), None)
        index = 0 if self.view is None else views.index(self.view) + 1
        if self.picker.currentIndex() != index:
            self.picker.setCurrentIndex(index)
        self.apply()

    def shown(self) -> list[str] | None:
        """Keys the current view shows, or None for everything."""
        doc = self._document
        if doc is None or self.view is None or doc.schedule is None:
            return None
        return shown_keys(doc.strategy, doc.schedule, self.view)

    def apply(self, announce: bool = True) -> None:
        """Narrow the table and every roadmap view to the current view's initiatives, and
        draw in those views only what the view shows (slack, links, measures, today)."""
        keys = self.shown()
        shows = shows_of(self.view)
        self.window.initiatives.proxy.set_only(keys)
        for tab in self.window.roadmap.built():
            picture = self._narrow(tab, keys, shows)
            if picture is not None:
                refresh_view(self.window.feed, picture)
                if view_name(picture) == "board":
                    picture.board.update()  # type: ignore[union-attr]
        if announce and self.view is not None and keys is not None:
            self.window.statusBar().showMessage(
                f"View {self.view.name!r}: {len(keys)} initiative{'s' if len(keys) != 1 else ''}"
            )

    def configure(self, view: QWidget) -> None:
        """A roadmap view built now shows what the saved view lets through (drawn later)."""
        self._narrow(view, self.shown(), shows_of(self.view))

    @staticmethod
    def _narrow(
        view: QWidget, keys: list[str] | None, shows: Shows
    ) -> TimelineView | BoardView | GraphView | None:
        """Tell a timeline, board or graph what to draw (and return it); None for other views."""
        from cxroadmap.ui.views.board import BoardView
        from cxroadmap.ui.views.graph_view import GraphView
        from cxroadmap.ui.views.timeline_view import TimelineView

        if isinstance(view, TimelineView):
            view.timeline.only = keys
            view.timeline.shows = shows
            return view
        if not isinstance(view, BoardView | GraphView):
            return None
        picture = view.board if isinstance(view, BoardView) else view.graph
        picture.only_keys = set(keys) if keys is not None else None
        picture.shows = shows
        return view

    def _say_impact(self, change: Change) -> None:
        """After an edit of initiatives (a drop, a typed date, an undo), the status bar says
        what moved with it."""
        doc = self._document
        before, after = self._before, doc.schedule if doc is not None else None
        self._before = after
        if before is None or after is None or not (change.initiatives or change.dependencies):
            return
        # Only the initiatives the edit moved can have moved (found once for every view).
        impact = compare(before, after, moved_keys(change, before, after))
        if impact.anything:
            self.last_impact = impact.describe()
            self.window.statusBar().showMessage(self.last_impact, 15000)

    # -- saving a view ----------------------------------------------------------------------

    def current_filters(self, name: str) -> ViewFilter:
        """The Initiatives tab's filters and search as a view called `name`."""
        proxy = self.window.initiatives.proxy
        return ViewFilter(
            name=name,
            pillars=[proxy.pillar] if proxy.pillar else [],
            owners=[proxy.owner] if proxy.owner else [],
            phases=[proxy.phase] if proxy.phase else [],
            statuses=[proxy.status] if proxy.status else [],
            text=proxy.search,
        )

    def save_current(self, name: str) -> bool:
        doc = self._document
        if doc is None or not name.strip():
            return False
        view = self.current_filters(name.strip())
        if not doc.apply(SetViews(save_view(doc.strategy.views, view), f"Save view {name!r}")):
            return False
        self.choose(view.name)
        return True

    def ask_and_save_view(self) -> bool:
        name, ok = QInputDialog.getText(
            self.window, "Save View", "Name of the view (the table's filters and search):"
        )
        return bool(ok) and self.save_current(name)

    # -- after an export ---------------------------------------------------------------------

    def exported(self, path: Path) -> None:
        """The status bar says where; with Open the File After Export, the file opens."""
        self.window.statusBar().showMessage(f"Exported {path}", 10000)
        if self.open_after.isChecked():
            from PySide6.QtCore import QUrl  # its type and enums made when first needed
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
