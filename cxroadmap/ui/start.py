"""Starts the desktop app: the QApplication, its name and icon, and the main window."""

from __future__ import annotations

import builtins
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from cxroadmap import __version__
from cxroadmap.common import dataclass_cache
from cxroadmap.common.resources import resource_path


def plain_imports() -> None:
    """Put Python's own import back in place of PySide6's `__feature__` hook.

    PySide6 sends every import made after it through a hook that reads the whole source of
    each new module (to see whether it names PySide6, for `from __feature__ import
    snake_case`): about 4 % of the instructions to the demo's first paint. The app selects
    no `__feature__`, so its modules are imported without the hook.
    """
    original = getattr(builtins, "__orig_import__", None)
    if original is not None and builtins.__import__ is getattr(builtins, "__feature_import__", 0):
        builtins.__import__ = original


def run_app(path: Path | None, on_shown: Callable[[], None] | None = None) -> int:
    """Start the desktop app, on `path` when given, else on the last file or the welcome screen.

    `on_shown` is called when the event loop starts, the window shown by then.
    """
    plain_imports()
    # Imported here, once PySide6's hook is gone, with every module of the window under it.
    from cxroadmap.ui.main_window import APP_NAME, MainWindow

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
    if on_shown is not None:
        # Queued first: it runs when the event loop starts, whatever happens before that.
        QTimer.singleShot(0, app, on_shown)
    window = MainWindow()
    # The document first, then the window: it is laid out once, with the document, and the
    # welcome screen is never built. A message about the file shows the window first itself.
    if path is not None:
        window.files.open_path(Path(path))
    else:
        last = window.settings.last_file()
        if last is not None and last.exists():
            window.files.open_path(last, quiet=True)
    window.show()
    dataclass_cache.save()  # what this start compiled, for the next (nothing once kept)
    code = app.exec()
    # Whatever ended the loop, work still on the shared pool (a file being written)
    # finishes before the process exits; its outcome then reaches no window.
    QThreadPool.globalInstance().waitForDone()
    return code
