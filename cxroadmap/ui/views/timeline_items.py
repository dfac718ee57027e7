"""The timeline's graphics items: one cheap bar per initiative and the backdrop behind them."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cxroadmap.common import style
from cxroadmap.ui.paint_guard import guarded_item
from cxroadmap.ui.views.baseline_ghosts import paint_ghost
from cxroadmap.ui.views.date_axis import ticks, unit_for
from cxroadmap.ui.views.look import colour, elide, label_font, pen, progress_colour
from cxroadmap.ui.views.timeline_marks import paint_measure_flags, paint_status_line

if TYPE_CHECKING:
    from cxroadmap.ui.views.timeline_scene import TimelineScene

TEXT_GAP = 14.0  # room between a bar's end and its title for the link handle
HANDLE_RADIUS = 4.0
RAG_ROOM = 11.0  # the RAG dot before a title, when the strategy is tracked


@functools.cache
def halo() -> QColor:
    """Paper, nearly opaque: what a title sits on so no line crosses its text."""
    paper = QColor(colour(style.PAPER))
    paper.setAlpha(235)
    return paper


class BarItem(QGraphicsItem):
    """One initiative: its bar (or diamond), slack tail and title; geometry set by the scene."""

    def __init__(self, scene: TimelineScene, key: str) -> None:
        super().__init__()
        self.owner = scene
        self.key = key
        self.title = ""
        self.fill = "#9e9e9e"
        self.width = 0.0
        self.tail = 0.0
        self.milestone = False
        self.critical = False
        self.dropped = False
        self.done = 0.0  # share of the bar done (look.done_fraction): drawn as a dark strip
        self.selected = False
        self.hovered = False
        self.rag = ""  # RAG colour of the dot before the title ("" for none)
        self.generation = -1  # the scene's layout generation this bar was last placed for
        self.ghost: tuple[float, float, bool] | None = None  # the baseline's bar, x from ours
        self._text_width = 0.0
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_look(
        self,
        title: str,
        fill: str,
        milestone: bool,
        critical: bool,
        dropped: bool,
        done: float = 0.0,
    ) -> None:
        if title != self.title:
            self.title = title
            self._text_width = self.owner.text_width(title)
        self.fill, self.milestone, self.critical, self.dropped = fill, milestone, critical, dropped
        self.done = done
        self.update()

    def set_geometry(self, x: float, y: float, width: float, tail: float) -> None:
        metrics = self.owner.metrics
        self.width, self.tail = width, tail
        end = width if not self.milestone else metrics.bar / 2
        left = -metrics.bar / 2 - 2
        right = max(tail + 2, end + TEXT_GAP + self._text_width + 6 + (RAG_ROOM if self.rag else 0))
        if self.ghost is not None:
            left = min(left, self.ghost[0] - metrics.bar / 2 - 2)
            right = max(right, self.ghost[0] + self.ghost[1] + metrics.bar / 2 + 2)
        rect = QRectF(left, 0, right - left, metrics.row)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.setPos(x, y)

    def bar_rect(self) -> QRectF:
        """The bar (or the milestone's diamond box) in item coordinates."""
        m = self.owner.metrics
        top = (m.row - m.bar) / 2
        if self.milestone:
            return QRectF(-m.bar / 2, top, m.bar, m.bar)
        return QRectF(0, top, max(self.width, 2.0), m.bar)

    def handle_centre(self) -> QPointF:
        bar = self.bar_rect()
        return QPointF(bar.right() + TEXT_GAP / 2, bar.center().y())

    def boundingRect(self) -> QRectF:
        return self._rect

    def text_left(self) -> float:
        """Where the title starts, in item coordinates (after the RAG dot, if any)."""
        bar = self.bar_rect()
        left = (bar.right() if self.milestone else max(self.width, 0.0)) + TEXT_GAP
        return left + RAG_ROOM if self.rag else left

    def shown_title(self, metrics: QFontMetrics) -> str:
        """The title as drawn: whole, or presenting, cut at a word where the screen ends (the
        tooltip has it all)."""
        edge = self.owner.clip_right - self.x()
        left = self.text_left()
        if left + self._text_width <= edge:
            return self.title
        return elide(metrics, self.title, edge - left - 4, whole_words=True)

    @guarded_item
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        m = self.owner.metrics
        bar = self.bar_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.ghost is not None:
            paint_ghost(painter, self.ghost, bar)
        if self.selected:
            painter.setPen(pen(style.ACCENT, 2.5))
        else:
            painter.setPen(pen(style.CRITICAL, 2) if self.critical else Qt.PenStyle.NoPen)
        painter.setBrush(colour(self.fill))
        if self.milestone:
            c = bar.center()
            r = bar.height() / 2 + 1
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(c.x(), c.y() - r),
                        QPointF(c.x() + r, c.y()),
                        QPointF(c.x(), c.y() + r),
                        QPointF(c.x() - r, c.y()),
                    ]
                )
            )
        else:
            painter.drawRoundedRect(bar, style.BAR_RADIUS + 1, style.BAR_RADIUS + 1)
            if self.critical and not self.selected:
                painter.fillRect(
                    QRectF(bar.left(), bar.top(), bar.width(), 3), colour(style.CRITICAL)
                )
            if self.done > 0:
                # Progress as MS Project draws it: a dark strip through the bar, done part only.
                strip = bar.height() / 3
                painter.fillRect(
                    QRectF(
                        bar.left(), bar.center().y() - strip / 2, bar.width() * self.done, strip
                    ),
                    progress_colour(self.fill),
                )
        if self.selected or self.hovered:
            painter.setPen(QPen(colour(style.ACCENT), 1.5))
            painter.setBrush(colour(style.PAPER))
            painter.drawEllipse(self.handle_centre(), HANDLE_RADIUS, HANDLE_RADIUS)
        text_left = self.text_left()
        if self.rag:
            # The RAG status as a dot before the title (scheduling/rag.py).
            painter.setPen(QPen(colour(style.PAPER), 1))
            painter.setBrush(colour(self.rag))
            painter.drawEllipse(QPointF(text_left - RAG_ROOM + 4, m.row / 2), 4, 4)
        painter.setFont(label_font(m.label_pt, self.selected or self.critical, self.dropped))
        metrics = painter.fontMetrics()
        title = self.shown_title(metrics)
        self._paint_slack(painter, bar, metrics.height())
        if not title:
            return
        width = metrics.horizontalAdvance(title)
        # A halo of paper behind the title: arrows, today's line and slack pass under it.
        height = metrics.height()
        painter.fillRect(QRectF(text_left - 3, (m.row - height) / 2, width + 6, height), halo())
        painter.setPen(colour(style.CRITICAL if self.critical else style.INK))
        if self.dropped:
            painter.setPen(colour(style.MUTED))
        painter.drawText(
            QRectF(text_left, 0, width + 8, m.row),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            title,
        )

    def _paint_slack(self, painter: QPainter, bar: QRectF, text_height: float) -> None:
        """Slack: a thin tail to the latest finish along the bar's foot, or just under the
        title where large type reaches lower, so it never runs through the title's letters."""
        if self.tail > self.width and not self.milestone:
            painter.setPen(pen(self.fill, 1.5, 0.55))
            row = self.owner.metrics.row
            y = min(row - 1, max(bar.bottom() - 0.5, (row + text_height) / 2 + 1))
            painter.drawLine(QPointF(self.width, y), QPointF(self.tail, y))
            painter.drawLine(QPointF(self.tail, y - 3), QPointF(self.tail, y + 1))


