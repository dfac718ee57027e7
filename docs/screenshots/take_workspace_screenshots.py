"""Screenshots of the workspace UI: sync state in the status bar, the conflicts panel, the
read-only badge and an initiative's history (a throwaway PostgreSQL server, under Xvfb).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_workspace_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pg_cluster import running_cluster  # noqa: E402
from workspace_helpers import new_workspace  # noqa: E402

from cxroadmap.app import main as cli  # noqa: E402
from cxroadmap.ui.cx.switcher import switch_strategy  # noqa: E402
from cxroadmap.ui.main_window import MainWindow  # noqa: E402
from cxroadmap.ui.settings import AppSettings  # noqa: E402

OUT = Path(__file__).resolve().parent


def care(window: MainWindow) -> None:
    ids = {s.key: sid for sid, s in window.document.store.load_all_with_ids()}  # type: ignore[union-attr]
    switch_strategy(window, ids["CARE"])


def main() -> None:
    app = QApplication(sys.argv)
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
        settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.resize(1600, 1000)
        window.show()
        window.files.open_path(mine)
        care(window)
        window.initiatives.select_key("C-STD")
        QTest.qWait(600)
        window.grab().save(str(OUT / "workspace-not-synced.png"))
        window.workspace_commands.sync_now()
        window.initiatives.select_key("C-STD")
        QTest.qWait(600)
        window.grab().save(str(OUT / "workspace-conflicts.png"))
        ids = {s.key: sid for sid, s in window.document.store.load_all_with_ids()}  # type: ignore[union-attr]
        switch_strategy(window, ids["ORG"])
        QTest.qWait(600)
        window.grab().save(str(OUT / "workspace-read-only.png"))
        care(window)
        window.inspector.set_key("C-COACH")
        dialog = window.workspace_commands.show_history()
        QTest.qWait(600)
        if dialog is not None:
            dialog.grab().save(str(OUT / "workspace-history.png"))
        window.close()
    app.quit()


if __name__ == "__main__":
    main()
