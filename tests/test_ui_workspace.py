"""The app's workspace UI: File > Workspace, sync state in the status bar, conflicts, badge."""

import threading
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QMenu
from ui_fixtures import cell_text, edit_cell
from workspace_helpers import edit, new_workspace

from cxroadmap.app import main
from cxroadmap.domain.edits import AddInitiative, ChangeInitiative
from cxroadmap.domain.model import Initiative
from cxroadmap.domain.touchpoint_edits import ChangeTouchpoint
from cxroadmap.storage.document import Document
from cxroadmap.storage.workspace import local
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
    assert ws_ui.status.text() == "syncing…"
    qtbot.waitUntil(lambda: ws_ui.status.text() == "synced just now · 1 conflict")
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
    assert ws_ui.show_history()
    qtbot.waitUntil(lambda: ws_ui.history_dialog is not None, timeout=20000)
    dialog = ws_ui.history_dialog
    rows = dialog.table.rowCount()
    assert rows > 0
    assert dialog.table.item(0, 2).text() == "C-STD"
    dialog.close()


def test_sync_runs_off_the_ui_thread_and_takes_edits_made_meanwhile(
    pg_cluster, tmp_path, window, qtbot, shown
):
    ws = new_workspace(pg_cluster, tmp_path)
    mine, other = ws.laptop("mine"), ws.laptop("other")
    assert main(["set", str(other), "--strategy", "CARE", "C-STD", "owner=Ben"]) == 0
    assert main(["sync", str(other)]) == 0
    open_care(window, mine)
    ws_ui = commands(window)
    ui_thread = threading.get_ident()
    threads, stopped, go = [], threading.Event(), threading.Event()

    def hook(phase):
        threads.append(threading.get_ident())
        if phase == "server: fetched" and not stopped.is_set():
            stopped.set()
            assert go.wait(30)  # the worker waits here while the window is used

    ws_ui.runner.hook = hook
    ws_ui.actions["sync"].trigger()
    assert ws_ui.status.text() == "syncing…"
    qtbot.waitUntil(stopped.is_set)
    # The window stays responsive: timers fire, and an edit goes into the file.
    ticks = []
    QTimer.singleShot(10, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1])
    edit_cell(qtbot, window, "C-FCR", "owner", "Ana")
    assert ws_ui.status.text() == "syncing…"
    go.set()
    qtbot.waitUntil(lambda: ws_ui.status.text() == "synced just now", timeout=20000)
    assert ui_thread not in threads
    # The edit made meanwhile was pushed too (the sync ran again), and Ben's was pulled.
    care = window.document.strategy
    assert (care.initiatives["C-STD"].owner, care.initiatives["C-FCR"].owner) == ("Ben", "Ana")
    assert ws.server_items("CARE")[("initiative", "C-FCR")]["owner"] == "Ana"
    assert shown.errors == []


def test_password_prompt_uses_the_typed_password_and_keeps_it_out_of_the_file(
    pg_cluster, tmp_path, window, qtbot, shown, monkeypatch
):
    ws = new_workspace(pg_cluster, tmp_path)
    secret = "s3cret-pass"
    role = pg_cluster.password_role("pw", secret)
    for key in ("CARE", "ORG", "STORES", "CARE-T1"):
        assert main(["workspace", "grant", ws.url(), role, "--strategy", key, "--edit"]) == 0
    empty = tmp_path / "pgpass"
    empty.write_text("")
    monkeypatch.setenv("PGPASSFILE", str(empty))
    monkeypatch.setenv("PGPASSWORD", secret)
    path = ws.laptop("pw", role)  # checked out with the password from libpq's environment
    monkeypatch.delenv("PGPASSWORD")
    assert main(["sync", str(path)]) == 2  # the CLI has no password now: refused
    open_care(window, path)
    ws_ui = commands(window)
    window.document.apply(ChangeInitiative("C-STD", {"owner": "Pia"}))
    # A periodic sync does not ask: it says nothing, and the server is not "offline".
    assert ws_ui.sync_now(quiet=True)
    qtbot.waitUntil(lambda: not ws_ui.runner.running, timeout=20000)
    assert ws_ui.runner.password_dialog is None and shown.errors == []
    assert ws_ui.status.text() == "1 change not synced"
    ws_ui.actions["sync"].trigger()
    qtbot.waitUntil(lambda: ws_ui.runner.password_dialog is not None)
    dialog = ws_ui.runner.password_dialog
    assert dialog.isVisible() and "password" in dialog.labelText()
    qtbot.keyClicks(dialog.findChild(QLineEdit), secret)
    qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws_ui.status.text() == "synced just now", timeout=20000)
    assert ws.server_items("CARE")[("initiative", "C-STD")]["owner"] == "Pia"
    assert shown.errors == []
    assert secret.encode() not in path.read_bytes()


