"""Roadmap tabs are built when first shown, and then look as if they had always been there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from ui_fixtures import small_strategy

from cxroadmap.domain.view_filter import ViewFilter
from cxroadmap.storage.document import write_document
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.views.board import BoardView
from cxroadmap.ui.views.timeline_view import TimelineView

TABS = ["Initiatives", "Timeline", "Phases", "Dependencies", "Touchpoints", "Matrix",
        "Measures", "Alignment", "Strategy", "Budget"]  # fmt: skip


def tab_titles(window: MainWindow) -> list[str]:
    return [window.views.tabText(i) for i in range(window.views.count())]


def test_opening_a_document_builds_no_roadmap_view_until_its_tab_is_clicked(
    qtbot, small_window: MainWindow
) -> None:
    window = small_window
    assert window.roadmap.built() == []
    assert tab_titles(window) == TABS
    bar = window.views.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    timeline = window.views.currentWidget()
    assert isinstance(timeline, TimelineView)
    assert timeline.objectName() == "view_timeline"
    assert window.roadmap.built() == [timeline]
    assert window.views.indexOf(timeline) == 1 and tab_titles(window) == TABS
    assert set(timeline.timeline.geom) == {"A", "B", "C", "D"}  # drawn for the document
    assert window.view_commands.zoom_in.isEnabled()  # the View menu knows what is in front
    assert window.roadmap_tab("Timeline") is timeline  # built once


def test_a_view_built_late_takes_the_swimlanes_and_saved_view_chosen_before(
    window: MainWindow, small_file: Path, tmp_path: Path
) -> None:
    assert window.files.open_path(small_file)
    window.views.setCurrentWidget(window.roadmap_tab("Timeline"))
    lanes = window.findChild(QAction, "action_lanes_owner")
    assert lanes is not None and lanes.isEnabled()
    lanes.trigger()  # swimlanes by owner, chosen on the first document's timeline
    window.views.setCurrentIndex(0)
    strategy = small_strategy()
    strategy.views = [ViewFilter("Ana only", owners=["Ana"])]
    path = tmp_path / "ana.cxroadmap"
    write_document(path, [strategy])
    assert window.files.open_path(path)
    picker = window.view_commands.saved_views.picker
    picker.setCurrentIndex(1)
    picker.activated.emit(1)  # as a click on the item does
    assert window.roadmap.built() == []
    timeline = window.roadmap_tab("Timeline")
    assert isinstance(timeline, TimelineView)
    window.views.setCurrentWidget(timeline)
    assert timeline.timeline.grouping == "owner"
    assert set(timeline.timeline.geom) == {"A", "C"}
    board = window.roadmap_tab("Phases")
    assert isinstance(board, BoardView)
    window.views.setCurrentWidget(board)
    assert set(board.board.cards) == {"A", "C"}


def test_the_tab_in_front_stays_in_front_for_the_next_document_built_alone(
    window: MainWindow, small_file: Path, tmp_path: Path
) -> None:
    assert window.files.open_path(small_file)
    window.views.setCurrentIndex(2)  # Phases
    other = tmp_path / "other.cxroadmap"
    write_document(other, [small_strategy()])
    assert window.files.open_path(other)
    board = window.views.currentWidget()
    assert isinstance(board, BoardView) and board.document is window.document
    assert window.roadmap.built() == [board]
    assert tab_titles(window) == TABS


def _click_tab(qtbot, window: MainWindow, title: str) -> None:  # type: ignore[no-untyped-def]
    bar = window.views.tabBar()
    index = tab_titles(window).index(title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_the_strategy_panel_is_built_when_its_tab_is_clicked_and_shows_the_document(
    qtbot, small_window: MainWindow
) -> None:
    window = small_window
    assert not window.strategy_tab.built
    _click_tab(qtbot, window, "Strategy")
    panel = window.views.currentWidget()
    assert window.strategy_tab.built and panel is window.strategy_panel
    assert tab_titles(window) == TABS  # in the stand-in's place
    assert panel.editors["name"].text() == window.document.strategy.name  # type: ignore[attr-defined]
    _click_tab(qtbot, window, "Initiatives")
    _click_tab(qtbot, window, "Strategy")
    assert window.views.currentWidget() is panel  # built once


def test_the_strategy_panel_asked_for_before_its_tab_follows_the_next_document(
    window: MainWindow, small_file: Path, tmp_path: Path
) -> None:
    assert window.files.open_path(small_file)
    panel = window.strategy_panel  # built on demand, with the open document
    assert panel.document is window.document
    strategy = small_strategy()
    strategy.name = "Another plan"
    other = tmp_path / "other.cxroadmap"
    write_document(other, [strategy])
    assert window.files.open_path(other)
    assert window.strategy_panel is panel
    assert panel.editors["name"].text() == "Another plan"  # type: ignore[attr-defined]
    assert tab_titles(window) == TABS


def test_the_budget_tab_fills_its_tables_when_clicked_the_status_bar_at_once(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    from cxroadmap.content.demo import demo_cascade

    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    assert window.files.open_path(path)
    panel = window.budget_panel
    assert panel.status_label.text().startswith("⚠ Budget")  # on the first screen already
    assert panel.phases.rowCount() == 0  # the hidden tab's tables wait to be shown
    _click_tab(qtbot, window, "Budget")
    assert window.views.currentWidget() is panel
    summary = panel.summary
    assert summary is not None
    assert panel.phases.rowCount() == len(summary.by_phase) > 0
    assert panel.owners.rowCount() == len(summary.by_owner) > 0
    assert panel.headline.text().startswith("Planned")
