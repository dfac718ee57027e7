"""One node of the dependency graph: a pillar box with its title (cut at a word) and dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from cxroadmap.common import style
from cxroadmap.scheduling.result import ScheduledInitiative
from cxroadmap.ui.paint_guard import guarded_item
from cxroadmap.ui.views.look import colour, elide, font, text_on, wrap

if TYPE_CHECKING:
    from cxroadmap.ui.views.graph_view import GraphScene


class NodeItem(QGraphicsRectItem):
    """One initiative as a pillar-coloured box with its title and dates.

    A rect item whose rect is the node's bounds (the box and its 3 px border), drawn by
    `paint`: the graph's scene has no spatial index, so every repaint asks each of its
    nodes for its bounds, and Qt answers a rect item's in C++ (a Python `boundingRect`
    was 20,000 calls into Python per repaint of a 20,000-initiative graph).
    """

    def __init__(
        self, graph: GraphScene, key: str, title: str = "", dates: str = "", fill: str = ""
    ) -> None:
        super().__init__()
        self.graph = graph
        self.key, self.title, self.dates, self.fill = key, title, dates, fill
        self.critical = False
        self.selected = False
        self.look: tuple[object, ...] | None = None  # what the text and colours were made from
        m = graph.metrics
        self._rect = QRectF(0, 0, m.node_width, m.node_height)
        self.setRect(self._rect.adjusted(-3, -3, 3, 3))
        self.setPen(QPen(Qt.PenStyle.NoPen))  # no pen: the bounds are the rect itself
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)

    @guarded_item
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        m = self.graph.metrics
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(Qt.PenStyle.NoPen)
        if self.selected:
            pen = QPen(colour(style.ACCENT), 3)
        elif self.critical:
            pen = QPen(colour(style.CRITICAL), 2.5)
        painter.setPen(pen)
        painter.setBrush(QBrush(colour(self.fill)))
        painter.drawRoundedRect(self._rect, 6, 6)
        painter.setPen(text_on(self.fill))
        title_font = font(m.label_pt, bold=True)
        painter.setFont(title_font)
        inner = self._rect.adjusted(8, 4, -8, -4)
        line = m.label_pt * 1.75
        lines = wrap(QFontMetricsF(title_font), self.title, inner.width(), 2)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for i, value in enumerate(lines):
            painter.drawText(
                QRectF(inner.left(), inner.top() + i * line, inner.width(), line), left, value
            )
        painter.setFont(font(m.label_pt - 1))
        dates = elide(painter.fontMetrics(), self.dates, inner.width())
        painter.drawText(
            QRectF(inner.left(), inner.bottom() - line, inner.width(), line), left, dates
        )


def node_dates(item: ScheduledInitiative | None) -> str:
    if item is None:
        return ""
    if item.is_milestone:
        return f"{item.start.day} {item.start:%b %Y}"
    return f"{item.start.day} {item.start:%b} – {item.finish.day} {item.finish:%b %Y}"
