"""The roadmap views shown as tabs beside the table, each built for one open document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection

ViewFactory = Callable[[OpenDocument, Selection], QWidget]


def roadmap_views() -> list[tuple[str, ViewFactory]]:
    """(tab title, factory) of each roadmap view, in tab order."""
    from cxroadmap.ui.views.board import BoardView
    from cxroadmap.ui.views.graph_view import GraphView
    from cxroadmap.ui.views.timeline_view import TimelineView

    return [
        ("Timeline", lambda doc, sel: TimelineView(doc, sel)),
        ("Phases", lambda doc, sel: BoardView(doc, sel)),
        ("Dependencies", lambda doc, sel: GraphView(doc, sel)),
    ]
