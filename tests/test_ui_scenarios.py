"""Scenarios in the desktop app: Copy as Scenario, Adopt This Scenario (and undo), the compare
view with its two timelines on one date axis, driven by real clicks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from cxroadmap.app import main
from cxroadmap.domain.model import Initiative, Strategy
from cxroadmap.storage.document import read_document, write_document
from cxroadmap.ui.main_window import MainWindow
from tests.cx_samples import cascade_strategies


def _on_disk(path: Path) -> dict[str, Strategy]:
    return {s.key: s for s in read_document(path)}


def _open_care(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "cascade.cxroadmap"
    write_document(path, cascade_strategies())
    assert window.files.open_path(path)
    assert window.document is not None and window.document.store is not None
    ids = {s.key: sid for sid, s in window.document.store.load_all_with_ids()}
    assert window.cx_commands.switch_to(ids["CARE"])
    return path


def _make_scenario(window: MainWindow, tmp_path: Path) -> Path:
    """CARE copied as CARE-S1, whose STD then takes 15 days instead of 10 (an edit in it)."""
    from cxroadmap.domain.edits import ChangeInitiative

    path = _open_care(window, tmp_path)
    window.scenario_commands.copy_action.trigger()
    assert window.document is not None and window.document.strategy.key == "CARE-S1"
    assert window.document.apply(ChangeInitiative("STD", {"duration": 15}))
    assert window.document.apply_across(
        "add", lambda cascade, s: [(s, _add(Initiative("NEW", "Care huddles", 5, "performance")))]
    )
    return path


def _add(initiative: Initiative):  # type: ignore[no-untyped-def]
    from cxroadmap.domain.edits import AddInitiative

    return AddInitiative(initiative)


def test_copy_as_scenario_stores_the_copy_and_switches_to_it(qtbot, window, tmp_path, capsys):
    path = _open_care(window, tmp_path)
    commands = window.scenario_commands
    commands.update_actions()
    assert commands.copy_action.isEnabled() and not commands.adopt_action.isEnabled()
    commands.copy_action.trigger()
    stored = _on_disk(path)
    assert stored["CARE-S1"].scenario_of == "CARE" and stored["CARE-S1"].parent == "ORG"
    assert stored["CARE-S1"].initiatives == stored["CARE"].initiatives
    assert window.document.strategy.key == "CARE-S1"
    commands.update_actions()
    assert commands.adopt_action.isEnabled()
    assert window.cx_commands.switcher.combo.currentText().strip() == (
        "Customer care (scenario 1) (scenario)"
    )
    assert main(["check", str(path)]) == 0, capsys.readouterr().err


def test_adopting_a_scenario_replaces_the_original_in_one_undoable_edit(
    qtbot, window, tmp_path, capsys
):
    path = _make_scenario(window, tmp_path)
    before = _on_disk(path)["CARE"]
    window.scenario_commands.adopt_action.trigger()
    document = window.document
    assert document is not None and document.strategy.key == "CARE"
    stored = _on_disk(path)
    care = stored["CARE"]
    assert list(care.initiatives) == ["STD", "COACH", "NEW"]
    assert care.initiatives["STD"].duration == 15
    assert [b.name for b in care.baselines] == ["Before adopting Customer care (scenario 1)"]
    assert care.chosen_baseline == "Before adopting Customer care (scenario 1)"
    assert care.baselines[0].by_key()["STD"].finish.isoformat() == "2027-01-15"
    assert stored["CARE-S1"].scenario_of == "CARE"  # the scenario stays, as it was
    assert main(["check", str(path)]) == 0, capsys.readouterr().err
    assert document.undo_stack.count() == 1
    window.acts["undo"].trigger()
    assert _on_disk(path)["CARE"] == before
    assert document.strategy == before
    window.acts["redo"].trigger()
    assert list(_on_disk(path)["CARE"].initiatives) == ["STD", "COACH", "NEW"]


def test_the_compare_view_aligns_both_timelines_and_lists_the_differences(qtbot, window, tmp_path):
    _make_scenario(window, tmp_path)
    view = window.scenario_commands.compare()
    assert view is not None
    qtbot.addWidget(view)
    qtbot.waitExposed(view)
    assert view.a.key == "CARE" and view.b.key == "CARE-S1"
    a, b = view.timeline_a.timeline, view.timeline_b.timeline
    assert a.window == b.window and a.px_per_day == b.px_per_day
    assert a.bar_x("STD") == b.bar_x("STD")  # same start, same x: one date axis
    assert a.bar_rect("STD").width() < b.bar_rect("STD").width()
    # Zooming one timeline zooms the other, and they scroll together.
    view.timeline_a.setFocus()
    for _ in range(6):
        qtbot.keyClick(view.timeline_a, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert a.px_per_day > 3.0 and b.px_per_day == a.px_per_day
    assert a.sceneRect().width() == b.sceneRect().width()
    view.timeline_b.horizontalScrollBar().setValue(120)
    assert view.timeline_a.horizontalScrollBar().value() == 120
    assert a.bar_x("STD") == b.bar_x("STD")
    rows = [
        tuple(view.list.topLevelItem(i).text(c) for c in range(3))
        for i in range(view.list.topLevelItemCount())
    ]
    assert rows == [
        ("STD", "Care standards", "Slipped 5 working days"),
        ("NEW", "Care huddles", "Added (only in B)"),
        ("STD", "Care standards", "Critical in B only"),
    ]
    assert "Project finish 2027-01-22 → 2027-01-22 (0 working days)" in view.summary.text()
    # A click on a difference selects that initiative in both timelines.
    item = view.list.topLevelItem(1)
    rect = view.list.visualItemRect(item)
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.selection.keys == ["NEW"]
    assert b.selected == {"NEW"} and a.selected == {"NEW"}
    # Picking the same strategy on both sides (B one up, with the keyboard): nothing differs.
    view.combo_b.setFocus()
    qtbot.keyClick(view.combo_b, Qt.Key.Key_Up)
    assert view.b.key == "CARE"
    assert view.list.topLevelItemCount() == 0
    assert "0 slipped" in view.summary.text()


def test_deleting_a_scenario_asks_first_then_goes_back_to_the_original(
    qtbot, window, tmp_path, shown, capsys
):
    path = _make_scenario(window, tmp_path)
    commands = window.scenario_commands
    view = commands.compare()
    assert view is not None and view.isVisible()
    commands.update_actions()
    assert commands.delete_action.isEnabled()
    shown.choices.append("Keep it")
    assert not commands.delete_scenario()
    assert "CARE-S1" in _on_disk(path)
    shown.choices.append("Delete")
    commands.delete_action.trigger()
    assert window.document is not None and window.document.strategy.key == "CARE"
    assert sorted(_on_disk(path)) == ["CARE", "CARE-T1", "ORG"]
    combo = window.cx_commands.switcher.combo
    assert [combo.itemText(i).strip() for i in range(combo.count())] == [
        "Organisation (Organisation)",
        "Customer care (Department)",
        "Complaints team (Team)",
    ]
    assert commands.compare_view is None  # it showed the scenario's document, now closed
    assert main(["check", str(path)]) == 0, capsys.readouterr().err
