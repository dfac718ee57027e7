"""Starts the desktop app: the QApplication, its name and icon, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from cxroadmap import __version__
from cxroadmap.common.resources import resource_path
from cxroadmap.ui.main_window import APP_NAME, MainWindow


def run_app(path: Path | None) -> int:
    """Start the desktop app, on `path` when given, else on the last file or the welcome screen."""
    if QApplication.instance() is None:
        # Crisp at 125 % and 150 % as well as at whole-number scales.
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons", "cxroadmap.svg"))))
    window = MainWindow()
    window.show()
    if path is not None:
        window.files.open_path(Path(path))
    else:
        last = window.settings.last_file()
        if last is not None and last.exists():
            window.files.open_path(last, quiet=True)
    return app.exec()
