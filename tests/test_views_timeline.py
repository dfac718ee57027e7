"""The timeline view: bars where the schedule puts them, drag to edit, zoom and hover."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from views_fixtures import small_strategy

from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.ui.document import OpenDocument
from cxroadmap.ui.selection import Selection
from cxroadmap.ui.views.timeline_layout import milestone_day
from cxroadmap.ui.views.timeline_view import TimelineView


@pytest.fixture
def view(qtbot):
    document = OpenDocument(small_strategy())
    view = TimelineView(document, Selection())
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(10.0)
    view.horizontalScrollBar().setValue(0)
    return view


def bar_point(view: TimelineView, key: str, where: str = "middle") -> QPoint:
    """Viewport point on the bar of `key`: its middle, or its link handle."""
    bar = view.timeline.bars[key]
    local = bar.handle_centre() if where == "handle" else bar.bar_rect().center()
    return view.mapFromScene(bar.mapToScene(local))


def drag(view: TimelineView, start: QPoint, end: QPoint, steps: int = 4) -> None:
    port = view.viewport()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, steps + 1):
        QTest.mouseMove(port, start + (end - start) * (i / steps))
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_the_timeline_holds_one_bar_per_scheduled_initiative_at_its_start_date(view):
    schedule = view.document.schedule
    scale = view.timeline.scale
    assert sorted(view.timeline.bars) == sorted(schedule.items) == ["A", "B", "C", "M"]
    assert view.timeline.bar_x("A") == scale.x_of(dt.date(2027, 1, 4))
    assert view.timeline.bar_x("B") == scale.x_of(dt.date(2027, 1, 11))
    assert view.timeline.bar_x("C") == scale.x_of(dt.date(2027, 1, 4))
    # B is ten working days long: its bar ends at the end of Friday 22 January.
    assert view.timeline.bars["B"].width == pytest.approx(12 * 10.0)
    # The milestone marks the end of B's last day.
    assert view.timeline.bar_x("M") == scale.x_of(milestone_day(schedule.items["M"]))
    assert view.timeline.bar_x("M") == scale.x_of(dt.date(2027, 1, 23))


def test_after_an_edit_the_bar_moves_to_the_new_start(view):
    before = view.timeline.bar_x("B")
    view.document.apply(ChangeInitiative("A", {"duration": 10}))
    assert view.timeline.bar_x("B") == view.timeline.scale.x_of(dt.date(2027, 1, 18))
    assert view.timeline.bar_x("B") > before
    view.document.undo_stack.undo()
    assert view.timeline.bar_x("B") == before


def test_dragging_a_bar_sideways_sets_its_not_before_date_and_undo_puts_it_back(view):
    start = bar_point(view, "C")
    drag(view, start, start + QPoint(14 * 10, 0))  # two weeks at 10 px a day
    assert view.document.strategy.initiatives["C"].not_before == dt.date(2027, 1, 18)
    assert view.document.schedule.items["C"].start == dt.date(2027, 1, 18)
    assert view.timeline.bar_x("C") == view.timeline.scale.x_of(dt.date(2027, 1, 18))
    view.document.undo_stack.undo()
    assert view.document.strategy.initiatives["C"].not_before is None
    assert view.timeline.bar_x("C") == view.timeline.scale.x_of(dt.date(2027, 1, 4))


def test_a_click_without_a_drag_selects_the_bar_for_every_view(view):
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=bar_point(view, "B"))
    assert view.selection.keys == ["B"]
    assert view.timeline.bars["B"].selected
    assert view.document.undo_stack.count() == 0
    view.selection.set_keys(["C"], source="table")
    assert view.timeline.bars["C"].selected and not view.timeline.bars["B"].selected


def test_dragging_from_one_bars_handle_to_another_bar_creates_a_dependency(view):
    drag(view, bar_point(view, "A", "handle"), bar_point(view, "C"))
    assert view.document.strategy.dependency("A", "C") is not None
    assert view.document.schedule.items["C"].start == dt.date(2027, 1, 11)
    assert view.timeline.bar_x("C") == view.timeline.scale.x_of(dt.date(2027, 1, 11))
    view.document.undo_stack.undo()
    assert view.document.strategy.dependency("A", "C") is None


def test_a_dependency_dragged_to_close_a_cycle_is_refused_with_a_message(view, qtbot):
    with qtbot.waitSignal(view.document.refused) as refused:
        drag(view, bar_point(view, "B", "handle"), bar_point(view, "A"))
    assert "cycle" in refused.args[0]
    assert refused.args[0] == "dependency cycle: B -> A -> B"
    assert view.document.strategy.dependency("B", "A") is None
    assert view.document.undo_stack.count() == 0


def test_ctrl_wheel_and_ctrl_keys_zoom_and_ctrl_0_fits_the_window(view, qtbot):
    view.set_zoom(4.0)
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.px_per_day == pytest.approx(5.0)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.px_per_day == pytest.approx(4.0)
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    days = view.timeline.total_days()
    assert view.px_per_day * days <= view.viewport().width()
    # Zoom stays anchored under the mouse; a wheel step up zooms in by one step.
    from PySide6.QtGui import QWheelEvent

    fitted = view.px_per_day
    event = QWheelEvent(
        QPointF(300, 100),
        view.viewport().mapToGlobal(QPointF(300, 100)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QTest.qWait(0)
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(view.viewport(), event)
    assert view.px_per_day == pytest.approx(fitted * 1.25)
    # Bars follow the zoom: still on their start dates.
    assert view.timeline.bar_x("B") == view.timeline.scale.x_of(dt.date(2027, 1, 11))


def test_hovering_a_bar_explains_its_dates_slack_and_why_it_starts_then(view):
    text = view.timeline.tooltip("B")
    assert "11 Jan 2027 – 22 Jan 2027" in text
    assert "Critical: no slack" in text
    assert "Starts then because: FS from A" in text
    assert "(3 working days)<br>Slack: 12 working days" in view.timeline.tooltip("C")


def test_a_large_roadmap_places_the_bars_on_screen_and_catches_up_while_scrolling(qtbot):
    from cxroadmap.domain.model import Initiative, Strategy

    strategy = Strategy("Large", dt.date(2027, 1, 4))
    for i in range(1000):
        key = f"K{i:04d}"
        strategy.initiatives[key] = Initiative(key, f"Initiative {i}", 1 + i % 20)
    view = TimelineView(OpenDocument(strategy), Selection())
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    scene = view.timeline
    assert scene.lazy and len(scene.bars) < 200  # only what is on (or near) the screen
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    last = scene.row_keys[-1]
    assert last in scene.bars
    view.set_zoom(view.px_per_day * 2)
    bar = scene.bars[last]
    assert (
        bar.pos().x()
        == scene.bar_x(last)
        == scene.scale.x_of(view.document.schedule.items[last].start)
    )
    # Bars made before the zoom but now off screen catch up when scrolled back to.
    view.verticalScrollBar().setValue(0)
    first = scene.row_keys[0]
    assert scene.bars[first].pos().x() == scene.bar_x(first)


def test_a_strategy_that_cannot_be_scheduled_shows_why_instead_of_bars(qtbot):
    from cxroadmap.domain.model import Dependency

    strategy = small_strategy()
    strategy.dependencies.append(Dependency("M", "A"))  # loaded as is: a cycle
    view = TimelineView(OpenDocument(strategy), Selection())
    qtbot.addWidget(view)
    assert view.timeline.bars == {}
    assert view.timeline.notice.text() == "Cannot schedule: dependency cycle: A -> B -> M -> A"


def test_a_tooltip_event_over_a_bar_shows_its_explanation(view, qtbot):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    point = bar_point(view, "B")
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    assert "FS from A" in QToolTip.text()


def test_the_date_axis_draws_the_dates_and_nothing_while_its_view_is_being_collected(view):
    header = view.header
    drawn = header.grab().toImage()
    colours = {drawn.pixel(x, y) for x in range(0, drawn.width(), 3) for y in range(drawn.height())}
    assert len(colours) > 2  # month names and ticks, not a blank strip
    # The garbage collector empties the attributes of every object of a cycle before Qt has
    # deleted the widgets: a paint meanwhile draws nothing and raises nothing (pytest-qt
    # fails a test on an exception in a paint).
    attributes = dict(view.__dict__)
    view.__dict__.clear()
    header.__dict__.clear()
    try:
        header.grab()
    finally:
        view.__dict__.update(attributes)
