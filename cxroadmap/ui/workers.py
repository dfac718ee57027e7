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
    ended = Signal()  # after `done` or `failed` and what they called

    def __init__(self, parent: QWidget, label: str, work: Callable[[Progress], Any]) -> None:
        super().__init__(parent)
        self.running = True
        self.closes_window = False  # the window's close waits for this task (close_when_done)
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
        self.ended.emit()

    def _failed(self, error: Exception) -> None:
        self._end()
        self.failed.emit(str(error))
        self.ended.emit()


def close_when_done(window: QWidget, tasks: list[BackgroundTask]) -> bool:
    """True if any of `tasks` still runs: `window` then closes itself when the last ends.

    Closing (or quitting) does not cut an export or import off halfway: the process would
    exit mid-write, or the task's outcome would come back to a deleted window.
    """
    running = [task for task in tasks if task.running]
    for task in running:
        if not task.closes_window:
            task.closes_window = True
            # A slot of the window itself: Qt drops the connection if the window goes first.
            task.ended.connect(window.close, Qt.ConnectionType.QueuedConnection)
            text = task.progress.labelText()
            task.progress.setLabelText(f"{text}\nThe window closes when it is done.")
        task.progress.show()  # at once: the user asked to close and sees why it waits
    return bool(running)


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
