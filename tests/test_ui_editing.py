"""The desktop app's editing workflow: table edits, live schedule, undo and redo, dependencies."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from ui_fixtures import Messages, cell_text, edit_cell, on_disk, open_editor, visible_keys

from cxroadmap.ui.main_window import MainWindow


def test_editing_a_duration_in_the_table_moves_its_successors_and_undo_redo_follow(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    assert cell_text(w, "C", "finish") == "2027-01-29"
    edit_cell(qtbot, w, "A", "duration", "2w")
    assert cell_text(w, "A", "duration") == "2w"
    assert cell_text(w, "B", "start") == "2027-01-18"
    assert cell_text(w, "C", "finish") == "2027-02-05"
    assert on_disk(small_file).initiatives["A"].duration == 10
    assert w.acts["undo"].text() == "&Undo Change duration of 'Agree the service vision'"
    assert "Finish Fri 05 Feb 2027" in w.finish_label.text()

    qtbot.keyClick(w.initiatives.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell_text(w, "A", "duration") == "1w"
    assert cell_text(w, "C", "finish") == "2027-01-29"
    assert on_disk(small_file).initiatives["A"].duration == 5

    w.acts["redo"].trigger()
    assert cell_text(w, "C", "finish") == "2027-02-05"
    assert on_disk(small_file).initiatives["A"].duration == 10


def test_a_bad_duration_typed_in_the_table_is_refused_with_a_message_naming_the_field(
    qtbot, small_window: MainWindow, shown: Messages
) -> None:
    edit_cell(qtbot, small_window, "B", "duration", "soon")
    qtbot.waitUntil(lambda: bool(shown.errors))
    qtbot.wait(50)
    assert len(shown.errors) == 1 and "initiatives[B].duration" in shown.errors[0]
    assert cell_text(small_window, "B", "duration") == "2w"
    assert small_window.document is not None
    assert small_window.document.undo_stack.count() == 0


def test_a_dependency_that_closes_a_cycle_is_refused_naming_the_cycle_and_nothing_changes(
    qtbot, small_window: MainWindow, small_file: Path, shown: Messages
) -> None:
    w = small_window
    doc = w.document
    assert doc is not None
    w.initiatives.select_key("A")
    inspector = w.inspector
    assert inspector.key == "A"
    inspector.other_combo.setCurrentIndex(inspector.other_combo.findData("C"))
    before = [(d.from_key, d.to_key) for d in doc.strategy.dependencies]
    qtbot.mouseClick(inspector.add_pred_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown.errors))
    assert shown.errors == ["dependency cycle: C -> A -> B -> C"]
    assert [(d.from_key, d.to_key) for d in doc.strategy.dependencies] == before
    assert [d.pair for d in on_disk(small_file).dependencies] == before
    assert doc.undo_stack.count() == 0
    assert inspector.deps_model.rowCount() == 1


def test_adding_a_predecessor_in_the_inspector_reschedules_and_can_be_undone(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    w.initiatives.select_key("D")
    inspector = w.inspector
    inspector.other_combo.setCurrentIndex(inspector.other_combo.findData("C"))
    inspector.type_combo.setCurrentIndex(inspector.type_combo.findData("FS"))
    inspector.lag_edit.setText("1w")
    qtbot.mouseClick(inspector.add_pred_button, Qt.MouseButton.LeftButton)
    assert cell_text(w, "D", "start") == "2027-02-08"
    assert inspector.deps_model.rowCount() == 1
    assert ("C", "D") in [d.pair for d in on_disk(small_file).dependencies]
    assert on_disk(small_file).dependency("C", "D").lag == 5  # type: ignore[union-attr]
    w.acts["undo"].trigger()
    assert cell_text(w, "D", "start") == "2027-01-04"
    assert inspector.deps_model.rowCount() == 0


def test_deleting_an_initiative_takes_its_dependencies_and_undo_brings_both_back(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    w.initiatives.select_key("B")
    w.initiatives.table.setFocus()
    qtbot.keyClick(w.initiatives.table, Qt.Key.Key_Delete)
    assert visible_keys(w) == ["A", "C", "D"]
    assert on_disk(small_file).dependencies == []
    assert "B" not in on_disk(small_file).initiatives
    assert cell_text(w, "C", "start") == "2027-01-04"

    w.acts["undo"].trigger()
    assert visible_keys(w) == ["A", "B", "C", "D"]
    saved = on_disk(small_file)
    assert [d.pair for d in saved.dependencies] == [("A", "B"), ("B", "C")]
    assert saved.initiatives["B"].title == "Map the touchpoints"
    assert cell_text(w, "C", "start") == "2027-01-25"


def test_add_and_duplicate_from_the_toolbar_and_edit_the_title_in_place(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    w.initiatives.select_key("C")
    w.acts["duplicate"].trigger()
    assert visible_keys(w) == ["A", "B", "C", "C1", "D"]
    assert cell_text(w, "C1", "title") == "Train for context (copy)"
    assert w.document is not None
    source, copy = (w.document.strategy.initiatives[k] for k in ("C", "C1"))
    assert replace(copy, key="C", title=source.title) == source  # every other field kept
    assert copy.touchpoints is not source.touchpoints and copy.supports is not source.supports
    w.acts["add"].trigger()
    editor = open_editor(w.initiatives.table)
    assert isinstance(editor, QLineEdit) and editor.text() == "New initiative"
    editor.selectAll()
    qtbot.keyClicks(editor, "Coach the team leaders")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert visible_keys(w)[-1] == "I1"
    assert on_disk(small_file).initiatives["I1"].title == "Coach the team leaders"
    assert w.document is not None and w.document.undo_stack.count() == 3


def test_the_inspector_edits_every_field_and_a_new_key_follows_into_dependencies(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    w.initiatives.select_key("B")
    ins = w.inspector
    ins.editors["key"].setFocus()
    ins.editors["key"].selectAll()
    qtbot.keyClicks(ins.editors["key"], "MAP")
    qtbot.keyClick(ins.editors["key"], Qt.Key.Key_Return)
    assert ins.key == "MAP"
    ins.editors["owner"].setText("Customer team")
    ins.editors["owner"].editingFinished.emit()
    ins.editors["not_before"].setText("2027-03-01")
    ins.editors["not_before"].editingFinished.emit()
    ins.editors["status"].setCurrentIndex(ins.editors["status"].findData("in_progress"))
    ins.editors["status"].activated.emit(ins.editors["status"].currentIndex())
    ins.editors["impact"].setValue(5)
    ins.editors["description"].setPlainText("Walk every moment of truth")
    ins.editors["description"].editingFinished.emit()
    saved = on_disk(small_file)
    mapped = saved.initiatives["MAP"]
    assert (mapped.owner, mapped.status, mapped.impact) == ("Customer team", "in_progress", 5)
    assert mapped.description == "Walk every moment of truth"
    assert [d.pair for d in saved.dependencies] == [("A", "MAP"), ("MAP", "C")]
    assert cell_text(w, "MAP", "start") == "2027-03-01"
    for _ in range(6):
        w.acts["undo"].trigger()
    assert on_disk(small_file).initiatives["B"].owner == "Ben"
    assert ins.key == "B"


def test_undo_history_survives_switching_views(qtbot, small_window: MainWindow) -> None:
    w = small_window
    edit_cell(qtbot, w, "D", "title", "Thank-you cards")
    w.acts["show_strategy"].trigger()
    w.strategy_panel.editors["name"].setText("Small but bold")  # type: ignore[attr-defined]
    w.strategy_panel.editors["name"].editingFinished.emit()  # type: ignore[attr-defined]
    w.acts["show_initiatives"].trigger()
    assert w.acts["undo"].text() == "&Undo Change name"
    w.acts["undo"].trigger()
    w.acts["undo"].trigger()
    assert cell_text(w, "D", "title") == "Recognition scheme"
    assert w.document is not None and w.document.strategy.name == "Small"


def test_strategy_panel_changes_the_calendar_phases_and_capacity_as_undoable_edits(
    small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    panel = w.strategy_panel
    panel.day_boxes[4].setChecked(False)  # no Fridays
    assert on_disk(small_file).working_days == ("mon", "tue", "wed", "thu")
    assert cell_text(w, "A", "finish") == "2027-01-11"
    panel.holiday_date.setDate(panel.holiday_date.date().addDays(1))  # Tue 5 Jan
    panel.add_holiday()
    assert cell_text(w, "A", "finish") == "2027-01-12"
    panel.editors["max_parallel"].setValue(1)  # type: ignore[attr-defined]
    panel.editors["max_parallel"].editingFinished.emit()  # type: ignore[attr-defined]
    assert on_disk(small_file).max_parallel == 1
    table = panel.phases.table
    table.item(0, 0).setText("First quarter")
    assert on_disk(small_file).phases[0].name == "First quarter"
    panel.phases.add_phase()
    assert [p.name for p in on_disk(small_file).phases][2] == "Phase 4"
    doc = w.document
    assert doc is not None
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    restored = on_disk(small_file)
    assert restored.working_days == ("mon", "tue", "wed", "thu", "fri")
    assert (restored.holidays, restored.max_parallel) == ([], None)
    assert [p.name for p in restored.phases] == ["Short term", "Medium term", "Long term"]


def test_a_slow_planner_runs_off_the_ui_thread_and_the_table_catches_up(
    qtbot, small_window: MainWindow
) -> None:
    w = small_window
    doc = w.document
    assert doc is not None
    doc.scheduler.force_background = True
    changes: list[object] = []
    doc.changed.connect(changes.append)
    edit_cell(qtbot, w, "A", "duration", "3w")
    qtbot.waitUntil(lambda: bool(changes))
    assert changes[0].initiatives == {"A"}  # type: ignore[attr-defined]
    assert cell_text(w, "C", "finish") == "2027-02-12"
    assert status_finish(w) == "Fri 12 Feb 2027"


def status_finish(w: MainWindow) -> str:
    return w.finish_label.text().removeprefix("Finish ")


def test_hidden_roadmap_views_refresh_only_when_their_tab_is_shown(
    qtbot, small_window: MainWindow, monkeypatch
) -> None:
    w = small_window
    timeline = next(t for t in w.roadmap_tabs if w.views.tabText(w.views.indexOf(t)) == "Timeline")
    calls: list[str] = []
    monkeypatch.setattr(timeline, "refresh", lambda: calls.append("refresh"))
    monkeypatch.setattr(timeline, "follow", lambda change: calls.append("follow"))
    edit_cell(qtbot, w, "A", "duration", "3w")
    edit_cell(qtbot, w, "B", "duration", "3w")
    assert calls == []
    w.views.setCurrentWidget(timeline)
    assert calls == ["refresh"]  # brought up to date once, when shown
    w.acts["undo"].trigger()
    assert calls == ["refresh", "follow"]  # on screen: it follows each change


def test_every_action_has_its_standard_shortcut(small_window: MainWindow) -> None:
    keys = {
        name: small_window.acts[name].shortcut().toString()
        for name in ("new", "open", "save_as", "undo", "redo", "delete", "rename", "find", "quit")
    }
    assert keys == {
        "new": "Ctrl+N",
        "open": "Ctrl+O",
        "save_as": "Ctrl+Shift+S",
        "undo": "Ctrl+Z",
        "redo": "Ctrl+Y",
        "delete": "Del",
        "rename": "F2",
        "find": "Ctrl+F",
        "quit": "Ctrl+Q",
    }
    redo = [k.toString() for k in small_window.acts["redo"].shortcuts()]
    assert "Ctrl+Shift+Z" in redo


def test_deleting_several_selected_initiatives_is_one_undo_step(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    w.selection.set_keys(["A", "C"], source="a roadmap view")
    assert w.initiatives.selected_keys() == ["A", "C"]
    w.initiatives.table.setFocus()
    qtbot.keyClick(w.initiatives.table, Qt.Key.Key_Delete)
    assert visible_keys(w) == ["B", "D"]
    assert on_disk(small_file).dependencies == []
    assert w.acts["undo"].text() == "&Undo Delete 2 initiatives"
    w.acts["undo"].trigger()
    assert visible_keys(w) == ["A", "B", "C", "D"]
    assert [d.pair for d in on_disk(small_file).dependencies] == [("A", "B"), ("B", "C")]


def test_a_selection_made_in_another_view_selects_the_row_and_fills_the_inspector(
    small_window: MainWindow,
) -> None:
    w = small_window
    w.selection.set_keys(["D"], source="timeline")
    assert w.initiatives.current_key() == "D"
    assert w.inspector.key == "D"
    assert w.inspector.editors["title"].text() == "Recognition scheme"
    w.initiatives.select_key("B")
    assert w.selection.keys == ["B"]


def test_renaming_a_phase_carries_its_pins_and_undo_restores_both(
    small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    w.initiatives.select_key("D")
    ins = w.inspector
    ins.editors["phase"].setCurrentIndex(ins.editors["phase"].findData("Medium term"))
    ins.editors["phase"].activated.emit(ins.editors["phase"].currentIndex())
    assert cell_text(w, "D", "start") == "2027-04-05"
    w.strategy_panel.phases.table.item(1, 0).setText("Next")
    saved = on_disk(small_file)
    assert saved.initiatives["D"].phase == "Next"
    assert cell_text(w, "D", "phase") == "Next"
    w.acts["undo"].trigger()
    assert on_disk(small_file).initiatives["D"].phase == "Medium term"
    assert w.strategy_panel.phases.table.item(1, 0).text() == "Medium term"


def test_in_the_demo_a_longer_duration_moves_its_successors_and_undo_redo_follow(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    from cxroadmap.ui import file_commands

    monkeypatch.setattr(file_commands, "demo_path", lambda: tmp_path / "demo.cxroadmap")
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    doc = window.document
    assert doc is not None and doc.schedule is not None
    successors = [d.to_key for d in doc.strategy.dependencies if d.from_key == "TR2"]
    before = {k: cell_text(window, k, "finish") for k in successors}
    assert successors and before["TR4"] == "2027-08-04"
    edit_cell(qtbot, window, "TR2", "duration", "10w")
    after = {k: cell_text(window, k, "finish") for k in successors}
    assert after["TR4"] == "2027-09-02"  # four weeks later, and over the 30 August holiday
    window.acts["undo"].trigger()
    assert {k: cell_text(window, k, "finish") for k in successors} == before
    window.acts["redo"].trigger()
    assert {k: cell_text(window, k, "finish") for k in successors} == after


def test_f2_edits_the_cell_the_user_clicked_and_the_title_on_a_computed_cell(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    table = w.initiatives.table
    rect = table.visualRect(w.initiatives.proxy_index("A", "duration"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = open_editor(table)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "2w")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits on a queued call
    assert cell_text(w, "A", "duration") == "2w"
    assert on_disk(small_file).initiatives["A"].title == "Agree the service vision"

    rect = table.visualRect(w.initiatives.proxy_index("A", "start"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = open_editor(table)
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "Agree the service vision"


def test_after_a_slow_plan_the_next_one_runs_off_the_ui_thread(qtbot, monkeypatch) -> None:
    from cxroadmap.content.demo import demo_strategy
    from cxroadmap.ui import live_schedule

    monkeypatch.setattr(live_schedule, "INLINE_LIMIT_SECONDS", 0.05)
    monkeypatch.setattr(live_schedule.LiveScheduler, "_warm", True)

    def slow(strategy):  # type: ignore[no-untyped-def]
        time.sleep(0.06)  # longer than the limit: the user would feel it while typing
        return live_schedule.plan(strategy)

    scheduler = live_schedule.LiveScheduler(planner=slow)
    ready: list[object] = []
    scheduler.ready.connect(lambda result, error: ready.append(result))
    assert scheduler.run(demo_strategy()) is not None  # inline: nothing measured yet
    assert scheduler.run(demo_strategy()) is None  # the last one was slow: background
    assert scheduler.pending
    qtbot.waitUntil(lambda: bool(ready))
    assert not scheduler.pending and ready[0] is not None


def test_a_plan_slowed_on_the_worker_by_waiting_not_working_brings_the_next_one_inline(
    qtbot, monkeypatch
) -> None:
    from cxroadmap.content.demo import demo_strategy
    from cxroadmap.ui import live_schedule

    monkeypatch.setattr(live_schedule, "INLINE_LIMIT_SECONDS", 0.05)
    monkeypatch.setattr(live_schedule.LiveScheduler, "_warm", True)

    def waiting(strategy):  # type: ignore[no-untyped-def]
        time.sleep(0.2)  # on the worker, waiting (as for the interpreter lock) is not work
        return live_schedule.plan(strategy)

    scheduler = live_schedule.LiveScheduler(planner=waiting)
    ready: list[object] = []
    scheduler.ready.connect(lambda result, error: ready.append(result))
    scheduler.force_background = True
    assert scheduler.run(demo_strategy()) is None
    qtbot.waitUntil(lambda: bool(ready))
    assert scheduler.last_seconds < 0.05  # the planner's own time, not the wait
    scheduler.force_background = False
    assert scheduler.run(demo_strategy()) is not None  # inline again
