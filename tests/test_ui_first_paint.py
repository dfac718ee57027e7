"""Work the first screen does not show waits for the window's first paint, then runs."""

from __future__ import annotations

from pathlib import Path

from cx_samples import cascade_strategies
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from cxroadmap.storage.document import write_document
from cxroadmap.ui.cx import cascade_state
from cxroadmap.ui.first_paint import AfterFirstPaint
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings


def test_work_waits_for_the_first_paint_then_runs_in_order(qtbot) -> None:
    widget = QLabel("first screen")
    qtbot.addWidget(widget)
    after = AfterFirstPaint(widget)
    ran: list[str] = []
    after.later(lambda: ran.append("one"))
    after.later(lambda: ran.append("two"))
    QApplication.processEvents()  # zero timers run here, before any paint: not this work
    assert ran == [] and not after.painted
    widget.show()
    qtbot.waitUntil(lambda: ran == ["one", "two"])
    assert after.painted
    after.later(lambda: ran.append("three"))  # painted already: on the next loop turn
    assert ran == ["one", "two"]
    qtbot.waitUntil(lambda: ran == ["one", "two", "three"])


def _cascade_file(tmp_path: Path) -> Path:
    path = tmp_path / "cascade.cxroadmap"
    write_document(path, list(cascade_strategies()))
    return path


def test_the_rest_of_the_cascade_is_read_once_the_window_has_painted(
    qtbot, settings: AppSettings, tmp_path: Path
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.files.open_path(_cascade_file(tmp_path))  # as run_app does: before showing
    document = window.document
    assert document is not None
    QApplication.processEvents()
    assert document not in cascade_state._OTHERS  # not while the first screen is built
    window.show()
    qtbot.waitUntil(lambda: document in cascade_state._OTHERS)
    assert window.after_paint.painted
    # The first click after the paint finds the whole cascade: the Alignment tab lists
    # the other strategies' supporting initiatives.
    bar = window.views.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == "Alignment")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    view = window.views.currentWidget()
    assert view.objectName() == "view_alignment"
    assert ("CARE", "COACH") in view.cells
    window.set_document(None)


def test_a_window_never_shown_still_gets_the_cascade_when_asked(
    qtbot, settings: AppSettings, tmp_path: Path
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.files.open_path(_cascade_file(tmp_path))
    document = window.document
    assert document is not None
    state = cascade_state.cascade_state(document)  # starts the worker itself and waits
    assert [s.key for s in state.cascade] == ["ORG", "CARE", "CARE-T1"]
    window.set_document(None)
