"""No lost typing (issue 9): close, quit, switching, Save As and export commit the editor."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_fixtures import Messages, on_disk, open_editor

from cxroadmap.content.demo import demo_cascade
from cxroadmap.storage.document import read_document, write_document
from cxroadmap.ui.cx.switcher import switch_strategy
from cxroadmap.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def _type_description(qtbot, window: MainWindow, text: str) -> QWidget:  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.initiatives.select_key("B")
    editor = window.inspector.editors["description"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    assert editor.toPlainText() == text
    return editor


def test_a_description_being_typed_is_kept_when_ctrl_w_closes_the_document(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    editor = _type_description(qtbot, small_window, "Typed, then closed")
    qtbot.keyClick(editor, Qt.Key.Key_W, CTRL)
    assert small_window.document is None
    assert on_disk(small_file).initiatives["B"].description == "Typed, then closed"
    assert small_window.files.open_path(small_file)
    small_window.initiatives.select_key("B")
    assert small_window.inspector.editors["description"].toPlainText() == "Typed, then closed"


def test_a_table_cell_being_edited_with_f2_is_kept_when_ctrl_q_quits(
    qtbot, small_window: MainWindow, small_file: Path
) -> None:
    w = small_window
    w.activateWindow()
    table = w.initiatives.table
    rect = table.visualRect(w.initiatives.proxy_index("C", "title"))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = open_editor(table)
    assert editor is not None
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "Typed in the cell")
    qtbot.keyClick(editor, Qt.Key.Key_Q, CTRL)
    QApplication.processEvents()
    assert w.document is None
    assert on_disk(small_file).initiatives["C"].title == "Typed in the cell"


def test_typing_is_kept_across_save_as_and_export(
    qtbot, small_window: MainWindow, small_file: Path, shown: Messages, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.cxroadmap"
    _type_description(qtbot, small_window, "Before Save As")
    shown.save_paths.append(copy)
    assert small_window.files.save_as()
    assert on_disk(copy).initiatives["B"].description == "Before Save As"
    assert on_disk(small_file).initiatives["B"].description == "Before Save As"

    out = tmp_path / "out.json"
    _type_description(qtbot, small_window, "Before export")
    shown.save_paths.append(out)
    task = small_window.files.export(".json")
    assert task
    qtbot.waitUntil(out.exists, timeout=10000)
    data = json.loads(out.read_text(encoding="utf-8"))
    described = {i["key"]: i.get("description") for i in data["initiatives"]}
    assert described["B"] == "Before export"


def test_a_title_being_typed_is_kept_when_switching_strategy(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    assert window.files.open_path(path)
    window.activateWindow()
    window.initiatives.select_key("EMP1")
    editor = window.inspector.editors["title"]
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    qtbot.keyClicks(editor, "Typed before switching")
    document = window.document
    assert document is not None and document.store is not None
    care = next(sid for sid, s in document.store.load_all_with_ids() if s.key == "CARE")
    assert switch_strategy(window, care)
    org = {s.key: s for s in read_document(path)}["ORG"]
    assert org.initiatives["EMP1"].title == "Typed before switching"
