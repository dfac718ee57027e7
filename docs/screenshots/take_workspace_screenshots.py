"""Screenshots of the workspace UI: sync state in the status bar, the conflicts panel, the
read-only badge, the busy bar of a history fetch and an initiative's history (a throwaway
PostgreSQL server).

Run: python docs/screenshots/take_workspace_screenshots.py (under xvfb-run when there is no display)
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from launcher import OUT, settle, show_file, snap, start
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pg_cluster import running_cluster  # noqa: E402
from workspace_helpers import new_workspace  # noqa: E402

from cxroadmap.app import main as cli  # noqa: E402
from cxroadmap.ui.cx.switcher import switch_strategy  # noqa: E402
from cxroadmap.ui.main_window import MainWindow  # noqa: E402


def care(window: MainWindow) -> None:
    ids = {s.key: sid for sid, s in window.document.store.load_all_with_ids()}  # type: ignore[union-attr]
    switch_strategy(window, ids["CARE"])


def password_prompt(window: MainWindow, cluster: Any, ws: Any, folder: Path) -> None:
    """The prompt when the server wants a password that libpq did not find."""
    role = cluster.password_role("pia", "correct horse")
    for key in ("ORG", "CARE", "CARE-T1", "STORES"):
        cli(["workspace", "grant", ws.url(), role, "--strategy", key, "--edit"])
    os.environ["PGPASSFILE"] = str(folder / "empty-pgpass")
    (folder / "empty-pgpass").write_text("")
    os.environ["PGPASSWORD"] = "correct horse"
    path = ws.laptop("pia", role)
    del os.environ["PGPASSWORD"]
    window.files.open_path(path)
    care(window)
    commands = window.workspace_commands
    commands.sync_now()
    for _ in range(200):
        QTest.qWait(50)
        if commands.runner.password_dialog is not None:
            break
    dialog = commands.runner.password_dialog
    if dialog is not None:
        settle(300)
        # The dialog is a window of its own: take the screen, cut to the main window.
        screen = QApplication.primaryScreen().grabWindow(0)
        screen.copy(window.frameGeometry()).save(str(OUT / "workspace-password.png"))
        dialog.setTextValue("correct horse")
        dialog.accept()
        commands.runner.wait()


def main() -> None:
    app = start()
    folder = Path(tempfile.mkdtemp())
    with running_cluster() as cluster:
        ws = new_workspace(cluster, folder)
        ana = ws.role("ana", edit=["CARE", "CARE-T1"], read=["ORG", "STORES"])
        mine = ws.laptop("care", ana, "CARE", "CARE-T1")
        other = ws.laptop("cco")
        cli(["set", str(mine), "--strategy", "CARE", "C-STD", "owner=Ana Lopes", "impact=5"])
        cli(["set", str(other), "--strategy", "CARE", "C-STD", "owner=Customer Care board"])
        cli(["set", str(other), "--strategy", "CARE", "C-COACH", "status=in_progress"])
        cli(["sync", str(other)])
        window = show_file(mine)
        care(window)
        window.initiatives.select_key("C-STD")
        snap(window, "workspace-not-synced", 600)
        commands = window.workspace_commands
        shot = threading.Event()
        commands.runner.hook = lambda phase: phase != "server: fetched" or shot.wait(30)
        commands.sync_now()
        snap(window, "workspace-syncing", 300)  # the worker waits for this picture meanwhile
        shot.set()
        commands.runner.wait()
        window.initiatives.select_key("C-STD")
        snap(window, "workspace-conflicts", 600)
        ids = {s.key: sid for sid, s in window.document.store.load_all_with_ids()}  # type: ignore[union-attr]
        switch_strategy(window, ids["ORG"])
        snap(window, "workspace-read-only", 600)
        care(window)
        window.inspector.set_key("C-COACH")
        # History is fetched on a worker: the busy bar while it runs, then the dialog.
        fetched = threading.Event()
        commands.jobs.hook = lambda _what: fetched.wait(30)
        commands.show_history()
        snap(window, "workspace-busy", 300)
        fetched.set()
        commands.jobs.wait()
        settle(600)
        dialog = window.workspace_commands.history_dialog
        if dialog is not None:
            snap(dialog, "workspace-history", 0)
            dialog.close()
        password_prompt(window, cluster, ws, folder)
        window.close()
    app.quit()


if __name__ == "__main__":
    main()
