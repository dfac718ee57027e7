"""The phase board (Now / Next / Later): a column per phase, a card per initiative; drag to pin."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from itertools import chain, compress, count, filterfalse
from operator import ne

from PySide6.QtCore import QObject, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsView,
    QMenu,
    QToolTip,
    QWidget,
)

from cxroadmap.common import style
from cxroadmap.domain.edits import Change, ChangeInitiative
from cxroadmap.domain.model import Strategy
from cxroadmap.domain.view_filter import EVERYTHING_SHOWN, Shows
from cxroadmap.scheduling.result import Schedule, ScheduledInitiative
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.feed import ChangeFeed, DirectFeed
from cxroadmap.ui.paint_guard import guarded_event
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.board_card import CardItem
from cxroadmap.ui.views.board_columns import paint_columns
from cxroadmap.ui.views.drag_impact import ImpactPreview
from cxroadmap.ui.views.follow import moved_keys
from cxroadmap.ui.views.look import NORMAL, Metrics, colour

GAP = 14.0
PAD = 10.0


class BoardScene(QGraphicsScene):
    """Columns named after the strategy's phases; each card sits in the phase it starts in."""

    def __init__(
        self,
        metrics: Metrics = NORMAL,
        phases: Iterable[str] | None = None,
        parent: QObject | None = None,
        keys: Iterable[str] | None = None,
        shows: Shows = EVERYTHING_SHOWN,
    ) -> None:
        super().__init__(parent)
        self.metrics = metrics
        self.shows = shows  # the board obeys "today": the current phase says TODAY
        self.today = dt.date.today()
        self.only_keys = set(keys) if keys is not None else None  # a part of the roadmap
        self.card_width = metrics.card_width
        self._made_width = self.card_width  # the width of the cards made so far
        self.per_row = 1  # cards side by side in a column (a one-phase board uses a grid)
        self._stacked = 1  # per_row as the cards were placed (1 unless one phase is shown)
        self.only_phases = list(phases) if phases is not None else None
        self.focus: str | None = None  # presentation: the phase in the spotlight
        self.cards: dict[str, CardItem] = {}
        self.columns: list[tuple[str, QRectF]] = []
        self.column_keys: dict[str, list[str]] = {}  # each column's cards, top to bottom
        self.selected: set[str] = set()
        self.strategy: Strategy | None = None
        self.schedule: Schedule | None = None
        self.error = ""
        self.setBackgroundBrush(colour(style.PAPER))

    def set_data(self, strategy: Strategy, schedule: Schedule | None, error: str = "") -> None:
        self.strategy, self.schedule, self.error = strategy, schedule, error
        self.sync()

    def follow(self, strategy: Strategy, schedule: Schedule | None, change: Change) -> bool:
        """Redraw just the cards `change` touched and move those whose place changed (each
        taken out of its column and put back where it now belongs); False (nothing done)
        when the cards must be placed again (`set_data`)."""
        if strategy is not self.strategy or self.only_keys is not None or self.schedule is None:
            return False
        moved = moved_keys(change, self.schedule, schedule)
        if moved is None or change.measures:
            return False  # (a measure's readings can change an initiative's RAG status)
        assert schedule is not None  # moved_keys is None without one
        before, items = self.schedule.items, schedule.items
        names = {before[key].phase for key in moved} | {items[key].phase for key in moved}
        if not names <= self.column_keys.keys():
            return False  # a card comes from or goes to a phase not shown
        position = dict(zip(items, range(len(items)), strict=True))

        def place(key: str) -> tuple[int, int, int]:
            # The cards of a column are sorted by start and finish, ties in schedule order:
            # the others keep their places, as their start, finish and order are the same.
            return items[key].start_day, items[key].finish_day, position[key]

        self.schedule = schedule
        for name in names:
            old = self.column_keys[name]
            keys = self.column_keys[name] = list(filterfalse(moved.__contains__, old))
            for key in sorted((k for k in moved if items[k].phase == name), key=place):
                bisect.insort(keys, key, key=place)
            column = [n for n, _ in self.columns].index(name)
            # The rows whose card changed, found at C speed (a column holds thousands):
            # those where the keys differ, then any the column did not have before.
            rows = list(compress(count(), map(ne, old, keys)))  # up to the shorter one
            for row in chain(rows, range(len(old), len(keys))):
                self.cards[keys[row]].setPos(self._spot(column, row))
        if any(items[key].phase != before[key].phase for key in moved):
            self._fit()  # a column grew and another shrank
        for key in moved:
            card = self.cards.get(key)
            if card is not None:
                card.describe(strategy, items[key])
                self._fade(card, items[key].phase)
        return True

    def _fade(self, card: CardItem, phase: str) -> None:
        """Fade a card outside the phase in the spotlight (presentation)."""
        faded = self.focus is not None and phase != self.focus
        if faded != card.faded:
            card.faded = faded
            card.setOpacity(0.35 if faded else 1.0)

    def _fit(self) -> None:
        """Make the columns as tall as the tallest, and the scene as large as the columns."""
        m, per_row = self.metrics, self._stacked
        lines = [-(-len(keys) // per_row) for keys in self.column_keys.values()]
        tallest = max([0.0, *(n * (m.card_height + PAD) for n in lines)])
        height = m.lane_header * 2.2 + PAD + max(tallest, m.card_height) + PAD
        self.columns = [(n, QRectF(r.left(), r.top(), r.width(), height)) for n, r in self.columns]
        width = per_row * (self.card_width + PAD) + PAD
        self.setSceneRect(QRectF(0, 0, GAP + len(self.columns) * (width + GAP), height + 2 * GAP))
        self.update()

    def _spot(self, column: int, row: int) -> QPointF:
        """Where the card at `row` of the `column`-th column sits (grid of a one-phase board)."""
        m, per_row = self.metrics, self._stacked
        x = GAP + column * (per_row * (self.card_width + PAD) + PAD + GAP)
        line, place = divmod(row, per_row)
        return QPointF(
            x + PAD + place * (self.card_width + PAD),
            GAP + m.lane_header * 2.2 + PAD + line * (m.card_height + PAD),
        )

    def set_selected(self, keys: Iterable[str]) -> None:
        new = set(keys)
        for key in self.selected ^ new:
            card = self.cards.get(key)
            if card is not None:
                card.selected = key in new
                card.update()
        self.selected = new

    def phase_names(self) -> list[str]:
        if self.strategy is None:
            return []
        names = self.strategy.phase_names()
        return [n for n in names if self.only_phases is None or n in self.only_phases]

    def fit_width(self, available: float) -> None:
        """Widen the cards (up to 1.8 times) so the columns fill `available` pixels; a board
        of one phase lays its cards out in a grid instead."""
        count = max(1, len(self.phase_names()))
        per_row = 1
        if count == 1:
            room = available - 2 * GAP - PAD
            per_row = max(1, int(room // (self.metrics.card_width + PAD)))
            card = room / per_row - PAD
        else:
            card = (available - GAP - count * (2 * PAD + GAP)) / count
            card = min(self.metrics.card_width * 1.8, max(self.metrics.card_width, card))
        if abs(card - self.card_width) >= 1 or per_row != self.per_row:
            self.card_width, self.per_row = card, per_row
            self.sync()

    def column_at(self, x: float) -> str | None:
        for name, rect in self.columns:
            if rect.left() - GAP / 2 <= x <= rect.right() + GAP / 2:
                return name
        return None

    def sync(self) -> None:
        """Place a card per scheduled initiative, reusing the cards already made (by key)."""
        old, self.cards = self.cards, {}
        self.columns, self.column_keys = [], {}
        strategy, schedule = self.strategy, self.schedule
        if strategy is None or schedule is None:
            for gone in old.values():
                self.removeItem(gone)
            self.setSceneRect(QRectF(0, 0, 800, 200))
            self.update()
            return
        names = [
            n for n in strategy.phase_names() if self.only_phases is None or n in self.only_phases
        ]
        by_phase: dict[str, list[ScheduledInitiative]] = {name: [] for name in names}
        for item in schedule.items.values():
            if self.only_keys is not None and item.key not in self.only_keys:
                continue
            if item.phase in by_phase:
                by_phase[item.phase].append(item)
        per_row = self._stacked = self.per_row if len(names) == 1 else 1
        width = per_row * (self.card_width + PAD) + PAD
        resized, self._made_width = self.card_width != self._made_width, self.card_width
        for i, name in enumerate(names):
            x = GAP + i * (width + GAP)
            items = sorted(by_phase[name], key=lambda s: (s.start_day, s.finish_day))
            self.column_keys[name] = [item.key for item in items]
            for row, item in enumerate(items):
                card = old.pop(item.key, None)
                made = card is None
                if card is None:
                    card = CardItem(self, item.key)
                elif resized:
                    card.set_width(self.card_width)
                self.cards[item.key] = card
                card.describe(strategy, item)
                selected = item.key in self.selected
                if card.selected != selected:
                    card.selected = selected
                    card.update()
                self._fade(card, name)
                card.setPos(self._spot(i, row))
                if made:
                    self.addItem(card)  # after setPos: placing an item already indexed costs more
            self.columns.append((name, QRectF(x, GAP, width, 0)))
        for gone in old.values():
            self.removeItem(gone)
        self._fit()

    @guarded_event
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        paint_columns(self, painter, QRectF(rect))

    def today_phase(self) -> str | None:
        """The phase today falls in, when the today mark is shown."""
        if not self.shows.today or self.strategy is None:
            return None
        for name, first, end in self.strategy.phase_bounds():
            if first <= self.today and (end is None or self.today < end):
                return name
        return None


class BoardView(QGraphicsView):
    """The board for one open document: click selects, dragging a card to a column pins it."""

    def __init__(
        self,
        document: OpenDocument,
        selection: Selection | None = None,
        metrics: Metrics = NORMAL,
        phases: Iterable[str] | None = None,
        parent: QWidget | None = None,
        editable: bool = True,
        feed: ChangeFeed | None = None,
        keys: Iterable[str] | None = None,
        shows: Shows = EVERYTHING_SHOWN,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.editable = editable
        self.selection = selection if selection is not None else Selection(self)
        self.board = BoardScene(metrics, phases, parent=self, keys=keys, shows=shows)
        self.setScene(self.board)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._press: tuple[CardItem, QPointF, QPointF] | None = None
        self.impact = ImpactPreview(document)  # what a drop would move, while dragging
        self._opened = False
        self._dragging = False
        self.selection.changed.connect(self._selection_changed)
        (feed or DirectFeed(document)).attach(self)  # builds the cards now or when first shown

    def refresh(self) -> None:
        doc = self.document
        self.board.set_data(doc.strategy, doc.schedule, doc.schedule_error or "")
        self.board.set_selected(self.selection.keys)

    def follow(self, change: Change) -> None:
        """Bring the view up to date after `change` (the feed calls this while it is shown):
        the cards it touched are redrawn; all are placed again only when one changes column
        or place in its column."""
        doc = self.document
        if not self.board.follow(doc.strategy, doc.schedule, change):
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.board.fit_width(self.viewport().width())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._opened:
            # The tab opens at the top, column headers in sight, whatever was selected before.
            self._opened = True
            self.verticalScrollBar().setValue(0)
            self.horizontalScrollBar().setValue(0)

    def _selection_changed(self, keys: list[str], source: object) -> None:
        self.board.set_selected(keys)
        if source is not self and keys and keys[-1] in self.board.cards:
            self.ensureVisible(self.board.cards[keys[-1]], 20, 20)

    def card_at(self, pos: QPoint) -> CardItem | None:
        for item in self.items(pos):
            if isinstance(item, CardItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        card = self.card_at(event.position().toPoint())
        if card is None:
            self.selection.clear(self)
            return
        if self.editable:
            self._press = (card, self.mapToScene(event.position().toPoint()), card.pos())
        self._dragging = False
        self.selection.set_keys([card.key], self)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        card, start, origin = self._press
        here = self.mapToScene(event.position().toPoint())
        if not self._dragging:
            if (here - start).manhattanLength() < QApplication.startDragDistance():
                return
            self._dragging = True
            card.setZValue(10)
            card.setOpacity(0.85)
        card.setPos(origin + (here - start))
        target = self.board.column_at(here.x())
        source = self.board.column_at(origin.x() + card.boundingRect().width() / 2)
        if target is not None and target != source:
            impact = self.impact.line(target, lambda: ChangeInitiative(card.key, {"phase": target}))
            QToolTip.showText(
                event.globalPosition().toPoint(),
                f"Pin to {target}" + (f"\n{impact}" if impact else ""),
                self,
            )
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        card, _start, origin = self._press
        dragging = self._dragging
        self._press, self._dragging = None, False
        self.impact.reset()
        QToolTip.hideText()
        if not dragging:
            return
        card.setPos(origin)
        card.setZValue(0)
        card.setOpacity(1.0)
        here = self.mapToScene(event.position().toPoint())
        target = self.board.column_at(here.x())
        source = self.board.column_at(origin.x() + card.boundingRect().width() / 2)
        if target is not None and target != source:
            self.pin(card.key, target)

    def pin(self, key: str, phase: str | None) -> bool:
        return self.document.apply(ChangeInitiative(key, {"phase": phase}))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        card = self.card_at(event.pos()) if self.editable else None
        ini = self.document.strategy.initiatives.get(card.key) if card else None
        if card is None or ini is None:
            return
        menu = QMenu(self)
        for name in self.document.strategy.phase_names():
            action = menu.addAction(f"Pin to {name}")
            action.triggered.connect(lambda _=False, n=name: self.pin(card.key, n))
        unpin = menu.addAction("Unpin")
        unpin.setEnabled(bool(ini.phase))
        unpin.triggered.connect(lambda: self.pin(card.key, None))
        menu.exec(event.globalPos())
