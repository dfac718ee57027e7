"""The roadmap views shown as tabs beside the table, each built for one open document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from cxroadmap.domain.edits import Change
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection

ViewFactory = Callable[[OpenDocument, Selection], QWidget]


def roadmap_views() -> list[tuple[str, ViewFactory]]:
    """(tab title, factory) of each roadmap view, in tab order."""
    from cxroadmap.ui.cx.install import cx_views
    from cxroadmap.ui.views.board import BoardView
    from cxroadmap.ui.views.graph_view import GraphView
    from cxroadmap.ui.views.timeline_view import TimelineView

    return [
        ("Timeline", lambda doc, sel: TimelineView(doc, sel)),
        ("Phases", lambda doc, sel: BoardView(doc, sel)),
        ("Dependencies", lambda doc, sel: GraphView(doc, sel)),
        *cx_views(),  # touchpoints, matrix, measures, alignment
    ]


class DeferredRefresh(QObject):
    """Hidden views catch up when their tab is shown, so an edit pays only for what is on screen.

    A view takes part when it has `refresh()` and listens to `changed` with
    `_document_changed`; that connection is replaced by this one.
    """

    def __init__(self, tabs: QTabWidget, document: OpenDocument) -> None:
        super().__init__(tabs)
        self.tabs = tabs
        self.document = document
        self.views: list[Any] = []
        self.stale: set[int] = set()
        document.changed.connect(self._changed)
        tabs.currentChanged.connect(self._shown)

    def adopt(self, view: Any) -> None:
        slot = getattr(view, "_document_changed", None)
        if slot is None or not callable(getattr(view, "refresh", None)):
            return
        try:
            self.document.changed.disconnect(slot)
        except (RuntimeError, TypeError):
            return  # not connected that way: leave the view to refresh itself
        self.views.append(view)

    def _changed(self, change: Change) -> None:
        current: Any = self.tabs.currentWidget()
        for view in self.views:
            if view is current:
                view.refresh()
            else:
                self.stale.add(id(view))

    def _shown(self, index: int) -> None:
        view: Any = self.tabs.widget(index)
        if id(view) in self.stale:
            self.stale.discard(id(view))
            view.refresh()

    def release(self) -> None:
        self.tabs.currentChanged.disconnect(self._shown)
        self.document.changed.disconnect(self._changed)
        self.views = []
        self.deleteLater()
