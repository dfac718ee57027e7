"""The dependency graph: layered left to right by topological generations."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, QPointF, QSize, Qt
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from cxroadmap.common import style
from cxroadmap.domain.edits import Change
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import EVERYTHING_SHOWN, Shows
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed, DirectFeed
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.follow import moved_keys
from cxroadmap.ui.views.graph_layout import READABLE, band_tops, best_bands, layers
from cxroadmap.ui.views.graph_node import NodeItem, node_dates
from cxroadmap.ui.views.look import NORMAL, Metrics, colour, font
from cxroadmap.ui.views.timeline_scene import bar_fill

Pair = tuple[str, str]

COLUMN_GAP = 80.0
ROW_GAP = 16.0
MARGIN = 24.0


class GraphScene(QGraphicsScene):
    """Nodes in columns by generation, curved edges; edges between critical nodes in red.

    Nodes and edges are kept by key and pair and updated in place on later calls; the
    layering is recomputed only when the keys (or their order) or the dependency pairs
    changed, so an edit of dates, titles or statuses does not pay for a layout or new items.
    """

    def __init__(
        self,
        metrics: Metrics = NORMAL,
        parent: QObject | None = None,
        shows: Shows = EVERYTHING_SHOWN,
    ) -> None:
        super().__init__(parent)
        self.shows = shows  # the graph obeys "links": without them, nodes in layers only
        self.only_keys: set[str] | None = None  # a saved view's initiatives (None: all)
        self.per_band: int | None = None  # generations side by side before wrapping (None: all)
        self.generations = 0
        self.strategy: Strategy | None = None  # what is shown (a saved view's part, or all)
        self.schedule: Schedule | None = None
        # No BSP index: thousands of long arrows each cover much of the scene, so indexing
        # them cost more than the whole rest of start-up at 20,000 initiatives (4,988 ms);
        # a plain scan of the items finds what a paint or a click needs in milliseconds.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.metrics = metrics
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[Pair, QGraphicsPathItem] = {}
        # What each arrow was drawn from, so an unmoved arrow keeps its path and pen (kept
        # beside plain path items: a Python subclass makes every item slower to index).
        self._ends: dict[Pair, tuple[float, float, float, float]] = {}
        self._critical: dict[Pair, bool] = {}
        self._at: dict[str, tuple[float, float]] = {}  # each node's position
        self._pairs_of: dict[str, list[Pair]] = {}  # the arrows at each node
        self.selected: set[str] = set()
        self._topology: tuple[tuple[str, ...], tuple[Pair, ...]] | None = None
        self._notice: QGraphicsSimpleTextItem | None = None
        self._pens = {
            critical: QPen(
                colour(style.CRITICAL if critical else style.DEPENDENCY),
                2.2 if critical else 1.1,
            )
            for critical in (False, True)
        }
        self.setBackgroundBrush(colour(style.PAPER))

    def set_data(self, strategy: Strategy, schedule: Schedule | None, error: str = "") -> None:
        m = self.metrics
        if schedule is not None and self.only_keys is not None:
            # A saved view on: the graph of just those initiatives and the links among them.
            from cxroadmap.scheduling.filtered import narrowed_to

            strategy, schedule = narrowed_to(strategy, schedule, self.only_keys)
        self.strategy, self.schedule = strategy, schedule
        if schedule is None:
            self.clear()
            self.nodes, self.edges, self._topology, self._pairs_of = {}, {}, None, {}
            self._ends, self._critical, self._at = {}, {}, {}
            notice = self.addSimpleText(f"Cannot schedule: {error}", font(m.heading_pt))
            notice.setBrush(colour(style.MUTED))
            notice.setPos(16, 16)
            self._notice = notice
            return
        if self._notice is not None:
            self.removeItem(self._notice)
            self._notice = None
        pairs = self._pairs(strategy)
        topology = (tuple(strategy.initiatives), pairs)
        moved = topology != self._topology
        if moved:
            self._topology = topology
            self._place(strategy)
        for key, node in self.nodes.items():
            self._describe(node, strategy, schedule.items.get(key))
        self._draw_edges(pairs, moved)
        if moved:
            self.setSceneRect(self.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def follow(self, strategy: Strategy, schedule: Schedule | None, change: Change) -> bool:
        """Redraw just the nodes `change` touched and the arrows at them; False (nothing
        done) when the graph must be laid out again (`set_data`)."""
        if strategy is not self.strategy or self.only_keys is not None or self._topology is None:
            return False
        moved = moved_keys(change, self.schedule, schedule)
        if moved is None or tuple(strategy.initiatives) != self._topology[0]:
            return False
        assert schedule is not None  # moved_keys is None without one
        self.schedule = schedule
        nodes = self.nodes
        for key in moved:
            self._describe(nodes[key], strategy, schedule.items.get(key))
        for pair in {pair for key in moved for pair in self._pairs_of.get(key, ())}:
            self._colour(
                pair, self.edges[pair], nodes[pair[0]].critical and nodes[pair[1]].critical
            )
        return True

    def relayout(self) -> None:
        """Place the nodes again (after `per_band` changed) and redraw the edges."""
        if self.strategy is None or self.schedule is None:
            return
        self._place(self.strategy)
        self._draw_edges(self._pairs(self.strategy), True)
        self.setSceneRect(self.itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN))

    def _pairs(self, strategy: Strategy) -> tuple[Pair, ...]:
        """The links drawn: none when the saved view hides links (nodes stay in layers)."""
        return tuple(d.pair for d in strategy.dependencies) if self.shows.links else ()

    def _place(self, strategy: Strategy) -> None:
        """Lay the nodes out by generation, reusing the ones already made; with `per_band`,
        a long chain of generations wraps into bands one under the other."""
        m = self.metrics
        old, self.nodes, self._at = self.nodes, {}, {}
        columns = layers(strategy)
        self.generations = len(columns)
        per_band = self.per_band or max(1, len(columns))
        tops = band_tops(columns, per_band, m.node_height + ROW_GAP)
        for index, keys in enumerate(columns):
            band, column = divmod(index, per_band)
            for row, key in enumerate(keys):
                node = old.pop(key, None)
                made = node is None
                if node is None:
                    node = NodeItem(self, key)
                at = self._at[key] = (
                    MARGIN + column * (m.node_width + COLUMN_GAP),
                    MARGIN + tops[band] + row * (m.node_height + ROW_GAP),
                )
                node.setPos(*at)
                if made:
                    self.addItem(node)  # after setPos: placing an item already indexed costs more
                self.nodes[key] = node
        for node in old.values():
            self.removeItem(node)

    def _describe(
        self, node: NodeItem, strategy: Strategy, item: ScheduledInitiative | None
    ) -> None:
        ini = strategy.initiatives[node.key]
        selected = node.key in self.selected
        if selected != node.selected:
            node.selected = selected
            node.update()
        look = (ini.title, ini.pillar, ini.status) + (
            (item.start, item.finish, item.is_milestone, item.critical) if item else ()
        )
        if look == node.look:
            return
        node.look = look
        node.title, node.dates = ini.title, node_dates(item)
        node.fill = bar_fill(ini.pillar, ini.status)
        node.critical = bool(item and item.critical)
        node.setToolTip(f"{ini.title} ({node.key})\n{node.dates}")
        node.update()

    def _draw_edges(self, pairs: tuple[Pair, ...], moved: bool) -> None:
        """Arrows between the nodes' sides; red and on top where both ends are critical."""
        nodes = self.nodes
        if moved:
            old, self.edges = self.edges, {}
            at = self._at
            for pair in pairs:
                a, b = nodes.get(pair[0]), nodes.get(pair[1])
                if a is None or b is None or pair in self.edges:
                    continue
                ends = at[pair[0]] + at[pair[1]]
                edge = old.pop(pair, None)
                if edge is None:
                    edge = QGraphicsPathItem(self._path(ends))
                    self._ends[pair] = ends
                    self._colour(pair, edge, a.critical and b.critical)
                    self.addItem(edge)  # after its path: indexing a placed item is cheaper
                elif ends != self._ends[pair]:
                    self._ends[pair] = ends
                    edge.setPath(self._path(ends))
                self.edges[pair] = edge
            for pair, gone in old.items():
                self.removeItem(gone)
                del self._ends[pair], self._critical[pair]
            self._pairs_of = {}
            for pair in self.edges:
                self._pairs_of.setdefault(pair[0], []).append(pair)
                self._pairs_of.setdefault(pair[1], []).append(pair)
        for pair, edge in self.edges.items():
            self._colour(pair, edge, nodes[pair[0]].critical and nodes[pair[1]].critical)

    def _colour(self, pair: Pair, edge: QGraphicsPathItem, critical: bool) -> None:
        if critical != self._critical.get(pair):
            self._critical[pair] = critical
            edge.setPen(self._pens[critical])
            edge.setZValue(1 if critical else 0)
            edge.setData(0, critical)

    def _path(self, ends: tuple[float, float, float, float]) -> QPainterPath:
        """A curve from the right side of the node at (ax, ay) to the left side of (bx, by)."""
        m = self.metrics
        ax, ay, bx, by = ends
        start = QPointF(ax + m.node_width, ay + m.node_height / 2)
        end = QPointF(bx, by + m.node_height / 2)
        bend = max(30.0, (end.x() - start.x()) / 2)
        path = QPainterPath(start)
        path.cubicTo(start + QPointF(bend, 0), end - QPointF(bend, 0), end)
        path.moveTo(end)
        path.lineTo(end + QPointF(-7, -4))
        path.moveTo(end)
        path.lineTo(end + QPointF(-7, 4))
        return path

    def set_selected(self, keys: Iterable[str]) -> None:
        new = set(keys)
        for key in self.selected ^ new:
            node = self.nodes.get(key)
            if node is not None:
                node.selected = key in new
                node.update()
        self.selected = new


