"""The interactive timeline: pinned date axis, zoom, hover explanations and drag-to-edit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from cxroadmap.common import style
from cxroadmap.domain.edits import AddDependency, Change, ChangeInitiative
from cxroadmap.domain.model import Dependency, Strategy
from cxroadmap.domain.view_filter import EVERYTHING_SHOWN, Shows
from cxroadmap.scheduling.result import Schedule
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed, DirectFeed
from cxroadmap.ui.paint_guard import guarded_event
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.date_axis import paint_axis
from cxroadmap.ui.views.drag_impact import ImpactPreview
from cxroadmap.ui.views.look import NORMAL, Metrics, colour
from cxroadmap.ui.views.timeline_items import HANDLE_RADIUS, TEXT_GAP, BarItem
from cxroadmap.ui.views.timeline_layout import milestone_day
from cxroadmap.ui.views.timeline_marks import fit_text_to, fit_view, text_at
from cxroadmap.ui.views.timeline_scene import TimelineScene

ZOOM_STEP = 1.25


class AxisHeader(QWidget):
    """The date axis above the viewport; it scrolls sideways with the scene, never away."""

    @guarded_event
    def paintEvent(self, event: QPaintEvent) -> None:
        # The view is asked of Qt (the parent) rather than kept in an attribute: the garbage
        # collector empties the attributes of every object of a cycle (a view and its header
        # were one) before Qt has deleted the widgets, and a paint then raised. A view not,
        # or no longer, whole has nothing to draw.
        view = self.parentWidget()
        scene = getattr(view, "timeline", None)
        if not isinstance(view, TimelineView) or scene is None:
            return
        painter = QPainter(self)
        left = view.mapToScene(QPoint(0, 0)).x()
        painter.translate(-left, 0)
        paint_axis(
            painter,
            scene.scale,
            scene.phases,
            left,
            min(left + self.width(), scene.sceneRect().right()),
            scene.metrics,
            scene.today_line,
        )
        painter.end()


class TimelineView(QGraphicsView):
    """Shows a TimelineScene for one open document; edits go through `document.apply`."""

    def __init__(
        self,
        document: OpenDocument,
        selection: Selection | None = None,
        metrics: Metrics = NORMAL,
        parent: QWidget | None = None,
        keys: Iterable[str] | None = None,
        bounds: tuple[dt.date, dt.date] | None = None,
        editable: bool = True,
        feed: ChangeFeed | None = None,
        shows: Shows = EVERYTHING_SHOWN,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.editable = editable
        # When set, what to show instead of the document: () -> (strategy, schedule, error).
        self.source: Callable[[], tuple[Strategy, Schedule | None, str]] | None = None
        self.selection = selection if selection is not None else Selection(self)
        self.timeline = TimelineScene(metrics, keys=keys, bounds=bounds, parent=self, shows=shows)
        self.setScene(self.timeline)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.header = AxisHeader(self)
        self.setViewportMargins(0, int(metrics.axis), 0, 0)
        self._press: tuple[str, str, QPointF] | None = None  # key, "move"/"link", scene point
        self.impact = ImpactPreview(document)  # what a drop would move, while dragging
        self._dragging = False
        self._hover: BarItem | None = None
        self.ghost = QGraphicsRectItem()
        self.ghost.setPen(QPen(colour(style.ACCENT), 1.5, Qt.PenStyle.DashLine))
        self.ghost.setZValue(10)
        self.ghost.hide()
        self.link_line = QGraphicsLineItem()
        self.link_line.setPen(QPen(colour(style.ACCENT), 2, Qt.PenStyle.DashLine))
        self.link_line.setZValue(10)
        self.link_line.hide()
        self.timeline.addItem(self.ghost)
        self.timeline.addItem(self.link_line)
        self.horizontalScrollBar().valueChanged.connect(self.header.update)
        self.selection.changed.connect(self._selection_changed)
        self._fitted = 0  # the viewport width the roadmap was fitted to (0: not yet)
        (feed or DirectFeed(document)).attach(self)  # lays the bars out now or when first shown

    # -- keeping up with the document ---------------------------------------------------

    def refresh(self) -> None:
        doc = self.document
        if self.source is not None:
            # Another picture of the document (the cascade roll-up): read-only.
            self.timeline.set_data(*self.source())
        else:
            self.timeline.set_data(doc.strategy, doc.schedule, doc.schedule_error or "")
        self.timeline.set_selected(self.selection.keys)
        self.show_visible_rows()
        self.header.update()
        self._fit_once()

    def show_visible_rows(self) -> None:
        """Make sure the bars on screen, and a screen's worth around them, are placed."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        margin = visible.height()
        self.timeline.ensure_rows(visible.top() - margin, visible.bottom() + margin)

    @guarded_event
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        self.timeline.ensure_rows(rect.top(), rect.bottom())
        super().drawBackground(painter, rect)

    def follow(self, change: Change) -> None:
        """Bring the view up to date after `change` (the feed calls this while it is shown):
        the bars that moved are placed again; the rows only when a lane or an order changed."""
        doc = self.document
        if self.source is None and self.timeline.follow(doc.strategy, doc.schedule, change):
            self.header.update()  # the roadmap may end on another day
            return
        self.refresh()

    def _selection_changed(self, keys: list[str], source: object) -> None:
        self.timeline.set_selected(keys)
        if source is not self and keys and keys[-1] in self.timeline.geom:
            self.ensureVisible(self.timeline.bar_rect(keys[-1]), 40, 40)

    # -- zoom ----------------------------------------------------------------------------

    @property
    def px_per_day(self) -> float:
        return self.timeline.px_per_day

    def set_zoom(self, px_per_day: float, anchor: int | None = None) -> None:
        """Zoom horizontally, keeping the date under viewport x `anchor` (default: centre)."""
        x = self.viewport().width() // 2 if anchor is None else anchor
        day_offset = (self.mapToScene(QPoint(x, 0)).x() - self.timeline.scale.left) / (
            self.timeline.px_per_day
        )
        self.timeline.set_px_per_day(px_per_day)
        target = self.timeline.scale.left + day_offset * self.timeline.px_per_day
        bar = self.horizontalScrollBar()
        bar.setValue(round(target - x - self.sceneRect().left()))
        self.show_visible_rows()
        self.header.update()
        self.viewport().update()

    def zoom_in(self) -> None:
        self.set_zoom(self.px_per_day * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.px_per_day / ZOOM_STEP)

    def fit(self) -> None:
        """Whole roadmap across the window's width."""
        fit_view(self)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.px_per_day * ZOOM_STEP**steps, int(event.position().x()))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) and ctrl:
            self.zoom_in()
        elif key == Qt.Key.Key_Minus and ctrl:
            self.zoom_out()
        elif key == Qt.Key.Key_0 and ctrl:
            self.fit()
        elif key == Qt.Key.Key_Escape and self._press is not None:
            self._cancel_drag()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rect = self.viewport().geometry()
        self.header.setGeometry(
            rect.left(),
            rect.top() - int(self.timeline.metrics.axis),
            rect.width(),
            int(self.timeline.metrics.axis),
        )
        self._fit_once()

    def _fit_once(self) -> None:
        """Fit the roadmap to the width once, when it has bars and the view its real width
        (a tab built only when first shown may be sized before its data arrives)."""
        width = self.viewport().width()
        # A presentation (read-only) never zooms by hand: it fits again whenever its width
        # changes (it is laid out at a passing width before its screen's).
        again = not self.editable and self._fitted != width
        if (not self._fitted or again) and width > 300 and self.timeline.geom:
            self._fitted = width
            self.fit()
        fit_text_to(self)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.show_visible_rows()
        if dx:
            self.header.update()
            # Swimlane names stay frozen at the left edge while the dates scroll.
            self.timeline.label_left = max(0.0, self.mapToScene(0, 0).x())
            self.viewport().update()

    # -- hover ---------------------------------------------------------------------------

    def bar_at(self, pos: QPoint) -> BarItem | None:
        for item in self.items(pos):
            if isinstance(item, BarItem):
                return item
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos())  # else a lane's name or a flag: its full text
            point = self.mapToScene(event.pos())
            text = self.timeline.tooltip(bar.key) if bar else text_at(self.timeline, point)
            QToolTip.showText(event.globalPos(), text, self)  # none: hides it
            return True
        return super().viewportEvent(event)

    def _set_hover(self, bar: BarItem | None) -> None:
        if not self.editable:
            bar = None  # a hovered bar shows its link handle: nothing to edit, nothing to show
        if bar is self._hover:
            return
        for item in (self._hover, bar):
            if item is not None:
                item.hovered = item is bar
                item.update()
        self._hover = bar

    # -- dragging ------------------------------------------------------------------------

    def _on_handle(self, bar: BarItem, scene_pos: QPointF) -> bool:
        local = bar.mapFromScene(scene_pos)
        centre = bar.handle_centre()
        return (
            abs(local.x() - centre.x()) <= TEXT_GAP / 2 + 1
            and abs(local.y() - centre.y()) <= HANDLE_RADIUS + 4
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        pos = event.position().toPoint()
        bar = self.bar_at(pos)
        scene_pos = self.mapToScene(pos)
        if bar is None:
            self.selection.clear(self)
            self._press = None
            return
        link = self._on_handle(bar, scene_pos) or bool(
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        editable = self.editable and self.source is None
        self._press = (bar.key, "link" if link else "move", scene_pos) if editable else None
        self._dragging = False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            keys = self.selection.keys
            keys = [k for k in keys if k != bar.key] if bar.key in keys else [*keys, bar.key]
            self.selection.set_keys(keys, self)
        elif bar.key not in self.selection.keys or len(self.selection.keys) > 1:
            self.selection.set_keys([bar.key], self)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._press is None:
            bar = self.bar_at(pos)
            self._set_hover(bar)
            over_handle = bar is not None and self._on_handle(bar, self.mapToScene(pos))
            self.viewport().setCursor(
                Qt.CursorShape.CrossCursor
                if over_handle
                else Qt.CursorShape.SizeHorCursor
                if bar is not None
                else Qt.CursorShape.ArrowCursor
            )
            super().mouseMoveEvent(event)
            return
        key, mode, start = self._press
        scene_pos = self.mapToScene(pos)
        if not self._dragging:
            moved = (scene_pos - start).manhattanLength()
            if moved < QApplication.startDragDistance():
                return
            self._dragging = True
        bar = self.timeline.bars[key]
        if mode == "move":
            rect = bar.mapRectToScene(bar.bar_rect())
            scale = self.timeline.scale
            day = scale.nearest_date(rect.left() + scene_pos.x() - start.x())
            left = scale.x_of(day)
            self.ghost.setRect(QRectF(left, rect.top(), rect.width(), rect.height()))
            self.ghost.show()
            impact = self.impact.line(
                day, lambda: ChangeInitiative(key, {"not_before": day})
            )  # fmt: skip
            QToolTip.showText(
                event.globalPosition().toPoint(),
                f"Not before {day:%a %d %b %Y}" + (f"\n{impact}" if impact else ""),
                self,
            )
        else:
            origin = bar.mapToScene(bar.handle_centre())
            self.link_line.setLine(origin.x(), origin.y(), scene_pos.x(), scene_pos.y())
            self.link_line.show()
            self._set_hover(self.bar_at(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        key, mode, start = self._press
        dragging = self._dragging
        self._cancel_drag()
        if not dragging:
            return
        pos = event.position().toPoint()
        scene_pos = self.mapToScene(pos)
        if mode == "move":
            self.move_to(key, scene_pos.x() - start.x())
        else:
            target = self.bar_at(pos)
            if target is not None and target.key != key:
                self.document.apply(AddDependency(Dependency(key, target.key)))

    def move_to(self, key: str, dx: float) -> bool:
        """Set `key`'s not-before date to where its bar was dragged by `dx` scene pixels."""
        scale = self.timeline.scale
        item = self.document.schedule.items[key] if self.document.schedule else None
        if item is None:
            return False
        # A milestone's diamond sits on the edge of its moment, which is where it will start.
        left = self.timeline.bar_x(key)
        day = scale.nearest_date(left + dx)
        if day == (milestone_day(item) if item.is_milestone else item.start):
            return False
        return self.document.apply(ChangeInitiative(key, {"not_before": day}))

    def _cancel_drag(self) -> None:
        self.impact.reset()
        self._press = None
        self._dragging = False
        self.ghost.hide()
        self.link_line.hide()
        QToolTip.hideText()

    # -- export helpers ------------------------------------------------------------------
