"""The document is the unit of editing (issue 9): renames and deletions follow across strategies."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from cxroadmap.app import main
from cxroadmap.content.demo import demo_cascade
from cxroadmap.storage.document import read_document, write_document
from cxroadmap.ui.main_window import MainWindow


def _supports(path: Path, strategy: str, key: str) -> list[str]:
    found = {s.key: s for s in read_document(path)}
    return [str(link) for link in found[strategy].initiatives[key].supports]


def _open_demo(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "demo.cxroadmap"
    write_document(path, demo_cascade())
    assert window.files.open_path(path)
    return path


def test_renaming_org_emp1_in_the_inspector_carries_care_links_and_undo_restores_both(
    qtbot, window: MainWindow, tmp_path: Path, capsys
) -> None:
    path = _open_demo(window, tmp_path)
    assert _supports(path, "CARE", "C-AUTH") == ["ORG/EMP1"]
    window.initiatives.select_key("EMP1")
    editor = window.inspector.editors["key"]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "EMPOWER")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "EMPOWER" in {s.key: s for s in read_document(path)}["ORG"].initiatives
    assert _supports(path, "CARE", "C-AUTH") == ["ORG/EMPOWER"]
    assert main(["check", str(path)]) == 0, capsys.readouterr().err
    document = window.document
    assert document is not None and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert _supports(path, "CARE", "C-AUTH") == ["ORG/EMP1"]
    assert "EMP1" in {s.key: s for s in read_document(path)}["ORG"].initiatives
    document.undo_stack.redo()
    assert _supports(path, "CARE", "C-AUTH") == ["ORG/EMPOWER"]
    assert main(["check", str(path)]) == 0, capsys.readouterr().err


def test_deleting_org_emp1_drops_the_links_to_it_in_one_undo_step(
    qtbot, window: MainWindow, tmp_path: Path, capsys
) -> None:
    path = _open_demo(window, tmp_path)
    window.initiatives.select_key("EMP1")
    assert window.initiatives.delete_selected()
    assert _supports(path, "CARE", "C-AUTH") == []
    assert main(["check", str(path)]) == 0, capsys.readouterr().err
    document = window.document
    assert document is not None and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert _supports(path, "CARE", "C-AUTH") == ["ORG/EMP1"]