class BackdropItem(QGraphicsItem):
    """Phase bands, week/month grid, swimlane headers and the today line, behind the bars."""

    def __init__(self, scene: TimelineScene) -> None:
        super().__init__()
        self.owner = scene
        self._rect = QRectF()
        self.setZValue(-10)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def resize(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect

    @guarded_item
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self.owner
        area = option.exposedRect.intersected(self._rect)
        painter.fillRect(area, colour(style.PAPER))
        scale = scene.scale
        for span in scene.phases:
            band = QRectF(
                scale.x_of(span.first),
                area.top(),
                scale.x_of(span.end) - scale.x_of(span.first),
                area.height(),
            )
            painter.fillRect(
                band.intersected(area), colour(style.mix(style.phase_tint(span.index), 0.55))
            )
        first, last = scale.date_at(area.left()), scale.date_at(area.right()) + dt.timedelta(1)
        major, minor = ticks(first, last, unit_for(scale.px_per_day))
        painter.setPen(QPen(colour(style.GRID), 1))
        for tick in minor:
            x = scale.x_of(tick.day)
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        painter.setPen(QPen(colour(style.RULE), 1))
        for tick in major:
            x = scale.x_of(tick.day)
            painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        m = scene.metrics
        for top, lane in scene.lane_tops:
            if top > area.bottom() or top + m.lane_header < area.top() or not lane.label:
                continue
            # The header's tint and rule; its name is drawn above the lines (LaneLabels).
            header = QRectF(self._rect.left(), top, self._rect.width(), m.lane_header)
            painter.fillRect(header.intersected(area), colour(style.LANE_TINT))
            painter.setPen(QPen(colour(style.RULE), 1))
            painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
        below_flags = max(area.top(), scene.flags_height)  # no line through a flag's text
        if scene.today_line is not None:
            x = scale.x_of(scene.today_line)
            if area.left() <= x <= area.right():
                painter.setPen(QPen(colour(style.TODAY), 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, below_flags), QPointF(x, area.bottom()))
        status = scene.strategy.status_date if scene.strategy is not None else None
        if status is not None:
            paint_status_line(painter, scene, area, self._rect.top(), status)
        if scene.flags_height:
            paint_measure_flags(painter, scene, area)
