"""The timeline's graphics items: one cheap bar per initiative, a backdrop and an arrow layer."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from cxroadmap.common import style
from cxroadmap.domain.readings import on_track
from cxroadmap.ui.views.baseline_ghosts import paint_ghost
from cxroadmap.ui.views.date_axis import ticks, unit_for
from cxroadmap.ui.views.look import colour, font

if TYPE_CHECKING:
    from cxroadmap.ui.views.timeline_scene import TimelineScene

TEXT_GAP = 14.0  # room between a bar's end and its title for the link handle
HANDLE_RADIUS = 4.0
RAG_ROOM = 11.0  # the RAG dot before a title, when the strategy is tracked


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
        self.selected = False
        self.hovered = False
        self.rag = ""  # RAG colour of the dot before the title ("" for none)
        self.generation = -1  # the scene's layout generation this bar was last placed for
        self.ghost: tuple[float, float, bool] | None = None  # the baseline's bar, x from ours
        self._text_width = 0.0
        self._rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_look(
        self, title: str, fill: str, milestone: bool, critical: bool, dropped: bool
    ) -> None:
        if title != self.title:
            self.title = title
            self._text_width = self.owner.text_width(title)
        self.fill, self.milestone, self.critical, self.dropped = fill, milestone, critical, dropped
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

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        m = self.owner.metrics
        bar = self.bar_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self.ghost is not None:
            paint_ghost(painter, self.ghost, bar)
        if self.tail > self.width and not self.milestone:
            # Slack: a thin tail to the latest finish, along the bar's foot.
            painter.setPen(QPen(colour(style.mix(self.fill, 0.55)), 1.5))
            y = bar.bottom() - 0.5
            painter.drawLine(QPointF(self.width, y), QPointF(self.tail, y))
            painter.drawLine(QPointF(self.tail, y - 3), QPointF(self.tail, y + 1))
        outline = QPen(Qt.PenStyle.NoPen)
        if self.selected:
            outline = QPen(colour(style.ACCENT), 2.5)
        elif self.critical:
            outline = QPen(colour(style.CRITICAL), 2)
        painter.setPen(outline)
        painter.setBrush(QBrush(colour(self.fill)))
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
        if self.selected or self.hovered:
            painter.setPen(QPen(colour(style.ACCENT), 1.5))
            painter.setBrush(colour(style.PAPER))
            painter.drawEllipse(self.handle_centre(), HANDLE_RADIUS, HANDLE_RADIUS)
        text_left = (bar.right() if self.milestone else max(self.width, 0.0)) + TEXT_GAP
        if self.rag:
            # The RAG status as a dot before the title (scheduling/rag.py).
            painter.setPen(QPen(colour(style.PAPER), 1))
            painter.setBrush(colour(self.rag))
            painter.drawEllipse(QPointF(text_left + 4, m.row / 2), 4, 4)
            text_left += RAG_ROOM
        label_font = font(m.label_pt, bold=self.selected or self.critical)
        label_font.setStrikeOut(self.dropped)
        painter.setFont(label_font)
        painter.setPen(colour(style.CRITICAL if self.critical else style.INK))
        if self.dropped:
            painter.setPen(colour(style.MUTED))
        painter.drawText(
            QRectF(text_left, 0, self._text_width + 8, m.row),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            self.title,
        )


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
        painter.setFont(font(m.lane_pt, bold=True))
        for top, lane in scene.lane_tops:
            if top > area.bottom() or top + m.lane_header < area.top() or not lane.label:
                continue
            header = QRectF(self._rect.left(), top, self._rect.width(), m.lane_header)
            painter.fillRect(header.intersected(area), colour(style.LANE_TINT))
            painter.setPen(QPen(colour(style.RULE), 1))
            painter.drawLine(QPointF(area.left(), top), QPointF(area.right(), top))
            # Frozen on the left: the view keeps `label_left` at the visible left edge.
            chip = QRectF(scene.label_left + 8, top + m.lane_header / 2 - 5, 10, 10)
            if lane.colour:
                painter.fillRect(chip, colour(lane.colour))
            painter.setPen(colour(style.INK))
            painter.drawText(
                QRectF(chip.right() + 6, top, 600, m.lane_header),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{lane.label}  ({len(lane.keys)})",
            )
        if scene.today_line is not None:
            x = scale.x_of(scene.today_line)
            if area.left() <= x <= area.right():
                painter.setPen(QPen(colour(style.TODAY), 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        if scene.strategy is not None and scene.flags_height:
            paint_measure_flags(painter, scene, area, self._rect.top())


def paint_measure_flags(painter: QPainter, scene: TimelineScene, area: QRectF, top: float) -> None:
    """A flag at each measure target date (the PDF's roadmap shows the same).

    Measures due the same day share a flag; a name is cut short before the next flag. A
    flag is red while a measure on it is off track (its latest reading below its line).
    """
    assert scene.strategy is not None
    scale, m = scene.scale, scene.metrics
    painter.setFont(font(m.label_pt))
    metrics = painter.fontMetrics()
    dates: dict[dt.date, list[str]] = {}
    off: set[dt.date] = set()
    for measure in scene.strategy.measures:
        if measure.target_date is not None:
            dates.setdefault(measure.target_date, []).append(measure.name)
            if on_track(measure, scene.strategy.start) is False:
                off.add(measure.target_date)
    days = sorted(dates)
    for n, day in enumerate(days):
        x = scale.x_of(day)
        room = (scale.x_of(days[n + 1]) if n + 1 < len(days) else x + 400) - x - 16
        if not area.left() - 400 <= x <= area.right():
            continue
        ink = style.OFF_TRACK if day in off else style.MEASURE
        painter.setPen(QPen(colour(style.mix(ink, 0.5)), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
        flag = QPolygonF([QPointF(x, top + 2), QPointF(x + 9, top + 5.5), QPointF(x, top + 9)])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(ink))
        painter.drawPolygon(flag)
        if room > 20:
            painter.setPen(colour(ink))
            text = metrics.elidedText(
                " · ".join(dates[day]), Qt.TextElideMode.ElideRight, int(room)
            )
            painter.drawText(QPointF(x + 12, top + 10), text)


class DependencyLayer(QGraphicsItem):
    """Every dependency arrow, drawn at paint time from the bars' geometry.

    On screen only arrows from or to a bar in view are drawn (found through an index of rows),
    so a frame costs the same at 50 or 5,000 initiatives; an export draws them all.
    """

    BLOCK = 32  # rows per index bucket

    def __init__(self, scene: TimelineScene) -> None:
        super().__init__()
        self.owner = scene
        self._rect = QRectF()
        self.deps: list[tuple[str, str, str, bool]] = []
        self.blocks: dict[int, list[int]] = {}
        self.setZValue(-1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_dependencies(self, deps: list[tuple[str, str, str, bool]]) -> None:
        """(from key, to key, type, critical) of each dependency between rows on show."""
        self.deps = deps
        self.blocks = {}
        rows = self.owner.rows
        height = self.owner.metrics.row * self.BLOCK
        for index, (a, b, _, _) in enumerate(deps):
            for block in {int(rows[a] // height), int(rows[b] // height)}:
                self.blocks.setdefault(block, []).append(index)
        self.update()

    def resize(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect

    def boundingRect(self) -> QRectF:
        return self._rect

    def _visible(self, option: QStyleOptionGraphicsItem, widget: QWidget | None) -> QRectF:
        view = widget.parentWidget() if widget is not None else None
        if isinstance(view, QGraphicsView):
            # The whole viewport, not just the exposed strip, so arrows are never half drawn.
            return view.mapToScene(view.viewport().rect()).boundingRect()
        return QRectF(option.exposedRect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        area = self._visible(option, widget)
        row = self.owner.metrics.row
        height = row * self.BLOCK
        chosen: set[int] = set()
        for block in range(int((area.top() - row) // height), int(area.bottom() // height) + 1):
            chosen.update(self.blocks.get(block, ()))
        rows = self.owner.rows
        top, bottom = area.top() - row, area.bottom() + row
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        normal = QPen(colour(style.mix(style.DEPENDENCY, 0.7)), 1.0)
        critical_pen = QPen(colour(style.CRITICAL), 1.8)
        # Plain arrows first so critical ones stay on top where they cross.
        for critical in (False, True):
            pen = critical_pen if critical else normal
            fill = colour(style.CRITICAL if critical else style.DEPENDENCY)
            for index in sorted(chosen):
                a, b, kind, is_critical = self.deps[index]
                if is_critical != critical:
                    continue
                if not (top <= rows[a] <= bottom or top <= rows[b] <= bottom):
                    continue
                path, head = self.owner.arrow_path(a, b, kind)
                box = path.boundingRect()
                if box.right() < area.left() or box.left() > area.right():
                    continue
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(path)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(fill)
                painter.drawPolygon(head)
