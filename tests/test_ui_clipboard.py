"""Rows pasted from Excel or LibreOffice (TSV) as new initiatives in one undo step; copy out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from ui_fixtures import Messages, visible_keys

from cxroadmap.ui.main_window import MainWindow

# As Excel puts rows on the clipboard: tab-separated, CRLF, MS Project-style durations.
EXCEL_ROWS = (
    "Task Name\tDuration\tPredecessors\tResource Names\r\n"
    "Map the journey\t2 wks\t\tCare\r\n"
    "Fix the top gap\t5 days\tA\tOps\r\n"
)


def _paste(qtbot, window: MainWindow, text: str) -> None:
    table = window.initiatives.table
    QGuiApplication.clipboard().setText(text)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_pasting_excel_rows_adds_initiatives_in_one_undo_step(
    qtbot, small_window: MainWindow, shown: Messages
) -> None:
    window = small_window
    before = visible_keys(window)
    doc = window.document
    assert doc is not None
    _paste(qtbot, window, EXCEL_ROWS.replace("\tA\t", "\tI1\t"))
    strategy = doc.strategy
    new = [k for k in strategy.initiatives if k not in before]
    assert [(strategy.initiatives[k].title, strategy.initiatives[k].duration) for k in new] == [
        ("Map the journey", 10),
        ("Fix the top gap", 5),
    ]
    assert [strategy.initiatives[k].owner for k in new] == ["Care", "Ops"]
    assert [(d.from_key, d.to_key) for d in strategy.dependencies if d.to_key in new] == [
        (new[0], new[1])
    ]
    assert doc.undo_stack.undoText() == "Paste 2 initiatives"
    doc.undo_stack.undo()
    assert list(doc.strategy.initiatives) == before
    assert shown.errors == []


def test_a_bad_pasted_cell_names_row_and_column_and_adds_nothing(
    qtbot, small_window: MainWindow, shown: Messages
) -> None:
    doc = small_window.document
    assert doc is not None
    before = list(doc.strategy.initiatives)
    _paste(qtbot, small_window, "Title\tDuration\nGood\t3\nBad\tsoon\n")
    assert list(doc.strategy.initiatives) == before
    assert shown.errors and "pasted row 3, column duration" in shown.errors[0]
    assert "'5 days'" in shown.errors[0]


def test_copied_rows_are_tsv_that_pastes_back_as_copies(
    qtbot, small_window: MainWindow, shown: Messages
) -> None:
    window = small_window
    doc = window.document
    assert doc is not None
    table = window.initiatives.table
    window.initiatives.select_key("A")
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    lines = text.splitlines()
    assert lines[0].split("\t")[:4] == ["key", "title", "pillar", "duration"]
    assert lines[1].split("\t")[:2] == ["A", doc.strategy.initiatives["A"].title]
    count = len(doc.strategy.initiatives)
    _paste(qtbot, window, text)
    assert len(doc.strategy.initiatives) == count + 1
    copy = list(doc.strategy.initiatives.values())[-1]
    assert (copy.key, copy.title) == ("A1", doc.strategy.initiatives["A"].title)