def test_offline_and_periodic_sync(pg_cluster, tmp_path, window, qtbot, shown):
    ws = new_workspace(pg_cluster, tmp_path)
    mine, other = ws.laptop("mine"), ws.laptop("other")
    with Document.open(mine) as doc:  # the workspace's server is gone for now
        link = doc.transact(local.read_link, writing=False)
        dead = replace(link, url=link.url.replace(f":{pg_cluster.port}/", ":1/"))
        doc.transact(lambda c: local.write_link(c, dead))
    open_care(window, mine)
    ws_ui = commands(window)
    ws_ui.actions["sync"].trigger()
    qtbot.waitUntil(lambda: ws_ui.status.text() == "offline", timeout=20000)
    assert shown.errors and "cannot connect" in shown.errors[-1]
    # Back online: the periodic sync (every N minutes; here every 50 ms) pulls by itself.
    window.document.store.transact(lambda c: local.write_link(c, link))
    assert main(["set", str(other), "--strategy", "CARE", "C-STD", "owner=Ben"]) == 0
    assert main(["sync", str(other)]) == 0
    errors = len(shown.errors)
    ws_ui.actions["auto"].trigger()
    assert ws_ui.timer.isActive() and ws_ui.timer.interval() == 5 * 60_000
    ws_ui.timer.setInterval(50)
    qtbot.waitUntil(
        lambda: window.document.strategy.initiatives["C-STD"].owner == "Ben", timeout=20000
    )
    ws_ui.actions["auto"].trigger()
    assert not ws_ui.timer.isActive()
    qtbot.waitUntil(lambda: ws_ui.status.text() == "synced just now", timeout=20000)
    assert len(shown.errors) == errors  # a periodic sync never interrupts with a message box


def test_keep_mine_for_a_touchpoint_in_the_conflicts_panel(
    pg_cluster, tmp_path, window, qtbot, shown
):
    ws = new_workspace(pg_cluster, tmp_path)
    mine, other = ws.laptop("mine"), ws.laptop("other")
    for path, name in ((mine, "Bill (mine)"), (other, "Bill (theirs)")):
        edit(path, "CARE", ChangeTouchpoint("C-BILLING", {"name": name}))
    edit(other, "CARE", ChangeTouchpoint("C-WRITTEN", {"channel": "Letter"}))
    assert main(["sync", str(other)]) == 0
    open_care(window, mine)
    ws_ui = commands(window)
    ws_ui.actions["sync"].trigger()
    qtbot.waitUntil(lambda: ws_ui.status.text() == "synced just now · 1 conflict")
    table = ws_ui.panel.table
    assert [table.item(0, c).text() for c in range(5)] == [
        "CARE", "touchpoint:C-BILLING", "name", "Bill (mine)", "Bill (theirs)",
    ]  # fmt: skip
    # The other touchpoint merged: theirs came in, nothing to decide.
    assert window.document.strategy.touchpoint("C-WRITTEN").channel == "Letter"
    qtbot.mouseClick(ws_ui.panel.mine, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 0
    assert ws_ui.status.text() == "1 change not synced"
    ws_ui.actions["sync"].trigger()
    qtbot.waitUntil(lambda: ws_ui.status.text() == "synced just now")
    assert ws.server_items("CARE")[("touchpoint", "C-BILLING")]["name"] == "Bill (mine)"
    assert shown.errors == []


def test_a_sync_that_changes_nothing_shown_keeps_the_undo_history(
    pg_cluster, tmp_path, window, qtbot, shown
):
    ws = new_workspace(pg_cluster, tmp_path)
    mine, other = ws.laptop("mine"), ws.laptop("other")
    assert main(["set", str(other), "--strategy", "STORES", "S-PROFILE", "owner=Ben"]) == 0
    assert main(["sync", str(other)]) == 0
    doc = open_care(window, mine)
    assert doc.apply(ChangeInitiative("C-STD", {"owner": "Ana"}))
    commands(window).actions["sync"].trigger()
    qtbot.waitUntil(lambda: commands(window).status.text() == "synced just now")
    # Ana's edit went up and Ben's came down into STORES; CARE on screen was not rebuilt.
    assert window.document is doc and doc.undo_stack.count() == 1
    assert ws.server_items("CARE")[("initiative", "C-STD")]["owner"] == "Ana"
    stores = next(s for s in doc.store.load_all() if s.key == "STORES")
    assert stores.initiatives["S-PROFILE"].owner == "Ben"
    assert shown.errors == []


def test_a_sync_that_changes_the_strategy_shown_updates_it_in_place(
    pg_cluster, tmp_path, window, qtbot, shown
):
    ws = new_workspace(pg_cluster, tmp_path)
    mine, other = ws.laptop("mine"), ws.laptop("other")
    assert main(["set", str(other), "--strategy", "CARE", "C-FCR", "owner=Ben"]) == 0
    edit(other, "CARE", AddInitiative(Initiative("C-NEW", "Callback promise", 3), index=0))
    assert main(["sync", str(other)]) == 0
    doc = open_care(window, mine)
    window.initiatives.select_key("C-AUTH")
    assert doc.apply(ChangeInitiative("C-STD", {"owner": "Ana"}))
    commands(window).actions["sync"].trigger()
    qtbot.waitUntil(lambda: commands(window).status.text() == "synced just now")
    # The same document, its selection kept; Ben's change and the new row (first, as
    # placed there) on screen; the undo history starts afresh.
    assert window.document is doc and doc.undo_stack.count() == 0
    assert window.inspector.key == "C-AUTH"
    assert next(iter(doc.strategy.initiatives)) == "C-NEW"
    assert cell_text(window, "C-FCR", "owner") == "Ben"
    assert cell_text(window, "C-NEW", "title") == "Callback promise"
    assert doc.strategy == next(s for s in doc.store.load_all() if s.key == "CARE")
    assert shown.errors == []
