"""Check out, publish and history off the UI thread: the server is talked to on a worker.

While one runs, a busy bar and a line in the status bar say what runs ("Checking out…"),
the window stays usable, and the command that started it waits until it is done. The
outcome comes back on the UI thread; an error is shown in a message box, as before. When
the server asks for a password that libpq's usual places did not give, the app asks
(without blocking the window) and runs the work again; the password stays in the memory
of this app session, never in the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QWidget,
)

from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.ui import messages
from cxroadmap.ui.jobs import Job, JobSignals
from cxroadmap.ui.naming import named


def _no_hook(_what: str) -> None:
    pass


class WorkspaceJobs(QObject):
    """Runs one checkout, publish or history fetch at a time for the window.

    `changed` is emitted when one starts or ends (the menu enables its commands again).
    """

    changed = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.hook: Callable[[str], None] = _no_hook  # tests hold the worker at its start
        self.running: str | None = None  # what runs, as the status bar says it
        self.password_dialog: QInputDialog | None = None
        self.label = named(QLabel(), "workspace_job")
        self.busy = named(QProgressBar(), "workspace_busy")
        self.busy.setRange(0, 0)  # no steps to count: a busy bar
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        for widget in (self.label, self.busy):
            widget.hide()
            window.statusBar().addPermanentWidget(widget)

    def run(
        self,
        what: str,
        title: str,
        work: Callable[[], Any],
        done: Callable[[Any], object],
    ) -> bool:
        """Start `work` on the worker; `done(result)` on the UI thread, or the error shown
        under `title`. False when another job runs."""
        if self.running is not None:
            return False
        self.running = what
        self.label.setText(what)
        self.label.show()
        self.busy.show()
        signals = JobSignals(self)
        signals.finished.connect(lambda result: self._finished(result, done))
        signals.failed.connect(lambda error: self._failed(error, what, title, work, done))
        hook = self.hook  # as set when the job starts

        def job() -> Any:
            hook(what)
            return work()

        self.pool.start(Job(job, signals))
        self.changed.emit()
        return True

    def wait(self) -> None:
        """Block until the worker is done and its outcome handled (tests, closing)."""
        self.pool.waitForDone()
        QCoreApplication.sendPostedEvents()

    def _end(self) -> None:
        self.running = None
        self.label.hide()
        self.busy.hide()
        self.changed.emit()

    def _finished(self, result: Any, done: Callable[[Any], object]) -> None:
        self._end()
        done(result)

    def _failed(
        self,
        error: CxRoadmapError,
        what: str,
        title: str,
        work: Callable[[], Any],
        done: Callable[[Any], object],
    ) -> None:
        from cxroadmap.storage.workspace.server import needs_password

        self._end()
        if needs_password(error):
            self._ask_password(error, lambda: self.run(what, title, work, done), title)
            return
        messages.show_error(self.window, title, str(error))

    def _ask_password(self, error: CxRoadmapError, again: Callable[[], Any], title: str) -> None:
        """Ask without blocking; the password is kept in memory, never in the document."""
        from cxroadmap.storage.workspace.server import remember_password

        dialog = password_dialog(self.window, error)

        def typed() -> None:
            self.password_dialog = None
            remember_password(getattr(error, "where", ""), dialog.textValue())
            again()

        def cancelled() -> None:
            self.password_dialog = None
            messages.show_error(self.window, title, str(error))

        dialog.accepted.connect(typed)
        dialog.rejected.connect(cancelled)
        self.password_dialog = dialog
        dialog.open()


def password_dialog(parent: QWidget, error: CxRoadmapError) -> QInputDialog:
    """The password prompt for a server that asked (Sync Now's too); gone once answered."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("password_dialog")
    dialog.setWindowTitle("Workspace password")
    where = getattr(error, "where", "") or "The workspace"
    retry = "That password was not accepted. " if "authentication failed" in str(error) else ""
    dialog.setLabelText(f"{retry}{where} asks for your password.\n\nPassword:")
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.finished.connect(dialog.deleteLater)
    return dialog


def ask_url(window: QMainWindow, title: str, then: Callable[[str], None]) -> QInputDialog:
    """Ask for a workspace URL without blocking the window; `then(url)` when one is given."""
    dialog = QInputDialog(window)
    dialog.setObjectName("workspace_url_dialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText("Workspace URL (postgresql://you@server/database):")
    dialog.setTextValue("")

    def accepted() -> None:
        url = dialog.textValue().strip()
        if url:
            then(url)

    dialog.accepted.connect(accepted)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
