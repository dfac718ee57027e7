"""The presenter's view on a second screen: the step on show and the next one as pictures,
notes and a clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cxroadmap.common import style
from cxroadmap.ui.paint_guard import guarded_event
from cxroadmap.ui.views.look import font

if TYPE_CHECKING:
    from cxroadmap.ui.views.presentation import PresentationWindow


class PresenterView(QWidget):
    """Follows the presentation; its keys step the presentation too (Esc leaves both)."""

    def __init__(self, show: PresentationWindow) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.show_ = show
        self.started = time.monotonic()
        self.setWindowTitle("Presenter view")
        self.setStyleSheet(f"background: {style.INK}; color: {style.PAPER};")
        self.now = QLabel()
        self.now.setFont(font(22, bold=True))
        self.next_ = QLabel()
        self.next_.setFont(font(15))
        self.next_.setStyleSheet(f"color: {style.FAINT};")
        self.notes = QLabel()
        self.notes.setFont(font(14))
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.clock = QLabel()
        self.clock.setFont(font(18, bold=True))
        # The audience's screen as it is now, and the next step as it will be.
        self.now_picture = Picture()
        self.next_picture = Picture(lambda: show.height() / max(1, show.width()))
        self.twin: PresentationWindow | None = None  # draws the next step, never shown
        side = QVBoxLayout()
        side.addWidget(self.next_)
        side.addWidget(self.next_picture)
        notes = QScrollArea()  # a long step's notes scroll rather than being cut
        notes.setWidget(self.notes)
        notes.setWidgetResizable(True)
        notes.setFrameShape(QScrollArea.Shape.NoFrame)
        notes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side.addWidget(notes, 1)
        layout = QGridLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setHorizontalSpacing(32)
        layout.addWidget(self.now, 0, 0)
        layout.addWidget(self.clock, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.now_picture, 1, 0)
        layout.addLayout(side, 1, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        layout.setRowStretch(1, 1)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(1000)
        show.step_changed.connect(self.follow)
        self.follow(show.step)
        self._tick()

    def follow(self, index: int) -> None:
        from cxroadmap.ui.views.presentation import step_title

        show = self.show_
        name = show.document.strategy.name
        step = show.steps[index]
        self.now.setText(f"Now ({index + 1} / {show.step_count}): {step_title(name, step)}")
        if index + 1 < show.step_count:
            self.next_.setText(f"Next: {step_title(name, show.steps[index + 1])}")
        else:
            self.next_.setText("Next: the end (Esc leaves)")
        self.notes.setText(self.notes_of(index))
        self.now_picture.set_pixmap(show.grab())
        self.next_picture.set_pixmap(self._next_picture(index))

    def _next_picture(self, index: int) -> QPixmap:
        """Step `index + 1` drawn by a twin of the show that is never on screen."""
        show = self.show_
        if index + 1 >= show.step_count:
            return QPixmap()
        if self.twin is None:
            from cxroadmap.ui.views.presentation import PresentationWindow

            self.twin = PresentationWindow(show.document, mode=show.mode, view=show.view)
        twin = self.twin
        twin.resize(show.size())
        if twin.mode != show.mode:
            twin.mode = show.mode
        twin.show_step(index + 1)
        return twin.grab()

    def pictures(self) -> tuple[QPixmap, QPixmap]:
        """The step on show and the next one, at the show's size (null after the last)."""
        return self.now_picture.pixmap, self.next_picture.pixmap

    def notes_of(self, index: int) -> str:
        """What is on screen, in words: subtitle, then each initiative with owner and dates."""
        show = self.show_
        step = show.steps[index]
        strategy, schedule = show.document.strategy, show.document.schedule
        lines = [show.subtitle_of(step)]
        if schedule is not None:
            for key in step.keys[:40]:
                item = schedule.items.get(key)
                ini = strategy.initiatives.get(key)
                if item is None or ini is None:
                    continue
                owner = f" – {ini.owner}" if ini.owner else ""
                critical = "  [critical]" if item.critical else ""
                lines.append(
                    f"• {ini.title}{owner} ({item.start:%d %b} – {item.finish:%d %b}){critical}"
                )
            if len(step.keys) > 40:
                lines.append(f"… and {len(step.keys) - 40} more")
        return "\n".join(lines)

    def _tick(self) -> None:
        elapsed = int(time.monotonic() - self.started)
        self.clock.setText(f"{elapsed // 60:02d}:{elapsed % 60:02d}")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.show_.keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.timer.stop()
        if self.twin is not None:
            self.twin.deleteLater()
            self.twin = None
        super().closeEvent(event)


class Picture(QWidget):
    """A picture drawn as large as its room allows, keeping its shape; with `shape` (height
    over width), the widget itself is as tall as that shape at its width."""

    def __init__(self, shape: Callable[[], float] | None = None) -> None:
        super().__init__()
        self.pixmap = QPixmap()
        self.shape = shape
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        if shape is not None:
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_pixmap(self, pixmap: QPixmap) -> None:
        self.pixmap = pixmap
        self.update()

    def target(self) -> QRectF:
        """Where the picture is drawn: top left, as large as fits."""
        if self.pixmap.isNull():
            return QRectF()
        scale = min(self.width() / self.pixmap.width(), self.height() / self.pixmap.height())
        return QRectF(0, 0, self.pixmap.width() * scale, self.pixmap.height() * scale)

    def hasHeightForWidth(self) -> bool:
        return self.shape is not None

    def heightForWidth(self, width: int) -> int:
        return round(width * self.shape()) if self.shape is not None else -1

    def sizeHint(self) -> QSize:
        return QSize(320, max(0, self.heightForWidth(320)))

    @guarded_event
    def paintEvent(self, event: QPaintEvent) -> None:
        if self.pixmap.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawPixmap(self.target(), self.pixmap, QRectF(self.pixmap.rect()))
        painter.end()
