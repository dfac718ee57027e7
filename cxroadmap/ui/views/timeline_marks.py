"""Timeline text that lines must not cross: swimlane names and the measures' target-date flags."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from cxroadmap.common import style
from cxroadmap.domain.readings import on_track
from cxroadmap.ui.paint_guard import guarded_item
from cxroadmap.ui.views.look import colour, elide, font

if TYPE_CHECKING:
    from cxroadmap.ui.views.timeline_scene import TimelineScene
    from cxroadmap.ui.views.timeline_view import TimelineView

FLAG_TEXT_GAP = 12.0  # from a flag's pole to its text
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def lane_labels(scene: TimelineScene) -> list[tuple[QRectF, str, str, str]]:
    """(box, text shown, full text, lane colour) of each swimlane name at the view's left
    edge: the box holds the colour chip and the name, cut at a word to the room there is."""
    m = scene.metrics
    metrics = QFontMetricsF(font(m.lane_pt, bold=True))
    left = scene.label_left
    room = scene.label_room - 8 - 10 - 6 - 12
    out = []
    for top, lane in scene.lane_tops:
        if not lane.label:
            continue
        full = f"{lane.label}  ({len(lane.keys)})"
        shown = elide(metrics, full, room)
        width = 8 + 10 + 6 + metrics.horizontalAdvance(shown) + 8
        box = QRectF(left + 2, top + 1, width, m.lane_header - 2)
        out.append((box, shown, full, lane.colour))
    return out


class LaneLabels(QGraphicsItem):
    """Swimlane names above the arrows and lines, each on a box of the header's tint, so no
    line (a critical path, today's line, a measure's target) runs through a name."""

    def __init__(self, scene: TimelineScene) -> None:
        super().__init__()
        self.owner = scene
        self._rect = QRectF()
        self.setZValue(1)
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
        scene, area = self.owner, option.exposedRect
        m = scene.metrics
        painter.setFont(font(m.lane_pt, bold=True))
        for box, shown, _, lane_colour in lane_labels(scene):
            if not box.intersects(area):
                continue
            painter.fillRect(box, colour(style.LANE_TINT))
            chip = QRectF(box.left() + 6, box.center().y() - 5, 10, 10)
            if lane_colour:
                painter.fillRect(chip, colour(lane_colour))
            painter.setPen(colour(style.INK))
            text = QRectF(chip.right() + 6, box.top(), box.right() - chip.right() - 6, box.height())
            painter.drawText(text, LEFT, shown)


def flag_labels(scene: TimelineScene) -> list[tuple[float, QRectF, str, str]]:
    """(x, text box, text shown, full text) of each target-date flag, in date order: measures
    due the same day share a flag; a text is cut at a word before the next flag or the
    scene's right edge."""
    strategy = scene.strategy
    if strategy is None or not scene.flags_height:
        return []
    metrics = QFontMetricsF(font(scene.metrics.label_pt))
    dates: dict[dt.date, list[str]] = {}
    for measure in strategy.measures:
        if measure.target_date is not None:
            dates.setdefault(measure.target_date, []).append(measure.name)
    days = sorted(dates)
    edge = min(scene.sceneRect().right(), scene.clip_right)
    out = []
    for n, day in enumerate(days):
        x = scene.scale.x_of(day)
        following = scene.scale.x_of(days[n + 1]) if n + 1 < len(days) else edge
        room = min(following, edge) - x - FLAG_TEXT_GAP - 6
        full = " · ".join(dates[day])
        shown = elide(metrics, full, room, whole_words=True) if room > 0 else ""
        width = metrics.horizontalAdvance(shown)
        out.append((x, QRectF(x + FLAG_TEXT_GAP, 0, width, scene.flags_height), shown, full))
    return out


