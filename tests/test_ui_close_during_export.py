"""Closing the window while an export runs waits for it: the file is whole, nothing crashes."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from cxroadmap.interop import jsonfile
from cxroadmap.ui.main_window import MainWindow


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The JSON export's worker waits, mid-export, until the test sets the event."""
    release = threading.Event()
    plain = jsonfile.cascade_to_json

    def slow(*args: object, **kwargs: object) -> object:
        assert release.wait(30)
        return plain(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(jsonfile, "cascade_to_json", slow)
    return release


def test_quitting_during_an_export_closes_the_window_only_when_the_file_is_whole(
    qtbot, small_window: MainWindow, shown, held: threading.Event, tmp_path: Path
) -> None:
    window = small_window
    target = tmp_path / "plan.json"
    task = window.files.export_to(target, ".json")
    assert task
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Quit
    assert window.isVisible()  # not closed under the running export
    assert window.document is not None
    assert "closes when it is done" in task.progress.labelText()
    assert task.progress.isVisible()  # the user sees what the close waits for
    assert not target.exists()
    held.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert window.document is None  # closed the usual way: the document too
    written = json.loads(target.read_text())
    assert written["strategy"]["name"] == "Small" and len(written["initiatives"]) == 4
    assert shown.errors == []
    assert not list(tmp_path.glob(".plan.json.*"))  # no temp file left


def test_a_failed_export_still_closes_the_window_once_its_error_is_shown(
    qtbot, small_window: MainWindow, shown, held: threading.Event, tmp_path: Path
) -> None:
    window = small_window
    target = tmp_path / "missing folder" / "plan.json"
    assert window.files.export_to(target, ".json")
    assert not window.close()
    held.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30000)
    assert len(shown.errors) == 1 and "plan.json" in shown.errors[0]


def test_closing_with_nothing_running_closes_at_once(qtbot, small_window: MainWindow) -> None:
    assert small_window.close()
    assert not small_window.isVisible()


def test_a_process_that_quits_mid_export_exits_after_writing_the_whole_file(
    tmp_path: Path,
) -> None:
    # app.quit() ends the event loop without closing the window (as a session's end may):
    # run_app still lets the export finish before the process exits, with no traceback.
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from cxroadmap.interop import jsonfile
        from cxroadmap.content.demo import demo_cascade
        from cxroadmap.storage.new_document import write_document
        from cxroadmap.ui import start

        plain = jsonfile.cascade_to_json
        def slow(*args, **kwargs):
            time.sleep(1.5)
            return plain(*args, **kwargs)
        jsonfile.cascade_to_json = slow
        source = Path({str(tmp_path / "demo.cxroadmap")!r})
        write_document(source, demo_cascade())

        def shown():
            window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "files"))
            window.files.export_to(Path({str(tmp_path / "out.json")!r}), ".json")
            QApplication.instance().quit()
        raise SystemExit(start.run_app(source, shown))
        """
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, **env},
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads((tmp_path / "out.json").read_text())["initiatives"]


def test_a_job_whose_owner_was_deleted_meanwhile_ends_quietly(qtbot, capfd) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool

    from cxroadmap.ui.jobs import Job, JobSignals

    owner = QObject()
    release = threading.Event()
    seen: list[object] = []
    signals = JobSignals(owner)
    signals.finished.connect(seen.append)
    pool = QThreadPool()
    pool.start(Job(lambda: release.wait(30), signals))
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    pool.waitForDone()
    QCoreApplication.sendPostedEvents()
    assert seen == []
    assert "Traceback" not in capfd.readouterr().err
