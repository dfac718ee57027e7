"""A small trend chart of one measure: its readings against the on-track line to the target."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cxroadmap.common import style
from cxroadmap.domain.measures import Measure, format_number
from cxroadmap.domain.readings import Trend, trend
from cxroadmap.ui.paint_guard import guarded_event


class TrendChart(QWidget):
    """Dots per reading (green on track, red off), a dashed line to the target, end labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trend: Trend | None = None
        self.unit = ""
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(360, 160)

    def show_measure(self, measure: Measure | None, start: dt.date) -> None:
        self.trend = None if measure is None else trend(measure, start)
        self.unit = "" if measure is None else measure.unit
        self.update()

    @guarded_event
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(style.PAPER))
        t = self.trend
        if t is None:
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                "No readings yet, and no baseline, target and date to draw a line",
            )
            return
        font = painter.font()
        font.setPointSizeF(8)
        painter.setFont(font)
        area = QRectF(self.rect()).adjusted(48, 10, -14, -22)
        span = max((t.last - t.first).days, 1)

        def at(day: dt.date, value: float) -> QPointF:
            x = area.left() + area.width() * (day - t.first).days / span
            y = area.bottom() - area.height() * (value - t.low) / (t.high - t.low)
            return QPointF(x, y)

        painter.setPen(QPen(QColor(style.RULE), 1))
        painter.drawRect(area)
        painter.setPen(QColor(style.MUTED))
        for value, flag in (
            (t.high, Qt.AlignmentFlag.AlignTop),
            (t.low, Qt.AlignmentFlag.AlignBottom),
        ):
            box = QRectF(0, area.top() - 2, area.left() - 4, area.height() + 4)
            text = f"{format_number(round(value, 2))} {self.unit}".strip()
            painter.drawText(box, flag | Qt.AlignmentFlag.AlignRight, text)
        below = QRectF(area.left(), area.bottom() + 3, area.width(), 16)
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft, t.first.isoformat())
        painter.drawText(below, Qt.AlignmentFlag.AlignRight, t.last.isoformat())
        if t.line:
            pen = QPen(QColor(style.ACCENT), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            path = QPainterPath(at(*t.line[0]))
            for day, value in t.line[1:]:
                path.lineTo(at(day, value))
            painter.drawPath(path)
        if t.points:
            painter.setPen(QPen(QColor(style.INK), 1.2))
            path = QPainterPath(at(t.points[0][0].date, t.points[0][0].value))
            for reading, _ in t.points[1:]:
                path.lineTo(at(reading.date, reading.value))
            painter.drawPath(path)
        for i, (reading, verdict) in enumerate(t.points):
            colour = style.track_colour(verdict)
            painter.setPen(QPen(QColor(style.PAPER), 1))
            painter.setBrush(QColor(colour))
            radius = 5.0 if i == len(t.points) - 1 else 3.5
            painter.drawEllipse(at(reading.date, reading.value), radius, radius)
