"""The Measures tab's readings: added and edited by hand, charted, and red flags on the timeline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cx_samples import touchpoint_strategy
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from cxroadmap.common import style
from cxroadmap.domain.measures import Reading
from cxroadmap.storage.document import read_document, write_document
from cxroadmap.ui.cx.measures_page import MeasuresPage
from cxroadmap.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def cx_window(window: MainWindow, tmp_path: Path) -> MainWindow:
    # FCR: 62 -> 80 from 2027-01-04 to 2027-12-31 (361 days).
    strategy = touchpoint_strategy()
    strategy.measures[0].readings = [Reading(dt.date(2027, 3, 31), 65.0)]
    path = tmp_path / "cx.cxroadmap"
    write_document(path, [strategy])
    assert window.files.open_path(path)
    return window


def measures_page(window: MainWindow) -> MeasuresPage:
    page = window.cx_commands.show_tab("Measures")
    QApplication.processEvents()
    assert isinstance(page, MeasuresPage)
    page.table.selectRow(0)
    QApplication.processEvents()
    return page


def test_a_reading_is_added_typed_in_and_judged_against_the_line(qtbot, cx_window) -> None:
    page = measures_page(cx_window)
    panel = page.readings
    # 2027-03-31 is day 86 of 361: line 62 + 18 x 86/361 = 66.29; 65 is below it.
    assert panel.model.index(0, 2).data() == "No"
    assert panel.verdict.text() == (
        "First-contact resolution: 65 % on 2027-03-31: OFF TRACK (line 66.29)."
    )
    assert panel.add_reading(dt.date(2027, 6, 30))
    QApplication.processEvents()
    editor = panel.table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "71")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    measure = cx_window.document.strategy.measures[0]
    assert measure.readings == [
        Reading(dt.date(2027, 3, 31), 65.0),
        Reading(dt.date(2027, 6, 30), 71.0),
    ]
    # Day 177: line 62 + 18 x 177/361 = 70.83; 71 is above it.
    assert panel.model.index(1, 2).data() == "Yes"
    assert panel.verdict.text().endswith("71 % on 2027-06-30: on track (line 70.83).")
    assert [v for _, v in panel.chart.trend.points] == [False, True]  # type: ignore[union-attr]
    stored = read_document(cx_window.document.path)[0].measures[0].readings  # type: ignore[union-attr]
    assert stored == measure.readings
    cx_window.document.undo_stack.undo()
    cx_window.document.undo_stack.undo()
    assert measure.readings == [Reading(dt.date(2027, 3, 31), 65.0)]


def test_a_readings_date_is_edited_in_place_and_the_list_stays_in_date_order(cx_window) -> None:
    page = measures_page(cx_window)
    panel = page.readings
    assert panel.add_reading(dt.date(2027, 6, 30))
    assert panel.model.setData(panel.model.index(1, 0), "2027-02-15")
    assert [panel.model.index(r, 0).data() for r in range(2)] == ["2027-02-15", "2027-03-31"]
    assert not panel.model.setData(panel.model.index(0, 0), "2027-03-31")  # taken
    assert "already a reading on 2027-03-31" in cx_window.document.last_error
    panel.table.selectRow(0)
    assert panel.remove_current()
    assert [r.date for r in cx_window.document.strategy.measures[0].readings] == [
        dt.date(2027, 3, 31)
    ]


def test_a_measure_off_track_turns_its_timeline_flag_red(qtbot, cx_window) -> None:
    from cxroadmap.ui.views.timeline_view import TimelineView

    def flag_colour() -> str:
        timeline = cx_window.cx_commands.show_tab("Timeline")
        assert isinstance(timeline, TimelineView)
        timeline.fit()
        QApplication.processEvents()
        scene = timeline.timeline
        x = scene.scale.x_of(scene.strategy.measures[0].target_date)
        point = timeline.mapFromScene(x, scene.sceneRect().top())
        image = timeline.viewport().grab().toImage()
        return str(image.pixelColor(point.x() + 3, point.y() + 6).name())

    assert flag_colour() == style.OFF_TRACK
    page = measures_page(cx_window)
    assert page.readings.add_reading(dt.date(2027, 6, 30))
    assert page.readings.model.setData(page.readings.model.index(1, 1), "75")
    assert flag_colour() == style.MEASURE
