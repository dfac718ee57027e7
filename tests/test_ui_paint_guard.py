"""An exception in one item's paint leaves that item empty and is reported once; the app lives."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QGraphicsScene

from cxroadmap.ui import paint_guard
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.timeline_view import TimelineView


@pytest.fixture(autouse=True)
def fresh_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paint_guard, "_reported", set())


def tab(window: MainWindow, kind: type) -> object:
    view = next(t for t in window.roadmap_tabs if isinstance(t, kind))
    window.views.setCurrentWidget(view)
    QApplication.processEvents()
    return view


def painted(scene: QGraphicsScene, rect: QRectF) -> QImage:
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def blank(image: QImage) -> bool:
    white = QColor("white").rgba()
    return all(
        image.pixel(x, y) == white
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    )


def test_a_bar_whose_paint_raises_is_left_empty_and_reported_once(
    qtbot, small_window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    view = tab(small_window, TimelineView)
    assert isinstance(view, TimelineView)
    scene = view.timeline
    bar = scene.bars["B"]
    other = scene.bars["A"]
    where = bar.mapRectToScene(bar.boundingRect())
    bar.hide()
    without = painted(scene, where)  # what is behind the bar: the phases, the grid
    bar.show()
    assert painted(scene, where) != without  # drawn, before the bug
    calls: list[int] = []

    def broken() -> QRectF:
        calls.append(1)
        raise ZeroDivisionError("a bug in the bar's geometry")

    bar.bar_rect = broken  # type: ignore[method-assign]
    caplog.set_level(logging.ERROR, "cxroadmap.ui.paint")
    for _ in range(3):  # repaints, as scrolling and every edit make them
        view.viewport().repaint()
        image = painted(scene, where)
    assert small_window.isVisible()
    assert calls == [1]  # tried once, then drawn empty: no half bar at each repaint
    assert image == without  # the bar empty, what is behind it drawn
    errors = [r for r in caplog.records if r.name == "cxroadmap.ui.paint"]
    assert len(errors) == 1
    assert "BarItem" in errors[0].getMessage()
    assert "a bug in the bar's geometry" in caplog.text  # with its traceback
    assert not blank(painted(scene, other.mapRectToScene(other.boundingRect())))


def test_a_board_card_whose_paint_raises_leaves_the_rest_of_the_board(
    qtbot,
    small_window: MainWindow,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = tab(small_window, BoardView)
    assert isinstance(view, BoardView)
    scene = view.scene()
    cards = [i for i in scene.items() if type(i).__name__ == "CardItem"]
    assert len(cards) > 2
    card = cards[0]
    card.board = None  # type: ignore[assignment]  # what a bug might leave: its paint raises
    caplog.set_level(logging.ERROR, "cxroadmap.ui.paint")
    view.viewport().repaint()
    view.viewport().repaint()
    assert len([r for r in caplog.records if r.name == "cxroadmap.ui.paint"]) == 1
    other = cards[1]
    assert not blank(painted(scene, other.mapRectToScene(other.boundingRect())))


def test_a_widget_whose_paint_event_raises_is_reported_once_and_painted_again_later(
    qtbot, caplog: pytest.LogCaptureFixture
) -> None:
    from cxroadmap.ui.cx.trend_chart import TrendChart

    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(320, 200)
    chart.trend = object()  # type: ignore[assignment]  # not a trend: its paint raises
    caplog.set_level(logging.ERROR, "cxroadmap.ui.paint")
    chart.grab()
    chart.grab()
    assert len([r for r in caplog.records if r.name == "cxroadmap.ui.paint"]) == 1
    chart.trend = None
    assert not blank(chart.grab().toImage())  # a widget, unlike an item, is tried again
