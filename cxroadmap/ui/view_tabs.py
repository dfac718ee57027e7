"""The roadmap views shown as tabs beside the table, each built for one open document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed
from cxroadmap.ui.selection import Selection

# A tab is built for one document, shares the window's selection and hears of changes
# through the window's feed (only while it is shown).
ViewFactory = Callable[[OpenDocument, Selection, ChangeFeed], QWidget]


def roadmap_views() -> list[tuple[str, ViewFactory]]:
    """(tab title, factory) of each roadmap view, in tab order; a view's module is imported
    when its first view is made (a tab is built when first shown)."""
    from cxroadmap.ui.cx.install import cx_views

    return [("Timeline", _timeline), ("Phases", _board), ("Dependencies", _graph), *cx_views()]


def _timeline(document: OpenDocument, selection: Selection, feed: ChangeFeed) -> QWidget:
    from cxroadmap.ui.views.timeline_view import TimelineView

    return TimelineView(document, selection, feed=feed)


def _board(document: OpenDocument, selection: Selection, feed: ChangeFeed) -> QWidget:
    from cxroadmap.ui.views.board import BoardView

    return BoardView(document, selection, feed=feed)


def _graph(document: OpenDocument, selection: Selection, feed: ChangeFeed) -> QWidget:
    from cxroadmap.ui.views.graph_view import GraphView

    return GraphView(document, selection, feed=feed)
