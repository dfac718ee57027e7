"""Document handling in the app: open, demo, damaged files, locking, save as, import, export."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_fixtures import Messages, cell_text, edit_cell, on_disk, small_strategy, visible_keys

from cxroadmap.content.demo import demo_strategy
from cxroadmap.interop.jsonfile import strategy_to_json
from cxroadmap.storage.document import read_document
from cxroadmap.ui import file_commands
from cxroadmap.ui.main_window import MainWindow
from cxroadmap.ui.settings import AppSettings


def test_open_demo_from_the_welcome_screen_shows_every_initiative_scheduled(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = tmp_path / "data" / "demo.cxroadmap"
    monkeypatch.setattr(file_commands, "demo_path", lambda: demo)
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    expected = demo_strategy()
    assert demo.exists()
    assert visible_keys(window) == list(expected.initiatives)
    assert window.windowTitle() == "demo.cxroadmap — cxroadmap"
    assert window.document is not None and window.document.schedule is not None
    assert window.finish_label.text() == f"Finish {window.document.schedule.finish:%a %d %b %Y}"
    assert all(cell_text(window, key, "start") for key in expected.initiatives)
    # The app's demo is the same cascade as `cxroadmap demo`: departments and team included.
    assert [s.key for s in read_document(demo)] == ["ORG", "CARE", "CARE-T1", "STORES"]


def test_importing_a_cascade_json_keeps_every_strategy_below_the_top(
    qtbot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    from cxroadmap.content.demo import demo_cascade
    from cxroadmap.interop.jsonfile import dump_json_cascade

    source, target = tmp_path / "cascade.json", tmp_path / "cascade.cxroadmap"
    dump_json_cascade(demo_cascade(), source)
    shown.save_paths.append(target)
    assert window.files.import_path(source)
    qtbot.waitUntil(lambda: window.document is not None, timeout=30000)
    by_key = {s.key: s for s in read_document(target)}
    assert by_key == {s.key: s for s in demo_cascade()}


def test_a_damaged_file_and_a_newer_version_file_are_refused_with_a_message_and_no_crash(
    window: MainWindow, small_file: Path, tmp_path: Path, shown: Messages
) -> None:
    damaged = tmp_path / "damaged.cxroadmap"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 2000)
    assert not window.files.open_path(damaged)
    assert "damaged.cxroadmap" in shown.errors[-1]

    newer = tmp_path / "newer.cxroadmap"
    newer.write_bytes(small_file.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert not window.files.open_path(newer)
    assert "newer.cxroadmap" in shown.errors[-1]
    assert "newer version" in shown.errors[-1]

    foreign = tmp_path / "notes.cxroadmap"
    foreign.write_text("shopping list")
    assert not window.files.open_path(foreign)
    assert len(shown.errors) == 3
    assert window.document is None
    assert window.stack.currentWidget() is window.welcome
    assert window.files.open_path(small_file)  # and the app still works


def test_the_same_file_opened_twice_opens_read_only_the_second_time_with_a_notice(
    qtbot, small_window: MainWindow, small_file: Path, settings: AppSettings, shown: Messages
) -> None:
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert second.files.open_path(small_file)
    doc = second.document
    assert doc is not None and doc.readonly
    assert second.banner.isVisible() and "read-only" in second.banner.text()
    assert second.windowTitle() == "small.cxroadmap (read-only) — cxroadmap"
    assert not second.acts["add"].isEnabled()
    index = second.initiatives.proxy_index("A", "duration")
    assert not (second.initiatives.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert second.inspector.editors["title"].isReadOnly()
    second.set_document(None)
    # The first window still edits and saves.
    edit_cell(qtbot, small_window, "A", "title", "Vision first")
    assert on_disk(small_file).initiatives["A"].title == "Vision first"


def test_save_as_copies_the_file_and_work_and_undo_go_on_in_the_copy(
    qtbot, small_window: MainWindow, small_file: Path, tmp_path: Path, shown: Messages
) -> None:
    w = small_window
    edit_cell(qtbot, w, "A", "duration", "3w")
    copy = tmp_path / "copy"
    shown.save_paths.append(copy)
    assert w.files.save_as()
    copy = tmp_path / "copy.cxroadmap"
    assert w.windowTitle() == "copy.cxroadmap — cxroadmap"
    assert on_disk(copy).initiatives["A"].duration == 15
    edit_cell(qtbot, w, "B", "owner", "Bea")
    assert on_disk(copy).initiatives["B"].owner == "Bea"
    assert on_disk(small_file).initiatives["B"].owner == "Ben"
    w.acts["undo"].trigger()
    w.acts["undo"].trigger()
    assert on_disk(copy).initiatives["A"].duration == 5
    assert on_disk(small_file).initiatives["A"].duration == 15


def test_edits_are_on_disk_at_once_so_quitting_and_reopening_loses_nothing(
    qtbot, small_window: MainWindow, small_file: Path, settings: AppSettings
) -> None:
    edit_cell(qtbot, small_window, "C", "owner", "Cleo")
    small_window.close()
    assert settings.last_file() == small_file.resolve()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    last = settings.last_file()
    assert last is not None and again.files.open_path(last)
    assert cell_text(again, "C", "owner") == "Cleo"
    assert settings.recent_files()[0] == small_file.resolve()
    again.set_document(None)


def test_import_json_reads_on_a_worker_and_saves_a_new_document(
    qtbot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(strategy_to_json(small_strategy())))
    target = tmp_path / "plan.cxroadmap"
    shown.open_paths.append(source)
    shown.save_paths.append(target)
    task = window.files.import_dialog()
    qtbot.waitUntil(lambda: window.document is not None)
    assert task
    assert visible_keys(window) == ["A", "B", "C", "D"]
    assert on_disk(target).name == "Small"


def test_importing_a_bad_json_file_names_the_file_and_field(
    qtbot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    source = tmp_path / "bad.json"
    data = strategy_to_json(small_strategy())
    data["initiatives"][0]["duration"] = "soon"
    source.write_text(json.dumps(data))
    window.files.import_path(source)
    qtbot.waitUntil(lambda: bool(shown.errors))
    assert "bad.json" in shown.errors[0] and "duration" in shown.errors[0]
    assert window.document is None


def test_export_pdf_runs_on_a_worker_and_writes_a_pdf(
    qtbot, small_window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    out = tmp_path / "roadmap.pdf"
    shown.save_paths.append(out)
    task = small_window.files.export_pdf()
    assert task
    qtbot.waitUntil(lambda: out.exists(), timeout=30000)
    assert out.read_bytes().startswith(b"%PDF")
    assert shown.errors == []


def test_new_from_template_creates_the_file_and_close_returns_to_welcome(
    window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    shown.choices.append("blank")
    shown.save_paths.append(tmp_path / "mine")
    assert window.files.new_document()
    assert (tmp_path / "mine.cxroadmap").exists()
    assert window.document is not None and window.document.strategy.initiatives == {}
    window.acts["add"].trigger()
    assert list(on_disk(tmp_path / "mine.cxroadmap").initiatives) == ["I1"]
    window.acts["close"].trigger()
    assert window.document is None
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.recent.item(0).text().startswith("mine.cxroadmap")


def test_window_geometry_is_restored_from_the_settings(qtbot, settings: AppSettings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.resize(first.width(), 654)  # the offscreen screen is only 800 pixels wide
    first.show()
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.height() == 654


def test_new_from_the_department_template_fills_the_strategy(
    window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    shown.choices.append("department")
    shown.save_paths.append(tmp_path / "dept.cxroadmap")
    assert window.files.new_document()
    saved = on_disk(tmp_path / "dept.cxroadmap")
    assert saved.level == "department" and saved.initiatives
    assert visible_keys(window) == list(saved.initiatives)


def test_opening_a_json_file_imports_it_into_a_new_document(
    qtbot, window: MainWindow, tmp_path: Path, shown: Messages
) -> None:
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(strategy_to_json(small_strategy())))
    shown.save_paths.append(tmp_path / "plan.cxroadmap")
    assert window.files.open_path(source)
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.windowTitle() == "plan.cxroadmap — cxroadmap"


def test_the_open_recent_menu_lists_recent_files_and_forgets_missing_ones(
    window: MainWindow, small_file: Path, tmp_path: Path, settings: AppSettings, shown: Messages
) -> None:
    gone = tmp_path / "gone.cxroadmap"
    settings.add_recent(gone)
    settings.add_recent(small_file)
    window.recent_menu.aboutToShow.emit()
    entries = [a.text() for a in window.recent_menu.actions()]
    assert entries == ["small.cxroadmap", "gone.cxroadmap"]
    window.recent_menu.actions()[1].trigger()
    assert shown.errors == [f"{gone}: no such file"]
    assert settings.recent_files() == [small_file.resolve()]
    window.recent_menu.actions()[0].trigger()
    assert window.document is not None and window.document.path == small_file


def test_save_as_from_a_read_only_document_gives_an_editable_copy(
    qtbot, small_window: MainWindow, small_file: Path, settings: AppSettings, shown: Messages
) -> None:
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.files.open_path(small_file)
    assert second.document is not None and second.document.readonly
    shown.save_paths.append(small_file.with_name("mine.cxroadmap"))
    assert second.files.save_as()
    assert not second.document.readonly
    assert second.banner.isHidden()
    assert second.acts["add"].isEnabled()
    second.acts["add"].trigger()
    assert "I1" in on_disk(small_file.with_name("mine.cxroadmap")).initiatives
    assert "I1" not in on_disk(small_file).initiatives
    second.set_document(None)


def test_pdf_options_chosen_for_an_export_are_used_and_remembered(
    qtbot, small_window: MainWindow, tmp_path: Path, shown: Messages, settings: AppSettings
) -> None:
    from pypdf import PdfReader

    out = tmp_path / "a3.pdf"
    chosen = {"page": "A3", "portrait": True, "fit": False, "title": "Board pack", "logo": ""}
    shown.pdf_options.append(chosen)
    shown.save_paths.append(out)
    assert small_window.acts["export_pdf"].isEnabled()
    small_window.acts["export_pdf"].trigger()
    qtbot.waitUntil(out.exists, timeout=30000)
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 1191)  # A3 portrait
    assert settings.pdf_options() == chosen


def test_recent_files_keep_the_newest_eight_without_duplicates(
    settings: AppSettings, tmp_path: Path
) -> None:
    paths = [tmp_path / f"s{i}.cxroadmap" for i in range(10)]
    for path in paths:
        settings.add_recent(path)
    settings.add_recent(paths[5])
    assert settings.recent_files() == [
        p.resolve() for p in (paths[5], *paths[9:5:-1], *paths[4:1:-1])
    ]
    settings.set_last_file(None)
    assert settings.last_file() is None


def test_a_file_dropped_on_the_window_opens(qtbot, window: MainWindow, small_file: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(small_file))])
    drop = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: window.document is not None)
    assert window.document is not None and window.document.path == small_file


def test_column_widths_of_the_table_are_remembered(qtbot, settings: AppSettings) -> None:
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.initiatives.table.setColumnWidth(1, 123)
    first.close()
    second = MainWindow(settings)
    qtbot.addWidget(second)
    assert second.initiatives.table.columnWidth(1) == 123
