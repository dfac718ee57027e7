"""The roll-up chart: a swimlane per strategy below the current one, bars by real dates."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cxroadmap.domain.pillars import pillar_colour
from cxroadmap.export import style
from cxroadmap.scheduling.cascade import Lane, strategy_label

LABEL_W = 190.0
ROW_H = 20.0
AXIS_H = 22.0
LANE_GAP = 6.0

# row, key, title, start, finish, colour, late, supports
Packed = tuple[int, str, str, dt.date, dt.date, str, bool, list[str]]


class RollupChart(QWidget):
    """Read-only: each lane is a strategy (indented by depth); dashed lines show support links
    and a red outline with ⚑ marks an initiative that finishes after the one it supports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lanes: list[Lane] = []
        self.late: set[tuple[str, str]] = set()
        self.rows: list[list[Packed]] = []
        self.first = dt.date.today()
        self.last = dt.date.today()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)
        self.setAutoFillBackground(True)

    def set_lanes(self, lanes: list[Lane], late: set[tuple[str, str]]) -> None:
        self.lanes, self.late = lanes, late
        self.rows = []
        dates: list[dt.date] = []
        for lane in lanes:
            label = strategy_label(lane.strategy)
            packed: list[Packed] = []
            ends: list[dt.date] = []
            for item in sorted(lane.items, key=lambda i: (i.start, i.finish)):
                ini = lane.strategy.initiatives.get(item.key)
                row = next((r for r, end in enumerate(ends) if end < item.start), len(ends))
                if row == len(ends):
                    ends.append(item.finish)
                # Room for the title after the bar: about a month at the usual zoom.
                ends[row] = item.finish + dt.timedelta(days=30)
                packed.append(
                    (row, item.key, item.title, item.start, item.finish,
                     pillar_colour(ini.pillar if ini else ""), (label, item.key) in late,
                     lane.supports.get(item.key, []))
                )  # fmt: skip
                dates += [item.start, item.finish]
            self.rows.append(packed)
        if dates:
            self.first, self.last = min(dates), max(dates) + dt.timedelta(days=21)
        self.updateGeometry()
        self.update()

    def lane_titles(self) -> list[str]:
        return [lane.strategy.name for lane in self.lanes]

    def sizeHint(self) -> QSize:
        rows = sum(max(1 + max((r[0] for r in lane), default=0), 1) for lane in self.rows)
        return QSize(900, int(AXIS_H + rows * ROW_H + LANE_GAP * len(self.rows) + 12))

    def _x(self, day: dt.date) -> float:
        span = max(1, (self.last - self.first).days)
        return LABEL_W + (self.width() - LABEL_W - 8) * (day - self.first).days / span

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), QColor(style.PAPER))
        if not self.lanes:
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                self.rect().adjusted(12, 12, -12, -12),
                Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                "No strategies below this one. Add department or team strategies to the "
                "document to see them roll up here.",
            )
            painter.end()
            return
        self._axis(painter)
        small = QFont(self.font())
        small.setPointSizeF(8)
        metrics = QFontMetricsF(small)
        ends: dict[str, QPointF] = {}
        starts: list[tuple[QPointF, str, bool]] = []
        y = AXIS_H
        for index, lane in enumerate(self.lanes):
            count = max(1 + max((r[0] for r in self.rows[index]), default=0), 1)
            height = count * ROW_H
            if index % 2 == 0:
                painter.fillRect(QRectF(0, y, self.width(), height), QColor(style.LANE_TINT))
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(QColor(style.INK))
            indent = 12.0 * lane.depth
            painter.drawText(
                QRectF(6 + indent, y, LABEL_W - 10 - indent, ROW_H),
                Qt.AlignmentFlag.AlignVCenter,
                lane.strategy.name,
            )
            painter.setFont(small)
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                QRectF(6 + indent, y + ROW_H * 0.8, LABEL_W - 10 - indent, ROW_H),
                Qt.AlignmentFlag.AlignVCenter,
                f"{lane.strategy.level} · {len(lane.items)} initiatives",
            )
            label = strategy_label(lane.strategy)
            for row, key, title, start, finish, colour, late, supports in self.rows[index]:
                x0, x1 = self._x(start), max(self._x(finish + dt.timedelta(days=1)), 0.0)
                x1 = max(x1, x0 + 3)
                top = y + row * ROW_H + 4
                rect = QRectF(x0, top, x1 - x0, ROW_H - 8)
                painter.setPen(QPen(QColor(style.LATE), 2) if late else Qt.PenStyle.NoPen)
                painter.setBrush(QColor(colour))
                painter.drawRoundedRect(rect, 2, 2)
                painter.setPen(QColor(style.LATE if late else style.INK))
                text = ("⚑ " if late else "") + title
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 220)
                painter.drawText(QPointF(x1 + 4, top + ROW_H / 2), text)
                anchor = QPointF(x1, top + (ROW_H - 8) / 2)
                ends[f"{label}/{key}"] = anchor
                starts += [(anchor, target, late) for target in supports]
            y += height + LANE_GAP
        for point, target, late in starts:
            end = ends.get(target)
            if end is None:
                continue
            painter.setPen(
                QPen(QColor(style.LATE if late else style.MEASURE), 1, Qt.PenStyle.DashLine)
            )
            painter.drawLine(point, end)
        painter.end()

    def _axis(self, painter: QPainter) -> None:
        painter.setPen(QColor(style.MUTED))
        day = dt.date(self.first.year, self.first.month, 1)
        while day <= self.last:
            x = self._x(day)
            if x >= LABEL_W:
                painter.setPen(QPen(QColor(style.GRID), 1))
                painter.drawLine(QPointF(x, AXIS_H - 4), QPointF(x, self.height()))
                painter.setPen(QColor(style.MUTED))
                painter.drawText(QPointF(x + 3, AXIS_H - 8), day.strftime("%b %Y"))
            day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        painter.setPen(QPen(QColor(style.INK), 1))
        painter.drawLine(QPointF(0, AXIS_H - 2), QPointF(self.width(), AXIS_H - 2))
