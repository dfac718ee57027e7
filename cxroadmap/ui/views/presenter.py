"""The presenter's view on a second screen: the step on show, the next one, notes and a clock."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cxroadmap.common import style
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
        self.notes.setFont(font(13))
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.clock = QLabel()
        self.clock.setFont(font(15, bold=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        for label in (self.now, self.next_, self.notes):
            layout.addWidget(label, 1 if label is self.notes else 0)
        layout.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignRight)
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
        super().closeEvent(event)
