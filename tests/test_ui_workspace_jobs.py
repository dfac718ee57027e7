"""Check out, publish and history from the app run on a worker: the window stays usable,
a busy bar says what runs, errors are shown; against the real server."""

import threading

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit
from ui_fixtures import edit_cell
from workspace_helpers import new_workspace

from cxroadmap.app import main
from cxroadmap.content.demo import demo_cascade
from cxroadmap.storage.document import write_document
from cxroadmap.ui.cx.switcher import switch_strategy


def _held(jobs):
    """Hold the worker at its start until `go` is set; returns (threads, started, go)."""
    threads, started, go = [], threading.Event(), threading.Event()

    def hook(_what):
        threads.append(threading.get_ident())
        started.set()
        assert go.wait(30)

    jobs.hook = hook
    return threads, started, go


def _answer_url(qtbot, window, url):
    """Type the URL into the workspace dialog and click its OK button, as a person would."""
    qtbot.waitUntil(lambda: window.findChild(QInputDialog, "workspace_url_dialog") is not None)
    dialog = window.findChild(QInputDialog, "workspace_url_dialog")
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.findChild(QLineEdit), url)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def _responsive(qtbot):
    ticks = []
    QTimer.singleShot(10, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1])


def test_check_out_runs_on_a_worker_with_a_busy_bar_then_opens_the_copy(
    pg_cluster, tmp_path, window, qtbot, shown
):
    ws = new_workspace(pg_cluster, tmp_path)
    ws_ui = window.workspace_commands
    threads, started, go = _held(ws_ui.jobs)
    target = tmp_path / "care.cxroadmap"
    shown.save_paths.append(target)
    ws_ui.actions["checkout"].trigger()
    _answer_url(qtbot, window, ws.url())
    qtbot.waitUntil(started.is_set)
    # Busy, and says so; the window keeps working; a second check out waits its turn.
    assert ws_ui.jobs.busy.isVisible()
    assert ws_ui.jobs.label.text() == "Checking out…" and ws_ui.jobs.label.isVisible()
    assert not ws_ui.actions["checkout"].isEnabled()
    _responsive(qtbot)
    assert window.document is None and not target.exists()
    go.set()
    qtbot.waitUntil(lambda: window.document is not None, timeout=20000)
    assert threading.get_ident() not in threads
    assert window.document.path == target
    assert {s.key for s in window.document.store.load_all()} == {"ORG", "CARE", "STORES", "CARE-T1"}
    assert not ws_ui.jobs.busy.isVisible() and not ws_ui.jobs.label.isVisible()
    assert ws_ui.actions["checkout"].isEnabled()
    assert ws_ui.status.text() == "synced just now"
    assert shown.errors == []


def test_a_failed_check_out_is_shown_and_writes_nothing(pg_cluster, tmp_path, window, qtbot, shown):
    ws = new_workspace(pg_cluster, tmp_path)
    target = tmp_path / "nothing.cxroadmap"
    shown.save_paths.append(target)
    window.workspace_commands.actions["checkout"].trigger()
    _answer_url(qtbot, window, ws.url().replace(f":{pg_cluster.port}/", ":1/"))
    qtbot.waitUntil(lambda: shown.errors != [], timeout=20000)
    assert "cannot connect" in shown.errors[-1]
    assert not target.exists() and window.document is None
    assert not window.workspace_commands.jobs.busy.isVisible()


def test_publish_runs_on_a_worker_and_a_refusal_is_shown(
    pg_cluster, tmp_path, window, qtbot, shown
):
    ws = new_workspace(pg_cluster, tmp_path)
    plan = tmp_path / "plan.cxroadmap"
    strategy = demo_cascade()[0]
    strategy.key = "NEWORG"
    write_document(plan, [strategy])
    assert window.files.open_path(plan)
    ws_ui = window.workspace_commands
    threads, started, go = _held(ws_ui.jobs)
    ws_ui.actions["publish"].trigger()
    _answer_url(qtbot, window, ws.url())
    qtbot.waitUntil(started.is_set)
    assert ws_ui.jobs.label.text() == "Publishing…" and ws_ui.jobs.busy.isVisible()
    assert not ws_ui.actions["publish"].isEnabled()
    _responsive(qtbot)
    # The window still takes edits while the worker publishes what the file held.
    first = next(iter(window.document.strategy.initiatives))
    edit_cell(qtbot, window, first, "owner", "Zoe")
    go.set()
    qtbot.waitUntil(lambda: shown.infos != [], timeout=20000)
    assert threading.get_ident() not in threads
    assert shown.infos[-1].startswith("Published NEWORG.")
    assert ("initiative", first) in ws.server_items("NEWORG")
    assert ws_ui.actions["publish"].isEnabled()
    # Publishing the same key again is refused by the workspace: said clearly.
    ws_ui.jobs.hook = lambda _what: None
    ws_ui.actions["publish"].trigger()
    _answer_url(qtbot, window, ws.url())
    qtbot.waitUntil(lambda: shown.errors != [], timeout=20000)
    assert "NEWORG: is already in" in shown.errors[-1]
    assert "--replace" in shown.errors[-1]


