"""The app's workspace UI: File > Workspace, sync state in the status bar, conflicts, badge."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from ui_fixtures import edit_cell
from workspace_helpers import new_workspace

from cxroadmap.app import main
from cxroadmap.domain.edits import ChangeInitiative
from cxroadmap.ui.cx.switcher import switch_strategy


def commands(window):
    return window.workspace_commands


def open_care(window, path):
    assert window.files.open_path(path)
    ids = {s.key: sid for sid, s in window.document.store.load_all_with_ids()}
    switch_strategy(window, ids["CARE"])
    return window.document


def test_menu_status_sync_and_conflicts(pg_cluster, tmp_path, window, qtbot, shown):
    ws = new_workspace(pg_cluster, tmp_path)
    mine, other = ws.laptop("mine"), ws.laptop("other")
    menu = window.findChild(QMenu, "workspace_menu")
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Check Out from Workspace…", "Publish to Workspace…", "Sync Now",
        "Sync Every 5 Minutes", "Conflicts…", "History of Initiative…",
        "Recent Changes of Strategy…",
    ]  # fmt: skip
    doc = open_care(window, mine)
    ws_ui = commands(window)
    assert ws_ui.status.text() == "synced just now"
    assert not ws_ui.badge.isVisible()
    # An edit in the table: the status bar counts it once typing stops.
    edit_cell(qtbot, window, "C-STD", "owner", "Ana")
    qtbot.waitUntil(lambda: ws_ui.status.text() == "1 change not synced")
    # Someone else changes the same field and syncs first.
    assert main(["set", str(other), "--strategy", "CARE", "C-STD", "owner=Ben"]) == 0
    assert main(["sync", str(other)]) == 0
    ws_ui.actions["sync"].trigger()
    assert ws_ui.status.text() == "synced just now · 1 conflict"
    assert ws_ui.dock.isVisible()
    table = ws_ui.panel.table
    assert [table.item(0, c).text() for c in range(5)] == ["CARE", "C-STD", "owner", "Ana", "Ben"]
    qtbot.mouseClick(ws_ui.panel.theirs, Qt.MouseButton.LeftButton)
    assert window.document.strategy.initiatives["C-STD"].owner == "Ben"
    assert ws_ui.panel.table.rowCount() == 0
    assert ws_ui.status.text() == "synced just now"
    assert doc is not window.document  # reloaded from the file
    assert shown.errors == []


def test_read_only_badge_and_history(pg_cluster, tmp_path, window, qtbot, shown):
    ws = new_workspace(pg_cluster, tmp_path)
    reader = ws.role("reader", edit=["STORES"], read=["ORG", "CARE"])
    path = ws.laptop("reader", reader)
    doc = open_care(window, path)
    ws_ui = commands(window)
    assert ws_ui.badge.isVisible() and doc.readonly
    assert "You may only read" in window.banner.text()
    assert not doc.apply(ChangeInitiative("C-STD", {"owner": "Eve"}))
    window.inspector.set_key("C-STD")
    dialog = ws_ui.show_history()
    rows = dialog.table.rowCount()
    assert rows > 0
    assert dialog.table.item(0, 2).text() == "C-STD"
    dialog.close()
