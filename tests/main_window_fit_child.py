"""Run in a fresh process on Qt's offscreen platform with one 1280x720 screen (see
test_main_window_fits.py): opens main windows from settings and prints their geometry as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings


def opened(ini: Path) -> list[int]:
    """The frame geometry of a main window shown with the settings in `ini`, then closed."""
    window = MainWindow(AppSettings(QSettings(str(ini), QSettings.Format.IniFormat)))
    window.show()
    QApplication.processEvents()
    rect = list(window.frameGeometry().getRect())
    window.close()
    return rect


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(sys.argv[1])
    report: dict[str, object] = {
        "available": list(app.primaryScreen().availableGeometry().getRect())
    }
    report["first run"] = opened(folder / "first.ini")
    fits = AppSettings(QSettings(str(folder / "fits.ini"), QSettings.Format.IniFormat))
    window = MainWindow(fits)
    window.setGeometry(100, 50, 1100, 600)
    fits.set_geometry(window.saveGeometry())
    fits.sync()
    report["saved that fits"] = opened(folder / "fits.ini")
    big = AppSettings(QSettings(str(folder / "big.ini"), QSettings.Format.IniFormat))
    window.setGeometry(300, 200, 1600, 1000)  # saved on a larger screen
    big.set_geometry(window.saveGeometry())
    big.sync()
    report["saved too large"] = opened(folder / "big.ini")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
