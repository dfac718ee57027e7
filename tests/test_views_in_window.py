"""The roadmap views in the main window: shared selection, zoom and swimlanes, F5, images."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.install import ViewCommands
from cxroadmap.ui.views.presentation import PresentationWindow
from cxroadmap.ui.views.timeline_view import TimelineView


def commands(window) -> ViewCommands:
    return window.view_commands


def tab(window, kind):
    return next(t for t in window.roadmap_tabs if isinstance(t, kind))


def test_a_bar_clicked_on_the_timeline_is_the_row_selected_in_the_table(small_window, qtbot):
    timeline = tab(small_window, TimelineView)
    small_window.views.setCurrentWidget(timeline)
    small_window.selection.set_keys(["B"], source=timeline)
    assert small_window.initiatives.current_key() == "B"
    small_window.views.setCurrentWidget(small_window.initiatives)
    small_window.initiatives.select_key("C")
    assert timeline.timeline.bars["C"].selected and not timeline.timeline.bars["B"].selected


def test_view_menu_zooms_the_current_timeline_and_changes_its_swimlanes(small_window):
    view_commands = commands(small_window)
    timeline = tab(small_window, TimelineView)
    small_window.views.setCurrentWidget(timeline)
    assert view_commands.zoom_in.isEnabled()
    before = timeline.px_per_day
    view_commands.zoom_in.trigger()
    assert timeline.px_per_day > before
    view_commands.lane_actions["owner"].trigger()
    assert timeline.timeline.grouping == "owner"
    small_window.views.setCurrentWidget(small_window.initiatives)
    assert not view_commands.zoom_in.isEnabled()


def test_f5_presents_the_current_view_and_esc_comes_back(small_window, qtbot):
    view_commands = commands(small_window)
    small_window.views.setCurrentWidget(tab(small_window, BoardView))
    small_window.show()
    qtbot.keyClick(small_window, Qt.Key.Key_F5)
    presentation = view_commands.presentation
    assert isinstance(presentation, PresentationWindow) and presentation.mode == "board"
    qtbot.waitExposed(presentation)
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert presentation.step == 1
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert view_commands.presentation is None


def test_export_image_writes_the_current_view_at_the_chosen_scale(small_window, shown, tmp_path):
    view_commands = commands(small_window)
    small_window.views.setCurrentWidget(tab(small_window, BoardView))
    shown.save_paths.append(tmp_path / "board")
    shown.choices.append("3x")
    written = view_commands.export(".png")
    assert written == tmp_path / "board.png"
    image = QImage(str(written))
    assert not image.isNull() and image.width() > 3 * 600
    shown.save_paths.append(tmp_path / "board.svg")
    assert view_commands.export(".svg") == tmp_path / "board.svg"
    assert "Train for context" in (tmp_path / "board.svg").read_text(encoding="utf-8")
    assert QApplication.overrideCursor() is None


def test_the_view_menu_is_wired_through_named_objects_in_a_fixed_order(small_window):
    menu = small_window.view_menu
    entries = [
        a.menu().objectName() if a.menu() else a.objectName() or a.text()
        for a in menu.actions()
        if not a.isSeparator()
    ]
    assert entries == [
        "action_show_initiatives",
        "action_show_strategy",
        "Inspector",
        "action_show_touchpoints",
        "action_show_matrix",
        "action_show_measures",
        "action_show_alignment",
        "action_zoom_in",
        "action_zoom_out",
        "action_fit_to_window",
        "action_roll_up",
        "swimlanes_menu",
        "action_present",
    ]
    # Each Show command reaches its tab by the window's named tabs, not by menu text.
    small_window.acts["show_matrix"].trigger()
    assert small_window.views.currentWidget() is small_window.roadmap_tab("Matrix")
