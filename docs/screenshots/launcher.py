"""What every screenshot script sets up: a display, the app, a document and its main window."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from cxroadmap.domain.model import Strategy
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings

# Beside the scripts, where the docs link them; another folder to compare before replacing.
OUT = Path(os.environ.get("CXROADMAP_SCREENSHOTS") or Path(__file__).resolve().parent)
SCREEN = (1600, 1000)
DOCUMENT = "customer-experience-2027.cxroadmap"


def start() -> QApplication:
    """The app on a screen of SCREEN's size. Without a display the script runs itself again
    under xvfb-run, so `python docs/screenshots/take_….py` is the whole command."""
    if not os.environ.get("DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        width, height = SCREEN
        screen = f"-screen 0 {width}x{height}x24"
        os.execvp("xvfb-run", ["xvfb-run", "-a", "-s", screen, sys.executable, *sys.argv])
    return QApplication(sys.argv)


def main_window(folder: Path) -> MainWindow:
    """A main window of SCREEN's size with settings of its own in `folder` (not shown yet)."""
    settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(*SCREEN)
    window.move(0, 0)
    return window


def open_window(strategies: list[Strategy], folder: Path | None = None) -> tuple[MainWindow, Path]:
    """`strategies` written to a new file in `folder` (a new one by default), then opened in a
    main window on screen; the window and the file."""
    folder = folder or Path(tempfile.mkdtemp())
    path = folder / DOCUMENT
    write_document(path, strategies)
    return show_file(path), path


def show_file(path: Path) -> MainWindow:
    """A main window on screen (its settings beside `path`) with the file `path` open."""
    window = main_window(path.parent)
    window.show()
    assert window.files.open_path(path)
    return window


def settle(ms: int = 400) -> None:
    """Let queued layout and paint work run, then wait `ms` for what follows from it."""
    for _ in range(10):
        QApplication.processEvents()
    QTest.qWait(ms)


def snap(widget: QWidget, name: str, ms: int = 400) -> None:
    """What `widget` shows once settled, saved as `name`.png."""
    settle(ms)
    widget.grab().save(str(OUT / f"{name}.png"))


def pdf_page(pdf: Path, name: str, containing: str = "", page: int = 1, dpi: int = 110) -> None:
    """One page of `pdf` saved as `name`.png: the first page holding `containing` if given,
    else page `page` (pdftotext and pdftoppm, from poppler-utils)."""
    if containing:
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        page = next(i for i, p in enumerate(text.split("\f"), 1) if containing in p)
    pages = ["-f", str(page), "-l", str(page)]
    command = ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", *pages, str(pdf), str(OUT / name)]
    subprocess.run(command, check=True)