class GraphView(QGraphicsView):
    """The graph of one open document; clicking a node selects it in every view."""

    def __init__(
        self,
        document: OpenDocument,
        selection: Selection | None = None,
        metrics: Metrics = NORMAL,
        parent: QWidget | None = None,
        feed: ChangeFeed | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection if selection is not None else Selection(self)
        self.graph = GraphScene(metrics, parent=self)
        self.setScene(self.graph)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.selection.changed.connect(self._selection_changed)
        # Fitted to the window (as Ctrl+0 does) when shown and when resized, until the user
        # zooms; the size it was last fitted at.
        self.auto_fit, self._fitted_at = True, QSize()
        (feed or DirectFeed(document)).attach(self)  # lays the graph out now or when first shown

    def refresh(self) -> None:
        doc = self.document
        self.graph.selected = set(self.selection.keys)
        self.graph.set_data(doc.strategy, doc.schedule, doc.schedule_error or "")
        self._fit_once()

    def _fit_once(self) -> None:
        """Fit for the size the view has on screen (not one it passes through while hidden);
        an edit that lays the graph out again keeps the zoom and the wrapping."""
        size = self.viewport().size()
        roomy = size.width() > 300 and size.height() > 200
        new = size != self._fitted_at and self.isVisible()
        if self.auto_fit and roomy and new and self.graph.nodes:
            self.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_once()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_once()

    def follow(self, change: Change) -> None:
        """Bring the view up to date after `change` (the feed calls this while it is shown):
        the nodes it touched are redrawn; the graph is laid out again only when its
        initiatives or links changed."""
        doc = self.document
        if not self.graph.follow(doc.strategy, doc.schedule, change):
            self.refresh()

    def _selection_changed(self, keys: list[str], source: object) -> None:
        self.graph.set_selected(keys)
        if source is not self and keys and keys[-1] in self.graph.nodes:
            self.ensureVisible(self.graph.nodes[keys[-1]], 30, 30)

    def zoom_by(self, factor: float) -> None:
        self.auto_fit = False  # the user's zoom from now on
        current = self.transform().m11()
        factor = min(3.0, max(0.1, current * factor)) / current
        self.scale(factor, factor)

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(1 / 1.25)

    def fit(self) -> None:
        """Fill the window: wrap the generations into as many bands as make the graph's shape
        closest to the window's, then zoom so it fits, never below READABLE (the rest
        scrolls) and never magnified."""
        scene, port = self.graph, self.viewport().rect()
        m = scene.metrics
        columns = layers(scene.strategy) if scene.strategy is not None else []
        cell = (m.node_width + COLUMN_GAP, m.node_height + ROW_GAP)
        best: int | None
        best, best_factor = best_bands(columns, cell, (port.width(), port.height()), MARGIN)
        if not columns:
            best = None
        if best_factor < READABLE:
            # Not all of it can be readable at once: as many generations side by side as
            # fit the width at the readable zoom, and the bands scroll down.
            room = port.width() / READABLE - 2 * MARGIN
            best = max(1, min(len(columns), int(room // (m.node_width + COLUMN_GAP))))
            best_factor = READABLE
        if best != scene.per_band and scene.strategy is not None and scene.schedule is not None:
            scene.per_band = best
            scene.relayout()
        self.resetTransform()
        factor = max(READABLE, min(1.0, best_factor)) if best is not None else 1.0
        self.scale(factor, factor)
        self.horizontalScrollBar().setValue(0)
        self.verticalScrollBar().setValue(0)
        self.auto_fit, self._fitted_at = True, self.viewport().size()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self.zoom_by(1.25 ** (event.angleDelta().y() / 120))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        actions = {
            Qt.Key.Key_Plus: self.zoom_in,
            Qt.Key.Key_Equal: self.zoom_in,
            Qt.Key.Key_Minus: self.zoom_out,
            Qt.Key.Key_0: self.fit,
        }
        action = actions.get(Qt.Key(event.key())) if ctrl else None
        if action is None:
            super().keyPressEvent(event)
        else:
            action()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            for item in self.items(event.position().toPoint()):
                if isinstance(item, NodeItem):
                    self.selection.set_keys([item.key], self)
                    return
        super().mousePressEvent(event)
