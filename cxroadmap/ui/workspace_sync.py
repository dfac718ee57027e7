"""Sync Now off the UI thread: read the copy and talk to the server on a worker, write on the UI.

The worker opens its own read-only view of the file, reads what changed and runs the
server's transaction; the UI thread then writes the outcome into the open document in
one transaction. An edit made while the worker ran is newer than what it read: the sync
runs again (it is idempotent: its own pushes come back as the base, nothing twice).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QInputDialog, QWidget

from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.ui.jobs import Job, JobSignals
from cxroadmap.ui.workspace_jobs import password_dialog

if TYPE_CHECKING:
    from cxroadmap.storage.workspace.sync import SyncReport

RETRIES = 3  # edits made while syncing: run again at most this often, then say so


def _no_hook(_phase: str) -> None:
    pass


def _exchange(reader: Callable[[], Any], hook: Callable[[str], None]) -> tuple[Any, Any]:
    """Read the copy (a reader of its own) and run the server's side of a sync (on the worker)."""
    from cxroadmap.storage.workspace.exchange import exchange
    from cxroadmap.storage.workspace.sync import read_state

    with reader() as opened:
        state = read_state(opened)
        hook("read")
        return state, exchange(opened, state, hook)


class SyncRunner(QObject):
    """Runs one sync at a time for the window; `synced` or `failed` on the UI thread.

    `store()` gives the open document's file (None when none is open); `edited` is set
    by the window when the user edits while a sync runs.
    """

    synced = Signal(object)  # SyncReport
    failed = Signal(object)  # CxRoadmapError
    asking = Signal(object)  # the password dialog, shown

    def __init__(self, parent: QWidget, store: Callable[[], Any]) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.store = store
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.hook: Callable[[str], None] = _no_hook  # tests stop the worker at a phase
        self.running = False
        self.edited = False
        self.quiet = False
        self.password_dialog: QInputDialog | None = None
        self._tries = 0
        self._path: Path | None = None

    def start(self, quiet: bool = False) -> bool:
        """Start a sync of the open copy; False when one runs already or none is open."""
        store = self.store()
        if self.running or store is None:
            return False
        self.quiet = quiet
        self._tries = 0
        self._launch(store)
        return True

    def _launch(self, store: Any) -> None:
        self.running = True
        self.edited = False
        self._path = store.path
        signals = JobSignals(self)
        signals.finished.connect(self._finished)
        signals.failed.connect(self._failed)
        reader, hook = store.reader, self.hook
        self.pool.start(Job(lambda: _exchange(reader, hook), signals))

    def wait(self) -> None:
        """Block until the worker is done and its outcome handled (tests, closing)."""
        self.pool.waitForDone()
        QCoreApplication.sendPostedEvents()

    def _finished(self, outcome: tuple[Any, Any]) -> None:
        from cxroadmap.storage.workspace.sync import record

        store = self.store()
        if store is None or store.path != self._path:
            self.running = False  # another file is open now: the next sync finishes this
            return
        if self.edited and self._tries < RETRIES:
            self._tries += 1
            self._launch(store)  # what the worker read is older than the file
            return
        self.running = False
        if self.edited:
            self.failed.emit(CxRoadmapError("the copy kept changing while syncing; sync again"))
            return
        state, done = outcome
        try:
            report: SyncReport = record(store, state, done)
        except CxRoadmapError as exc:
            self.failed.emit(exc)
            return
        self.synced.emit(report)

    def _failed(self, error: CxRoadmapError) -> None:
        from cxroadmap.storage.workspace.server import needs_password

        self.running = False
        if needs_password(error) and not self.quiet and self._path is not None:
            self._ask_password(error)
            return
        self.failed.emit(error)

    def _ask_password(self, error: CxRoadmapError) -> None:
        """Ask without blocking; the password is kept in memory, never in the document."""
        dialog = password_dialog(self.parent_widget, error)
        dialog.accepted.connect(lambda: self._password_typed(dialog.textValue()))
        dialog.rejected.connect(lambda: self.failed.emit(error))
        self.password_dialog = dialog
        dialog.open()
        self.asking.emit(dialog)

    def _password_typed(self, password: str) -> None:
        from cxroadmap.storage.workspace.server import remember_password
        from cxroadmap.storage.workspace.sync import workspace_url

        self.password_dialog = None
        store = self.store()
        if store is None:
            return
        url = workspace_url(store)
        if url is not None:
            remember_password(url, password)
        self.start(self.quiet)
