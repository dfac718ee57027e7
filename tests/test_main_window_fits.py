"""The main window opens inside a small screen (1280x720, a projector or a small laptop)."""

from __future__ import annotations

from pathlib import Path

from offscreen_screens import run_on_screens
from PySide6.QtCore import QRect

from cxroadmap.ui.window_fit import fitted


def test_fitted_shrinks_and_moves_a_rectangle_into_the_available_area() -> None:
    available = QRect(0, 30, 1280, 690)  # a panel takes the top 30 pixels
    assert fitted(QRect(100, 100, 800, 500), available) == QRect(100, 100, 800, 500)
    assert fitted(QRect(0, 0, 1440, 880), available) == QRect(0, 30, 1280, 690)
    assert fitted(QRect(900, 500, 800, 500), available) == QRect(480, 220, 800, 500)
    assert fitted(QRect(-50, 10, 800, 500), available) == QRect(0, 30, 800, 500)


def test_the_main_window_fits_a_1280x720_screen_first_run_and_restored(tmp_path: Path) -> None:
    screen = {"name": "Small", "x": 0, "y": 0, "width": 1280, "height": 720}
    report = run_on_screens(tmp_path, [screen], "main_window_fit_child.py", str(tmp_path))
    assert report["available"] == [0, 0, 1280, 720]
    # First run: the preferred 1440x880 does not fit, so the window takes the whole screen.
    assert report["first run"] == [0, 0, 1280, 720]
    # A saved geometry that fits is restored as it was.
    assert report["saved that fits"] == [98, 48, 1104, 604]  # offscreen frames are 2 px wide
    # One saved on a larger screen is shrunk and moved inside this one.
    # (Qt's restoreGeometry leaves room for a title bar it guesses: the exact top may vary.)
    x, y, width, height = report["saved too large"]
    assert x == 0 and width == 1280 and y >= 0 and y + height <= 720 and height >= 600
