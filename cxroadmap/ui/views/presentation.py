"""Presentation mode: full screen, large type, no editing chrome, every step fits the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontMetricsF, QKeyEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from cxroadmap.common import style
from cxroadmap.domain.view_filter import ViewFilter, shows_of
from cxroadmap.scheduling.filtered import shown_keys
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.board_card import short_range
from cxroadmap.ui.views.look import elide, font
from cxroadmap.ui.views.present_steps import (
    MARGIN_X,
    Step,
    phase_window,
    plan_steps,
    present_metrics,
    present_scale,
)
from cxroadmap.ui.views.timeline_view import TimelineView

NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp)
HINT = "← →  step    T  timeline    B  board    Esc  leave"


def step_title(strategy_name: str, step: Step) -> str:
    name = strategy_name if step.phase is None else step.phase
    return name + (f"  ·  part {step.part} of {step.parts}" if step.parts > 1 else "")


class PresentationWindow(QWidget):
    """The whole roadmap, then each phase, each cut into sub-steps that fit; Esc leaves.

    Nothing on screen can be edited: the views are read-only and have their own empty
    selection, so no handle, outline or drag shows.
    """

    left = Signal()
    step_changed = Signal(int)

    def __init__(
        self,
        document: OpenDocument,
        selection: Selection | None = None,
        mode: str = "timeline",
        parent: QWidget | None = None,
        view: ViewFilter | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.document = document
        self.view = view  # a saved view: only its initiatives are presented
        self.shows = shows_of(view)  # and only what it shows (slack, links, measures, today)
        self.selection = Selection(self)  # never the editor's: nothing shows as selected
        self.mode = mode if mode in ("timeline", "board") else "timeline"
        self.step = 0
        self.steps: list[Step] = []
        self.body: TimelineView | BoardView | None = None
        self.presenter: QWidget | None = None
        self.setWindowTitle(f"{document.strategy.name} – presentation")
        self.setStyleSheet(f"background: {style.PAPER};")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel()
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.title.setStyleSheet(f"color: {document.strategy.brand.accent or style.ACCENT};")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet(f"color: {style.MUTED};")
        self.counter = QLabel()
        self.counter.setStyleSheet(f"color: {style.MUTED};")
        self.hint = QLabel(HINT)
        self.hint.setStyleSheet(f"color: {style.FAINT};")
        heading = QVBoxLayout()
        heading.setSpacing(0)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setSpacing(4)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.hint, 0, Qt.AlignmentFlag.AlignRight)
        self._planned_for: tuple[int, int, str] | None = None
        self.show_step(0)

    # -- steps ---------------------------------------------------------------------------

    @property
    def step_count(self) -> int:
        return len(self.steps)

    @property
    def phase(self) -> str | None:
        """The phase on show, or None for the overview."""
        return self.steps[self.step].phase if self.steps else None

    def _plan(self) -> None:
        """Cut the steps for this window's size and mode (again only when either changed)."""
        size = (max(self.width(), 640), max(self.height(), 360), self.mode)
        if size == self._planned_for:
            return
        current = self.steps[self.step] if self.steps else None
        doc = self.document
        room = self._style_heading(size[1])
        only = None
        if self.view is not None and doc.schedule is not None:
            only = set(shown_keys(doc.strategy, doc.schedule, self.view))
        self.steps = plan_steps(
            doc.strategy, doc.schedule, self.mode, size[0], size[1], room, only, self.shows
        )
        self._planned_for = size
        if current is not None:
            # Stay on the same phase (its first part) when the screen or the mode changed.
            self.step = next((i for i, s in enumerate(self.steps) if s.phase == current.phase), 0)

    def _style_heading(self, height: int) -> float:
        """Size the heading for this screen; returns the height left for the view under it."""
        scale = present_scale(self.width(), self.height())
        self.title.setFont(font(26 * scale, bold=True))
        self.subtitle.setFont(font(14 * scale))
        self.counter.setFont(font(14 * scale, bold=True))
        self.hint.setFont(font(10 * scale))
        self.layout_.setContentsMargins(
            int(MARGIN_X * scale), int(14 * scale), int(MARGIN_X * scale), int(4 * scale)
        )
        self.title.setFixedHeight(int(40 * scale))
        self.subtitle.setFixedHeight(int(26 * scale))
        self.hint.setFixedHeight(int(18 * scale))
        margins = self.layout_.contentsMargins()
        used = margins.top() + margins.bottom() + 2 * self.layout_.spacing()
        used += self.title.height() + self.subtitle.height() + self.hint.height()
        return height - used - 2

    def present(self, screen: QScreen | None = None, presenter: QScreen | None = None) -> None:
        """Full screen on `screen` (default: this window's); the presenter's view on
        `presenter`, or on another screen when there are two."""
        from PySide6.QtGui import QGuiApplication

        screen = screen or self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())  # without a window manager too
        self.showFullScreen()
        if presenter is None:
            others = [s for s in QGuiApplication.screens() if s is not screen]
            presenter = others[0] if others else None
        if presenter is not None:
            from cxroadmap.ui.views.presenter import PresenterView

            self.presenter = PresenterView(self)
            self.presenter.setGeometry(presenter.availableGeometry())
            self.presenter.show()
        self.show_step(self.step)  # again, now that the full-screen size is known
        self.activateWindow()
        self.setFocus()

    def next(self) -> None:
        self.show_step(min(self.step + 1, self.step_count - 1))

    def back(self) -> None:
        self.show_step(max(self.step - 1, 0))

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._plan()
        self.show_step(self.step)

    def subtitle_of(self, step: Step) -> str:
        strategy, schedule = self.document.strategy, self.document.schedule
        if step.phase is None:
            if schedule is None:
                return "The whole roadmap"
            return f"{short_range(schedule.start, schedule.finish)} · whole roadmap"
        bounds = {name: (first, end) for name, first, end in strategy.phase_bounds()}
        first, end = bounds[step.phase]
        items = [] if schedule is None else [
            i for i in schedule.items.values() if i.phase == step.phase
        ]  # fmt: skip
        import datetime as dt

        last = max([i.finish for i in items] + [first])
        until = (end - dt.timedelta(days=1)) if end else last
        count = f"{len(items)} initiative{'s' if len(items) != 1 else ''}"
        return f"{short_range(first, until)} · {count}"

    def show_step(self, step: int) -> None:
        self._plan()
        self.step = max(0, min(step, self.step_count - 1))
        current = self.steps[self.step]
        doc = self.document
        strategy, schedule = doc.strategy, doc.schedule
        # A long name is cut at a word (all of it in the tooltip), never wider than the screen.
        full = step_title(strategy.name, current)
        margins = self.layout_.contentsMargins()
        room = float(self.width() - margins.left() - margins.right() - 24)
        room -= QFontMetricsF(self.counter.font()).horizontalAdvance("99 / 99")
        self.title.setText(elide(QFontMetricsF(self.title.font()), full, room))
        self.title.setToolTip(full)
        self.counter.setText(f"{self.step + 1} / {self.step_count}")
        self.subtitle.setText(self.subtitle_of(current))
        if self.body is not None:
            self.layout_.removeWidget(self.body)
            self.body.hide()  # now: deleted later, it would show under the next step meanwhile
            self.body.deleteLater()
        metrics = present_metrics(max(self.width(), 640), max(self.height(), 360))
        body: TimelineView | BoardView
        if self.mode == "board":
            phases = None if current.phase is None else [current.phase]
            body = BoardView(
                doc,
                self.selection,
                metrics,
                phases,
                editable=False,
                keys=current.keys,
                shows=self.shows,
            )
        else:
            bounds = None
            if current.phase is not None and schedule is not None:
                bounds = phase_window(strategy, schedule, current.phase)
            body = TimelineView(
                doc,
                self.selection,
                metrics,
                keys=current.keys,
                bounds=bounds,
                editable=False,
                shows=self.shows,
            )
        body.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The steps are cut to fit, so the screen never needs a scrollbar.
        body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.setFrameShape(body.Shape.NoFrame)
        self.body = body
        self.layout_.insertWidget(1, body, 1)
        if self.isVisible():
            body.show()
        self.layout_.activate()  # place it now: its size decides the timeline's fit
        self.setFocus()
        self.step_changed.emit(self.step)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._planned_for is not None and self._planned_for[:2] != (
            max(self.width(), 640),
            max(self.height(), 360),
        ):
            self.show_step(self.step)

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
        if self.presenter is not None:
            self.presenter.close()
            self.presenter = None
        self.left.emit()
        super().closeEvent(event)
