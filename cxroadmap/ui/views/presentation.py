"""Presentation mode: full screen, large type, no editing chrome, one phase per step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cxroadmap.common import style
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.board_card import short_range
from cxroadmap.ui.views.look import LARGE, NORMAL, Metrics, font
from cxroadmap.ui.views.timeline_layout import finish_of, lanes_of
from cxroadmap.ui.views.timeline_view import TimelineView

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp)
HINT = "← →  step    T  timeline    B  board    Esc  leave"


class PresentationWindow(QWidget):
    """Step 0 shows the whole roadmap, then one step per phase; Esc (or closing) leaves."""

    left = Signal()

    def __init__(
        self,
        document: OpenDocument,
        selection: Selection | None = None,
        mode: str = "timeline",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.document = document
        self.selection = selection if selection is not None else Selection(self)
        self.mode = mode if mode in ("timeline", "board") else "timeline"
        self.step = 0
        self.body: QWidget | None = None
        self.setWindowTitle(f"{document.strategy.name} – presentation")
        self.setStyleSheet(f"background: {style.PAPER};")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel()
        self.title.setFont(font(LARGE.heading_pt * 1.5, bold=True))
        self.title.setStyleSheet(f"color: {style.ACCENT};")
        self.subtitle = QLabel()
        self.subtitle.setFont(font(LARGE.label_pt + 2))
        self.subtitle.setStyleSheet(f"color: {style.MUTED};")
        self.counter = QLabel()
        self.counter.setFont(font(LARGE.label_pt + 2, bold=True))
        self.counter.setStyleSheet(f"color: {style.MUTED};")
        self.hint = QLabel(HINT)
        self.hint.setFont(font(LARGE.label_pt))
        self.hint.setStyleSheet(f"color: {style.FAINT};")
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(32, 24, 32, 12)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight)
        self.show_step(0)

    # -- steps ---------------------------------------------------------------------------

    @property
    def phases(self) -> list[str]:
        return self.document.strategy.phase_names()

    @property
    def step_count(self) -> int:
        return 1 + len(self.phases)

    @property
    def phase(self) -> str | None:
        """The phase on show, or None for the overview."""
        return self.phases[self.step - 1] if self.step > 0 else None

    def present(self) -> None:
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())  # without a window manager too
        self.showFullScreen()
        self.show_step(self.step)  # again, now that the full-screen size is known
        self.activateWindow()
        self.setFocus()

    def next(self) -> None:
        self.show_step(min(self.step + 1, self.step_count - 1))

    def back(self) -> None:
        self.show_step(max(self.step - 1, 0))

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.show_step(self.step)

    def show_step(self, step: int) -> None:
        self.step = step
        strategy, schedule = self.document.strategy, self.document.schedule
        phase = self.phase
        self.title.setText(strategy.name if phase is None else phase)
        self.counter.setText(f"{step + 1} / {self.step_count}")
        if self.body is not None:
            self.layout_.removeWidget(self.body)
            self.body.deleteLater()
        keys = bounds = None
        subtitle = "The whole roadmap"
        if schedule is not None:
            subtitle = f"{short_range(schedule.start, schedule.finish)} · whole roadmap"
        if phase is not None:
            spans = {name: (first, end) for name, first, end in strategy.phase_bounds()}
            first, end = spans[phase]
            items = [i for i in (schedule.items.values() if schedule else []) if i.phase == phase]
            keys = [i.key for i in items]
            last = max([finish_of(i) for i in items] + ([end] if end else [first]))
            bounds = (first - dt.timedelta(days=7), last + dt.timedelta(days=7))
            until = (end - dt.timedelta(days=1)) if end else last - dt.timedelta(days=1)
            count = f"{len(items)} initiative{'s' if len(items) != 1 else ''}"
            subtitle = f"{short_range(first, until)} · {count}"
        self.subtitle.setText(subtitle)
        body: TimelineView | BoardView
        if self.mode == "board":
            phases = None if phase is None else [phase]
            body = BoardView(
                self.document, self.selection, self._board_metrics(phase), phases, editable=False
            )
        else:
            body = TimelineView(
                self.document,
                self.selection,
                self._timeline_metrics(keys),
                keys=keys,
                bounds=bounds,
                editable=False,
            )
        body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body.setFrameShape(body.Shape.NoFrame)
        self.body = body
        self.layout_.insertWidget(1, body, 1)
        self.setFocus()

    def _room(self) -> float:
        """Height left for the view under the heading (the window is full screen by now)."""
        return max(300.0, self.height() - 170.0)

    def _timeline_metrics(self, keys: list[str] | None) -> Metrics:
        """As large as LARGE, or smaller so that every row fits on the screen."""
        schedule = self.document.schedule
        if schedule is None:
            return LARGE
        lanes = lanes_of(self.document.strategy, schedule, "pillar", keys)
        rows = sum(len(lane.keys) for lane in lanes)
        needed = NORMAL.axis + len(lanes) * NORMAL.lane_header + rows * NORMAL.row + 12
        return NORMAL.scaled(min(LARGE.row / NORMAL.row, max(1.0, self._room() / needed)))

    def _board_metrics(self, phase: str | None) -> Metrics:
        schedule = self.document.schedule
        if schedule is None or phase is None:
            return NORMAL.scaled(1.25)
        count = sum(1 for item in schedule.items.values() if item.phase == phase)
        per_row = max(1, int((self.width() - 64) // (LARGE.card_width + 10)))
        lines = max(1, -(-count // per_row))
        needed = NORMAL.lane_header * 2.2 + lines * (NORMAL.card_height + 10) + 40
        return NORMAL.scaled(min(LARGE.row / NORMAL.row, max(1.0, self._room() / needed)))

    # -- keys ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.next()
        elif key in BACK_KEYS:
            self.back()
        elif key == Qt.Key.Key_Home:
            self.show_step(0)
        elif key == Qt.Key.Key_End:
            self.show_step(self.step_count - 1)
        elif key == Qt.Key.Key_T:
            self.set_mode("timeline")
        elif key == Qt.Key.Key_B:
            self.set_mode("board")
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.left.emit()
        super().closeEvent(event)
