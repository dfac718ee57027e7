"""Long work (PDF export, large imports) on a worker thread, with a progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.ui.jobs import Job, JobSignals

Progress = Callable[[int, int], None]


class BackgroundTask(QObject):
    """One piece of work off the UI thread; `done` or `failed` is emitted on the UI thread."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget, label: str, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.running = True
        signals = JobSignals(self)
        signals.finished.connect(self._finished)
        signals.failed.connect(self._failed)
        signals.progressed.connect(self._progressed)
        # A file that cannot be written is the user's to fix, like bad input: said as it is.
        expected = (CxRoadmapError, OSError)
        self._runnable = Job(lambda: work(signals.progressed.emit), signals, expected)
        self._runnable.setAutoDelete(False)  # the global pool must not delete what we hold
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

    def _failed(self, error: Exception) -> None:
        self._end()
        self.failed.emit(str(error))


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
