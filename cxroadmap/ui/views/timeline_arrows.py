"""The timeline's dependency arrows: where each one runs, and the layer that draws them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QStyleOptionGraphicsItem, QWidget

from cxroadmap.common import style
from cxroadmap.ui.paint_guard import guarded_item
from cxroadmap.ui.views.arrow_lines import on_layer, paint_arrows
from cxroadmap.ui.views.look import colour

if TYPE_CHECKING:
    from cxroadmap.ui.views.timeline_scene import TimelineScene

CRITICAL_WIDTH = 1.8  # the critical arrows' pen, the widest


def arrow_path(
    scene: TimelineScene, from_key: str, to_key: str, kind: str
) -> tuple[QPainterPath, QPolygonF]:
    """The elbow arrow of one dependency, from the bars' current geometry."""
    points, head = arrow_points(scene, from_key, to_key, kind)
    path = QPainterPath(QPointF(*points[0]))
    for x, y in points[1:]:
        path.lineTo(x, y)
    return path, head


def arrow_points(
    scene: TimelineScene, from_key: str, to_key: str, kind: str
) -> tuple[list[tuple[float, float]], QPolygonF]:
    """The corners of one dependency's elbow arrow, and its head."""
    m = scene.metrics
    (a_left, a_right, ay), (b_left, b_right, by) = scene.bar_ends(from_key), scene.bar_ends(to_key)
    from_end = kind in ("FS", "FF")
    to_start = kind in ("FS", "SS")
    ax = a_right if from_end else a_left
    bx = b_left if to_start else b_right
    out = 6.0 if from_end else -6.0
    into = -1.0 if to_start else 1.0  # which side of the target the arrow enters from
    turn, entry = ax + out, bx + into * 8
    if (turn - entry) * into >= 0:
        points = [(ax, ay), (turn, ay), (turn, by)]  # room to drop straight to the target
    else:
        # Go round: along the gap between rows, then into the target from its side.
        mid = by - m.row / 2 if by > ay else by + m.row / 2
        points = [(ax, ay), (turn, ay), (turn, mid), (entry, mid), (entry, by)]
    points.append((bx, by))
    return points, _arrow_head(QPointF(bx, by), -into)


def _arrow_head(tip: QPointF, direction: float) -> QPolygonF:
    """A small triangle pointing along x (`direction` +1 right, -1 left) with its tip at `tip`."""
    back = tip.x() - direction * 6
    return QPolygonF([tip, QPointF(back, tip.y() - 3.5), QPointF(back, tip.y() + 3.5)])


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
        self.blocks: dict[int, set[int]] = {}
        self.at: dict[str, list[int]] = {}  # the arrows from or to each initiative
        self.setZValue(-1)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_dependencies(self, deps: list[tuple[str, str, str, bool]]) -> None:
        """(from key, to key, type, critical) of each dependency between rows on show."""
        self.deps = deps
        self.blocks = {}
        self.at = {}
        rows = self.owner.rows
        for index, (a, b, _, _) in enumerate(deps):
            for block in self._blocks_of(rows[a], rows[b]):
                self.blocks.setdefault(block, set()).add(index)
            self.at.setdefault(a, []).append(index)
            self.at.setdefault(b, []).append(index)
        self.update()

    def _blocks_of(self, y_from: float, y_to: float) -> set[int]:
        height = self.owner.metrics.row * self.BLOCK
        return {int(y_from // height), int(y_to // height)}

    def follow(
        self,
        keys: Iterable[str],
        old_rows: dict[str, float],
        critical: Callable[[str, str], bool],
        area: QRectF | None = None,
    ) -> None:
        """After an edit that kept the arrows: those from or to `keys` (the bars that moved
        or changed row) are indexed by their new rows and marked red or not again; `area`
        (scene coordinates) covers every arrow that changed, or None for all of them."""
        deps, rows, blocks = self.deps, self.owner.rows, self.blocks
        for index in {i for key in keys for i in self.at.get(key, ())}:
            a, b, kind, _ = deps[index]
            deps[index] = (a, b, kind, critical(a, b))
            was = self._blocks_of(old_rows[a], old_rows[b])
            now = self._blocks_of(rows[a], rows[b])
            for block in was - now:
                blocks[block].discard(index)
            for block in now - was:
                blocks.setdefault(block, set()).add(index)
        self.redraw(area)

    def redraw(self, area: QRectF | None = None) -> None:
        """Paint again where arrows changed (scene coordinates; empty: nowhere), or everywhere
        (None). Not update(QRectF()): Qt reads an empty rectangle as the whole item."""
        if area is None or not area.isEmpty():
            self.update(QRectF() if area is None else self.mapRectFromScene(area))

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

    @guarded_item
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        area = self._visible(option, widget)
        if widget is None and painter.hasClipping() and on_layer(painter, CRITICAL_WIDTH):
            # A band of an exported image (ui/image_bands.py): arrows set on a layer come out
            # the same drawn in any order, so those crossing the band are enough.
            area = area.intersected(painter.clipBoundingRect())
        row = self.owner.metrics.row
        height = row * self.BLOCK
        # An export (no widget) may paint a band at a time: all arrows crossing it, not just ending.
        crossing = widget is None
        chosen: set[int] = set(range(len(self.deps))) if crossing else set()
        if not crossing:
            for block in range(int((area.top() - row) // height), int(area.bottom() // height) + 1):
                chosen.update(self.blocks.get(block, ()))
        rows, top, bottom = self.owner.rows, area.top() - row, area.bottom() + row
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        normal = QPen(colour(style.mix(style.DEPENDENCY, 0.7)), 1.0)
        critical_pen = QPen(colour(style.CRITICAL), CRITICAL_WIDTH)
        left, right = area.left(), area.right()
        # Plain arrows first so critical ones stay on top where they cross.
        for critical in (False, True):
            arrows, heads = [], []
            for index in sorted(chosen):
                a, b, kind, is_critical = self.deps[index]
                if is_critical != critical:
                    continue
                low, high = sorted((rows[a], rows[b]))
                if high < top or low > bottom or not (crossing or top <= low or high <= bottom):
                    continue
                points, head = arrow_points(self.owner, a, b, kind)
                xs = [x for x, _ in points]
                if max(xs) < left or min(xs) > right:
                    continue
                arrows.append(points)
                heads.append(head)
            pen = critical_pen if critical else normal
            fill = colour(style.CRITICAL if critical else style.DEPENDENCY)
            paint_arrows(painter, arrows, heads, pen, fill)
