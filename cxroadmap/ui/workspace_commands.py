"""File > Workspace: check out, publish, Sync Now, periodic sync, conflicts, history, badge.

The sync state shows in the status bar; a strategy the user may only read opens
read-only with a badge. Sync runs on a worker (workspace_sync.py); what it changed in
the strategy shown is taken into it in place, and the undo history starts afresh.
Deciding a conflict reloads the strategy from the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu

from cxroadmap.domain.errors import CxRoadmapError
from cxroadmap.ui import messages
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.naming import named
from cxroadmap.ui.workspace_jobs import WorkspaceJobs, ask_url
from cxroadmap.ui.workspace_panels import ConflictsPanel, HistoryDialog
from cxroadmap.ui.workspace_status import SyncState, status_text
from cxroadmap.ui.workspace_sync import SyncRunner

if TYPE_CHECKING:
    from cxroadmap.ui.main_window import MainWindow

AUTO_SYNC_MINUTES = 5
READ_ONLY_NOTICE = "You may only read"


def _action(parent: QObject, text: str, name: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    return action


class WorkspaceCommands(QObject):
    """The workspace menu, status bar label, read-only badge and conflicts panel of a window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.offline = False
        self.access: dict[str, bool] | None = None
        self.status = named(QLabel(), "sync_status")
        self.badge = named(QLabel("Read-only"), "readonly_badge")
        self.badge.setStyleSheet(
            "color: #533f03; background: #fff3cd; font-weight: bold; padding: 0 6px;"
        )
        for label in (self.badge, self.status):
            label.setContentsMargins(10, 0, 10, 0)
            label.hide()
            window.statusBar().addPermanentWidget(label)
        self.panel = ConflictsPanel(self.decide)
        self.dock = QDockWidget("Conflicts", window)
        self.dock.setObjectName("conflicts_dock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.actions = self._build_menu()
        self.jobs = WorkspaceJobs(window)
        self.jobs.changed.connect(self._jobs_changed)
        self.history_dialog: HistoryDialog | None = None
        self.runner = SyncRunner(window, self._store)
        self.runner.synced.connect(self._synced)
        self.runner.failed.connect(self._sync_failed)
        self.runner.asking.connect(self.refresh)  # no longer "syncing…"
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._auto_sync)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(400)
        self.refresh_timer.timeout.connect(self.refresh)
        self.clock = QTimer(self)  # "synced 2 min ago" ages
        self.clock.timeout.connect(self.refresh)
        self.clock.start(30_000)
        window.undo_group.activeStackChanged.connect(self.document_shown)
        self.document_shown()

    def _build_menu(self) -> dict[str, QAction]:
        file_menu = self.window.menuBar().actions()[0].menu()
        assert isinstance(file_menu, QMenu)
        menu = QMenu("&Workspace", file_menu)
        menu.setObjectName("workspace_menu")
        file_menu.insertMenu(file_menu.actions()[-3], menu)
        acts = {
            "checkout": _action(self, "Check Out from Workspace…", "action_ws_checkout"),
            "publish": _action(self, "Publish to Workspace…", "action_ws_publish"),
            "sync": _action(self, "Sync Now", "action_ws_sync"),
            "auto": _action(self, f"Sync Every {AUTO_SYNC_MINUTES} Minutes", "action_ws_auto"),
            "conflicts": _action(self, "Conflicts…", "action_ws_conflicts"),
            "history": _action(self, "History of Initiative…", "action_ws_history"),
            "recent": _action(self, "Recent Changes of Strategy…", "action_ws_recent"),
        }
        acts["sync"].setShortcut("Ctrl+Shift+Y")
        acts["auto"].setCheckable(True)
        acts["checkout"].triggered.connect(self.checkout_dialog)
        acts["publish"].triggered.connect(self.publish_dialog)
        acts["sync"].triggered.connect(self.sync_now)
        acts["auto"].toggled.connect(self._auto_toggled)
        acts["conflicts"].triggered.connect(self.dock.show)
        acts["history"].triggered.connect(self.show_history)
        acts["recent"].triggered.connect(self.show_recent)
        menu.addActions([acts["checkout"], acts["publish"]])
        menu.addSeparator()
        menu.addActions([acts["sync"], acts["auto"], acts["conflicts"]])
        menu.addSeparator()
        menu.addActions([acts["history"], acts["recent"]])
        return acts

    # -- the document shown ----------------------------------------------------------------

    @property
    def document(self) -> OpenDocument | None:
        return self.window.document

    def _store(self) -> Any:
        doc = self.document
        return None if doc is None else doc.store

    def document_shown(self) -> None:
        """Read the copy's access; a strategy the user may only read becomes read-only."""
        from cxroadmap.storage.workspace.copy_state import access_of

        doc = self.document
        store = self._store()
        self.access = None if store is None else access_of(store)
        linked = self.access is not None
        for name in ("sync", "auto", "conflicts"):
            self.actions[name].setEnabled(linked)
        self._jobs_changed()
        readonly = False
        if doc is not None and self.access is not None:
            key = doc.strategy.key
            # Not in the copy's access at all: made in this copy (a scenario), editable.
            readonly = not self.access.get(key, key not in self.access)
            ours = doc.notice.startswith(READ_ONLY_NOTICE)
            if readonly and not doc.readonly:
                doc.readonly = True
                doc.notice = (
                    f"{READ_ONLY_NOTICE} {doc.strategy.name} ({key}) in this workspace; "
                    "it is here for context and takes others' changes when you sync."
                )
                self.window._update_chrome()
            elif not readonly and ours:
                # Switched from a read-only strategy of the copy to one this user may edit.
                doc.readonly = False
                doc.notice = ""
                self.window._update_chrome()
        self.badge.setVisible(readonly)
        self.badge.setToolTip("You may read this strategy but not edit it" if readonly else "")
        if doc is not None:
            doc.changed.connect(self._changed, Qt.ConnectionType.UniqueConnection)
        self.refresh()

    def _changed(self, _change: object) -> None:
        if self.runner.running:
            self.runner.edited = True  # the sync read the file before this edit
        self.refresh_timer.start()  # counted once the typing stops, not on every keystroke

    def state(self) -> SyncState | None:
        from cxroadmap.storage.workspace.copy_state import sync_state

        store = self._store()
        if store is None or self.access is None:
            return None
        info = sync_state(store)
        if info is None:
            return None
        return SyncState(info.synced_at, info.pending, info.conflicts, self.offline)

    def refresh(self) -> None:
        try:
            state = self.state()
        except CxRoadmapError:
            state = None
        self.status.setVisible(state is not None)
        if state is None:
            self.panel.set_lines([])
            return
        self.status.setText("syncing…" if self.runner.running else status_text(state))
        store = self._store()
        if state.conflicts:
            from cxroadmap.storage.workspace.copies import list_conflicts

            self.panel.set_lines(list_conflicts(store))
        else:
            self.panel.set_lines([])
        conflicts = f"Conflicts ({state.conflicts})…" if state.conflicts else "Conflicts…"
        self.actions["conflicts"].setText(conflicts)
        if state.conflicts and not self.dock.isVisible():
            self.dock.show()

    # -- syncing ---------------------------------------------------------------------------

    def sync_now(self, quiet: bool = False) -> bool:
        """Start syncing the open copy on a worker; False when none is open or one runs."""
        if self._store() is None or self.access is None:
            return False
        if not self.runner.start(quiet):
            return False
        self.status.setText("syncing…")
        self.actions["sync"].setEnabled(False)
        return True

    def _synced(self, report: Any) -> None:
        self.offline = False
        self.actions["sync"].setEnabled(True)
        doc = self.document
        if doc is not None and doc.strategy.key in report.written:
            self._follow(doc, report)  # the strategy shown changed in the file
        self.refresh()
        for strategy in report.refused:
            messages.show_error(
                self.window,
                "Not synced",
                f"You may not edit {strategy}: the server refused the changes. "
                "They are kept in your copy.",
            )
        for strategy in report.taken:
            messages.show_error(
                self.window,
                "Not synced",
                f"{strategy} is already a strategy of the workspace: give yours another key. "
                "It is kept in your copy.",
            )
        count = len(report.conflicts)
        waiting = f", {count} conflict{'s' if count != 1 else ''} waiting" if count else ""
        news = "".join(
            [f"; {k} created in the workspace" for k in report.created]
            + [f"; {k} new in the workspace, added here" for k in report.arrived]
        )
        if report.arrived:
            self.window.cx_commands.switcher.refill()  # the strategy list has more now
        self.window.statusBar().showMessage(
            f"Synced: {report.pulled} pulled, {report.pushed} pushed{waiting}{news}", 8000
        )

    def _follow(self, doc: OpenDocument, report: Any) -> None:
        """Take what the sync changed in the strategy shown into it, in place: the views
        follow the Change and the selection stays; the undo history starts afresh (an
        undo must not take back someone else's change)."""
        from cxroadmap.storage.workspace.sync import follow

        doc.scheduler.wait()
        merged = report.merged.get(doc.strategy.key)
        change = None if merged is None else follow(doc.strategy, merged, report.touched)
        if change is None:
            self.reload()
            return
        doc.undo_stack.clear()
        doc.committed(change)

    def _sync_failed(self, error: CxRoadmapError) -> None:
        from cxroadmap.storage.workspace.server import needs_password

        # Asked for a password (a periodic sync does not ask): reachable, so not "offline".
        self.offline = "cannot connect" in str(error) and not needs_password(error)
        self.actions["sync"].setEnabled(self.access is not None)
        self.refresh()
        if not self.runner.quiet:
            messages.show_error(self.window, "Not synced", str(error))

    def _auto_toggled(self, on: bool) -> None:
        if on:
            self.timer.start(AUTO_SYNC_MINUTES * 60_000)
        else:
            self.timer.stop()

    def _auto_sync(self) -> None:
        self.sync_now(quiet=True)  # while offline it only tries; the status bar says so

    def reload(self) -> None:
        """Show the file's current state of the strategy on screen (after sync or resolve)."""
        old = self.document
        if old is None or old.store is None or old.strategy_id is None:
            return
        strategy = old.store.load(old.strategy_id)
        new = OpenDocument(strategy, old.store, old.strategy_id, old.readonly, old.notice)
        old.scheduler.wait()
        old.store = None  # the file now belongs to the new document
        self.window.set_document(new)

    def decide(self, line: Any, side: str) -> None:
        from cxroadmap.storage.workspace.copies import resolve

        store = self._store()
        if store is None:
            return
        if self.runner.running:
            self.runner.edited = True  # the sync read the conflicts before this decision
        try:
            resolve(store, f"{line.key}.{line.field}", side, line.strategy)  # type: ignore[arg-type]
        except CxRoadmapError as exc:
            messages.show_error(self.window, "Not resolved", str(exc))
            return
        self.reload()
        self.window.statusBar().showMessage(
            f"Kept {side} for {line.key}.{line.field}; Sync Now shares it.", 8000
        )

    # -- history, check out and publish: on a worker (workspace_jobs.py) ---------------------

    def show_history(self) -> bool:
        """Fetch the selected initiative's history; the dialog opens when it arrives."""
        doc = self.document
        key = self.window.inspector.key if doc is not None else None
        if doc is None or not key:
            messages.show_info(self.window, "History", "Select an initiative first.")
            return False
        return self._history(f"History of {key}", doc.strategy.key, key)

    def show_recent(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        return self._history(f"Recent changes of {doc.strategy.name}", doc.strategy.key, None)

    def _history(self, title: str, strategy: str, key: str | None) -> bool:
        store = self._store()
        if store is None:
            return False

        def work() -> Any:
            from cxroadmap.storage.workspace.copies import item_history

            with store.reader() as reader:  # the open file is the UI thread's
                return item_history(reader, strategy, key)

        def done(entries: Any) -> None:
            dialog = HistoryDialog(title, entries, self.window)
            dialog.setModal(False)
            dialog.show()
            self.history_dialog = dialog

        return self.jobs.run("Fetching history…", "History", work, done)

    def checkout_dialog(self) -> None:
        """Ask for the workspace and the new file, check out on the worker, then open it."""
        ask_url(self.window, "Check Out", self._checkout_to)

    def _checkout_to(self, url: str) -> None:
        from cxroadmap.storage.workspace.copies import checkout

        target = messages.ask_save_path(
            self.window, "Save the copy as", "workspace.cxroadmap", messages.DOCUMENT_FILTER
        )
        if target is None:
            return
        path = Path(target)
        self.jobs.run(
            "Checking out…",
            "Not checked out",
            lambda: checkout(url, path),
            lambda _keys: self.window.files.open_path(path),
        )

    def publish_dialog(self) -> None:
        doc = self.document
        if doc is None or doc.path is None:
            return
        path = doc.path
        ask_url(self.window, "Publish", lambda url: self._publish_to(path, url))

    def _publish_to(self, path: Path, url: str) -> None:
        from cxroadmap.storage.workspace.copies import publish

        def done(keys: list[str]) -> None:
            messages.show_info(
                self.window,
                "Published",
                f"Published {', '.join(keys)}. Check out a copy to sync with the workspace.",
            )

        self.jobs.run("Publishing…", "Not published", lambda: publish(path, url), done)

    def _jobs_changed(self) -> None:
        """One check out, publish or history at a time; the others wait until it is done."""
        idle = self.jobs.running is None
        linked = self.access is not None
        self.actions["checkout"].setEnabled(idle)
        self.actions["publish"].setEnabled(idle and self.document is not None and not linked)
        for name in ("history", "recent"):
            self.actions[name].setEnabled(idle and linked)
