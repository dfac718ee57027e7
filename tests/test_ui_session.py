"""A new user's first session, end to end: demo, three initiatives, links, undo, PDF, reopen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QToolBar
from ui_fixtures import Messages, cell_text, edit_cell, on_disk, open_editor

from cxroadmap.ui import file_commands
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings


def add_initiative(qtbot, window: MainWindow, title: str) -> str:  # type: ignore[no-untyped-def]
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert isinstance(toolbar, QToolBar)
    button = toolbar.widgetForAction(window.acts["add"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor = open_editor(window.initiatives.table)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, title)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    key = window.inspector.key
    assert key is not None
    return key


def link(qtbot, window: MainWindow, before: str, after: str) -> None:  # type: ignore[no-untyped-def]
    window.initiatives.select_key(after)
    inspector = window.inspector
    inspector.other_combo.setCurrentIndex(inspector.other_combo.findData(before))
    qtbot.mouseClick(inspector.add_pred_button, Qt.MouseButton.LeftButton)


def test_a_new_user_adds_three_linked_initiatives_undoes_exports_quits_and_finds_it_all_again(
    qtbot,
    window: MainWindow,
    settings: AppSettings,
    shown: Messages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    demo = tmp_path / "demo.cxroadmap"
    monkeypatch.setattr(file_commands, "demo_path", lambda: demo)
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.finish_label.text() == "Finish Wed 12 Jul 2028"

    keys = [
        add_initiative(qtbot, window, title)
        for title in ("Coach the coaches", "Service huddles in every team", "Recognition wall")
    ]
    assert keys == ["I1", "I2", "I3"]
    for key, duration in zip(keys, ("4w", "2w", "3d"), strict=True):
        edit_cell(qtbot, window, key, "duration", duration)
    link(qtbot, window, "MS4", "I1")
    assert cell_text(window, "I1", "start") == "2028-07-13"
    link(qtbot, window, "I1", "I2")
    link(qtbot, window, "I2", "I3")
    assert window.finish_label.text() == "Finish Mon 28 Aug 2028"
    assert shown.errors == []

    assert window.acts["undo"].text() == "&Undo Add dependency I2 -> I3"
    window.acts["undo"].trigger()
    assert window.finish_label.text() == "Finish Wed 23 Aug 2028"

    pdf = tmp_path / "roadmap.pdf"
    shown.save_paths.append(pdf)
    window.acts["export_pdf"].trigger()
    # Until the worker is done, not only the file: the next window is built on this thread.
    window.files.tasks[-1].wait()
    assert pdf.read_bytes().startswith(b"%PDF")

    window.acts["quit"].trigger()
    assert not window.isVisible()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    last = settings.last_file()
    assert last == demo.resolve()
    assert again.files.open_path(last)
    saved = on_disk(demo)
    assert [saved.initiatives[k].title for k in keys] == [
        "Coach the coaches",
        "Service huddles in every team",
        "Recognition wall",
    ]
    assert [d.pair for d in saved.dependencies][-2:] == [("MS4", "I1"), ("I1", "I2")]
    assert again.finish_label.text() == "Finish Wed 23 Aug 2028"
    again.set_document(None)
