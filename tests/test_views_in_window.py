"""The roadmap views in the main window: shared selection, zoom and swimlanes, F5, images."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.install import ViewCommands, install_views
from cxroadmap.ui.views.presentation import PresentationWindow
from cxroadmap.ui.views.timeline_view import TimelineView


def commands(window) -> ViewCommands:
    existing = getattr(window, "view_commands", None)
    return existing if existing is not None else install_views(window)


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
