"""The status bar's labels sit where they belong from the first show, whatever came first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from cxroadmap.content.demo import demo_strategy
from cxroadmap.storage.document import write_document
from cxroadmap.ui.budget_panel import OVER
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.cxroadmap"
    write_document(path, [demo_strategy()])  # over budget in one phase: a red label
    return path


def labels(window: MainWindow) -> dict[str, tuple[QRect, int, int]]:
    """Each shown label of the status bar: its place, and its left and right margins."""
    shown = [w for w in window.statusBar().findChildren(QLabel) if w.isVisible()]
    return {
        w.objectName(): (w.geometry(), w.contentsMargins().left(), w.contentsMargins().right())
        for w in shown
    }


def opened(qtbot, settings: AppSettings, path: Path, before_show: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1400, 850)
    if before_show:
        assert window.files.open_path(path)  # as run_app starts on a file
    window.show()
    QApplication.processEvents()
    if not before_show:
        assert window.files.open_path(path)  # as Open does
    QApplication.processEvents()
    return window


def test_the_labels_are_placed_alike_whether_the_document_opened_before_or_after_the_show(
    qtbot, settings: AppSettings, demo_file: Path
) -> None:
    first = labels(opened(qtbot, settings, demo_file, before_show=True))
    later = labels(opened(qtbot, settings, demo_file, before_show=False))
    assert "status_budget" in first
    assert first == later
    assert {(left, right) for _, left, right in first.values()} == {(10, 10)}


def test_the_budget_label_is_red_while_over_budget(
    qtbot, settings: AppSettings, demo_file: Path
) -> None:
    window = opened(qtbot, settings, demo_file, before_show=True)
    label = window.budget_panel.status_label
    assert label.text().startswith("⚠ Budget")
    image = label.grab().toImage()
    colours = {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }
    red = QColor(OVER)
    assert any(abs(QColor(c).red() - red.red()) < 20 and QColor(c).green() < 90 for c in colours), (
        "no red text"
    )