def test_history_is_fetched_on_a_worker_and_shown_when_it_arrives(
    pg_cluster, tmp_path, window, qtbot, shown
):
    ws = new_workspace(pg_cluster, tmp_path)
    path = ws.laptop("mine")
    assert window.files.open_path(path)
    ids = {s.key: sid for sid, s in window.document.store.load_all_with_ids()}
    switch_strategy(window, ids["CARE"])
    ws_ui = window.workspace_commands
    threads, started, go = _held(ws_ui.jobs)
    window.initiatives.select_key("C-STD")
    ws_ui.actions["history"].trigger()
    qtbot.waitUntil(started.is_set)
    assert ws_ui.jobs.label.text() == "Fetching history…"
    assert not ws_ui.actions["history"].isEnabled() and not ws_ui.actions["recent"].isEnabled()
    _responsive(qtbot)
    assert ws_ui.history_dialog is None
    go.set()
    qtbot.waitUntil(lambda: ws_ui.history_dialog is not None, timeout=20000)
    assert threading.get_ident() not in threads
    table = ws_ui.history_dialog.table
    assert table.rowCount() > 0 and table.item(0, 2).text() == "C-STD"
    assert ws_ui.actions["history"].isEnabled()
    ws_ui.history_dialog.close()
    ws_ui.jobs.hook = lambda _what: None
    ws_ui.actions["recent"].trigger()
    qtbot.waitUntil(lambda: ws_ui.history_dialog.windowTitle().startswith("Recent"), timeout=20000)
    assert shown.errors == []


def test_check_out_asks_for_the_password_without_blocking_and_keeps_it_out_of_the_file(
    pg_cluster, tmp_path, window, qtbot, shown, monkeypatch
):
    ws = new_workspace(pg_cluster, tmp_path)
    secret = "jobs-s3cret"
    role = pg_cluster.password_role("jobpw", secret)
    for key in ("CARE", "ORG", "STORES", "CARE-T1"):
        assert main(["workspace", "grant", ws.url(), role, "--strategy", key, "--read"]) == 0
    empty = tmp_path / "pgpass"
    empty.write_text("")
    monkeypatch.setenv("PGPASSFILE", str(empty))
    monkeypatch.delenv("PGPASSWORD", raising=False)
    target = tmp_path / "reader.cxroadmap"
    shown.save_paths.append(target)
    ws_ui = window.workspace_commands
    ws_ui.actions["checkout"].trigger()
    _answer_url(qtbot, window, ws.url(role))
    qtbot.waitUntil(lambda: ws_ui.jobs.password_dialog is not None, timeout=20000)
    dialog = ws_ui.jobs.password_dialog
    assert dialog.isVisible() and "password" in dialog.labelText()
    assert not ws_ui.jobs.busy.isVisible()  # nothing runs while the app asks
    qtbot.keyClicks(dialog.findChild(QLineEdit), secret)
    qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document is not None, timeout=20000)
    assert window.document.path == target
    assert shown.errors == []
    assert secret.encode() not in target.read_bytes()


def test_a_scenario_made_in_a_copy_is_editable_and_created_by_sync_now(
    pg_cluster, tmp_path, window, qtbot, shown
):
    from cxroadmap.domain.edits import ChangeInitiative

    ws = new_workspace(pg_cluster, tmp_path)
    path, other = ws.laptop("mine"), ws.laptop("other")
    assert window.files.open_path(path)
    ids = {s.key: sid for sid, s in window.document.store.load_all_with_ids()}
    switch_strategy(window, ids["CARE"])
    ws_ui = window.workspace_commands
    window.scenario_commands.copy_action.trigger()
    doc = window.document
    assert doc.strategy.key == "CARE-S1"
    # Only in this copy so far, yet editable: no read-only badge.
    assert not doc.readonly and not ws_ui.badge.isVisible()
    assert doc.apply(ChangeInitiative("C-STD", {"duration": 60}))
    ws_ui.actions["sync"].trigger()
    qtbot.waitUntil(lambda: ws_ui.status.text() == "synced just now", timeout=20000)
    assert shown.errors == []
    server = ws.server_items("CARE-S1")
    assert server[("strategy", "")]["scenario_of"] == "CARE"
    assert server[("initiative", "C-STD")]["duration"] == 60
    assert window.document.strategy.initiatives["C-STD"].duration == 60
    assert "CARE-S1 created in the workspace" in window.statusBar().currentMessage()
    # Another laptop's app picks it up at its next sync, in its strategy list too.
    assert window.files.open_path(other)
    window.workspace_commands.actions["sync"].trigger()
    qtbot.waitUntil(lambda: "added here" in window.statusBar().currentMessage(), timeout=20000)
    combo = window.cx_commands.switcher.combo
    assert any("scenario" in combo.itemText(i) for i in range(combo.count()))
    assert shown.errors == []
