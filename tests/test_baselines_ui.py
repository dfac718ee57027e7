"""Baselines in the app: the dialog's buttons, variance columns, ghost bars and the status bar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from ui_fixtures import cell, cell_text, edit_cell, on_disk

from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.models.initiatives_model import COLUMN
from cxroadmap.ui.views.timeline_view import TimelineView

LEFT = Qt.MouseButton.LeftButton


def click_row(qtbot, table, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())


def test_take_a_baseline_then_see_what_slipped_rename_choose_delete_and_undo(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    commands = w.baseline_commands
    table = w.initiatives.table
    assert table.isColumnHidden(COLUMN["finish_variance"])  # nothing to compare with yet
    assert not commands.label.isVisible()
    commands.open_action.trigger()
    dialog = commands.dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Board approval")
    dialog.date_edit.setDate(QDate(2027, 1, 4))
    qtbot.mouseClick(dialog.take_button, LEFT)
    stored = on_disk(small_file)
    assert [b.name for b in stored.baselines] == ["Board approval"]
    assert stored.baselines[0].taken_on == dt.date(2027, 1, 4)
    assert stored.chosen_baseline == "Board approval"
    assert dialog.table.item(0, 0).text() == "Board approval"
    assert dialog.table.item(0, 4).text() == "✓"
    assert commands.label.text() == "vs Board approval: finish on time"
    assert not table.isColumnHidden(COLUMN["finish_variance"])
    assert cell_text(w, "C", "finish_variance") == "0d"

    # A takes two weeks instead of one: B and C move five working days.
    edit_cell(qtbot, w, "A", "duration", "2w")
    assert cell_text(w, "A", "start_variance") == "0d"
    assert cell_text(w, "B", "start_variance") == "+5d"
    assert cell_text(w, "C", "finish_variance") == "+5d"
    assert cell_text(w, "D", "finish_variance") == "0d"
    assert cell(w, "C", "finish_variance").data(Qt.ItemDataRole.ToolTipRole) == (
        "2027-01-29 in baseline 'Board approval'"
    )
    assert commands.label.text() == "vs Board approval: finish +5d"
    w.initiatives.select_key("C")
    assert w.inspector.schedule_label.text().endswith(
        "\nBaseline 'Board approval': 25 Jan – 29 Jan 2027, finish +5 working days"
    )

    # The timeline draws C's baseline bar where C was: one week before its live bar.
    timeline = next(t for t in w.roadmap_tabs if isinstance(t, TimelineView))
    w.views.setCurrentWidget(timeline)
    scene = timeline.timeline
    x, width, milestone = scene.ghosts["C"]
    assert x == scene.scale.x_of(dt.date(2027, 1, 25)) and not milestone
    assert width == scene.scale.x_of(dt.date(2027, 1, 30)) - x
    bar = scene.bars["C"]
    assert bar.ghost == (x - scene.geom["C"][0], width, False) and bar.ghost[0] < 0
    assert scene.ghosts["A"][0] == scene.geom["A"][0]  # A still starts where it did

    # Rename: select the row, type the new name, click Rename; Ctrl+Z takes it back.
    click_row(qtbot, dialog.table, 0)
    qtbot.keyClicks(dialog.name_edit, "Board")
    qtbot.mouseClick(dialog.rename_button, LEFT)
    assert on_disk(small_file).chosen_baseline == "Board"
    assert commands.label.text() == "vs Board: finish +5d"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert on_disk(small_file).baselines[0].name == "Board approval"
    assert dialog.table.item(0, 0).text() == "Board approval"

    # Compare with none: the columns, ghosts and status label go; choose it again.
    qtbot.mouseClick(dialog.none_button, LEFT)
    assert on_disk(small_file).chosen_baseline is None
    assert table.isColumnHidden(COLUMN["finish_variance"])
    assert scene.ghosts == {} and scene.bars["C"].ghost is None
    assert not commands.label.isVisible()
    click_row(qtbot, dialog.table, 0)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert commands.label.text() == "vs Board approval: finish +5d"

    # A second baseline, then delete the first; undo brings it back, chosen again.
    qtbot.keyClicks(dialog.name_edit, "After the change")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert [b.name for b in on_disk(small_file).baselines] == ["Board approval", "After the change"]
    click_row(qtbot, dialog.table, 0)
    qtbot.mouseClick(dialog.delete_button, LEFT)
    stored = on_disk(small_file)
    assert ([b.name for b in stored.baselines], stored.chosen_baseline) == (
        ["After the change"],
        None,
    )
    w.acts["undo"].trigger()
    stored = on_disk(small_file)
    assert stored.chosen_baseline == "Board approval" and len(stored.baselines) == 2


def test_a_duplicate_name_is_refused_in_the_dialog_and_nothing_changes(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    dialog = small_window.baseline_commands.dialog
    small_window.baseline_commands.open_action.trigger()
    qtbot.keyClicks(dialog.name_edit, "Q1")
    qtbot.mouseClick(dialog.take_button, LEFT)
    qtbot.keyClicks(dialog.name_edit, "q1")
    qtbot.mouseClick(dialog.take_button, LEFT)
    assert "a baseline named 'q1' already exists" in dialog.message.text()
    assert [b.name for b in on_disk(small_file).baselines] == ["Q1"]
    assert dialog.name_edit.text() == "q1"  # kept, to correct


def test_compare_with_menu_lists_the_baselines_and_chooses_one(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    commands = small_window.baseline_commands
    commands.open_action.trigger()
    for name in ("One", "Two"):
        qtbot.keyClicks(commands.dialog.name_edit, name)
        qtbot.mouseClick(commands.dialog.take_button, LEFT)
    commands.compare_menu.aboutToShow.emit()
    actions = commands.compare_menu.actions()
    assert [a.text() for a in actions] == ["No baseline", "One", "Two"]
    assert [a.isChecked() for a in actions] == [False, True, False]
    actions[2].trigger()
    assert on_disk(small_file).chosen_baseline == "Two"
    assert commands.label.text() == "vs Two: finish on time"
