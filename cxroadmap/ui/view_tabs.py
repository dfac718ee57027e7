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
    """(tab title, factory) of each roadmap view, in tab order."""
    from cxroadmap.ui.cx.install import cx_views
    from cxroadmap.ui.views.board import BoardView
    from cxroadmap.ui.views.graph_view import GraphView
    from cxroadmap.ui.views.timeline_view import TimelineView

    return [
        ("Timeline", lambda doc, sel, feed: TimelineView(doc, sel, feed=feed)),
        ("Phases", lambda doc, sel, feed: BoardView(doc, sel, feed=feed)),
        ("Dependencies", lambda doc, sel, feed: GraphView(doc, sel, feed=feed)),
        *cx_views(),  # touchpoints, matrix, measures, alignment
    ]
