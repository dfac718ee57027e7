"""Screenshots of the desktop app's welcome screen, main window and strategy panel (under Xvfb).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/screenshots/take_app_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cxroadmap.content.demo import demo_strategy
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings

OUT = Path(__file__).resolve().parent


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp()) / "Strategies"
    folder.mkdir()
    path = folder / "customer-experience-2027.cxroadmap"
    write_document(path, [demo_strategy()])
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    settings.add_recent(path)
    window = MainWindow(settings)
    window.set_document(None)
    window.resize(1600, 1000)
    window.show()
    QTest.qWait(500)
    window.grab().save(str(OUT / "welcome.png"))
    window.files.open_path(path)
    window.initiatives.select_key("TR2")
    QTest.qWait(500)
    window.grab().save(str(OUT / "main-window.png"))
    window.acts["show_strategy"].trigger()
    QTest.qWait(300)
    window.grab().save(str(OUT / "strategy-panel.png"))
    window.close()
    app.quit()


if __name__ == "__main__":
    main()