def paint_measure_flags(painter: QPainter, scene: TimelineScene, area: QRectF) -> None:
    """A flag at each measure's target date in the strip above the first lane (the PDF's
    roadmap shows the same), and a dotted line down from it behind the bars; red while a
    measure on it is off track."""
    strip = scene.flags_height
    painter.setFont(font(scene.metrics.label_pt))
    middle = strip / 2
    assert scene.strategy is not None
    # A flag is red while a measure on it is off track (its latest reading below its line).
    off = {
        scene.scale.x_of(m.target_date)
        for m in scene.strategy.measures
        if m.target_date is not None and on_track(m, scene.strategy.start) is False
    }
    for x, box, shown, _ in flag_labels(scene):
        if x > area.right() or (box.right() < area.left() and x < area.left()):
            continue
        ink = style.OFF_TRACK if x in off else style.MEASURE
        painter.setPen(QPen(colour(style.mix(ink, 0.5)), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(x, strip), QPointF(x, area.bottom()))
        painter.setPen(QPen(colour(ink), 1))
        painter.drawLine(QPointF(x, middle - 6), QPointF(x, strip))
        flag = QPolygonF(
            [QPointF(x, middle - 6), QPointF(x + 9, middle - 2.5), QPointF(x, middle + 1)]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour(ink))
        painter.drawPolygon(flag)
        if shown:
            painter.setPen(colour(ink))
            painter.drawText(box.adjusted(0, 0, 4, 0), LEFT, shown)


def text_at(scene: TimelineScene, point: QPointF) -> str:
    """The full text of the lane name or measure flag under `point` (for its tooltip)."""
    for box, _, full, _ in lane_labels(scene):
        if box.contains(point):
            return full
    for x, box, _, full in flag_labels(scene):
        if QRectF(x - 2, 0, box.right() - x + 6, box.height()).contains(point):
            return full
    return ""


def fit_text_to(view: TimelineView) -> None:
    """Lane names fit the view's width; presenting (nothing scrolls), titles end at its
    right edge."""
    view.timeline.label_room = float(view.viewport().width())
    if not view.editable:
        view.timeline.clip_right = view.mapToScene(view.viewport().rect().topRight()).x()


def fit_view(view: TimelineView) -> None:
    """The whole roadmap across the view's width, titles included."""
    scene = view.timeline
    days = max(1, scene.total_days())
    width = max(200, view.viewport().width() - 8)
    scene.set_px_per_day(width * 0.85 / days)
    # Titles stick out past the last bar by about the same amount at any zoom, so one
    # correction makes the whole roadmap, titles included, fit.
    overhang = scene.content_right - scene.scale.x_of(scene.window[1]) + 24
    scene.set_px_per_day(max(width * 0.4, width - overhang) / days)
    if not view.editable:
        widest_that_fits(scene, width, days)
    view.horizontalScrollBar().setValue(0)
    fit_text_to(view)
    view.show_visible_rows()
    view.header.update()


def widest_that_fits(scene: TimelineScene, width: float, days: int) -> None:
    """A presentation's step (a few bars) as wide as its screen: the one correction of `fit`
    leaves a margin when an earlier bar's long title, not the last bar's, reaches furthest
    right; the largest zoom at which every title still ends inside is bisected for."""
    if scene.content_right + 24 > width:
        return  # titles too long to fit at any zoom: keep `fit`'s
    low, high = scene.px_per_day, width / days
    for _ in range(10):
        middle = (low + high) / 2
        scene.set_px_per_day(middle)
        low, high = (middle, high) if scene.content_right + 24 <= width else (low, middle)
    scene.set_px_per_day(low)


def paint_status_line(
    painter: QPainter, scene: TimelineScene, area: QRectF, top: float, day: dt.date
) -> None:
    """The status date: a solid line at the start of that day, labelled at the top."""
    x = scene.scale.x_of(day)
    if not area.left() - 80 <= x <= area.right():
        return
    painter.setPen(QPen(colour(style.STATUS_DATE), 2))
    painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
    painter.setFont(font(scene.metrics.label_pt, bold=True))
    painter.setPen(colour(style.STATUS_DATE))
    painter.drawText(QPointF(x + 4, top + 12), f"Status {day.isoformat()}")
