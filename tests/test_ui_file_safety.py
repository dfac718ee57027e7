"""The file under an open document, backups and repair, as the person at the window sees them."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from storage_samples import tamper
from ui_fixtures import Messages, edit_cell, on_disk, small_strategy

from cxroadmap.storage import check
from cxroadmap.storage.backups import list_backups
from cxroadmap.storage.document import read_document, write_document
from cxroadmap.ui.backup_dialog import BackupDialog
from cxroadmap.ui.main_window import MainWindow


def _other_version(path: Path) -> None:
    """What `cp other.cxroadmap plan.cxroadmap` or a sync tool does: a new file at the path."""
    other = path.with_name("other.cxroadmap")
    theirs = small_strategy()
    theirs.name = "Theirs"
    write_document(other, [theirs])
    os.replace(other, path)


def _banner_says(window: MainWindow, *words: str) -> None:
    assert window.banner.isVisible()
    for word in words:
        assert word in window.banner.text()
    assert window.banner_save_as.isVisible()
    assert window.windowTitle().endswith("(read-only) — cxroadmap")


def test_a_file_replaced_under_the_open_document_turns_it_read_only_with_save_as(
    qtbot, small_window: MainWindow, small_file: Path, tmp_path: Path, shown: Messages
) -> None:
    edit_cell(qtbot, small_window, "A", "title", "Ours, saved")
    assert on_disk(small_file).initiatives["A"].title == "Ours, saved"
    _other_version(small_file)
    edit_cell(qtbot, small_window, "B", "title", "Ours, typed after")
    qtbot.waitUntil(lambda: bool(shown.errors))
    assert "small.cxroadmap was replaced by another file" in shown.errors[-1]
    _banner_says(small_window, "read-only here now", "Use Save As")
    assert on_disk(small_file).name == "Theirs"  # their file is not touched
    assert not small_window.acts["add"].isEnabled()
    # Save As, from the banner: our version goes to a new file and editing goes on there.
    copy = tmp_path / "ours.cxroadmap"
    shown.save_paths.append(copy)
    qtbot.mouseClick(small_window.banner_save_as, Qt.MouseButton.LeftButton)
    assert small_window.document is not None and not small_window.document.readonly
    assert not small_window.banner.isVisible()
    assert on_disk(copy).initiatives["A"].title == "Ours, saved"
    assert on_disk(copy).name == "Small"
    edit_cell(qtbot, small_window, "C", "title", "Going on")
    assert on_disk(copy).initiatives["C"].title == "Going on"
    assert check(copy) == []


def test_a_file_deleted_under_the_open_document_is_reported_not_written(
    qtbot, small_window: MainWindow, small_file: Path, shown: Messages
) -> None:
    small_file.unlink()
    edit_cell(qtbot, small_window, "A", "title", "Lost?")
    qtbot.waitUntil(lambda: bool(shown.errors))
    assert "small.cxroadmap was moved or deleted" in shown.errors[-1]
    _banner_says(small_window, "was moved or deleted")
    assert not small_file.exists()
    assert small_window.document is not None
    assert small_window.document.strategy.initiatives["A"].title == "Agree the service vision"


def test_a_commit_by_another_program_turns_the_document_read_only(
    qtbot, small_window: MainWindow, small_file: Path, shown: Messages
) -> None:
    tamper(small_file, "UPDATE initiative SET title = 'theirs' WHERE key = 'D'")
    edit_cell(qtbot, small_window, "A", "title", "Mine")
    qtbot.waitUntil(lambda: bool(shown.errors))
    _banner_says(small_window, "was changed by another program")
    assert on_disk(small_file).initiatives["D"].title == "theirs"
    assert on_disk(small_file).initiatives["A"].title == "Agree the service vision"


def test_a_0444_file_says_it_is_read_only_not_open_elsewhere(
    window: MainWindow, small_file: Path
) -> None:
    small_file.chmod(0o444)
    assert window.files.open_path(small_file)
    text = window.banner.text()
    assert "the file is read-only (no permission to write it)" in text
    assert "elsewhere" not in text
    assert window.banner_save_as.isVisible()


def test_restore_from_backup_lists_the_copies_and_opens_the_chosen_one(
    qtbot, small_window: MainWindow, small_file: Path, tmp_path: Path, shown: Messages
) -> None:
    edit_cell(qtbot, small_window, "A", "title", "After the backup")
    [backup] = list_backups(small_file)
    assert small_window.acts["restore_backup"].isEnabled()
    small_window.acts["restore_backup"].trigger()
    dialog = small_window.findChild(BackupDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text() == "1 strategy, 4 initiatives"
    target = tmp_path / "restored.cxroadmap"
    shown.save_paths.append(target)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert small_window.document is not None and small_window.document.path == target
    assert on_disk(target).initiatives["A"].title == "Agree the service vision"
    assert on_disk(small_file).initiatives["A"].title == "After the backup"
    assert backup.path.exists()


def test_a_document_that_fails_verification_offers_a_repaired_copy(
    window: MainWindow, small_file: Path, tmp_path: Path, shown: Messages
) -> None:
    tamper(small_file, "UPDATE initiative SET title = x'00ff' WHERE key = 'D'")
    before = small_file.read_bytes()
    shown.choices.append("Make a repaired copy")
    assert window.files.open_path(small_file)
    repaired = tmp_path / "small.repaired.cxroadmap"
    assert window.document is not None and window.document.path == repaired
    assert "small.cxroadmap itself was not changed" in shown.infos[-1]
    assert "1 row(s) of table 'initiative' were damaged and left out" in shown.infos[-1]
    assert small_file.read_bytes() == before
    assert sorted(read_document(repaired)[0].initiatives) == ["A", "B", "C"]
