"""The import dialog: detected columns, a preview, a meaning chosen per column, Cancel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_fixtures import Messages, on_disk

from cxroadmap.domain.model import Dependency, Initiative
from cxroadmap.ui.import_dialog import ImportDialog
from cxroadmap.ui.main_window import MainWindow

MS_PROJECT_CSV = (
    "ID,Task Name,Duration,Start,Predecessors,Notes,Team\r\n"
    "1,Discover,5 days,2027-01-04,,Talk to customers,Research\r\n"
    "2,Design,10 days,2027-01-11,1,Sketch the journey,Design\r\n"
)


def _open(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> ImportDialog:
    source = tmp_path / "project.csv"
    source.write_text(MS_PROJECT_CSV, encoding="utf-8")
    assert window.files.import_path(source)
    dialog = window.files.mapping_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _choose(qtbot: QtBot, combo: QComboBox, label: str) -> None:
    """Pick `label` with the keyboard, as a person does: Home, then Down until it shows."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    assert combo.currentIndex() == 0
    while combo.currentText() != label:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() < combo.count() - 1 or combo.currentText() == label


def _text(item: object) -> str:
    assert item is not None and hasattr(item, "text")
    return str(item.text())


def _click(qtbot: QtBot, dialog: ImportDialog, which: QDialogButtonBox.StandardButton) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def test_the_dialog_shows_the_detected_mapping_and_the_first_rows(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    dialog = _open(qtbot, window, tmp_path)
    labels = [combo.currentText() for combo in dialog.combos]
    assert labels == [
        "Key",
        "Title",
        "Duration",
        "Start (the strategy start)",
        "Depends on",
        "Description",
        "Ignore",  # "Team" is no column this app knows
    ]
    table = dialog.table
    assert [_text(table.horizontalHeaderItem(c)) for c in range(7)] == [
        "ID", "Task Name", "Duration", "Start", "Predecessors", "Notes", "Team",
    ]  # fmt: skip
    assert [_text(table.item(2, c)) for c in range(7)] == [
        "2", "Design", "10 days", "2027-01-11", "1", "Sketch the journey", "Design",
    ]  # fmt: skip
    assert "Team" in dialog.combos[6].toolTip()
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)


def test_changing_a_columns_meaning_changes_what_is_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    dialog = _open(qtbot, window, tmp_path)
    _choose(qtbot, dialog.combos[5], "Ignore")  # Notes: not a description here
    _choose(qtbot, dialog.combos[6], "Owner")  # Team: the owner
    target = tmp_path / "project.cxroadmap"
    shown.save_paths.append(target)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    qtbot.waitUntil(lambda: window.document is not None)
    strategy = on_disk(target)
    assert strategy.start == dt.date(2027, 1, 4)
    assert list(strategy.initiatives.values()) == [
        Initiative(key="1", title="Discover", duration=5, owner="Research"),
        Initiative(key="2", title="Design", duration=10, owner="Design"),
    ]
    assert strategy.dependencies == [Dependency("1", "2")]
    assert shown.errors == []


def test_a_wrong_mapping_shows_the_readers_message_in_the_dialog(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    dialog = _open(qtbot, window, tmp_path)
    _choose(qtbot, dialog.combos[5], "Duration")  # Notes as a duration: twice, and not one
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "row 1, column 6" in dialog.error.text()
    assert "duration" in dialog.error.text()
    _choose(qtbot, dialog.combos[2], "Ignore")  # now Notes is the only duration column
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Ok)
    assert "row 2, column duration" in dialog.error.text()
    assert "Talk to customers" in dialog.error.text()
    assert window.document is None and shown.save_paths == []


def test_cancel_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    dialog = _open(qtbot, window, tmp_path)
    _choose(qtbot, dialog.combos[6], "Owner")
    target = tmp_path / "project.cxroadmap"
    shown.save_paths.append(target)
    _click(qtbot, dialog, QDialogButtonBox.StandardButton.Cancel)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.document is None
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["project.csv"]
    assert shown.save_paths == [target]  # never asked where to save
