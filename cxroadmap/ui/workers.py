"""Long work (PDF export, large imports) on a worker thread, with a progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cxroadmap.domain.errors import CxRoadmapError

Progress = Callable[[int, int], None]


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(str)
    progressed = Signal(int, int)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.work(self.signals.progressed.emit)
        except (CxRoadmapError, OSError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so rather than fail silently on a thread
            self.signals.failed.emit(f"unexpected failure ({type(exc).__name__}: {exc})")
        else:
            self.signals.finished.emit(result)


class BackgroundTask(QObject):
    """One piece of work off the UI thread; `done` or `failed` is emitted on the UI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget, label: str, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.running = True
        self._signals = _Signals(self)
        self._signals.finished.connect(self._finished)
        self._signals.failed.connect(self._failed)
        self._signals.progressed.connect(self._progressed)
        self._runnable = _Runnable(work, self._signals)
        self.progress = QProgressDialog(label, "", 0, 0, parent)
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle("Working…")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)  # quick work should not flash a dialog
        self.progress.setAutoClose(False)
        self.progress.setValue(0)

    def start(self) -> BackgroundTask:
        QThreadPool.globalInstance().start(self._runnable)
        return self

    def _progressed(self, done: int, total: int) -> None:
        if self.running and total > 0:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def wait(self) -> None:
        """Block until the work is done and its result delivered (for tests and shutdown)."""
        QThreadPool.globalInstance().waitForDone()
        QCoreApplication.sendPostedEvents()

    def _end(self) -> None:
        self.running = False
        self.progress.reset()
        self.progress.hide()
        self.progress.deleteLater()

    def _finished(self, result: object) -> None:
        self._end()
        self.done.emit(result)

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> BackgroundTask:
    task = BackgroundTask(parent, label, work)
    task.done.connect(on_done)
    task.failed.connect(on_error)
    return task.start()
