"""Progress in the app: the columns and inspector fields, Status Date: Today, the status date
field, the progress fill on bars and cards, and the status-date line (real clicks and keys)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMenu
from ui_fixtures import cell, cell_text, edit_cell, on_disk

from cxroadmap.common import style
from cxroadmap.scheduling.result import COMPLETE, STARTED
from cxroadmap.ui import progress_commands

STATUS = dt.date(2027, 1, 20)  # Wednesday, working day 12 of the small plan


def click_menu_item(qtbot, window, menu_title: str, action) -> None:  # type: ignore[no-untyped-def]
    """Open a menu of the menu bar with a click and click one of its items."""
    bar = window.menuBar()
    menu_action = next(a for a in bar.actions() if a.text().replace("&", "") == menu_title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu_action).center())
    menu = menu_action.menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    QApplication.processEvents()


def test_status_date_today_is_an_undoable_edit_menu_command(qtbot, small_window, small_file,
                                                            monkeypatch):  # fmt: skip
    w = small_window
    monkeypatch.setattr(progress_commands, "today", lambda: STATUS)
    action = w.acts["status_today"]
    assert action in w.menuBar().actions()[1].menu().actions()  # the Edit menu
    click_menu_item(qtbot, w, "Edit", action)
    assert w.document.strategy.status_date == STATUS
    assert on_disk(small_file).status_date == STATUS
    # Nothing is started, so every initiative now starts on or after the status day.
    assert cell_text(w, "A", "start") == "2027-01-20"
    assert w.document.undo_stack.undoText() == "Status date 2027-01-20"
    w.activateWindow()  # the closed menu leaves no window active offscreen
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.initiatives.table.setFocus()
    qtbot.keyClick(w.initiatives.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.document.strategy.status_date is None
    assert cell_text(w, "A", "start") == "2027-01-04"


def test_progress_columns_are_edited_in_the_table(qtbot, small_window, small_file):
    w = small_window
    edit_cell(qtbot, w, "A", "actual_start", "2027-01-04")
    edit_cell(qtbot, w, "A", "actual_finish", "2027-01-12")
    saved = on_disk(small_file).initiatives["A"]
    assert (saved.actual_start, saved.actual_finish) == (dt.date(2027, 1, 4), dt.date(2027, 1, 12))
    # A took seven working days: B follows its actual finish.
    assert w.document.schedule.items["A"].state == COMPLETE
    assert cell_text(w, "B", "start") == "2027-01-13"


def test_percent_complete_in_the_inspector_needs_an_actual_start_first(qtbot, small_window,
                                                                       shown):  # fmt: skip
    w = small_window
    table = w.initiatives.table
    rect = table.visualRect(cell(w, "B", "title"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    inspector = w.inspector
    assert inspector.key == "B"
    spin = inspector.editors["percent_complete"]
    spin.setFocus()
    qtbot.keyClicks(spin, "5")
    qtbot.waitUntil(lambda: any("needs an actual start" in e for e in shown.errors))
    assert w.document.strategy.initiatives["B"].percent_complete == 0
    start = inspector.editors["actual_start"]
    start.setFocus()
    start.selectAll()
    qtbot.keyClicks(start, "2027-01-11")
    qtbot.keyClick(start, Qt.Key.Key_Return)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "30")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    ini = w.document.strategy.initiatives["B"]
    assert (ini.actual_start, ini.percent_complete) == (dt.date(2027, 1, 11), 30)
    assert w.document.schedule.items["B"].state == STARTED
    assert "Started, 30 % done" in inspector.schedule_label.text()


def test_the_status_date_field_of_the_strategy_panel(qtbot, small_window, small_file, shown):
    w = small_window
    w.views.setCurrentWidget(w.strategy_panel)
    field = w.strategy_panel.editors["status_date"]
    field.setFocus()
    qtbot.keyClicks(field, "2027-01-20")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert on_disk(small_file).status_date == STATUS
    field.selectAll()
    qtbot.keyClicks(field, "someday")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert w.document.strategy.status_date == STATUS
    qtbot.waitUntil(lambda: any("status_date" in e for e in shown.errors))
    assert field.text() == "2027-01-20"
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert on_disk(small_file).status_date is None


def _progress_plan(w) -> None:  # type: ignore[no-untyped-def]
    """A complete, B started 30 % with the status date 2027-01-20 (B is behind)."""
    from cxroadmap.domain.edits import ChangeInitiative, ChangeStrategy, CompositeEdit

    assert w.document.apply(
        CompositeEdit("progress", [
            ChangeStrategy({"status_date": STATUS}),
            ChangeInitiative("A", {"actual_start": "2027-01-04", "actual_finish": "2027-01-08"}),
            ChangeInitiative("B", {"actual_start": "2027-01-11", "percent_complete": 30}),
        ])
    )  # fmt: skip


def test_bars_show_their_progress_and_the_status_date_is_a_line(qtbot, small_window):
    w = small_window
    _progress_plan(w)
    view = w.roadmap_tab("Timeline")
    w.views.setCurrentWidget(view)
    view.set_zoom(10.0)
    view.horizontalScrollBar().setValue(0)
    QApplication.processEvents()
    bars = view.timeline.bars
    assert (bars["A"].done, bars["B"].done, bars["C"].done) == (1.0, 0.3, 0.0)
    image = view.viewport().grab().toImage()
    x = view.mapFromScene(view.timeline.scale.x_of(STATUS), 0).x()
    column = {image.pixelColor(QPoint(x, y)).name() for y in range(60, image.height() - 10)}
    assert QColor(style.STATUS_DATE).name() in column
    # The done part of B's bar is drawn darker than the rest of it.
    bar = bars["B"]
    middle = bar.bar_rect().center()
    done = view.mapFromScene(bar.mapToScene(bar.bar_rect().left() + 4, middle.y()))
    todo = view.mapFromScene(bar.mapToScene(bar.bar_rect().right() - 4, middle.y()))
    assert image.pixelColor(done).lightness() < image.pixelColor(todo).lightness() - 20


def test_cards_show_their_progress(qtbot, small_window):
    w = small_window
    _progress_plan(w)
    board = w.roadmap_tab("Phases")
    w.views.setCurrentWidget(board)
    QApplication.processEvents()
    cards = board.board.cards
    assert (cards["A"].done, cards["B"].done, cards["C"].done) == (1.0, 0.3, 0.0)


def test_the_pdf_timeline_marks_the_status_date():
    from pdf_samples import page_texts, small_strategy

    from cxroadmap.export.pdf import render_pdf
    from cxroadmap.scheduling.planner import schedule

    strategy = small_strategy()
    before = " ".join(page_texts(render_pdf(strategy, schedule(strategy))))
    assert "Status 20 Jan" not in before
    strategy.status_date = dt.date(2027, 1, 20)
    after = " ".join(page_texts(render_pdf(strategy, schedule(strategy))))
    assert "Status 20 Jan 2027" in after
