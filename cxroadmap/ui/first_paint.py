"""Work that nothing on the first screen shows, run once the window has painted that screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_PAINT = QEvent.Type.Paint


class AfterFirstPaint(QObject):
    """Holds work until `window` has painted for the first time, then runs it in order.

    A zero timer alone would not do: Qt runs it before the window's first paint. Work
    added once the window has painted runs on the next turn of the event loop; work added
    for a window never shown (a test's) waits, so what it prepares must also be made on
    demand (each caller's own `run` does that).
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._pending: list[Callable[[], None]] = []
        self.painted = False
        self._watching = False

    def later(self, work: Callable[[], None]) -> None:
        """Run `work` after the first paint (on the next event-loop turn if that is past)."""
        self._pending.append(work)
        if self.painted and len(self._pending) == 1:
            QTimer.singleShot(0, self, self._run)
        elif not self.painted and not self._watching:
            # Watched from the first work on: each event the window gets through a filter
            # written in Python costs, and building the window sends it hundreds.
            self._watching = True
            self._window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == _PAINT:
            self._window.removeEventFilter(self)
            self.painted = True
            QTimer.singleShot(0, self, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        pending, self._pending = self._pending, []
        for work in pending:
            work()
